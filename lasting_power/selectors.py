"""Reads of LPAs, already narrowed to what the viewer may see.

``lpa_details(lpa)`` is the typed reading of an LPA's answers that pages and the
generated documents use (lasting_power.details).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from digital_services.core.references import reference_plain

from .details import LpaDetails, details_from_answers
from .journeys import lpa_flow
from .models import Lpa

DASHBOARD_PAGE_SIZE = 50
SEARCH_MIN_NAME = 3


def lpa_details(lpa: Lpa) -> LpaDetails:
    """The LPA's valid answers as people and decisions (see details.LpaDetails)."""
    flow = lpa_flow(lpa)
    return details_from_answers(
        reference=lpa.reference_display, lpa_type=lpa.lpa_type, answers=flow.evaluation.answers
    )


def lpas_for_user(*, user, search: str = "") -> QuerySet[Lpa]:
    """The account's LPAs, newest change first; ``search`` matches a reference (with or
    without spaces) or 3 or more characters of the donor's name."""
    queryset = Lpa.objects.filter(user=user)
    search = " ".join((search or "").split())
    if search:
        plain = reference_plain(search).upper()
        condition = Q(reference__iexact=plain) | Q(reference__iexact=f"A{plain}")
        if len(search) >= SEARCH_MIN_NAME:
            condition |= Q(donor_name__icontains=search)
        queryset = queryset.filter(condition)
    return queryset


def lpa_for_owner(*, user, pk: int) -> Lpa | None:
    """The LPA if it is this account's, else None (views answer 404 either way)."""
    if user is None or not user.is_authenticated:
        return None
    return Lpa.objects.filter(pk=pk, user=user).first()
