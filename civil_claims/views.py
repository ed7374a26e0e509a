"""The citizen's pages of Make a money claim: the start page, the eligibility questions,
and the pages about a sent claim (confirmation, the claim page, paying, the sealed form).

The claim itself is the journey engine's (``journeys.CLAIM``).
"""

from __future__ import annotations

import functools

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assisted_digital.templatetags.assisted_digital import whose_for
from digital_services.core.transitions import TransitionNotAllowed
from digital_services.core.views import service_start_page
from digital_services.documents.http import document_response
from digital_services.payments.services import PaymentProviderUnavailable

from . import selectors, services
from .constants import ClaimStatus
from .journeys import CLAIM
from .journeys.eligibility import (
    QUESTIONS,
    SESSION_KEY,
    EligibilityForm,
    Exit,
    Question,
    answers_from,
    exit_for,
    exit_reason,
    first_unanswered,
    previous_question,
)
from .journeys.submit import on_site
from .service import SERVICE, START_PAGE
from .services.common import party_route
from .views_payment import payment_unavailable

PAYABLE = (ClaimStatus.AWAITING_PAYMENT, ClaimStatus.HWF_AWAITING_CLAIMANT)


def start(request):
    return service_start_page(
        request, SERVICE, START_PAGE, start_now_url=reverse("civil_claims:eligibility")
    )


def _question_url(question: Question) -> str:
    return reverse(f"civil_claims:eligibility-{question.slug}")


@require_GET
def eligibility(request):
    """The first question without a passing answer, or "You can use this service"."""
    question = first_unanswered(answers_from(request.session))
    if question is None:
        return redirect("civil_claims:eligible")
    return redirect(_question_url(question))


@never_cache
@require_http_methods(["GET", "POST"])
def eligibility_question(request, question: Question):
    """One eligibility question. A passing answer goes on to the next question; one that
    rules the service out goes to its own "You cannot use this service" page."""
    answers = answers_from(request.session)
    if request.method == "POST":
        form = EligibilityForm(request.POST, question=question)
        if form.is_valid():
            answer = form.cleaned_data["answer"]
            answers[question.slug] = answer
            request.session[SESSION_KEY] = answers
            exit_ = exit_for(question, answer)
            if exit_ is not None:
                return redirect(f"civil_claims:not-eligible-{exit_.slug}")
            return redirect("civil_claims:eligibility")
    else:
        form = EligibilityForm(question=question, initial={"answer": answers.get(question.slug)})
    previous = previous_question(question)
    return render(
        request,
        "civil_claims/eligibility_question.html",
        {
            "form": form,
            "question": question,
            "page_title": question.title,
            "back_url": _question_url(previous) if previous else reverse("civil_claims:start"),
        },
    )


@require_GET
def not_eligible(request, exit_: Exit):
    """ "You cannot use this service": why, and where to go instead."""
    return render(
        request,
        "civil_claims/not_eligible.html",
        {
            "exit": exit_,
            "reason": exit_reason(exit_),
            "page_title": gettext("You cannot use this service"),
            "back_url": next(
                (_question_url(q) for q in QUESTIONS if exit_.slug in q.exits.values()), None
            ),
        },
    )


@never_cache
@require_GET
def eligible(request):
    """Every answer passed: the claim's task list is next."""
    question = first_unanswered(answers_from(request.session))
    if question is not None:
        return redirect(_question_url(question))
    return render(
        request,
        "civil_claims/eligible.html",
        {
            "page_title": gettext("You can use this service"),
            "claim_url": reverse(f"civil_claims:{CLAIM.slug}-start"),
            "back_url": reverse("civil_claims:eligibility-on-behalf"),
        },
    )


# A sent claim: confirmation, its page, paying, the sealed claim form --------------------


def _refused(request):
    """Not found for someone signed in; sign in for anyone else (it may be theirs)."""
    if request.user.is_authenticated:
        raise Http404("No such claim")
    return redirect_to_login(request.get_full_path())


def _for_viewer(view):
    """The view gets the claim this viewer may see (its signed-in claimant, or a browser
    holding its grant); anyone else is refused."""

    @functools.wraps(view)
    def wrapper(request, reference: str):
        claim = selectors.claim_get_for_viewer(reference=reference, request=request)
        if claim is None:
            return _refused(request)
        return view(request, claim)

    return wrapper


def _claim_context(claim, **extra) -> dict:
    route = party_route(claim.claimant) if claim.claimant else None
    return {
        "claim": claim,
        "contact_text": route.describe() if route and route.usable else "",
        "contact_channel": route.channel if route else "",
        "next_step": selectors.claim_next_step(claim),
        "breathing_space": selectors.claim_breathing_space_in_force(claim),
        "can_pay": claim.status in PAYABLE and services.claim_amount_due_pence(claim) > 0,
        "amount_due_pence": services.claim_amount_due_pence(claim),
        **extra,
    }


@never_cache
@require_GET
@_for_viewer
def claim_confirmation(request, claim):
    """After paying (or sending with a Help with Fees reference): what happened and how
    we will contact the claimant, as their chosen route says."""
    # "Your", or the helped citizen's name in an assisted session.
    words = {"owner": whose_for(request)}
    if claim.is_issued:
        title = gettext("%(owner)s claim has been issued") % words
    elif claim.status == ClaimStatus.HWF_PENDING:
        title = gettext("%(owner)s claim has been sent") % words
    else:
        title = gettext("%(owner)s claim has not been issued yet") % words
    return render(
        request,
        "civil_claims/claim_confirmation.html",
        _claim_context(claim, page_title=title),
    )


@never_cache
@require_GET
@_for_viewer
def claim_detail(request, claim):
    """The claim: its state, deadlines and next step, the sums, what happened, and the
    sealed claim form once it is ready."""
    return render(
        request,
        "civil_claims/claim_detail.html",
        _claim_context(
            claim,
            page_title=gettext("Your claim %(reference)s") % {"reference": claim.reference_display},
            history=selectors.claim_history(claim),
            amount_rows=list(claim.amount_rows.all()),
            interest=claim.interest_answers(),
        ),
    )


@never_cache
@require_POST
@_for_viewer
def claim_pay(request, claim):
    """Pay the claim's fee by card (an agent in an assisted session types the card
    details: a telephone payment)."""
    session = getattr(request, "assisted_session", None)
    if session is not None:
        started_by, entered_by = session.citizen, request.user
    else:
        started_by, entered_by = (request.user if request.user.is_authenticated else None), None
    try:
        url = services.claim_payment_start(
            claim=claim,
            return_to=reverse("civil_claims:claim-confirmation", args=[claim.reference]),
            started_by=started_by,
            entered_by=entered_by,
        )
    except TransitionNotAllowed:
        return redirect("civil_claims:claim-detail", claim.reference)
    except PaymentProviderUnavailable:
        return payment_unavailable(
            request,
            back_url=reverse("civil_claims:claim-detail", args=[claim.reference]),
            back_text=gettext("Go back to your claim"),
        )
    return redirect(on_site(url))


@never_cache
@require_GET
@_for_viewer
def claim_form_download(request, claim):
    """The sealed claim form (made by a background task once the claim is issued)."""
    if claim.sealed_claim_form is None:
        raise Http404("The claim form is not ready yet")
    return document_response(document=claim.sealed_claim_form)
