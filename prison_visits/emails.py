"""The words in each visit message: personalisation for the templates in ``notifications.py``.

Kept apart from ``services`` so the staff "preview the email" page renders
exactly what the service will send, before anything is saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language, override

from digital_services.accounts.citizens import (
    CitizenUnreachable,
    citizen_contact_get,
    phone_is_uk_mobile,
)
from digital_services.core.dates import date_format, time_format
from digital_services.core.grants import grant_url
from digital_services.journeys.contact import contact_describe
from digital_services.notifications.registry import (
    RenderedMessage,
    template_get,
    template_render,
)

from .constants import (
    CANCELLATION_REASON_TEXT,
    EXCLUSION_TEXT,
    GRANT_SCOPE,
    REJECTION_REASON_TEXT,
    Language,
    RejectionReason,
    VisitorExclusion,
)
from .models import SlotTime, Visit, Visitor


def _welsh(language: str) -> bool:
    return language == Language.WELSH


def _pick(language: str, english: str, welsh: str) -> str:
    return welsh if _welsh(language) else english


def page_language() -> str:
    """The language of the page being made (the citizen's choice): "cy" or "en"."""
    return Language.WELSH if (get_language() or "").startswith("cy") else Language.ENGLISH


def site_url(name: str, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def status_url(visit: Visit) -> str:
    """The visit's status page, through a grant link (core/grants.py): it opens for the
    person who got the email whether or not they have an account."""
    return grant_url(
        scope=GRANT_SCOPE,
        reference=visit.reference,
        next_url=reverse("prison_visits:visit-status", args=[visit.reference]),
        absolute=True,
    )


def book_url() -> str:
    return site_url("prison_visits:start")


def date_text(day: date, language: str) -> str:
    """ "Tuesday 1 December 2026" (in Welsh when the visit is in Welsh)."""
    with override("cy" if _welsh(language) else "en-gb"):
        return date_format(day, weekday=True)


def visit_contact_describe(visit: Visit) -> str:
    """What each message about the visit goes out as, and where, in words for pages and
    staff previews ("a letter to 12 Station Road, Swansea, SA1 1AA"): the same route as
    ``services._notify``, and a text message only to a UK mobile. '' when nothing can go."""
    if visit.contact_email:
        routes = [contact_describe("email", visit.contact_email)]
    elif visit.postal_address:
        routes = [contact_describe("letter", visit.postal_address)]
    elif visit.user is not None:
        try:
            routes = [contact_describe(*citizen_contact_get(citizen=visit.user))]
        except CitizenUnreachable:
            routes = []
    else:
        routes = []
    if visit.contact_phone and phone_is_uk_mobile(visit.contact_phone):
        text = contact_describe("sms", visit.contact_phone)
        if text not in routes:
            routes.append(text)
    return " and ".join(routes)


@lru_cache(maxsize=1024)  # the same few times on every visit of a day's reminders
def slot_text(slot: SlotTime, language: str = Language.ENGLISH) -> str:
    """ "Tuesday 1 December 2026, 2pm to 4pm" (in Welsh when the visit is in Welsh)."""
    with override("cy" if _welsh(language) else "en-gb"):
        start, end = time_format(slot.start), time_format(slot.end)
    return f"{date_text(slot.date, language)}, {start} {_pick(language, 'to', 'i')} {end}"


def _lead(visitors: Sequence[Visitor]) -> Visitor | None:
    return next((v for v in visitors if v.position == 0), visitors[0] if visitors else None)


def _lines(items: Sequence[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _message_paragraph(message: str, language: str) -> str:
    message = (message or "").strip()
    if not message:
        return ""
    return _pick(language, "Message from the prison:", "Neges gan y carchar:") + "\n" + message


def _common(visit: Visit, visitors: Sequence[Visitor]) -> dict[str, str]:
    language = visit.language
    lead = _lead(visitors)
    return {
        "lead_name": lead.full_name if lead else "",
        "prison_name": visit.prison.name_in(language),
        "reference": visit.reference_display,
    }


def _prison_address(visit: Visit) -> str:
    prison = visit.prison
    parts = [
        line.strip() for line in prison.address_in(visit.language).splitlines() if line.strip()
    ]
    if prison.postcode:
        parts.append(prison.postcode)
    return ", ".join(parts)


def _exclusion_line(visitor: Visitor, language: str) -> str:
    english, welsh = EXCLUSION_TEXT.get(visitor.exclusion or VisitorExclusion.OTHER)
    text = _pick(language, english, welsh)
    if visitor.exclusion == VisitorExclusion.BANNED and visitor.banned_until:
        until = _pick(language, "until", "tan")
        text = f"{text} {until} {date_text(visitor.banned_until, language)}"
    return f"{visitor.short_name} {text}"


def request_received(*, visit: Visit, visitors: Sequence[Visitor]) -> dict[str, str]:
    language = visit.language
    return {
        **_common(visit, visitors),
        "prisoner_name": f"{visit.prisoner_first_name} {visit.prisoner_last_name[:1]}.",
        "prisoner_number": visit.prisoner_number,
        "slot_choices": "\n".join(
            f"{n}. {slot_text(slot, language)}" for n, slot in enumerate(visit.slot_options, 1)
        ),
        "respond_by": date_text(visit.respond_by, language),
        "status_url": status_url(visit),
    }


def booked(
    *,
    visit: Visit,
    visitors: Sequence[Visitor],
    slot: SlotTime,
    closed: bool,
    booking_reference: str,
    message: str,
) -> dict[str, str]:
    language = visit.language
    allowed = [v for v in visitors if v.allowed]
    excluded = [v for v in visitors if not v.allowed]
    not_allowed = ""
    if excluded:
        not_allowed = (
            _pick(language, "Who cannot come:", "Pwy na all ddod:")
            + "\n"
            + _lines([_exclusion_line(v, language) for v in excluded])
        )
    closed_text = ""
    if closed:
        closed_text = _pick(
            language,
            "This is a closed visit: you will be separated from the prisoner by a screen.",
            "Ymweliad caeedig yw hwn: bydd sgrin rhyngoch chi a’r carcharor.",
        )
    return {
        **_common(visit, visitors),
        "visit_date_time": slot_text(slot, language),
        "booking_reference": booking_reference or _pick(language, "none", "dim"),
        "visitors_allowed": _lines([v.short_name for v in allowed]),
        "visitors_not_allowed": not_allowed,
        "closed_visit": closed_text,
        "prison_message": _message_paragraph(message, language),
        "prison_address": _prison_address(visit),
        "prison_phone": visit.prison.phone_number,
        "status_url": status_url(visit),
    }


def rejected(
    *,
    visit: Visit,
    visitors: Sequence[Visitor],
    reasons: Sequence[str],
    allowance_renews_on: date | None,
    message: str,
) -> dict[str, str]:
    language = visit.language
    # "other" is for staff only: the visitor is told the visit could not go ahead.
    lines = [
        _pick(language, *REJECTION_REASON_TEXT[r]) for r in reasons if r in REJECTION_REASON_TEXT
    ]
    if not lines:
        lines = [
            _pick(
                language,
                "the prison cannot hold this visit",
                "ni all y carchar gynnal yr ymweliad hwn",
            )
        ]
    allowance = ""
    if RejectionReason.NO_ALLOWANCE in reasons and allowance_renews_on:
        allowance = _pick(
            language,
            "You can book a visit for dates from {date}.",
            "Gallwch archebu ymweliad ar gyfer dyddiadau o {date} ymlaen.",
        ).format(date=date_text(allowance_renews_on, language))
    return {
        **_common(visit, visitors),
        "reasons": _lines(lines),
        "allowance": allowance,
        "prison_message": _message_paragraph(message, language),
        "book_url": book_url(),
        "prison_phone": visit.prison.phone_number,
        "prison_email": visit.prison.email_address,
    }


def cancelled(
    *, visit: Visit, visitors: Sequence[Visitor], reasons: Sequence[str], message: str
) -> dict[str, str]:
    language = visit.language
    return {
        **_common(visit, visitors),
        "visit_date_time": slot_text(visit.booked_slot, language),
        "reasons": _lines([_pick(language, *CANCELLATION_REASON_TEXT[r]) for r in reasons]),
        "prison_message": _message_paragraph(message, language),
        "book_url": book_url(),
        "prison_phone": visit.prison.phone_number,
    }


def visitor_cancelled(*, visit: Visit, visitors: Sequence[Visitor]) -> dict[str, str]:
    return {
        **_common(visit, visitors),
        "visit_date_time": slot_text(visit.booked_slot, visit.language),
        "book_url": book_url(),
    }


def withdrawn(*, visit: Visit, visitors: Sequence[Visitor]) -> dict[str, str]:
    return {**_common(visit, visitors), "book_url": book_url()}


def message(*, visit: Visit, visitors: Sequence[Visitor], text: str) -> dict[str, str]:
    return {
        **_common(visit, visitors),
        "visit_date_time": slot_text(visit.booked_slot, visit.language),
        "message": text.strip(),
        "status_url": status_url(visit),
    }


def reminder(*, visit: Visit, visitors: Sequence[Visitor]) -> dict[str, str]:
    return {
        **_common(visit, visitors),
        "visit_date_time": slot_text(visit.booked_slot, visit.language),
        "visitors_allowed": _lines([v.short_name for v in visitors if v.allowed]),
        "prison_address": _prison_address(visit),
        "status_url": status_url(visit),
    }


def sms_personalisation(template_key: str, personalisation: dict[str, str]) -> dict[str, str]:
    """The subset of an email's personalisation that its text-message copy uses."""
    names = template_get(template_key).personalisation
    return {name: personalisation[name] for name in names}


def preview(*, template_key: str, language: str, personalisation: dict) -> RenderedMessage:
    """The email as the visitor will see it (for the staff preview page)."""
    return template_render(
        template_get(template_key), language=language, personalisation=personalisation
    )
