"""Creates the roles (groups) and gives them their permissions.

Permissions are normally created after migrations run (post_migrate), so this
migration creates the ones it needs first. The table below is a frozen copy of
``digital_services.accounts.constants.ROLE_PERMISSIONS`` as it was when this
migration was written; later changes need a new migration.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_PERMISSIONS = {
    "citizen": [],
    "prison_visits caseworker": [],
    "civil_claims caseworker": [],
    "tribunal_fees caseworker": [],
    "lasting_power caseworker": [],
    "assisted-digital agent": ["assisted_digital.act_on_behalf"],
    "service owner": ["accounts.view_kpis"],
    "administrator": [
        "accounts.view_user",
        "accounts.add_user",
        "accounts.change_user",
        "accounts.view_kpis",
        "auth.view_group",
        "mfa.view_authenticator",
        "mfa.delete_authenticator",
    ],
}


def roles_create(apps, schema_editor):
    db = schema_editor.connection.alias
    for label in ("accounts", "assisted_digital", "auth", "mfa"):
        create_permissions(
            global_apps.get_app_config(label), verbosity=0, using=db, apps=apps
        )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.using(db).get_or_create(name=name)
        for dotted in permissions:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.using(db).get(content_type__app_label=app_label, codename=codename)
            )


def roles_delete(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_permissions"),
        ("assisted_digital", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(roles_create, roles_delete)]
