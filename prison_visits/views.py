"""Citizen pages of Book a prison visit: the start page and the visit's status page.

(The booking journey itself is declared in ``journeys.py``.)
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from digital_services.accounts.citizens import case_owner_for_request
from digital_services.core.views import service_start_page

from . import emails, selectors
from .constants import (
    CANCELLATION_REASON_TEXT,
    EXCLUSION_TEXT,
    REJECTION_REASON_TEXT,
    VisitStatus,
)
from .service import SERVICE, START_PAGE


def start(request):
    return service_start_page(request, SERVICE, START_PAGE)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


@require_GET
@login_required
def visit_status(request, reference):
    """Where a visit is: for the signed-in owner (or the citizen being helped) only."""
    visit = selectors.visit_for_owner(user=case_owner_for_request(request), reference=reference)
    if visit is None:
        raise Http404("No such visit")
    visitors = []
    for visitor in visit.visitors.all():
        reason = ""
        if not visitor.allowed:
            reason = _sentence(EXCLUSION_TEXT.get(visitor.exclusion, EXCLUSION_TEXT["other"])[0])
            if visitor.banned_until:
                reason += f" until {emails.date_text(visitor.banned_until, 'en')}"
        visitors.append({"visitor": visitor, "reason": reason})
    rejection_reasons = [
        _sentence(REJECTION_REASON_TEXT[r][0])
        for r in visit.rejection_reasons
        if r in REJECTION_REASON_TEXT
    ]
    cancellation_reasons = [
        _sentence(CANCELLATION_REASON_TEXT[r][0])
        for r in visit.cancellation_reasons
        if r in CANCELLATION_REASON_TEXT
    ]
    return render(
        request,
        "prison_visits/visit_status.html",
        {
            "page_title": f"Your visit to {visit.prison.name}",
            "visit": visit,
            "status": VisitStatus,
            "slot_options": [emails.slot_text(s) for s in visit.slot_options],
            "booked_slot": emails.slot_text(visit.booked_slot) if visit.booked_slot else "",
            "respond_by": emails.date_text(visit.respond_by, "en"),
            "allowance_renews_on": emails.date_text(visit.allowance_renews_on, "en")
            if visit.allowance_renews_on
            else "",
            "visitors": visitors,
            "rejection_reasons": rejection_reasons,
            "cancellation_reasons": cancellation_reasons,
        },
    )
