"""Reads: finding a citizen, the agent's active session, lists of sessions."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db.models import Count, QuerySet
from django.utils import timezone

from digital_services.accounts.citizens import (
    email_is_placeholder,
    name_normalise,
    phone_normalise,
    postcode_normalise,
)

from .models import AssistedSession, SubmissionRecord

#: The most results a search shows: more means the staff member should ask for more facts.
SEARCH_LIMIT = 20
MIN_FACTS = 2


def _citizens() -> QuerySet:
    """Everyone staff may help: active, not staff."""
    return get_user_model().objects.filter(is_active=True, is_staff=False)


def citizen_find(
    *,
    name: str = "",
    date_of_birth: dt.date | None = None,
    postcode: str = "",
    email: str = "",
    phone: str = "",
) -> list:
    """Citizens who match every fact given, exactly (ignoring case and spacing).

    At least two facts are needed (fewer returns nothing), and there is no
    partial or fuzzy matching, so a search never shows staff people they could
    not already describe. At most ``SEARCH_LIMIT`` results, by name.
    """
    facts = [bool(name_normalise(name)), date_of_birth is not None, bool(postcode)]
    facts += [bool(email.strip()), bool(phone_normalise(phone))]
    if sum(facts) < MIN_FACTS:
        return []
    citizens = _citizens()
    if name_normalise(name):
        citizens = citizens.filter(full_name__iexact=name_normalise(name))
    if date_of_birth is not None:
        citizens = citizens.filter(citizen_profile__date_of_birth=date_of_birth)
    if postcode:
        citizens = citizens.filter(citizen_profile__postcode=postcode_normalise(postcode) or "-")
    if email.strip():
        if email_is_placeholder(email):
            return []
        citizens = citizens.filter(email__iexact=email.strip()).exclude(
            citizen_profile__has_email=False
        )
    if phone_normalise(phone):
        citizens = citizens.filter(citizen_profile__phone=phone_normalise(phone))
    return list(
        citizens.select_related("citizen_profile").order_by("full_name", "pk")[:SEARCH_LIMIT]
    )


def citizens_by_ids(*, ids) -> list:
    """The citizens staff may help among ``ids`` (a search's results), by name."""
    try:
        ids = [int(pk) for pk in ids]
    except (TypeError, ValueError):
        return []
    return list(
        _citizens().select_related("citizen_profile").filter(pk__in=ids).order_by("full_name", "pk")
    )


def citizen_get(*, pk) -> object | None:
    """A citizen staff may help, by id (None for staff, inactive or unknown users)."""
    try:
        return _citizens().select_related("citizen_profile").filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        return None


def assisted_session_active_get(*, agent, pk) -> AssistedSession | None:
    """The agent's session ``pk`` if it is still active."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return (
        AssistedSession.objects.select_related("citizen", "citizen__citizen_profile", "agent")
        .filter(pk=pk, agent=agent, status=AssistedSession.Status.ACTIVE)
        .first()
    )


def _with_counts(sessions: QuerySet) -> QuerySet:
    return sessions.select_related("citizen", "agent").annotate(
        submission_count=Count("submissions", distinct=True)
    )


def sessions_for_agent(*, agent) -> QuerySet:
    """The agent's own sessions, newest first."""
    return _with_counts(AssistedSession.objects.filter(agent=agent)).order_by("-started_at", "-id")


def sessions_filter(
    *,
    agent=None,
    channel: str = "",
    started_from: dt.date | None = None,
    started_to: dt.date | None = None,
    service: str = "",
) -> QuerySet:
    """Every session (for managers), narrowed by the filters given, newest first.

    ``started_from`` and ``started_to`` are inclusive dates in UK time;
    ``service`` keeps sessions in which an application to that service was sent.
    """
    sessions = AssistedSession.objects.all()
    if agent is not None:
        sessions = sessions.filter(agent=agent)
    if channel:
        sessions = sessions.filter(channel=channel)
    tz = timezone.get_current_timezone()
    if started_from is not None:
        sessions = sessions.filter(
            started_at__gte=dt.datetime.combine(started_from, dt.time.min, tzinfo=tz)
        )
    if started_to is not None:
        sessions = sessions.filter(
            started_at__lt=dt.datetime.combine(
                started_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz
            )
        )
    if service:
        sent = SubmissionRecord.objects.filter(service=service, assisted_session__isnull=False)
        sessions = sessions.filter(pk__in=sent.values("assisted_session"))
    return _with_counts(sessions).order_by("-started_at", "-id")


def agents_with_sessions() -> QuerySet:
    """Staff who have run at least one session (the managers' agent filter)."""
    return (
        get_user_model()
        .objects.filter(assisted_sessions_run__isnull=False)
        .distinct()
        .order_by("full_name", "email")
    )
