"""Load a prison's prisoner register from a CSV file (safe to run again with the same file).

    manage.py import_prisoner_register hmp-brixton register.csv [--deactivate-missing]

The first row is the header: prison_number, first_name, last_name,
date_of_birth (1990-01-31 or 31/01/1990) and, optionally, active (yes/no).
If any line is wrong, nothing is loaded and each problem is listed with its line.
"""

import csv

from django.core.management.base import BaseCommand, CommandError

from prison_visits.models import Prison
from prison_visits.services import prisoner_register_import


class Command(BaseCommand):
    help = "Create or update a prison's prisoner register from a CSV file."

    def add_arguments(self, parser):
        parser.add_argument("prison_slug")
        parser.add_argument("csv_path")
        parser.add_argument(
            "--deactivate-missing",
            action="store_true",
            help="Mark prisoners who are not in the file as no longer at the prison.",
        )

    def handle(self, *args, prison_slug, csv_path, deactivate_missing, **options):
        try:
            prison = Prison.objects.get(slug=prison_slug)
        except Prison.DoesNotExist:
            raise CommandError(f"There is no prison with the slug {prison_slug!r}") from None
        try:
            with open(csv_path, newline="", encoding="utf-8-sig") as handle:
                reader = csv.DictReader(handle)
                if not reader.fieldnames:
                    raise CommandError(f"{csv_path} is empty: it needs a header row")
                result = prisoner_register_import(
                    prison=prison, rows=list(reader), deactivate_missing=deactivate_missing
                )
        except OSError as exc:
            raise CommandError(f"Cannot read {csv_path}: {exc.strerror}") from None
        if result.errors:
            for error in result.errors:
                self.stderr.write(error)
            raise CommandError(
                f"{len(result.errors)} line(s) have problems: nothing was loaded. Fix them and run again."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"{prison.name}: {result.created} added, {result.updated} updated, "
                f"{result.unchanged} unchanged, {result.deactivated} marked as gone."
            )
        )
