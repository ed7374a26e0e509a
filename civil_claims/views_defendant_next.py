"""The defendant's pages after they responded: sign (or refuse) the settlement agreement the
claimant made of their offer, within 7 days, and ask for a redetermination of the court's
decision on how they pay. Linked from their claim page (``claimant_steps`` tags)."""

from __future__ import annotations

import functools

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from digital_services.accounts.citizens import case_owner_for_request
from digital_services.core.dates import date_format
from digital_services.core.money import pence_format

from .constants import PartyRole
from .forms_claimant import CountersignForm, RedeterminationForm
from .selectors_defendant import defendant_claim_for_viewer
from .services.claimant import (
    ReplyRefused,
    claim_settlement_countersign,
    claim_settlement_decline,
    settlement_countersign_refusal,
)
from .services.judgment import (
    JudgmentRefused,
    admitted_total_pence,
    claim_redetermination_request,
    redetermination_refusal,
)
from .services.plans import plan_words


def _for_defendant(view):
    @functools.wraps(view)
    def wrapper(request, reference: str):
        claim = defendant_claim_for_viewer(reference=reference, request=request)
        if claim is None:
            if case_owner_for_request(request) is not None:
                raise Http404("No such claim")
            return redirect_to_login(request.get_full_path())
        return view(request, claim)

    return wrapper


def _claim_url(claim) -> str:
    return reverse("civil_claims:respond-claim", args=[claim.reference])


def _refused(request, claim, refusal):
    return render(
        request,
        "civil_claims/claimant/refused.html",
        {
            "claim": claim,
            "page_title": gettext("You cannot do this now"),
            "refusal": refusal,
            "back_url": _claim_url(claim),
        },
        status=409 if request.method == "POST" else 200,
    )


def _form_page(request, claim, form, *, title, button, intro):
    return render(
        request,
        "civil_claims/claimant/form.html",
        {
            "claim": claim,
            "page_title": title,
            "form": form,
            "button": button,
            "intro": intro,
            "cancel_url": _claim_url(claim),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@_for_defendant
def respond_settlement(request, claim):
    """Sign the settlement agreement (it then binds both) or say they will not."""
    refusal = settlement_countersign_refusal(claim)
    if refusal:
        return _refused(request, claim, refusal)
    reply = claim.claimant_reply
    form = CountersignForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        act = (
            claim_settlement_countersign
            if form.cleaned_data["decision"] == "sign"
            else claim_settlement_decline
        )
        try:
            act(claim=claim, actor=request.user, request=request)
        except ReplyRefused as error:
            return _refused(request, claim, str(error))
        return redirect(_claim_url(claim))
    return _form_page(
        request,
        claim,
        form,
        title=gettext("Sign the settlement agreement"),
        button=gettext("Continue"),
        intro=gettext(
            "%(claimant)s accepted your offer to pay %(amount)s %(plan)s. Sign by %(by)s. Once "
            "signed, the agreement binds you both; if you pay as it says, no judgment is made "
            "against you."
        )
        % {
            "claimant": claim.claimant.display_name,
            "amount": pence_format(admitted_total_pence(claim, claim.response)),
            "plan": plan_words(reply, language=get_language()),
            "by": date_format(reply.settlement_countersign_by),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@_for_defendant
def respond_redetermination(request, claim):
    """Ask a judge to look again at the court's decision on how the defendant pays."""
    refusal = redetermination_refusal(claim)
    if refusal:
        return _refused(request, claim, refusal)
    form = RedeterminationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            claim_redetermination_request(
                claim=claim,
                role=PartyRole.DEFENDANT,
                reason=form.cleaned_data["reason"],
                actor=request.user,
                request=request,
            )
        except JudgmentRefused as error:
            return _refused(request, claim, str(error))
        return redirect(_claim_url(claim))
    return _form_page(
        request,
        claim,
        form,
        title=gettext("Ask for a redetermination"),
        button=gettext("Ask a judge to look again"),
        intro=gettext("The court decided you pay %(plan)s.")
        % {"plan": plan_words(claim.judgment, language=get_language())},
    )


urlpatterns = [
    path(
        "respond/claims/<str:reference>/settlement/",
        respond_settlement,
        name="respond-settlement",
    ),
    path(
        "respond/claims/<str:reference>/redetermination/",
        respond_redetermination,
        name="respond-redetermination",
    ),
]
