"""A possession claim's defendant (the tenant): link the claim with the claim number and
the access code from the claim pack (rate limited, single use, as a money claim's
defendant does: ``services.defendant``), sign in or create an account, then the claim's
page with the deadline, the hearing and what to do next.

The browser keeps only the found access code's id while the tenant signs in (the
session, never the URL); the code is used when the signed-in tenant confirms.
"""

from __future__ import annotations

import functools
import time

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from digital_services.accounts.citizens import case_owner_for_request
from digital_services.audit.http import lookup_rate_limited

from . import selectors_possession_defendant as selectors
from .forms_defendant import LINK_NOT_FOUND, LINK_RATE_LIMITED, ClaimLinkForm
from .models import AccessCode
from .services.common import court_phone, court_postal_address
from .services.defendant import defendant_access_check, defendant_claim_link
from .views_defendant import LINK_RATE_SETTING, PENDING_SECONDS

#: The found access code's id, its claim number and when it was found, while the tenant
#: signs in (a key of its own, so a money claim's pending link is not mixed up with it).
SESSION_KEY = "civil_claims.possession_defendant_link"


def _pending(request) -> dict | None:
    pending = request.session.get(SESSION_KEY)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None
    return pending


def _start_page(request, form, *, status=200, link_error=""):
    owner = case_owner_for_request(request)
    return render(
        request,
        "civil_claims/possession_defendant/start.html",
        {
            "page_title": "Respond to a claim to take back your home",
            "form": form,
            "link_error": link_error,
            "page_has_errors": bool(link_error),
            "linked": selectors.possession_defendant_claims_for_user(owner) if owner else [],
        },
        status=status,
    )


def _link_and_show(request, *, access_code_id: int, owner, form=None):
    claim = defendant_claim_link(access_code_id=access_code_id, user=owner, request=request)
    request.session.pop(SESSION_KEY, None)
    if claim is None:  # used or replaced since it was checked
        if form is not None:
            form.add_error(None, LINK_NOT_FOUND)
            return _start_page(request, form)
        return _start_page(request, ClaimLinkForm(), link_error=LINK_NOT_FOUND)
    return redirect("civil_claims:possession-respond-claim", claim.reference)


@never_cache
@require_http_methods(["GET", "POST"])
def possession_respond_start(request):
    """The claim number and access code from the claim pack (rate limited per address and
    per claim number). Signed in: the claim is linked now; otherwise the tenant signs in or
    creates an account first. Every miss gets the same error."""
    if request.method != "POST":
        return _start_page(request, ClaimLinkForm())
    form = ClaimLinkForm(request.POST)
    if not form.is_valid():
        return _start_page(request, form)
    number = form.cleaned_data["claim_number"]
    if lookup_rate_limited(
        request,
        group="civil_claims.possession_respond_link",
        reference=number,
        setting=LINK_RATE_SETTING,
    ):
        form.add_error(None, LINK_RATE_LIMITED)
        return _start_page(request, form, status=429)
    access = defendant_access_check(
        claim_number=number, code=form.cleaned_data["access_code"], possession=True
    )
    if access is None:
        form.add_error(None, LINK_NOT_FOUND)
        return _start_page(request, form)
    owner = case_owner_for_request(request)
    if owner is not None:
        return _link_and_show(request, access_code_id=access.pk, owner=owner, form=form)
    request.session[SESSION_KEY] = {"access_code": access.pk, "number": number, "at": time.time()}
    return redirect("civil_claims:possession-respond-sign-in")


@never_cache
@require_GET
def possession_respond_sign_in(request):
    """The claim was found: sign in or create an account to see it and respond."""
    pending = _pending(request)
    if pending is None:
        return redirect("civil_claims:possession-respond-start")
    if case_owner_for_request(request) is not None:
        return redirect("civil_claims:possession-respond-link")
    link = reverse("civil_claims:possession-respond-link")
    return render(
        request,
        "civil_claims/defendant/sign_in.html",
        {
            "page_title": "Sign in or create an account to respond",
            "claim_number": pending["number"],
            "sign_in_url": f"{reverse('account_login')}?next={link}",
            "sign_up_url": f"{reverse('account_signup')}?next={link}",
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def possession_respond_link(request):
    """Signed in with a found code waiting: confirm, and the claim is linked to this account."""
    owner = case_owner_for_request(request)
    if owner is None:
        return redirect_to_login(request.get_full_path())
    pending = _pending(request)
    access = (
        AccessCode.objects.filter(pk=pending["access_code"], possession_party__isnull=False)
        .select_related("possession_party__claim")
        .first()
        if pending
        else None
    )
    if access is None:
        return redirect("civil_claims:possession-respond-start")
    if request.method == "POST":
        return _link_and_show(request, access_code_id=access.pk, owner=owner)
    return render(
        request,
        "civil_claims/defendant/link.html",
        {
            "page_title": "Add the claim to the account",
            "claim_number": access.possession_party.claim.claim_number,
            "account_email": getattr(owner, "email", ""),
        },
    )


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
            "page_title": f"Possession claim {claim.claim_number}",
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
    path("possession-claims/respond/", possession_respond_start, name="possession-respond-start"),
    path(
        "possession-claims/respond/sign-in/",
        possession_respond_sign_in,
        name="possession-respond-sign-in",
    ),
    path(
        "possession-claims/respond/link/",
        possession_respond_link,
        name="possession-respond-link",
    ),
    path(
        "possession-claims/respond/claims/<str:reference>/",
        possession_respond_claim,
        name="possession-respond-claim",
    ),
]
