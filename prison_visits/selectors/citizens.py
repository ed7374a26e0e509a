"""Reads for citizens: their visits, a visit for its viewer, what we hold about them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import (
    QuerySet,
)
from django.urls import reverse
from django.utils.translation import gettext

from digital_services.core.dates import date_format
from digital_services.core.queries import CompiledQuery
from digital_services.core.references import reference_candidates
from digital_services.core.registry import CaseSummary

from ..models import (
    Visit,
    VisitEvent,
)

# ---------------------------------------------------------------- citizens


def visits_for_user(*, user) -> QuerySet[Visit]:
    """A signed-in citizen's own visits, newest first."""
    if not user or not user.is_authenticated:
        return Visit.objects.none()
    return _visits_of(user)


def _visits_of(user) -> QuerySet[Visit]:
    """The visits of ``user`` (an account or its id), newest first."""
    return (
        Visit.objects.filter(user=user, anonymised_at__isnull=True)
        .select_related("prison")
        .order_by("-requested_at", "-id")
    )


def visit_for_owner(*, user, reference: str) -> Visit | None:
    """The user's visit with this reference (as typed: spaces, hyphens, case and
    look-alikes forgiven), or None."""
    return (
        visits_for_user(user=user)
        .filter(reference__in=reference_candidates(reference))
        .prefetch_related("visitors")
        .first()
    )


def visit_for_lead_visitor(*, reference: str, date_of_birth: date) -> Visit | None:
    """The visit with this reference whose lead visitor was born on ``date_of_birth``, or None.

    For the "check your visit" look-up by someone who may have no account: the
    same None whether the reference is unknown or the date of birth is wrong.
    """
    candidates = reference_candidates(reference)
    if not any(candidates):
        return None
    return (
        Visit.objects.filter(
            reference__in=candidates,
            anonymised_at__isnull=True,
            visitors__position=0,
            visitors__date_of_birth=date_of_birth,
        )
        .select_related("prison")
        .first()
    )


def visit_for_viewer(*, user, reference: str, references: Iterable[str] = ()) -> Visit | None:
    """The visit with this reference if ``user`` owns it or it is among ``references`` (the
    ones this browser holds grants for: it sent the request, opened a link from our emails
    or proved the lead visitor's date of birth); None otherwise."""
    visit = visit_for_owner(user=user, reference=reference) if user is not None else None
    held = set(reference_candidates(reference)) & set(references)
    if visit is None and held:
        visit = (
            Visit.objects.filter(reference__in=held, anonymised_at__isnull=True)
            .select_related("prison")
            .prefetch_related("visitors")
            .first()
        )
    return visit


def visit_prison_messages(*, visit: Visit) -> list[VisitEvent]:
    """What the prison wrote to the visitor (with a booking, a rejection, a cancellation or on
    its own), oldest first: the status page shows it as well as the emails."""
    return list(
        VisitEvent.objects.filter(visit=visit, by_visitor=False)
        .exclude(message="")
        .order_by("occurred_at", "id")
    )


#: ``visits_for_user``'s first 50, built and compiled once per process (``CompiledQuery``).
_VISITS = CompiledQuery(lambda *, user_id: _visits_of(user_id)[:50])


def visit_cases(user) -> list[CaseSummary]:
    """The user's visits for "Your applications" (the service registry's ``list_cases``)."""
    if not user or not user.is_authenticated:
        return []
    return [
        CaseSummary(
            reference=visit.reference_display,
            title=gettext("Visit to %(prisoner)s at %(prison)s")
            % {"prisoner": visit.prisoner_name, "prison": visit.prison.name_here},
            status=visit.get_status_display(),
            url=reverse("prison_visits:visit-status", args=[visit.reference]),
            updated_at=visit.updated_at,
        )
        for visit in _VISITS.rows(user_id=user.pk)
    ]


def visit_data_for_user(user) -> dict:
    """Everything this service holds about ``user``'s visits ("Your data"; registry hook).

    Anonymised visits hold nothing about anyone any more, so they are left out.
    """
    visits = (
        Visit.objects.filter(user=user, anonymised_at__isnull=True)
        .select_related("prison")
        .prefetch_related("visitors")
        .order_by("-requested_at", "-id")
    )
    return {
        "visits": [
            {
                "reference": visit.reference_display,
                "prison": visit.prison.name,
                "status": visit.get_status_display(),
                "visit_date": visit.visit_date,
                "prisoner_name": f"{visit.prisoner_first_name} {visit.prisoner_last_name}",
                "prisoner_date_of_birth": visit.prisoner_date_of_birth,
                "prisoner_number": visit.prisoner_number,
                "contact_email": visit.contact_email,
                "contact_phone": visit.contact_phone,
                "postal_address": visit.postal_address,
                "visitors": [
                    f"{visitor.first_name} {visitor.last_name}, born "
                    f"{date_format(visitor.date_of_birth)}"
                    for visitor in visit.visitors.all()
                ],
                "sent": visit.requested_at,
            }
            for visit in visits
        ]
    }
