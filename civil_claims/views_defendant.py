"""The defendant's pages: link the claim with the claim number and access code from the
letter (rate limited), sign in or create an account, then the claim page with what to do
next, the sealed claim form and asking for 14 more days.

The browser keeps only the found access code's id while the defendant signs in (the
session, never the URL); the code is used when the signed-in defendant confirms.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext, gettext_lazy
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

#: How long a found code waits in the session for the defendant to sign in.
PENDING_SECONDS = 60 * 60
LINK_RATE_SETTING = "CIVIL_CLAIMS_ACCESS_CODE_RATE_LIMIT"


@dataclass(frozen=True)
class ClaimLinkFlow:
    """Linking a claim with the claim number and access code from the letter, then signing
    in: the same pages for a money claim's defendant and a possession claim's tenant, which
    differ in their words, their URL names, their session key (so one pending link is not
    mixed up with the other) and which codes they accept."""

    #: The session key holding the found access code's id, its claim number and when.
    session_key: str
    #: Rate-limit group of the look-up.
    rate_group: str
    #: URL name prefix: ``<prefix>-start``, ``-sign-in``, ``-link`` and ``-claim``.
    url_prefix: str
    possession: bool
    page_title: str
    caption: str
    intro: str
    lost_code: str
    #: Extra heading and paragraph under the form ("" for none).
    advice_heading: str = ""
    advice: str = ""
    #: The signed-in person's claims already linked: ``linked_for(owner)``.
    linked_for: Callable = field(default=lambda owner: [])

    def url(self, step: str) -> str:
        return f"civil_claims:{self.url_prefix}-{step}"

    def pending(self, request) -> dict | None:
        pending = request.session.get(self.session_key)
        if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
            return None
        return pending

    def start_page(self, request, form, *, status=200, link_error=""):
        """The start page; ``link_error`` is the error when a code found earlier was used
        by the time the defendant had signed in (there is no form sent to put it on)."""
        owner = case_owner_for_request(request)
        return render(
            request,
            "civil_claims/defendant/start.html",
            {
                "page_title": self.page_title,
                "flow": self,
                "form": form,
                "link_error": link_error,
                "page_has_errors": bool(link_error),
                "linked": self.linked_for(owner) if owner else [],
            },
            status=status,
        )

    def link_and_show(self, request, *, access_code_id: int, owner, form=None):
        claim = defendant_claim_link(access_code_id=access_code_id, user=owner, request=request)
        request.session.pop(self.session_key, None)
        if claim is None:  # used or replaced since it was checked
            if form is not None:
                form.add_error(None, LINK_NOT_FOUND)
                return self.start_page(request, form)
            return self.start_page(request, ClaimLinkForm(), link_error=LINK_NOT_FOUND)
        return redirect(self.url("claim"), claim.reference)

    def start_view(self):
        @never_cache
        @require_http_methods(["GET", "POST"])
        def start(request):
            """The claim number and access code from the letter (rate limited per address
            and per claim number). Signed in: the claim is linked now; otherwise the
            defendant signs in or creates an account first. Every miss gets one error."""
            if request.method != "POST":
                return self.start_page(request, ClaimLinkForm())
            form = ClaimLinkForm(request.POST)
            if not form.is_valid():
                return self.start_page(request, form)
            number = form.cleaned_data["claim_number"]
            if lookup_rate_limited(
                request, group=self.rate_group, reference=number, setting=LINK_RATE_SETTING
            ):
                form.add_error(None, LINK_RATE_LIMITED)
                return self.start_page(request, form, status=429)
            access = defendant_access_check(
                claim_number=number,
                code=form.cleaned_data["access_code"],
                possession=self.possession,
            )
            if access is None:
                form.add_error(None, LINK_NOT_FOUND)
                return self.start_page(request, form)
            owner = case_owner_for_request(request)
            if owner is not None:
                return self.link_and_show(request, access_code_id=access.pk, owner=owner, form=form)
            request.session[self.session_key] = {
                "access_code": access.pk,
                "number": number,
                "at": time.time(),
            }
            return redirect(self.url("sign-in"))

        return start

    def sign_in_view(self):
        @never_cache
        @require_GET
        def sign_in(request):
            """The claim was found: sign in or create an account to see it and respond."""
            pending = self.pending(request)
            if pending is None:
                return redirect(self.url("start"))
            if case_owner_for_request(request) is not None:
                return redirect(self.url("link"))
            link = reverse(self.url("link"))
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

        return sign_in

    def link_view(self):
        @never_cache
        @require_http_methods(["GET", "POST"])
        def link(request):
            """Signed in with a found code waiting: confirm, and the claim is linked to
            this account."""
            owner = case_owner_for_request(request)
            if owner is None:
                return redirect_to_login(request.get_full_path())
            pending = self.pending(request)
            kind = {"possession_party__isnull" if self.possession else "claim__isnull": False}
            if (
                not pending
                or not AccessCode.objects.filter(pk=pending["access_code"], **kind).exists()
            ):
                return redirect(self.url("start"))
            if request.method == "POST":
                return self.link_and_show(
                    request, access_code_id=pending["access_code"], owner=owner
                )
            return render(
                request,
                "civil_claims/defendant/link.html",
                {
                    "page_title": gettext("Add the claim to the account"),
                    "claim_number": pending["number"],
                    "account_email": getattr(owner, "email", ""),
                },
            )

        return link

    def urlpatterns(self, base: str) -> list:
        """The three link pages under ``base`` (like ``respond/``)."""
        return [
            path(base, self.start_view(), name=f"{self.url_prefix}-start"),
            path(f"{base}sign-in/", self.sign_in_view(), name=f"{self.url_prefix}-sign-in"),
            path(f"{base}link/", self.link_view(), name=f"{self.url_prefix}-link"),
        ]


MONEY_CLAIM_LINK = ClaimLinkFlow(
    session_key="civil_claims.defendant_link",
    rate_group="civil_claims.respond_link",
    url_prefix="respond",
    possession=False,
    page_title=gettext_lazy("Respond to a money claim"),
    caption=gettext_lazy("Make a money claim"),
    intro=gettext_lazy(
        "If a money claim has been made against you, we posted you a letter with the claim "
        "number and an access code. Enter them to see the claim, and to respond or ask for "
        "more time."
    ),
    lost_code=gettext_lazy(
        "An access code works only once. If yours has been used, or you have lost the "
        "letter, contact the court with your claim number and we will post you a new code."
    ),
    linked_for=selectors.defendant_claims_for_user,
)
#: The money claim's pending link (tests read it).
SESSION_KEY = MONEY_CLAIM_LINK.session_key


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
    *MONEY_CLAIM_LINK.urlpatterns("respond/"),
    path("respond/claims/<str:reference>/", respond_claim, name="respond-claim"),
    path(
        "respond/claims/<str:reference>/claim-form/download/",
        respond_claim_form_download,
        name="respond-claim-form-download",
    ),
    path("respond/claims/<str:reference>/more-time/", respond_more_time, name="respond-more-time"),
    path("respond/claims/<str:reference>/contact/", respond_contact, name="respond-contact"),
]
