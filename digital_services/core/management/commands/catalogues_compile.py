"""``manage.py catalogues_compile``: compile our translation catalogues (.po -> .mo) without
GNU gettext (see ``digital_services.core.catalogues``)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from digital_services.core.catalogues import catalogues_compile


class Command(BaseCommand):
    help = "Compile the project's .po catalogues to .mo (only those that changed)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Compile every catalogue.")

    def handle(self, *args, force=False, **options):
        written = catalogues_compile(settings.BASE_DIR, force=force)
        for mo in written:
            self.stdout.write(f"compiled {mo.relative_to(settings.BASE_DIR)}")
        if not written and options["verbosity"] > 1:
            self.stdout.write("catalogues up to date")
