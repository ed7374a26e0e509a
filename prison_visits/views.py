"""Citizen pages of Book a prison visit: the start page, the confirmation, the visit's status
page, the "check your visit" look-up, and withdrawing or cancelling.

(The booking journey itself is declared in ``journeys.py``.)

Who may see a visit: its owner (signed in, or the citizen a member of staff is helping),
or a browser holding the platform's grant for it (digital_services/core/grants.py): it
sent the request (the confirmation page), opened a link from one of our emails, or gave
the reference with the main visitor's date of birth (``visit_find``, rate limited).
Someone signed in who may not see
a visit gets 404; someone not signed in is sent to the look-up (the email links point
at the status page), the same way for every reference, so nothing is given away.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from digital_services.accounts.citizens import case_owner_for_request
from digital_services.audit.http import lookup_rate_limited
from digital_services.core.grants import grant_hold_new, grant_references
from digital_services.core.views import service_start_page

from . import emails, selectors, services
from .constants import (
    CANCELLATION_REASON_TEXT,
    EXCLUSION_TEXT,
    GRANT_SCOPE,
    REJECTION_REASON_TEXT,
    VisitStatus,
)
from .forms import VisitLookupForm
from .journeys import BOOK, confirmation_reference
from .models import Visit
from .service import SERVICE, START_PAGE

RATE_LIMITED_MESSAGE = _(
    "You have tried to find a visit too many times. Wait an hour and try again"
)
NOT_FOUND_MESSAGE = _(
    "No visit matches that reference and date of birth. Check them and try again: the "
    "reference is in the emails we sent you"
)


def start(request):
    return service_start_page(
        request, SERVICE, START_PAGE, start_now_url=reverse(f"prison_visits:{BOOK.slug}-start")
    )


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _references(request) -> list[str]:
    """The visits this browser holds grants for."""
    return grant_references(request, scope=GRANT_SCOPE)


def _references_add(request, reference: str) -> None:
    grant_hold_new(request, scope=GRANT_SCOPE, reference=reference)


def _find_url(reference: str = "") -> str:
    url = reverse("prison_visits:visit-find")
    return f"{url}?{urlencode({'reference': reference})}" if reference else url


def _viewable(request, reference: str) -> Visit | None:
    return selectors.visit_for_viewer(
        user=case_owner_for_request(request), reference=reference, references=_references(request)
    )


def _not_viewable(request, reference: str):
    """Someone signed in: 404 (with the look-up offered); anyone else: to the look-up."""
    if request.user.is_authenticated:
        return render(
            request,
            "prison_visits/visit_not_found.html",
            {"page_title": gettext("Visit not found"), "find_url": _find_url(reference)},
            status=404,
        )
    return redirect(_find_url(reference))


def _actor(request):
    return request.user if request.user.is_authenticated else None


def visit_cancellable(visit: Visit) -> bool:
    """A booked visit that has not started: the visitor may cancel it."""
    if visit.status != VisitStatus.BOOKED or visit.slot_date is None or visit.slot_start is None:
        return False
    starts = timezone.make_aware(datetime.combine(visit.slot_date, visit.slot_start))
    return starts > timezone.now()


# ---------------------------------------------------------------- after sending


@never_cache
@require_GET
def book_confirmation(request, token):
    """The page the journey ends on. Its address is signed, so only the sender has it."""
    reference = confirmation_reference(token)
    visit = (
        selectors.visit_for_viewer(user=None, reference=reference, references=[reference])
        if reference
        else None
    )
    if visit is None:
        raise Http404("No such request")
    _references_add(request, visit.reference)
    language = emails.page_language()
    return render(
        request,
        "prison_visits/confirmation.html",
        {
            "page_title": gettext("Visit request sent"),
            "visit": visit,
            "respond_by": emails.date_text(visit.respond_by, language),
            "contact_description": emails.visit_contact_describe(visit),
            "slot_options": [emails.slot_text(s, language) for s in visit.slot_options],
            "status_url": reverse("prison_visits:visit-status", args=[visit.reference]),
            "find_url": _find_url(),
        },
    )


# ---------------------------------------------------------------- the status page


@never_cache
@require_GET
def visit_status(request, reference):
    """Where a visit is: its state, the reasons, who can come, what to bring, what you can do."""
    visit = _viewable(request, reference)
    if visit is None:
        return _not_viewable(request, reference)
    language = emails.page_language()
    welsh = int(language == "cy")  # the reason texts are (English, Welsh) pairs
    visitors = []
    for visitor in visit.visitors.all():
        reason = ""
        if not visitor.allowed:
            reason = _sentence(
                EXCLUSION_TEXT.get(visitor.exclusion, EXCLUSION_TEXT["other"])[welsh]
            )
            if visitor.banned_until:
                reason += gettext(" until %(date)s") % {
                    "date": emails.date_text(visitor.banned_until, language)
                }
        visitors.append({"visitor": visitor, "reason": reason})
    rejection_reasons = [
        _sentence(REJECTION_REASON_TEXT[r][welsh])
        for r in visit.rejection_reasons
        if r in REJECTION_REASON_TEXT
    ]
    cancellation_reasons = [
        _sentence(CANCELLATION_REASON_TEXT[r][welsh])
        for r in visit.cancellation_reasons
        if r in CANCELLATION_REASON_TEXT
    ]
    return render(
        request,
        "prison_visits/visit_status.html",
        {
            "page_title": gettext("Your visit to %(prison)s") % {"prison": visit.prison.name_here},
            "visit": visit,
            "status": VisitStatus,
            "slot_options": [emails.slot_text(s, language) for s in visit.slot_options],
            "booked_slot": emails.slot_text(visit.booked_slot, language)
            if visit.booked_slot
            else "",
            "respond_by": emails.date_text(visit.respond_by, language),
            "allowance_renews_on": emails.date_text(visit.allowance_renews_on, language)
            if visit.allowance_renews_on
            else "",
            "visitors": visitors,
            "rejection_reasons": rejection_reasons,
            "cancellation_reasons": cancellation_reasons,
            # Who can come is decided only when the visit is booked: before that, or for a
            # withdrawn request, "Yes" would promise what nobody has decided.
            "visitors_decided": visit.status in (VisitStatus.BOOKED, VisitStatus.CANCELLED),
            "prison_messages": selectors.visit_prison_messages(visit=visit),
            "can_withdraw": visit.status == VisitStatus.REQUESTED,
            "can_cancel": visit_cancellable(visit),
            "book_url": reverse(f"prison_visits:{BOOK.slug}-start"),
        },
    )


# ---------------------------------------------------------------- finding a visit


@never_cache
@require_http_methods(["GET", "POST"])
def visit_find(request):
    """Check a visit with its reference and the main visitor's date of birth (rate limited)."""
    status = 200
    if request.method == "POST":
        form = VisitLookupForm(request.POST)
        if form.is_valid():
            reference = form.cleaned_data["reference"]
            if lookup_rate_limited(
                request,
                group="prison_visits.visit_find",
                reference=reference,
                setting="PRISON_VISITS_LOOKUP_RATE_LIMIT",
            ):
                form.add_error(None, RATE_LIMITED_MESSAGE)
                status = 429
            else:
                visit = selectors.visit_for_lead_visitor(
                    reference=reference, date_of_birth=form.cleaned_data["date_of_birth"]
                )
                if visit is not None:
                    _references_add(request, visit.reference)
                    return redirect("prison_visits:visit-status", reference=visit.reference)
                # On the reference field, so the summary links to it and the field is marked.
                form.add_error("reference", NOT_FOUND_MESSAGE)
    else:
        reference = request.GET.get("reference", "")[:20]
        visit = _viewable(request, reference) if reference else None
        if visit is not None:
            return redirect("prison_visits:visit-status", reference=visit.reference)
        form = VisitLookupForm(initial={"reference": reference})
    return render(
        request,
        "prison_visits/visit_find.html",
        {"page_title": gettext("Check your visit"), "form": form},
        status=status,
    )


# ---------------------------------------------------------------- withdrawing and cancelling


def _change_page(request, reference, *, allowed, change, template, done, too_late, sure):
    visit = _viewable(request, reference)
    if visit is None:
        return _not_viewable(request, reference)
    status_url = reverse("prison_visits:visit-status", args=[visit.reference])
    if not allowed(visit):
        messages.info(request, too_late)
        return redirect(status_url)
    if request.method == "POST":
        try:
            change(visit)
        except (services.TransitionNotAllowed, services.VisitError) as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, done)
        return redirect(status_url)
    language = emails.page_language()
    return render(
        request,
        template,
        {
            "page_title": sure,
            "visit": visit,
            "status_url": status_url,
            "slot_options": [emails.slot_text(s, language) for s in visit.slot_options],
            "booked_slot": emails.slot_text(visit.booked_slot, language)
            if visit.booked_slot
            else "",
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def visit_withdraw(request, reference):
    """Withdraw a request the prison has not answered yet (a confirm page that POSTs)."""
    return _change_page(
        request,
        reference,
        allowed=lambda visit: visit.status == VisitStatus.REQUESTED,
        change=lambda visit: services.visit_withdraw(visit=visit, by=_actor(request)),
        template="prison_visits/visit_withdraw.html",
        done=gettext("You have withdrawn your visit request. The prison will not book it."),
        too_late=gettext("You cannot withdraw your visit request any more."),
        sure=gettext("Are you sure you want to withdraw your visit request?"),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def visit_cancel(request, reference):
    """Cancel a booked visit before it starts; the prison sees it in its inbox."""
    return _change_page(
        request,
        reference,
        allowed=visit_cancellable,
        change=lambda visit: services.visit_cancel(
            visit=visit, by=_actor(request), by_visitor=True
        ),
        template="prison_visits/visit_cancel.html",
        done=gettext("You have cancelled your visit. The prison has been told."),
        too_late=gettext("You cannot cancel your visit any more."),
        sure=gettext("Are you sure you want to cancel your visit?"),
    )
