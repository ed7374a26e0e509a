"""Reads: drafts narrowed to their owner, resume links, "Your applications" rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.translation import gettext

from digital_services.accounts.citizens import case_owner_for_request
from digital_services.core.dates import date_format
from digital_services.core.memo import BoundedMemo
from digital_services.core.queries import shaped_rows
from digital_services.core.registry import CaseSummary

from .constants import RESUME_SIGNER_SALT, SESSION_OWNER_KEY
from .definitions import Journey, journey_get
from .exceptions import ResumeLinkInvalid
from .models import Draft, ResumeLink


@dataclass(frozen=True)
class Owner:
    """Whose drafts these are: a signed-in user, or the browser session of someone who is not."""

    user: object | None = None
    session_key: str = ""

    def __bool__(self) -> bool:
        return self.user is not None or bool(self.session_key)

    def draft_filter(self) -> dict:
        if self.user is not None:
            return {"user": self.user}
        return {"user__isnull": True, "session_key": self.session_key}


def owner_for_request(request) -> Owner:
    """The owner of this request's drafts (empty when someone not signed in has none yet).

    While a member of staff is helping someone (``request.assisted_session``), the
    drafts are the citizen's: staff see and continue only that citizen's drafts, and
    the citizen finds them later on "Your applications".
    """
    user = case_owner_for_request(request)
    if user is not None:
        return Owner(user=user)
    return Owner(session_key=request.session.get(SESSION_OWNER_KEY, ""))


def draft_get(*, journey: Journey, owner: Owner) -> Draft | None:
    """The owner's unexpired draft of this journey, if any."""
    if not owner:
        return None
    latest = Draft.objects.filter(
        service=journey.service,
        journey=journey.slug,
        expires_at__gt=timezone.now(),
        **owner.draft_filter(),
    ).order_by("-updated_at")[:1]
    found = shaped_rows(latest)  # its SQL compiled once per process (every journey page)
    return found[0] if found else None


def draft_for_request(request, *, journey: Journey, owner: Owner) -> Draft | None:
    """``draft_get``, read once per request: a page's gate (a service's wrapper that looks
    at the draft first) and the journey view share the one read. ``draft_reread`` reads it
    again after a write."""
    memo = request.__dict__.setdefault("_journey_drafts", {})
    key = (journey.service, journey.slug, getattr(owner.user, "pk", None), owner.session_key)
    if key not in memo:
        memo[key] = draft_get(journey=journey, owner=owner)
    return memo[key]


def draft_reread(request, *, journey: Journey, owner: Owner) -> Draft | None:
    """The draft read afresh (after this request saved it), kept for the rest of the request."""
    request.__dict__.setdefault("_journey_drafts", {}).clear()
    return draft_for_request(request, journey=journey, owner=owner)


def drafts_for_user(*, user) -> list[Draft]:
    if user is None or not user.is_authenticated:
        return []
    return list(Draft.objects.filter(user=user, expires_at__gt=timezone.now()))


_URLS = BoundedMemo(20_000)
_REMEMBERED_ARGUMENTS = {"step", "section", "number"}


def journey_url(journey: Journey, name: str, namespace: str | None = None, **kwargs) -> str:
    """A URL of the journey: name is start, step, check, save, section, item-add...

    Remembered in the process (``reverse`` is a pure function of the URL configuration, the
    script prefix and its arguments, all in the key): a check page links every answer to its
    step: about ninety ``reverse`` calls of about 23 µs each on the money claim response's."""
    view = f"{namespace or journey.namespace()}:{journey.slug}-{name}"
    if not kwargs.keys() <= _REMEMBERED_ARGUMENTS:  # a resume link's token: not kept
        return reverse(view, kwargs=kwargs)
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    key = (view, tuple(sorted(kwargs.items())), get_script_prefix(), urlconf)
    return _URLS.get_or_set(key, lambda: reverse(view, kwargs=kwargs))


def draft_case_summaries(user) -> Iterator[tuple[str, CaseSummary]]:
    """The user's drafts as rows of "Your applications" (a core case source)."""
    for draft in drafts_for_user(user=user):
        journey = journey_get(service=draft.service, slug=draft.journey)
        if journey is None:
            continue
        try:
            url = journey_url(journey, "start")
        except (NoReverseMatch, KeyError):
            continue
        expires = date_format(draft.expires_at)
        yield (
            draft.service,
            CaseSummary(
                reference="",
                title=gettext("%(title)s (not sent, you have until %(date)s)")
                % {"title": journey.title, "date": expires},
                status=gettext("Draft"),
                url=url,
                updated_at=draft.updated_at,
                is_draft=True,
                action_label=gettext("Continue"),
            ),
        )


def resume_link_max_age() -> timedelta:
    """The longest a resume link can work: as long as a draft lives. Within that it works
    while its draft does, so the email and the save page give the same date (the draft's
    ``expires_at`` when the link was sent)."""
    return timedelta(days=settings.JOURNEYS_DRAFT_EXPIRY_DAYS)


def resume_token_make(link: ResumeLink) -> str:
    return signing.TimestampSigner(salt=RESUME_SIGNER_SALT).sign(link.nonce.hex)


def resume_link_for_token(*, token: str, journey: Journey) -> ResumeLink:
    """The usable link a token stands for.

    Raises ``ResumeLinkInvalid`` with reason "expired" (too old, or the draft has
    expired), "used" (already used once) or "invalid" (tampered with, for another
    journey, the draft has gone, or it has moved into an account: a link only
    ever opens a draft that is still anonymous).
    """
    signer = signing.TimestampSigner(salt=RESUME_SIGNER_SALT)
    try:
        nonce = signer.unsign(token, max_age=resume_link_max_age())
    except signing.SignatureExpired as exc:
        raise ResumeLinkInvalid("expired") from exc
    except signing.BadSignature as exc:
        raise ResumeLinkInvalid("invalid") from exc
    link = ResumeLink.objects.select_related("draft").filter(nonce=nonce).first()
    if link is None or (link.draft.service, link.draft.journey) != (journey.service, journey.slug):
        raise ResumeLinkInvalid("invalid")
    if link.draft.user_id is not None:
        raise ResumeLinkInvalid("invalid")
    if link.status == ResumeLink.Status.USED:
        raise ResumeLinkInvalid("used")
    if link.draft.expires_at <= timezone.now():
        raise ResumeLinkInvalid("expired")
    return link
