"""Gives the tribunal-fees caseworker role (and administrators, for the fee schedule)
the permissions of this app. A frozen copy: later changes need a new migration.
Caseworkers get this service's models only (no payments permissions: those would show
every service's payments); the fee's admin page shows its payment itself.

The group names are those of ``digital_services.accounts.constants`` (the
caseworker role is ``CASEWORKER_ROLES["tribunal_fees"]``).
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "tribunal_fees caseworker": [
        "tribunal_fees.view_feeschedule",
        "tribunal_fees.view_feecase",
        "tribunal_fees.resolve_feecase",
        "tribunal_fees.view_helpwithfeesapplication",
        "tribunal_fees.process_helpwithfeesapplication",
        "tribunal_fees.view_refundapplication",
        "tribunal_fees.change_refundapplication",
        "tribunal_fees.check_refundapplication",
        "tribunal_fees.approve_refundapplication",
        "tribunal_fees.issue_refundapplication",
        "tribunal_fees.reject_refundapplication",
        "tribunal_fees.export_refundapplication",
        "tribunal_fees.view_refundfee",
        "tribunal_fees.change_refundfee",
    ],
    "administrator": [
        "tribunal_fees.view_feeschedule",
        "tribunal_fees.add_feeschedule",
        "tribunal_fees.change_feeschedule",
    ],
}


def grant(apps, schema_editor):
    db = schema_editor.connection.alias
    create_permissions(
        global_apps.get_app_config("tribunal_fees"), verbosity=0, using=db, apps=apps
    )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in GRANTS.items():
        group, _ = Group.objects.using(db).get_or_create(name=name)
        for dotted in permissions:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.using(db).get(
                    content_type__app_label=app_label, codename=codename
                )
            )


def revoke(apps, schema_editor):
    db = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in GRANTS.items():
        group = Group.objects.using(db).filter(name=name).first()
        if group is None:
            continue
        for dotted in permissions:
            app_label, codename = dotted.split(".")
            group.permissions.remove(
                *Permission.objects.using(db).filter(
                    content_type__app_label=app_label, codename=codename
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("tribunal_fees", "0002_fee_schedule_2013"),
        ("accounts", "0003_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
