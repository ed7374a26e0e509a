"""Recording performance events and satisfaction responses (writes only)."""

import re
from datetime import datetime

from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from .models import COMMENT_MAX_LENGTH, ContactMessage, PerformanceEvent, SatisfactionResponse

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
JOURNEY_KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
PAGE_MAX_LENGTH = SatisfactionResponse._meta.get_field("page").max_length
# Short names callers may use for a kind ("started" is journey_started).
KIND_ALIASES = {
    "started": PerformanceEvent.Kind.JOURNEY_STARTED,
    "completed": PerformanceEvent.Kind.JOURNEY_COMPLETED,
}


def _check_slug(name: str, value: str, *, max_length: int, required: bool = True) -> None:
    if not value:
        if required:
            raise ValueError(f"{name} is required.")
        return
    if not isinstance(value, str) or len(value) > max_length or not SLUG_PATTERN.match(value):
        raise ValueError(
            f"{name} {value!r} must be a lower-case slug of up to {max_length} characters."
        )


def local_path_clean(value: str | None) -> str:
    """``value`` when it is a path on this site (no scheme, no host), else "".

    Only the path is kept: a query string or fragment could carry personal data.
    Used for the feedback page's ``from``, which is echoed into a link, so it
    must never point elsewhere (``//evil.example``, ``/\\evil.example``,
    ``javascript:``) or carry characters that a browser would reinterpret.
    """
    if not value or not isinstance(value, str):
        return ""
    path = value.split("#", 1)[0].split("?", 1)[0]
    if (
        not path.startswith("/")
        or path.startswith(("//", "/\\"))
        or len(path) > PAGE_MAX_LENGTH
        or any(ch in path for ch in "\\<>\"'`")
        or any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in path)
        or not url_has_allowed_host_and_scheme(path, allowed_hosts=None, require_https=False)
    ):
        return ""
    return path


def performance_event_record(
    *,
    kind: str,
    service: str,
    journey: str,
    channel: str = PerformanceEvent.Channel.DIGITAL,
    channel_detail: str = "",
    outcome: str = "",
    journey_key: str = "",
    occurred_at: datetime | None = None,
) -> PerformanceEvent:
    """Record that a journey was started or completed, for the KPIs.

    Call it with ``kind="journey_started"`` when someone begins a journey and
    ``kind="journey_completed"`` at every end state where the service did its
    job, with an ``outcome`` slug saying which (``submitted``, ``not_eligible``,
    ``paid``…): a "not eligible" ending is a completion too. ``channel`` is
    ``digital`` or ``assisted``; an assisted journey may say how in
    ``channel_detail`` (phone, face_to_face, webchat, paper). ``journey_key``
    is an optional opaque key (for example a draft's UUID, never a name, email
    or case reference) that pairs a start with its completion. ``kind`` may
    also be given as ``"started"`` or ``"completed"``.

    Raises ValueError for an unknown kind, channel or channel detail, a
    malformed slug, an outcome on a start, or a completion without one.
    """
    kind = KIND_ALIASES.get(kind, kind)
    if kind not in PerformanceEvent.Kind.values:
        raise ValueError(f"Unknown performance event kind {kind!r}.")
    if channel not in PerformanceEvent.Channel.values:
        raise ValueError(f"Unknown channel {channel!r}.")
    if channel_detail:
        if channel != PerformanceEvent.Channel.ASSISTED:
            raise ValueError("Only an assisted-digital journey has a channel detail.")
        if channel_detail not in PerformanceEvent.ChannelDetail.values:
            raise ValueError(f"Unknown channel detail {channel_detail!r}.")
    _check_slug("service", service, max_length=50)
    _check_slug("journey", journey, max_length=100)
    if kind == PerformanceEvent.Kind.JOURNEY_COMPLETED:
        _check_slug("outcome", outcome, max_length=50)
    elif outcome:
        raise ValueError("A journey that has only started has no outcome yet.")
    if journey_key and not JOURNEY_KEY_PATTERN.match(str(journey_key)):
        raise ValueError("journey_key must be up to 64 letters, digits, hyphens or underscores.")

    return PerformanceEvent.objects.create(
        kind=str(kind),
        service=service,
        journey=journey,
        channel=str(channel),
        channel_detail=str(channel_detail),
        outcome=outcome,
        journey_key=str(journey_key),
        occurred_at=occurred_at or timezone.now(),
    )


def satisfaction_record(
    *,
    rating: int,
    comment: str = "",
    service: str = "",
    journey: str = "",
    page: str = "",
) -> SatisfactionResponse:
    """Save one answer from the feedback page.

    ``rating`` is 1 (very dissatisfied) to 5 (very satisfied). Line breaks in
    ``comment`` are normalised to ``\\n`` before its length is checked, so a
    comment counts the same here as in the page's character count. ``page`` is
    kept only if it is a local path (see ``local_path_clean``).

    Raises ValueError for a rating outside 1–5, a comment over 1,200
    characters, or a malformed service or journey slug.
    """
    if rating not in SatisfactionResponse.Rating.values:
        raise ValueError(f"Rating {rating!r} must be a whole number from 1 to 5.")
    comment = comment_normalise(comment)
    if len(comment) > COMMENT_MAX_LENGTH:
        raise ValueError(f"A comment must be {COMMENT_MAX_LENGTH:,} characters or fewer.")
    _check_slug("service", service, max_length=50, required=False)
    _check_slug("journey", journey, max_length=100, required=False)
    return SatisfactionResponse.objects.create(
        rating=int(rating),
        comment=comment,
        service=service,
        journey=journey,
        page=local_path_clean(page),
    )


def comment_normalise(comment: str | None) -> str:
    """Trim a comment and turn CRLF/CR line breaks into LF (browsers send CRLF)."""
    return (comment or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def contact_message_record(
    *,
    topic: str,
    message: str,
    service: str = "",
    reference: str = "",
    email: str = "",
    page: str = "",
) -> ContactMessage:
    """Save one message from the contact form (the form has checked it; this checks again)."""
    if topic not in ContactMessage.Topic.values:
        raise ValueError(f"Unknown topic {topic!r}.")
    message = comment_normalise(message)
    if not message or len(message) > COMMENT_MAX_LENGTH:
        raise ValueError(f"A message must be 1 to {COMMENT_MAX_LENGTH:,} characters.")
    _check_slug("service", service, max_length=50, required=False)
    return ContactMessage.objects.create(
        topic=topic,
        message=message,
        service=service,
        reference=reference.strip()[:30],
        email=email.strip(),
        page=local_path_clean(page),
    )
