"""Apply every retention rule now (what the nightly "core.retention_run" job does)."""

from django.core.management.base import BaseCommand, CommandError

from digital_services.privacy.retention import retention_rules, retention_run


class Command(BaseCommand):
    help = "Delete or anonymise personal data past its retention period (counts only)."

    def add_arguments(self, parser):
        parser.add_argument("--rule", action="append", help="Only this rule key (repeatable).")
        parser.add_argument("--list", action="store_true", help="List the rules and stop.")
        parser.add_argument("--batch-size", type=int, default=None)

    def handle(self, *args, rule=None, list=False, batch_size=None, **options):
        rules = retention_rules()
        if list:
            for item in rules:
                self.stdout.write(f"{item.key}\t{item.model}\t{item.action}\t{item.days} days")
            return
        known = {item.key for item in rules}
        unknown = sorted(set(rule or ()) - known)
        if unknown:
            raise CommandError(f"Unknown retention rule: {', '.join(unknown)}")
        counts = retention_run(batch_size=batch_size, keys=set(rule) if rule else None)
        for key, count in counts.items():
            self.stdout.write(f"{key}: {count}")
