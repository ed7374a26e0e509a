"""Queue a test message, to check delivery in an environment.

python manage.py notification_send_test --to simulate-delivered@notifications.service.gov.uk
python manage.py notification_send_test --channel sms --to 07700900111
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from digital_services.notifications.constants import Channel, Language
from digital_services.notifications.registry import TemplateError
from digital_services.notifications.services import InvalidRecipient, notification_send


class Command(BaseCommand):
    help = "Queue the notifications.test_message template to one recipient."

    def add_arguments(self, parser):
        parser.add_argument(
            "--to",
            required=True,
            help="Email address, mobile number, or address lines separated by '|'",
        )
        parser.add_argument("--channel", choices=Channel.values, default=Channel.EMAIL)
        parser.add_argument("--language", choices=Language.values, default=Language.ENGLISH)
        parser.add_argument("--service-name", default="Ministry of Justice digital services")

    def handle(self, *args, **options):
        to = options["to"]
        if options["channel"] == Channel.LETTER:
            to = to.split("|")
        try:
            with transaction.atomic():
                message = notification_send(
                    template="notifications.test_message",
                    to=to,
                    personalisation={"service_name": options["service_name"]},
                    language=options["language"],
                    channel=options["channel"],
                    service="notifications",
                )
        except (TemplateError, InvalidRecipient) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Queued outbound message {message.pk} ({message.idempotency_key})")
