"""The defendant's response around its journey (``journeys.response``): starting it from the
claim's page, the page after sending it, and paying a counterclaim's fee by card."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from digital_services.journeys.selectors import draft_get, owner_for_request
from digital_services.payments.services import PaymentProviderUnavailable

from .journeys.response import DRAFT_KEY, RESPONSE, SESSION_KEY
from .journeys.submit import on_site
from .models import Counterclaim, Response
from .services.common import court_phone, court_postal_address
from .services.response import (
    ResponseRefused,
    claim_response_refusal,
    counterclaim_payment_start,
)
from .views_defendant import _for_defendant
from .views_payment import payment_unavailable


@never_cache
@require_GET
@_for_defendant
def respond_response_start(request, claim):
    """ "Respond to the claim": the response journey, for this claim. A response started for
    another claim is finished or deleted first (one response at a time)."""
    refusal = claim_response_refusal(claim)
    if refusal:
        return redirect("civil_claims:respond-claim", claim.reference)
    draft = draft_get(journey=RESPONSE, owner=owner_for_request(request))
    other = draft.answers.get(DRAFT_KEY) if draft is not None else None
    if other and other != claim.reference:
        return render(
            request,
            "civil_claims/response/another_in_progress.html",
            {"page_title": gettext("You have started another response"), "claim": claim},
            status=409,
        )
    request.session[SESSION_KEY] = claim.reference
    return redirect("civil_claims:response-start")


def _counterclaim(response) -> Counterclaim | None:
    try:
        return response.counterclaim
    except Counterclaim.DoesNotExist:
        return None


@never_cache
@require_GET
@_for_defendant
def respond_sent(request, claim):
    """Your response has been sent: what happens next, and any counterclaim fee to pay."""
    response = Response.objects.filter(claim=claim).first()
    if response is None:
        raise Http404("No response has been sent")
    return render(
        request,
        "civil_claims/response/sent.html",
        {
            "page_title": gettext("Your response has been sent"),
            "claim": claim,
            "response": response,
            "counterclaim": _counterclaim(response),
            "phone": court_phone(),
            "postal_address": court_postal_address(),
        },
    )


@never_cache
@require_POST
@_for_defendant
def respond_counterclaim_pay(request, claim):
    """Pay the counterclaim's fee by card (an agent in an assisted session types the card
    details)."""
    response = Response.objects.filter(claim=claim).first()
    counterclaim = _counterclaim(response) if response is not None else None
    if counterclaim is None:
        raise Http404("No counterclaim")
    session = getattr(request, "assisted_session", None)
    started_by, entered_by = (
        (session.citizen, request.user) if session is not None else (request.user, None)
    )
    try:
        url = counterclaim_payment_start(
            counterclaim=counterclaim,
            return_to=reverse("civil_claims:respond-sent", args=[claim.reference]),
            started_by=started_by,
            entered_by=entered_by,
        )
    except ResponseRefused:
        return redirect("civil_claims:respond-sent", claim.reference)
    except PaymentProviderUnavailable:
        return payment_unavailable(
            request,
            back_url=reverse("civil_claims:respond-sent", args=[claim.reference]),
            back_text=gettext("Go back to your response"),
        )
    return redirect(on_site(url))


urlpatterns = [
    path(
        "respond/claims/<str:reference>/respond/",
        respond_response_start,
        name="respond-response-start",
    ),
    path("respond/claims/<str:reference>/response/sent/", respond_sent, name="respond-sent"),
    path(
        "respond/claims/<str:reference>/counterclaim/pay/",
        respond_counterclaim_pay,
        name="respond-counterclaim-pay",
    ),
]
