"""The other platform apps this one calls, imported when first used.

``performance`` and ``notifications`` are separate apps; importing them lazily keeps
this app importable on its own and gives tests one place to patch.
"""

from __future__ import annotations

DIGITAL = "digital"
ASSISTED = "assisted"


def request_channel(request) -> str:
    """ "assisted" when a member of staff is filling this in for someone, else "digital"."""
    return ASSISTED if getattr(request, "assisted_session", None) else DIGITAL


def performance_event_record(
    *, kind: str, service: str, journey: str, channel: str, outcome: str = "", journey_key: str = ""
):
    """Record a journey event ("started", "completed") for the performance data.

    ``journey_key`` (the draft's id, never personal data) pairs a start with its completion.
    """
    from digital_services.performance.services import performance_event_record as record

    return record(
        kind=kind,
        service=service,
        journey=journey,
        channel=channel,
        outcome=outcome,
        journey_key=journey_key,
    )


def notification_send(
    *, template: str, to: str, personalisation: dict, language: str, about, service: str = ""
):
    """Queue an email through the notifications outbox (sent after the transaction commits)."""
    from digital_services.notifications.services import notification_send as send

    return send(
        template=template,
        to=to,
        personalisation=personalisation,
        language=language,
        channel="email",
        about=about,
        service=service,
    )
