"""A possession claim's defendant (the tenant): link the claim with the claim number and
the access code from the claim pack (the money claim defendant's pages,
``views_defendant.ClaimLinkFlow``, in a possession claim's words), sign in or create an
account, then the claim's page with the deadline, the hearing and what to do next.
"""

from __future__ import annotations

import functools

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from digital_services.accounts.citizens import case_owner_for_request

from . import selectors_possession_defendant as selectors
from .services.common import court_phone, court_postal_address
from .views_defendant import ClaimLinkFlow

POSSESSION_CLAIM_LINK = ClaimLinkFlow(
    # A key of its own, so a money claim's pending link is not mixed up with it.
    session_key="civil_claims.possession_defendant_link",
    rate_group="civil_claims.possession_respond_link",
    url_prefix="possession-respond",
    possession=True,
    page_title=gettext_lazy("Respond to a claim to take back your home"),
    caption=gettext_lazy("Possession claims"),
    intro=gettext_lazy(
        "If your landlord or mortgage lender has made a claim to the court to take back your "
        "home, we posted you a claim pack with the claim number and an access code. Enter "
        "them to see the claim and respond. There is no fee to respond."
    ),
    lost_code=gettext_lazy(
        "An access code works only once. If yours has been used, or you have lost the claim "
        "pack, contact the court with your claim number and we will post you a new code."
    ),
    advice_heading=gettext_lazy("Get free legal advice"),
    advice=gettext_lazy(
        "You may be able to get free legal advice about keeping your home, whatever your "
        "income, from the Housing Loss Prevention Advice Service, Shelter or Citizens Advice."
    ),
    linked_for=selectors.possession_defendant_claims_for_user,
)
#: The tenant's pending link (tests read it).
SESSION_KEY = POSSESSION_CLAIM_LINK.session_key


def for_tenant(view):
    """The view gets the viewer's defendant party (with its claim) if the viewer is a
    linked defendant of the claim; a visitor is sent to sign in, anyone else gets 404."""

    @functools.wraps(view)
    def wrapper(request, reference: str, *args, **kwargs):
        party = selectors.possession_defendant_for_viewer(reference=reference, request=request)
        if party is None:
            if case_owner_for_request(request) is not None:
                raise Http404("No such claim")
            return redirect_to_login(request.get_full_path())
        return view(request, party, *args, **kwargs)

    return wrapper


@never_cache
@require_GET
@for_tenant
def possession_respond_claim(request, party):
    """The claim against the tenant: the landlord, the property, the grounds, the deadline,
    the hearing (once listed) and what to do next."""
    from .possession_response_constants import TENANT_CLOSED_STATUSES
    from .services.possession_response import next_hearing

    claim = party.claim
    deadline = selectors.possession_response_deadline(claim)
    response = selectors.possession_response_for_party(party)
    open_claim = claim.status not in TENANT_CLOSED_STATUSES
    return render(
        request,
        "civil_claims/possession_defendant/claim.html",
        {
            "page_title": gettext("Possession claim %(number)s") % {"number": claim.claim_number},
            "claim": claim,
            "party": party,
            "response": response,
            "counterclaim": getattr(response, "counterclaim", None) if response else None,
            "can_respond": response is None and open_claim,
            "can_apply": open_claim,
            "applications": list(party.applications.order_by("-created_at")),
            "hearing": next_hearing(claim),
            "grounds": list(claim.grounds.all()),
            "deadline": deadline,
            "deadline_words": selectors.deadline_in_words(deadline) if deadline else "",
            "next_step": selectors.possession_defendant_next_step(party),
            "phone": court_phone(),
            "postal_address": court_postal_address(),
        },
    )


urlpatterns = [
    *POSSESSION_CLAIM_LINK.urlpatterns("possession-claims/respond/"),
    path(
        "possession-claims/respond/claims/<str:reference>/",
        possession_respond_claim,
        name="possession-respond-claim",
    ),
]
