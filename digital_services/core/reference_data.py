"""Reference data that data migrations create, put back after a flush.

Some data migrations seed rows every environment needs: the roles and the
permissions each service gives them, the 2013 tribunal fee schedule. ``manage.py
flush`` (and every transactional test, which flushes the database after itself)
empties those tables, and afterwards only ``post_migrate`` runs, as it does for
Django's own permissions. So an app registers the forward function of each such
migration here, from its ``AppConfig.ready()``; the functions are idempotent
(get_or_create, add) and run again, with the current models, at the end of every
``post_migrate`` — once every app's permissions exist. Rows staff changed are kept;
a permission removed from a role by hand comes back on the next migrate, because
roles are defined in code.
"""

from __future__ import annotations

from importlib import import_module
from types import SimpleNamespace

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS, connections

_seeds: list[tuple[str, str, str]] = []
_functions: list = []


def reference_data_register(*, app_label: str, migration: str, function: str) -> None:
    """Run ``<app>.migrations.<migration>.<function>(apps, schema_editor)`` after migrate/flush."""
    entry = (app_label, migration, function)
    if entry not in _seeds:
        _seeds.append(entry)


def reference_data_function_register(function) -> None:
    """Run ``function(using=<database alias>)`` after migrate/flush, after the migrations'
    seeding functions (for reference data defined in code, such as services' roles)."""
    if function not in _functions:
        _functions.append(function)


def reference_data_restore(*, using: str = DEFAULT_DB_ALIAS) -> None:
    """Run every registered seeding function against database ``using``."""
    editor = SimpleNamespace(connection=connections[using])
    for app_label, migration, function in _seeds:
        config = global_apps.get_app_config(app_label)
        module = import_module(f"{config.name}.migrations.{migration}")
        getattr(module, function)(global_apps, editor)
    for function in _functions:
        function(using=using)


def reference_data_on_post_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """post_migrate is sent once per app that has models; restore after the last one."""
    with_models = [c for c in global_apps.get_app_configs() if c.models_module is not None]
    if sender is with_models[-1]:
        reference_data_restore(using=using)
