"""Gives the administrator role the permission to see every assisted-digital session.

The permission is created here first (permissions are normally created after
migrations run). ``digital_services.accounts.constants.ROLE_PERMISSIONS`` lists it
too; tests/accounts/test_roles.py checks that the two agree.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE = "administrator"
CODENAME = "view_all_sessions"


def permission_grant(apps, schema_editor):
    db = schema_editor.connection.alias
    create_permissions(
        global_apps.get_app_config("assisted_digital"), verbosity=0, using=db, apps=apps
    )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(db).get_or_create(name=ROLE)
    group.permissions.add(
        Permission.objects.using(db).get(
            content_type__app_label="assisted_digital", codename=CODENAME
        )
    )


def permission_revoke(apps, schema_editor):
    db = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = (
        Permission.objects.using(db)
        .filter(content_type__app_label="assisted_digital", codename=CODENAME)
        .first()
    )
    group = Group.objects.using(db).filter(name=ROLE).first()
    if permission is not None and group is not None:
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("assisted_digital", "0002_sessions"),
        ("accounts", "0003_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(permission_grant, permission_revoke)]
