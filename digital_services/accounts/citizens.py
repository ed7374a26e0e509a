"""Reaching citizens, and whose cases a request may see: the platform API every service uses.

Two helpers here are for every service:

``case_owner_for_request(request)``
    The citizen whose cases this request may see and change. Normally the
    signed-in user; while a member of staff is helping someone in an
    assisted-digital session (``request.assisted_session``, attached by
    ``assisted_digital.middleware``), it is that citizen, and only that citizen.
    Service selectors narrow cases with it (``Case.objects.filter(applicant=
    case_owner_for_request(request))``) so staff never see anyone else's cases
    through the citizen pages. ``None`` when nobody is signed in.

``citizen_notification_send(citizen=..., template=..., personalisation=..., about=..., service=...)``
    Queue a message to a citizen by the way they asked to be contacted: email,
    text message or letter (their ``CitizenProfile``), falling back to another
    way we can reach them when the template does not support the preferred one.
    A citizen without a profile (signed up online) gets an email. A citizen with
    no email address is never emailed: without a phone they get a letter
    through the outbox. Templates declare the channels they support
    (``"channels": ["email", "letter"]`` in ``<app>/notifications.py``); a
    confirmation should support all three.

Citizens without an email address have an undeliverable placeholder
(``no-email+<hex>@assisted.invalid``: the ``.invalid`` top-level domain can
never resolve, RFC 2606) because the user model is keyed by email.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence

from django.db import models

from .models import CitizenProfile

PLACEHOLDER_EMAIL_DOMAIN = "assisted.invalid"
UK_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")
UK_MOBILE = re.compile(r"^07\d{9}$")
EMAIL, SMS, LETTER = (
    CitizenProfile.Contact.EMAIL,
    CitizenProfile.Contact.SMS,
    CitizenProfile.Contact.LETTER,
)
#: After the preferred way, try these in this order.
FALLBACK_ORDER = (EMAIL, LETTER, SMS)


class CitizenUnreachable(Exception):
    """There is no way to reach the citizen that the template supports."""


def placeholder_email_make() -> str:
    """A unique address that can never receive mail, for a citizen without email."""
    return f"no-email+{uuid.uuid4().hex}@{PLACEHOLDER_EMAIL_DOMAIN}"


def email_is_placeholder(email: str) -> bool:
    return (email or "").lower().endswith("@" + PLACEHOLDER_EMAIL_DOMAIN)


def postcode_normalise(value: str) -> str:
    """'sw1a1aa' → 'SW1A 1AA'; '' when it is not a UK postcode."""
    compact = "".join((value or "").split()).upper()
    match = UK_POSTCODE.match(compact)
    return f"{match.group(1)} {match.group(2)}" if match else ""


def phone_normalise(value: str) -> str:
    """Digits only, UK numbers starting 0: '+44 7700 900 123' → '07700900123'."""
    digits = re.sub(r"[\s\-().]", "", value or "")
    if digits.startswith("+44"):
        digits = "0" + digits[3:]
    elif digits.startswith("0044"):
        digits = "0" + digits[4:]
    return digits


def phone_is_uk_mobile(value: str) -> bool:
    return bool(UK_MOBILE.match(phone_normalise(value)))


def name_normalise(value: str) -> str:
    return " ".join((value or "").split())


def citizen_profile_get(citizen) -> CitizenProfile | None:
    try:
        return citizen.citizen_profile
    except CitizenProfile.DoesNotExist:
        return None


def _recipient_for(citizen, profile: CitizenProfile | None, channel: str):
    """Where a message on ``channel`` would go, or None if we cannot use that channel."""
    if channel == EMAIL:
        has_email = profile.has_email if profile is not None else True
        if has_email and citizen.email and not email_is_placeholder(citizen.email):
            return citizen.email
        return None
    if profile is None:
        return None
    if channel == SMS:
        return phone_normalise(profile.phone) if phone_is_uk_mobile(profile.phone) else None
    if channel == LETTER:
        lines = profile.address_lines
        if not lines:
            return None
        name = name_normalise(citizen.full_name)
        return [name, *lines] if name else lines
    return None


def citizen_contact_get(
    *, citizen, channels: Sequence[str] = (EMAIL, SMS, LETTER)
) -> tuple[str, str | list[str]]:
    """(channel, recipient) for a message to ``citizen``, among ``channels``.

    The preferred way first, then email, letter, text message. Raises
    ``CitizenUnreachable`` when none of ``channels`` can reach them.
    """
    profile = citizen_profile_get(citizen)
    preferred = profile.preferred_contact if profile is not None else EMAIL
    for channel in (preferred, *(c for c in FALLBACK_ORDER if c != preferred)):
        if channel not in channels:
            continue
        recipient = _recipient_for(citizen, profile, channel)
        if recipient:
            return channel, recipient
    raise CitizenUnreachable(
        f"User {citizen.pk} cannot be reached by {', '.join(channels) or 'any channel'}"
    )


def citizen_language(citizen) -> str:
    profile = citizen_profile_get(citizen)
    return "cy" if profile is not None and profile.prefers_welsh else "en"


def citizen_notification_send(
    *,
    citizen,
    template: str,
    personalisation: dict,
    about: models.Model | None = None,
    service: str = "",
    reference: str = "",
    language: str | None = None,
):
    """Queue ``template`` to ``citizen`` by their preferred contact; returns the OutboundMessage.

    Call it inside the transaction that made the change (the message is sent
    after the commit). ``language`` defaults to the citizen's (Welsh if they
    asked for it). Raises ``CitizenUnreachable`` when no channel the template
    supports can reach them, and the outbox's ``TemplateError`` /
    ``InvalidRecipient``.
    """
    from digital_services.notifications.registry import template_get
    from digital_services.notifications.services import notification_send

    channel, recipient = citizen_contact_get(
        citizen=citizen, channels=template_get(template).channels
    )
    return notification_send(
        template=template,
        to=recipient,
        personalisation=personalisation,
        language=language or citizen_language(citizen),
        channel=channel,
        about=about,
        service=service,
        reference=reference,
    )


def case_owner_for_request(request):
    """The citizen whose cases this request may see: see the module docstring."""
    assisted_session = getattr(request, "assisted_session", None)
    if assisted_session is not None:
        return assisted_session.citizen
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None
