"""The defendant's pages: link the claim with the claim number and access code from the
letter (rate limited), sign in or create an account, then the claim page with what to do
next, the sealed claim form and asking for 14 more days.

The browser keeps only the found access code's id while the defendant signs in (the
session, never the URL); the code is used when the signed-in defendant confirms.
"""

from __future__ import annotations

import functools
import time

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from digital_services.accounts.citizens import case_owner_for_request
from digital_services.audit.http import lookup_rate_limited
from digital_services.core.transitions import TransitionNotAllowed
from digital_services.documents.http import document_response

from . import selectors_defendant as selectors
from .forms_defendant import (
    LINK_NOT_FOUND,
    LINK_RATE_LIMITED,
    ClaimLinkForm,
    DefendantContactForm,
    contact_changes_from,
    contact_initial_for_party,
)
from .models import AccessCode
from .services.casework import party_contact_change
from .services.common import court_phone, court_postal_address, party_route
from .services.defendant import (
    MoreTimeRefused,
    claim_more_time_refusal,
    claim_more_time_request,
    defendant_access_check,
    defendant_claim_link,
    more_time_deadline,
)
from .services.response import claim_response_refusal

#: The found access code's id, its claim number and when it was found, while the
#: defendant signs in.
SESSION_KEY = "civil_claims.defendant_link"
#: How long a found code waits in the session for the defendant to sign in.
PENDING_SECONDS = 60 * 60
LINK_RATE_SETTING = "CIVIL_CLAIMS_ACCESS_CODE_RATE_LIMIT"


def _pending(request) -> dict | None:
    pending = request.session.get(SESSION_KEY)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None
    return pending


def _link_and_show(request, *, access_code_id: int, owner, form=None):
    claim = defendant_claim_link(access_code_id=access_code_id, user=owner, request=request)
    request.session.pop(SESSION_KEY, None)
    if claim is None:  # used or replaced since it was checked
        if form is not None:
            form.add_error(None, LINK_NOT_FOUND)
            return _start_page(request, form)
        return _start_page(request, ClaimLinkForm(), link_error=LINK_NOT_FOUND)
    return redirect("civil_claims:respond-claim", claim.reference)


def _start_page(request, form, *, status=200, link_error=""):
    """The start page; ``link_error`` is the error when a code found earlier was used by
    the time the defendant had signed in (there is no form sent to put it on)."""
    owner = case_owner_for_request(request)
    return render(
        request,
        "civil_claims/defendant/start.html",
        {
            "page_title": gettext("Respond to a money claim"),
            "form": form,
            "link_error": link_error,
            "page_has_errors": bool(link_error),
            "linked": selectors.defendant_claims_for_user(owner) if owner else [],
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def respond_start(request):
    """The claim number and access code from the letter (rate limited per address and per
    claim number). Signed in: the claim is linked now; otherwise the defendant signs in or
    creates an account first."""
    if request.method != "POST":
        return _start_page(request, ClaimLinkForm())
    form = ClaimLinkForm(request.POST)
    if not form.is_valid():
        return _start_page(request, form)
    number = form.cleaned_data["claim_number"]
    if lookup_rate_limited(
        request, group="civil_claims.respond_link", reference=number, setting=LINK_RATE_SETTING
    ):
        form.add_error(None, LINK_RATE_LIMITED)
        return _start_page(request, form, status=429)
    access = defendant_access_check(claim_number=number, code=form.cleaned_data["access_code"])
    if access is None:
        form.add_error(None, LINK_NOT_FOUND)
        return _start_page(request, form)
    owner = case_owner_for_request(request)
    if owner is not None:
        return _link_and_show(request, access_code_id=access.pk, owner=owner, form=form)
    request.session[SESSION_KEY] = {"access_code": access.pk, "number": number, "at": time.time()}
    return redirect("civil_claims:respond-sign-in")


@never_cache
@require_GET
def respond_sign_in(request):
    """The claim was found: sign in or create an account to see it and respond."""
    pending = _pending(request)
    if pending is None:
        return redirect("civil_claims:respond-start")
    if case_owner_for_request(request) is not None:
        return redirect("civil_claims:respond-link")
    link = reverse("civil_claims:respond-link")
    return render(
        request,
        "civil_claims/defendant/sign_in.html",
        {
            "page_title": gettext("Sign in or create an account to respond"),
            "claim_number": pending["number"],
            "sign_in_url": f"{reverse('account_login')}?next={link}",
            "sign_up_url": f"{reverse('account_signup')}?next={link}",
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def respond_link(request):
    """Signed in with a found code waiting: confirm, and the claim is linked to this account."""
    owner = case_owner_for_request(request)
    if owner is None:
        return redirect_to_login(request.get_full_path())
    pending = _pending(request)
    access = (
        AccessCode.objects.filter(pk=pending["access_code"]).select_related("claim").first()
        if pending
        else None
    )
    if access is None:
        return redirect("civil_claims:respond-start")
    if request.method == "POST":
        return _link_and_show(request, access_code_id=access.pk, owner=owner)
    return render(
        request,
        "civil_claims/defendant/link.html",
        {
            "page_title": gettext("Add the claim to the account"),
            "claim_number": access.claim.claim_number,
            "account_email": getattr(owner, "email", ""),
        },
    )


def _for_defendant(view):
    """The view gets the claim if the viewer is its linked defendant; a visitor is sent to
    sign in, anyone else gets 404."""

    @functools.wraps(view)
    def wrapper(request, reference: str):
        claim = selectors.defendant_claim_for_viewer(reference=reference, request=request)
        if claim is None:
            if case_owner_for_request(request) is not None:
                raise Http404("No such claim")
            return redirect_to_login(request.get_full_path())
        return view(request, claim)

    return wrapper


@never_cache
@require_GET
@_for_defendant
def respond_claim(request, claim):
    """The claim made against the defendant: who claims what, the deadline and what to do."""
    return render(
        request,
        "civil_claims/defendant/claim.html",
        {
            "page_title": gettext("Claim %(number)s") % {"number": claim.claim_number},
            "claim": claim,
            "amount_rows": list(claim.amount_rows.all()),
            "next_step": selectors.defendant_next_step(claim),
            "deadline_words": selectors.deadline_in_words(claim.response_deadline)
            if claim.response_deadline
            else "",
            "can_ask_more_time": not claim_more_time_refusal(claim),
            "response_refusal": claim_response_refusal(claim),
            "contact_text": party_route(claim.defendant).describe(),
            "phone": court_phone(),
            "postal_address": court_postal_address(),
        },
    )


@never_cache
@require_GET
@_for_defendant
def respond_claim_form_download(request, claim):
    """The sealed claim form, as posted to the defendant."""
    if claim.sealed_claim_form is None:
        raise Http404("The claim form is not ready yet")
    return document_response(document=claim.sealed_claim_form)


@never_cache
@require_http_methods(["GET", "POST"])
@_for_defendant
def respond_more_time(request, claim):
    """Ask for 14 more days to respond: the new deadline is shown before asking; a refusal
    (after the deadline, or a second request) says why."""
    refusal = claim_more_time_refusal(claim)
    if request.method == "POST" and not refusal:
        try:
            claim_more_time_request(claim=claim, actor=request.user, request=request)
        except MoreTimeRefused as error:
            refusal = str(error)
        else:
            return redirect("civil_claims:respond-claim", claim.reference)
    return render(
        request,
        "civil_claims/defendant/more_time.html",
        {
            "page_title": gettext("Ask for 14 more days to respond"),
            "claim": claim,
            "refusal": refusal,
            "page_has_errors": bool(refusal) and request.method == "POST",
            "new_deadline": None if refusal else more_time_deadline(claim),
        },
        status=409 if refusal and request.method == "POST" else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@_for_defendant
def respond_contact(request, claim):
    """How the defendant wants to hear about the claim (email, text message or post): the
    deadline reminders and every message about the claim go this way from now on."""
    party = claim.defendant
    form = DefendantContactForm(
        request.POST if request.method == "POST" else None,
        initial=contact_initial_for_party(party),
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            party_contact_change(
                party=party,
                actor=request.user,
                changes=contact_changes_from(form.cleaned_data),
                request=request,
            )
        except TransitionNotAllowed:
            form.add_error(None, "The contact details of a closed claim cannot be changed")
            status = 409
        else:
            return redirect("civil_claims:respond-claim", claim.reference)
    return render(
        request,
        "civil_claims/defendant/contact.html",
        {
            "page_title": gettext("How we contact you about the claim"),
            "claim": claim,
            "form": form,
        },
        status=status,
    )


urlpatterns = [
    path("respond/", respond_start, name="respond-start"),
    path("respond/sign-in/", respond_sign_in, name="respond-sign-in"),
    path("respond/link/", respond_link, name="respond-link"),
    path("respond/claims/<str:reference>/", respond_claim, name="respond-claim"),
    path(
        "respond/claims/<str:reference>/claim-form/download/",
        respond_claim_form_download,
        name="respond-claim-form-download",
    ),
    path("respond/claims/<str:reference>/more-time/", respond_more_time, name="respond-more-time"),
    path("respond/claims/<str:reference>/contact/", respond_contact, name="respond-contact"),
]
