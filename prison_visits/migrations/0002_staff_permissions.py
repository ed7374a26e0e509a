"""Gives the prison visits caseworker role the permissions of the staff pages, and
administrators everything here (including ``view_all_prisons``, which lifts the
narrowing to the prisons a member of staff is assigned to).

Caseworkers may change their prison's settings but not add or delete prisons,
and never change staff assignments. A frozen copy: later changes need a new migration.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

CASEWORKER_ROLE = "prison_visits caseworker"
ADMINISTRATOR_ROLE = "administrator"

CASEWORKER_PERMISSIONS = [
    "view_prison",
    "change_prison",
    "view_weeklyslot",
    "add_weeklyslot",
    "change_weeklyslot",
    "delete_weeklyslot",
    "view_dateslot",
    "add_dateslot",
    "change_dateslot",
    "delete_dateslot",
    "view_blockeddate",
    "add_blockeddate",
    "change_blockeddate",
    "delete_blockeddate",
    "view_prisonerregisterentry",
    "add_prisonerregisterentry",
    "change_prisonerregisterentry",
    "delete_prisonerregisterentry",
    "view_visit",
    "change_visit",
]
ADMINISTRATOR_PERMISSIONS = CASEWORKER_PERMISSIONS + [
    "add_prison",
    "view_all_prisons",
    "view_prisonstaffassignment",
    "add_prisonstaffassignment",
    "change_prisonstaffassignment",
    "delete_prisonstaffassignment",
]


def permissions_grant(apps, schema_editor):
    db = schema_editor.connection.alias
    create_permissions(
        global_apps.get_app_config("prison_visits"), verbosity=0, using=db, apps=apps
    )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in (
        (CASEWORKER_ROLE, CASEWORKER_PERMISSIONS),
        (ADMINISTRATOR_ROLE, ADMINISTRATOR_PERMISSIONS),
    ):
        group, _ = Group.objects.using(db).get_or_create(name=role)
        group.permissions.add(
            *Permission.objects.using(db).filter(
                content_type__app_label="prison_visits", codename__in=codenames
            )
        )


def permissions_revoke(apps, schema_editor):
    db = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.using(db).filter(content_type__app_label="prison_visits")
    for group in Group.objects.using(db).filter(name__in=[CASEWORKER_ROLE, ADMINISTRATOR_ROLE]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("prison_visits", "0001_initial"),
        ("accounts", "0003_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(permissions_grant, permissions_revoke)]
