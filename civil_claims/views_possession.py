"""Possession claims: the landlord's pages after sending (the journey itself is the
platform's, declared in ``journeys/possession.py``)."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .possession_constants import PossessionStatus
from .selectors_possession import possession_claim_get_for_viewer


@never_cache
@require_GET
def possession_confirmation(request, reference: str):
    """After sending: the reference, the fee and what happens next."""
    claim = possession_claim_get_for_viewer(reference=reference, request=request)
    if claim is None:
        if request.user.is_authenticated:
            raise Http404("No such claim")
        return redirect_to_login(request.get_full_path())
    return render(
        request,
        "civil_claims/possession/confirmation.html",
        {
            "page_title": gettext("Your possession claim has been issued")
            if claim.claim_number
            else gettext("Your possession claim has been sent"),
            "claim": claim,
            "defendant_names": ", ".join(d.name for d in claim.defendants),
            "hwf": claim.status == PossessionStatus.HWF_PENDING,
            "grounds": list(claim.grounds.all()),
        },
    )


urlpatterns = [
    path(
        "possession-claims/<str:reference>/sent/",
        possession_confirmation,
        name="possession-confirmation",
    ),
]
