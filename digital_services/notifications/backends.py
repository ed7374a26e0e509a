"""How a message leaves the building.

``NOTIFICATIONS_BACKEND`` picks one: "notify" (GOV.UK Notify, the default when
NOTIFY_API_KEY is set) or "django" (email through Django's EMAIL_BACKEND, text
messages logged where NOTIFICATIONS_LOG_SMS allows it, letters into a print
batch). A dotted path to another class also works.

A backend raises ``TransientDeliveryError`` when trying again later may work
(timeouts, connection errors, 429, 5xx) and ``PermanentDeliveryError`` when it
cannot (a 4xx, an address Notify rejects, a missing template id).
"""

from __future__ import annotations

import io
import json
import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage, get_connection
from django.utils.module_loading import import_string

from digital_services.core.alerts import alert_raise

from .constants import Channel
from .models import OutboundMessage
from .registry import RenderedMessage

logger = logging.getLogger(__name__)

BACKENDS = {
    "django": "digital_services.notifications.backends.DjangoBackend",
    "notify": "digital_services.notifications.backends.NotifyBackend",
}
# Notify statuses that mean it has (or will have) the message, so sending again would duplicate it.
NOTIFY_LIVE_STATUSES = {
    "created",
    "sending",
    "pending",
    "sent",
    "delivered",
    "accepted",
    "received",
    "pending-virus-check",
}


class DeliveryError(Exception):
    pass


class TransientDeliveryError(DeliveryError):
    """Trying again later may work."""


class PermanentDeliveryError(DeliveryError):
    """Trying again will not help."""


@dataclass(frozen=True)
class DeliveryResult:
    provider_id: str = ""
    queued_for_print: bool = False


class DjangoBackend:
    """Email through Django's email backend; SMS to the log; letters into a print batch."""

    name = "django"

    def __init__(self):
        self._connection = None  # an email connection kept open between open() and close()

    def open(self) -> None:
        """Keep one connection to the mail server for the emails sent until ``close()``
        (a batch): without it each email connects, greets and quits on its own."""
        if self._connection is None:
            self._connection = get_connection(fail_silently=False)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def deliver(self, message: OutboundMessage, rendered: RenderedMessage) -> DeliveryResult:
        if message.channel == Channel.EMAIL:
            return self._email(message, rendered)
        if message.channel == Channel.SMS:
            return self._sms(message, rendered)
        if message.channel == Channel.LETTER:
            return DeliveryResult(queued_for_print=True)
        raise PermanentDeliveryError(f"Unknown channel {message.channel!r}")

    def already_sent(self, message: OutboundMessage) -> str | None:
        """SMTP cannot be asked whether it had this message, so we never know."""
        return None

    def status_get(self, message: OutboundMessage) -> str | None:
        """No provider to ask: a printed letter is sent, and that is all we know."""
        return None

    def _email(self, message, rendered) -> DeliveryResult:
        email = EmailMessage(
            subject=rendered.subject,
            body=rendered.body,
            to=[message.recipient],
            headers={"X-Outbound-Message-Id": str(message.idempotency_key)},
            connection=self._connection,
        )
        try:
            if self._connection is not None and getattr(self._connection, "connection", 1) is None:
                # Open (again, after a failure closed it) for the rest of the batch: a
                # connection opened by send() itself is closed after that one email.
                self._connection.open()
            email.send(fail_silently=False)
        except smtplib.SMTPRecipientsRefused as exc:
            raise PermanentDeliveryError(f"The mail server refused the recipient: {exc}") from exc
        except smtplib.SMTPAuthenticationError as exc:
            # Our configuration is wrong; retries will work once it is fixed, and someone
            # has to fix it.
            alert_raise(
                code="notifications.smtp_login_refused",
                message=f"The mail server refused our login ({exc.smtp_code}): check EMAIL_URL",
                message_id=message.pk,
            )
            raise TransientDeliveryError(f"SMTP authentication failed ({exc.smtp_code})") from exc
        except smtplib.SMTPResponseException as exc:
            if 500 <= exc.smtp_code < 600:
                raise PermanentDeliveryError(f"SMTP {exc.smtp_code}") from exc
            raise TransientDeliveryError(f"SMTP {exc.smtp_code}") from exc
        except (TimeoutError, smtplib.SMTPException, OSError) as exc:
            self._connection_drop()
            raise TransientDeliveryError(
                f"Could not reach the mail server: {type(exc).__name__}"
            ) from exc
        return DeliveryResult(provider_id=f"email:{message.idempotency_key}")

    def _connection_drop(self) -> None:
        """After a connection error the next email of the batch connects afresh."""
        if self._connection is not None:
            try:
                self._connection.close()
            except Exception:  # noqa: BLE001 - it is already broken; the next email reconnects
                logger.debug("Closing a broken email connection failed", exc_info=True)

    def _sms(self, message, rendered) -> DeliveryResult:
        if not getattr(settings, "NOTIFICATIONS_LOG_SMS", False):
            raise PermanentDeliveryError(
                "Text messages need GOV.UK Notify: set NOTIFY_API_KEY "
                "(or NOTIFICATIONS_LOG_SMS=true to log them in development)"
            )
        logger.info("Text message %s to %s:\n%s", message.pk, message.recipient, rendered.body)
        return DeliveryResult(provider_id=f"sms-log:{message.idempotency_key}")


def notify_template_ids() -> dict[str, str]:
    """NOTIFY_TEMPLATE_IDS as a dict. The setting is a dict, JSON, or ``key=id,key=id``.

    Keys are ``<template key>:<channel>:<language>`` or ``<template key>:<language>``.
    """
    raw = getattr(settings, "NOTIFY_TEMPLATE_IDS", "") or {}
    if isinstance(raw, dict):
        return {str(k): str(v) for k, v in raw.items()}
    raw = raw.strip()
    if raw.startswith("{"):
        try:
            parsed = json.loads(raw)
        except ValueError as exc:
            raise ImproperlyConfigured(f"NOTIFY_TEMPLATE_IDS is not valid JSON: {exc}") from exc
        return {str(k): str(v) for k, v in parsed.items()}
    mapping = {}
    for pair in filter(None, (p.strip() for p in raw.split(","))):
        key, sep, template_id = pair.partition("=")
        if not sep or not key.strip() or not template_id.strip():
            raise ImproperlyConfigured(f"NOTIFY_TEMPLATE_IDS: {pair!r} is not key=template-id")
        mapping[key.strip()] = template_id.strip()
    return mapping


def notify_template_id(template_key: str, channel: str, language: str) -> str | None:
    ids = notify_template_ids()
    return ids.get(f"{template_key}:{channel}:{language}") or ids.get(f"{template_key}:{language}")


def notify_client_create():
    from notifications_python_client.notifications import NotificationsAPIClient

    return NotificationsAPIClient(
        settings.NOTIFY_API_KEY,
        base_url=getattr(settings, "NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk"),
        timeout=getattr(settings, "NOTIFY_TIMEOUT_SECONDS", 30),
    )


def notify_error_classify(exc: Exception, *, message_id: int | None = None) -> DeliveryError:
    """429, 5xx and no response at all (timeout, connection) are transient; so is 403,
    which is ours to fix: Notify answers 403 for a wrong or revoked API key and for a
    token whose clock is more than 30 seconds out, so it raises an alert too. Other
    4xx are about the message and are permanent."""
    from notifications_python_client.errors import APIError

    if isinstance(exc, APIError):
        status = exc.status_code
        text = f"GOV.UK Notify {status}: {exc.message}"
        if status == 403:
            alert_raise(
                code="notifications.notify_refused_our_key",
                message=(
                    "GOV.UK Notify answered 403: check NOTIFY_API_KEY and the server clock "
                    "(tokens more than 30 seconds out are refused). Messages are retried."
                ),
                message_id=message_id,
            )
            return TransientDeliveryError(text)
        if status == 429 or status >= 500 or getattr(exc, "response", None) is None:
            return TransientDeliveryError(text)
        return PermanentDeliveryError(text)
    return TransientDeliveryError(f"GOV.UK Notify: {type(exc).__name__}")


class NotifyBackend:
    """GOV.UK Notify. Our idempotency key travels as Notify's reference."""

    name = "notify"

    def __init__(self, client=None):
        self._client = client

    def open(self) -> None:
        """The HTTP client keeps its own connections; nothing to open for a batch."""

    def close(self) -> None:
        """Nothing to close (see ``open``)."""

    @property
    def client(self):
        if self._client is None:
            self._client = notify_client_create()
        return self._client

    def already_sent(self, message: OutboundMessage) -> str | None:
        """Notify's id for this message if Notify already has it (a timeout may hide a success)."""
        try:
            result = self.client.get_all_notifications(reference=message.provider_reference)
        except Exception as exc:
            raise notify_error_classify(exc, message_id=message.pk) from exc
        for notification in (result or {}).get("notifications", []):
            if notification.get("status") in NOTIFY_LIVE_STATUSES:
                return notification.get("id") or ""
        return None

    def deliver(self, message: OutboundMessage, rendered: RenderedMessage) -> DeliveryResult:
        template_id = notify_template_id(message.template_key, message.channel, message.language)
        if not template_id and message.channel == Channel.LETTER:
            return self._precompiled_letter(message)
        if not template_id:
            raise PermanentDeliveryError(
                f"No GOV.UK Notify template id for {message.template_key}:{message.channel}:"
                f"{message.language} (set NOTIFY_TEMPLATE_IDS)"
            )
        reference = message.provider_reference
        personalisation = dict(message.personalisation)
        try:
            if message.channel == Channel.EMAIL:
                response = self.client.send_email_notification(
                    email_address=message.recipient,
                    template_id=template_id,
                    personalisation=personalisation,
                    reference=reference,
                )
            elif message.channel == Channel.SMS:
                response = self.client.send_sms_notification(
                    phone_number=message.recipient,
                    template_id=template_id,
                    personalisation=personalisation,
                    reference=reference,
                )
            elif message.channel == Channel.LETTER:
                lines = message.address_lines
                address = {f"address_line_{i}": line for i, line in enumerate(lines, start=1)}
                response = self.client.send_letter_notification(
                    template_id=template_id,
                    personalisation={**personalisation, **address},
                    reference=reference,
                )
            else:
                raise PermanentDeliveryError(f"Unknown channel {message.channel!r}")
        except DeliveryError:
            raise
        except Exception as exc:
            raise notify_error_classify(exc, message_id=message.pk) from exc
        return DeliveryResult(provider_id=str((response or {}).get("id", "")))

    def _precompiled_letter(self, message: OutboundMessage) -> DeliveryResult:
        """A letter with no Notify letter template goes as our own PDF, through Notify's
        precompiled letter API: the text is ours (the template's letter text) and the
        layout is the one Notify checks (letters.py). Raises ``DeliveryError``."""
        from .letters import LetterLayoutError, letter_for_message, letter_pdf
        from .registry import TemplateError

        try:
            pdf = letter_pdf(letter_for_message(message))
        except (LetterLayoutError, TemplateError) as exc:
            raise PermanentDeliveryError(f"The letter cannot be made: {exc}") from exc
        try:
            response = self.client.send_precompiled_letter_notification(
                reference=message.provider_reference, pdf_file=io.BytesIO(pdf)
            )
        except Exception as exc:
            raise notify_error_classify(exc, message_id=message.pk) from exc
        return DeliveryResult(provider_id=str((response or {}).get("id", "")))

    def status_get(self, message: OutboundMessage) -> str | None:
        """Notify's status for a message we sent it (``get_notification_by_id``).

        Notify sends delivery callbacks for email and text messages only, so letters
        are asked about. Raises ``DeliveryError`` as ``deliver`` does.
        """
        if not message.provider_id:
            return None
        try:
            result = self.client.get_notification_by_id(message.provider_id)
        except Exception as exc:
            raise notify_error_classify(exc, message_id=message.pk) from exc
        return (result or {}).get("status") or None


def backend_get():
    """The configured backend, ready to use."""
    name = getattr(settings, "NOTIFICATIONS_BACKEND", "django") or "django"
    return import_string(BACKENDS.get(name, name))()
