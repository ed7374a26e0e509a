"""Writes: saving answers to drafts, sending, adopting, expiring, and resume links."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from digital_services.core.dates import date_format, time_format

from . import integrations
from .codec import answer_encode
from .constants import (
    EVENT_COMPLETED,
    EVENT_STARTED,
    NOTIFICATION_RESUME_LINK,
    OUTCOME_SUBMITTED,
    RESUME_LINKS_PER_HOUR,
)
from .definitions import Journey, RepeatingStep, Step
from .engine import items_confirmed, journey_evaluate, stored_items
from .exceptions import (
    DraftNotFound,
    ItemLimitReached,
    ItemNotFound,
    JourneyIncomplete,
    JourneySubmitError,
    ResumeLinkInvalid,
    TooManyResumeLinks,
)
from .models import Draft, ResumeLink
from .selectors import Owner, resume_link_for_token, resume_token_make


def draft_expiry_from(now: datetime) -> datetime:
    return now + timedelta(days=settings.JOURNEYS_DRAFT_EXPIRY_DAYS)


def _draft_for_update(*, journey: Journey, owner: Owner, channel: str) -> Draft:
    """The owner's draft, locked; created (and "started" recorded) if there is none.

    An expired draft that the beat job has not deleted yet is deleted here, so the
    journey starts again from nothing rather than from stale answers.
    """
    if not owner:
        raise ValueError("A draft needs an owner: a user or a session key")
    now = timezone.now()
    lookup = {"service": journey.service, "journey": journey.slug, **owner.draft_filter()}
    draft = Draft.objects.select_for_update().filter(**lookup).first()
    if draft is not None and draft.expires_at <= now:
        draft.delete()
        draft = None
    if draft is not None:
        return draft
    try:
        with transaction.atomic():
            draft = Draft.objects.create(
                user=owner.user,
                session_key="" if owner.user is not None else owner.session_key,
                service=journey.service,
                journey=journey.slug,
                channel=channel,
                expires_at=draft_expiry_from(now),
            )
    except IntegrityError:
        # Another request from the same owner created it first.
        return Draft.objects.select_for_update().get(**lookup)
    integrations.performance_event_record(
        kind=EVENT_STARTED,
        service=journey.service,
        journey=journey.slug,
        channel=channel,
        journey_key=str(draft.pk),
    )
    return draft


def _draft_store(draft: Draft, step: Step, value) -> Draft:
    draft.answers = {**draft.answers, step.slug: value}
    draft.current_step = step.slug
    draft.expires_at = draft_expiry_from(timezone.now())
    draft.save(update_fields=["answers", "current_step", "expires_at", "updated_at"])
    return draft


def draft_answer_save(
    *, journey: Journey, owner: Owner, step: Step, cleaned_data: dict, channel: str
) -> Draft:
    """Store one step's valid answer, creating the draft on the first answer."""
    with transaction.atomic():
        draft = _draft_for_update(journey=journey, owner=owner, channel=channel)
        return _draft_store(draft, step, answer_encode(step.form_class, cleaned_data))


def draft_item_save(
    *,
    journey: Journey,
    owner: Owner,
    step: RepeatingStep,
    number: int | None,
    cleaned_data: dict,
    channel: str,
) -> Draft:
    """Add an item to a repeating step (``number`` None) or replace item ``number`` (from 1).

    Raises ``ItemLimitReached`` when adding to a full list, ``ItemNotFound`` for a
    number that is not in the list.
    """
    with transaction.atomic():
        draft = _draft_for_update(journey=journey, owner=owner, channel=channel)
        stored = draft.answers.get(step.slug)
        items = list(stored_items(stored))
        encoded = answer_encode(step.form_class, cleaned_data)
        if number is None:
            if step.max_items is not None and len(items) >= step.max_items:
                raise ItemLimitReached(step.slug)
            items.append(encoded)
        else:
            if not 1 <= number <= len(items):
                raise ItemNotFound(step.slug)
            items[number - 1] = encoded
        return _draft_store(draft, step, {"items": items, "complete": items_confirmed(stored)})


def draft_item_remove(*, journey: Journey, owner: Owner, step: RepeatingStep, number: int) -> Draft:
    """Remove item ``number`` (from 1). Raises ``DraftNotFound`` or ``ItemNotFound``."""
    with transaction.atomic():
        draft = (
            Draft.objects.select_for_update()
            .filter(service=journey.service, journey=journey.slug, **owner.draft_filter())
            .filter(expires_at__gt=timezone.now())
            .first()
            if owner
            else None
        )
        if draft is None:
            raise DraftNotFound(journey.key)
        stored = draft.answers.get(step.slug)
        items = list(stored_items(stored))
        if not 1 <= number <= len(items):
            raise ItemNotFound(step.slug)
        del items[number - 1]
        return _draft_store(draft, step, {"items": items, "complete": items_confirmed(stored)})


def draft_items_confirm(
    *, journey: Journey, owner: Owner, step: RepeatingStep, channel: str
) -> Draft:
    """The user has said they do not need to add another item: the list is finished."""
    with transaction.atomic():
        draft = _draft_for_update(journey=journey, owner=owner, channel=channel)
        items = list(stored_items(draft.answers.get(step.slug)))
        return _draft_store(draft, step, {"items": items, "complete": True})


def draft_note_save(*, journey: Journey, owner: Owner, key: str, value) -> bool:
    """Keep something the service learnt before the journey (its eligibility answers, say)
    in the owner's existing draft, under ``key``, so it travels with the draft (save and
    return, signing in). ``key`` must not be a step's slug: the engine reads steps only.
    False when there is no draft to keep it in."""
    if journey.step_get(key) is not None:
        raise ValueError(f"{key!r} is a step of {journey.key}")
    if not owner:
        return False
    with transaction.atomic():
        draft = (
            Draft.objects.select_for_update()
            .filter(service=journey.service, journey=journey.slug, **owner.draft_filter())
            .filter(expires_at__gt=timezone.now())
            .first()
        )
        if draft is None:
            return False
        if draft.answers.get(key) != value:
            draft.answers = {**draft.answers, key: value}
            draft.save(update_fields=["answers", "updated_at"])
    return True


def draft_discard(*, journey: Journey, owner: Owner) -> bool:
    """Delete the owner's draft of this journey and everything in it ("Cancel and delete your
    answers"), expired or not. False when there was none."""
    if not owner:
        return False
    with transaction.atomic():
        deleted, _ = Draft.objects.filter(
            service=journey.service, journey=journey.slug, **owner.draft_filter()
        ).delete()
    return deleted > 0


def draft_submit(
    *,
    journey: Journey,
    owner: Owner,
    user,
    channel: str,
    assisted_session=None,
    language: str = "en",
) -> str:
    """Revalidate every answer, call the journey's submit once, and delete the draft.

    Records the completion for the performance data (with the assisted-digital
    channel, when ``assisted_session`` is given) and how the application was sent
    (route, channel, who typed it: ``integrations.submission_record``). Returns the
    URL the submit callable gave (its confirmation page). Raises
    ``DraftNotFound`` (nothing to send: already sent, or expired), ``JourneyIncomplete``
    (a step needs an answer; nothing is sent) or ``JourneySubmitError`` (the service
    refused the answers; everything is rolled back and the draft kept).
    """
    with transaction.atomic():
        draft = (
            Draft.objects.select_for_update()
            .filter(service=journey.service, journey=journey.slug, **owner.draft_filter())
            .filter(expires_at__gt=timezone.now())
            .first()
            if owner
            else None
        )
        if draft is None:
            raise DraftNotFound(journey.key)
        evaluation = journey_evaluate(journey, draft.answers)
        if not evaluation.is_complete:
            first = evaluation.first_to_answer()
            raise JourneyIncomplete(first.step.slug if first else None)
        try:
            url = journey.submit(
                answers=evaluation.answers,
                user=user,
                channel=channel,
                assisted_session=assisted_session,
                language=language,
            )
        except ValidationError as exc:
            raise JourneySubmitError(exc.messages) from exc
        integrations.performance_event_record(
            kind=EVENT_COMPLETED,
            service=journey.service,
            journey=journey.slug,
            channel=channel,
            outcome=OUTCOME_SUBMITTED,
            journey_key=str(draft.pk),
            **integrations.channel_detail_kwargs(assisted_session),
        )
        integrations.submission_record(
            service=journey.service,
            journey=journey.slug,
            started_route=draft.channel,
            user=user,
            assisted_session=assisted_session,
            journey_key=str(draft.pk),
        )
        draft.delete()
    return url


def drafts_adopt(*, session_key: str, user) -> int:
    """Give a user who has just signed in the drafts they started before signing in.

    Where the user already had a draft of the same journey, the one changed most
    recently is kept and the other deleted. An adopted draft's emailed resume
    links are revoked (deleted): the draft is now behind the account's sign-in,
    and a link must never open it for anyone else. Returns how many drafts were
    adopted.
    """
    if not session_key or user is None:
        return 0
    adopted = 0
    with transaction.atomic():
        drafts = Draft.objects.select_for_update().filter(
            user__isnull=True, session_key=session_key, expires_at__gt=timezone.now()
        )
        for draft in drafts:
            existing = (
                Draft.objects.select_for_update()
                .filter(user=user, service=draft.service, journey=draft.journey)
                .first()
            )
            if existing is not None:
                if existing.updated_at > draft.updated_at and existing.expires_at > timezone.now():
                    draft.delete()
                    continue
                existing.delete()
            Draft.objects.filter(pk=draft.pk).update(user=user, session_key="")
            ResumeLink.objects.filter(draft=draft).delete()
            adopted += 1
    return adopted


def drafts_expire(*, now=None) -> int:
    """Delete every draft past its expiry date (and its resume links). Returns the count."""
    now = now or timezone.now()
    _, deleted = Draft.objects.filter(expires_at__lte=now).delete()
    return deleted.get(Draft._meta.label, 0)


def resume_link_send(
    *,
    journey: Journey,
    owner: Owner,
    email: str,
    url_for_token: Callable[[str], str],
    language: str = "en",
) -> ResumeLink:
    """Email a single-use link that brings this draft back, in any browser.

    ``url_for_token`` turns the signed token into the absolute URL of the confirm page.
    Raises ``DraftNotFound`` when there is nothing saved yet and ``TooManyResumeLinks``
    after ``RESUME_LINKS_PER_HOUR`` links in an hour.
    """
    from digital_services.core.registry import service_get

    with transaction.atomic():
        draft = (
            Draft.objects.select_for_update()
            .filter(service=journey.service, journey=journey.slug, **owner.draft_filter())
            .filter(expires_at__gt=timezone.now())
            .first()
            if owner
            else None
        )
        if draft is None:
            raise DraftNotFound(journey.key)
        recent = draft.resume_links.filter(
            created_at__gt=timezone.now() - timedelta(hours=1)
        ).count()
        if recent >= RESUME_LINKS_PER_HOUR:
            raise TooManyResumeLinks(journey.key)
        link = ResumeLink.objects.create(draft=draft)
        # The date the save page gives: the link lasts as long as the saved answers.
        expires = timezone.localtime(draft.expires_at)
        try:
            service_name = service_get(journey.service).name
        except KeyError:
            service_name = journey.title
        with translation.override(language):  # the email's language, not the page's
            service_name = translation.gettext(str(service_name))
        integrations.notification_send(
            template=NOTIFICATION_RESUME_LINK,
            to=email,
            personalisation={
                "service_name": service_name,
                "resume_url": url_for_token(resume_token_make(link)),
                "expires_on": f"{time_format(expires)} on {date_format(expires)}",
            },
            language=language,
            about=draft,
            service=journey.service,
        )
    return link


def resume_link_redeem(*, token: str, journey: Journey, owner: Owner) -> Draft:
    """Use a resume link once: the draft now belongs to this browser (or signed-in user).

    Any other draft of the same journey that this owner had is deleted: the person
    chose to carry on with the one in the link. Raises ``ResumeLinkInvalid``.
    """
    with transaction.atomic():
        link = resume_link_for_token(token=token, journey=journey)
        link = ResumeLink.objects.select_for_update().select_related("draft").get(pk=link.pk)
        if link.status != ResumeLink.Status.ISSUED:
            raise ResumeLinkInvalid("used")
        draft = link.draft
        (
            Draft.objects.filter(
                service=journey.service, journey=journey.slug, **owner.draft_filter()
            )
            .exclude(pk=draft.pk)
            .delete()
        )
        now = timezone.now()
        link.status = ResumeLink.Status.USED
        link.used_at = now
        link.save(update_fields=["status", "used_at"])
        if owner.user is not None:
            draft.user = owner.user
            draft.session_key = ""
            # Now in an account: any other link to it is revoked, as on adoption.
            draft.resume_links.exclude(pk=link.pk).delete()
        else:
            draft.session_key = owner.session_key
        draft.expires_at = draft_expiry_from(now)
        draft.save(update_fields=["user", "session_key", "expires_at", "updated_at"])
    return draft
