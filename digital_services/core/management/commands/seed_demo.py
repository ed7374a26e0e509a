"""Loads the demo data of every app, idempotently (make run calls it on each start).

Each app that has demo data provides ``<app>/demo.py`` with a ``seed(stdout)``
function that creates or updates its rows and may write what a person needs to
know (such as demo sign-in details) to ``stdout``. Apps are seeded in
INSTALLED_APPS order, so the platform's users exist before the services' data.
"""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Create or refresh the demo data of every app (safe to run again)."

    def handle(self, *args, **options):
        for config in apps.get_app_configs():
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
                continue
            with transaction.atomic():
                module.seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
