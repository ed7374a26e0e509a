"""The other apps this one calls, imported when first used.

``performance``, ``notifications`` and ``assisted_digital`` are separate apps; importing them lazily keeps
this app importable on its own and gives tests one place to patch.
"""

from __future__ import annotations

DIGITAL = "digital"
ASSISTED = "assisted"


def request_channel(request) -> str:
    """ "assisted" when a member of staff is filling this in for someone, else "digital"."""
    return ASSISTED if getattr(request, "assisted_session", None) else DIGITAL


def channel_detail_kwargs(assisted_session) -> dict:
    """``{"channel_detail": "phone"}`` (etc.) for an assisted session, else nothing."""
    channel = getattr(assisted_session, "channel", "") if assisted_session is not None else ""
    return {"channel_detail": channel} if channel else {}


def performance_event_record(
    *,
    kind: str,
    service: str,
    journey: str,
    channel: str,
    outcome: str = "",
    journey_key: str = "",
    channel_detail: str = "",
):
    """Record a journey event ("started", "completed") for the performance data.

    ``journey_key`` (the draft's id, never personal data) pairs a start with its completion;
    ``channel_detail`` says how an assisted journey was done (phone, face_to_face...).
    """
    from digital_services.performance.services import performance_event_record as record

    return record(
        kind=kind,
        service=service,
        journey=journey,
        channel=channel,
        channel_detail=channel_detail,
        outcome=outcome,
        journey_key=journey_key,
    )


def submission_record(
    *, service: str, journey: str, started_route: str, user, assisted_session, journey_key: str
):
    """Record how an application was sent (route, channel, who typed it, consent).

    Kept by the ``assisted_digital`` app; skipped when that app is not installed.
    """
    from django.apps import apps

    if not apps.is_installed("assisted_digital"):
        return None
    from assisted_digital.services import submission_record as record

    return record(
        service=service,
        journey=journey,
        route=ASSISTED if assisted_session is not None else DIGITAL,
        started_route=started_route,
        citizen=user,
        typed_by=user,
        assisted_session=assisted_session,
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
