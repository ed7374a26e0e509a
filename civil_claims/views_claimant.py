"""The claimant's pages after the claim is issued: the defendant's response and the reply to
it (accept and formalise, their own plan, go ahead with or without mediation, end it), a
default judgment with its total worked out, a judgment on a settlement not kept, a
redetermination, and "paid in full". Each page: a form, one service, back to the claim.
"""

from __future__ import annotations

import datetime as dt
import functools

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import selectors
from .constants import PartyRole, PartyType
from .forms_claimant import (
    ClaimantPlanForm,
    DefaultJudgmentForm,
    FormaliseForm,
    GoAheadForm,
    PaidInFullForm,
    RedeterminationForm,
    ReplyChoiceForm,
    _errors_onto,
)
from .services.claimant import (
    ACCEPT,
    ACCEPT_PAID,
    GO_AHEAD,
    NOT_PROCEED,
    REJECT_PLAN,
    ReplyRefused,
    claim_admission_accept,
    claim_go_ahead,
    claim_plan_reject,
    claim_reply_end,
    claim_reply_refusal,
    claim_settlement_judgment_request,
    reply_choices,
    response_for,
    settlement_judgment_refusal,
)
from .services.judgment import (
    JudgmentRefused,
    admitted_total_pence,
    claim_default_judgment_request,
    claim_redetermination_request,
    default_judgment_refusal,
    judgment_figures,
    redetermination_refusal,
)
from .services.outcomes import (
    claim_paid_in_full,
    paid_in_full_refusal,
)
from .services.plans import PaymentPlanAnswers, plan_words

CCJ_SESSION_KEY = "civil_claims.default_judgment"
NEXT_PAGE = {
    ACCEPT: "civil_claims:claim-reply-accept",
    REJECT_PLAN: "civil_claims:claim-reply-plan",
    GO_AHEAD: "civil_claims:claim-reply-go-ahead",
    ACCEPT_PAID: "civil_claims:claim-reply-end",
    NOT_PROCEED: "civil_claims:claim-reply-end",
}


def _for_claimant(view):
    """The view gets the claim if the viewer is its claimant (signed in, or holding its
    grant); a visitor is sent to sign in, anyone else gets 404."""

    @functools.wraps(view)
    def wrapper(request, reference: str):
        claim = selectors.claim_get_for_viewer(reference=reference, request=request)
        if claim is None or not claim.is_issued:
            if request.user.is_authenticated:
                raise Http404("No such claim")
            return redirect_to_login(request.get_full_path())
        return view(request, claim)

    return wrapper


def _back(claim):
    return redirect("civil_claims:claim-detail", claim.reference)


def _page(request, claim, template, *, title, status=200, **context):
    return render(
        request,
        f"civil_claims/claimant/{template}",
        {"claim": claim, "page_title": title, **context},
        status=status,
    )


def _refused(request, claim, refusal: str):
    """A page that says why the step cannot be taken now, with the way back (409 when a
    form was sent: nothing was changed)."""
    return _page(
        request,
        claim,
        "refused.html",
        title=gettext("You cannot do this now"),
        refusal=refusal,
        status=409 if request.method == "POST" else 200,
    )


def _form_page(request, claim, form, *, title, button, intro="", status=200, **context):
    return _page(
        request,
        claim,
        "form.html",
        title=title,
        form=form,
        button=button,
        intro=intro,
        status=status,
        **context,
    )


# The response and the reply ------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@_for_claimant
def claim_response(request, claim):
    """The defendant's response, and what the claimant wants to do about it."""
    refusal = claim_reply_refusal(claim)
    response = response_for(claim)
    if response is None:
        return _refused(request, claim, refusal)
    choices = reply_choices(response) if not refusal else []
    form = ReplyChoiceForm(request.POST if request.method == "POST" else None, choices=choices)
    if request.method == "POST":
        if refusal:
            return _refused(request, claim, refusal)
        if form.is_valid():
            return redirect(NEXT_PAGE[form.cleaned_data["choice"]], claim.reference)
    return _page(
        request,
        claim,
        "response.html",
        title=gettext("The defendant’s response"),
        response=response,
        plan=plan_words(response, language=get_language()) if response.payment_option else "",
        admitted_pence=admitted_total_pence(claim, response),
        form=form,
        refusal=refusal,
    )


def _reply_step(choice: str):
    """Only while the claimant may still make ``choice``; otherwise say why."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, claim):
            refusal = claim_reply_refusal(claim, choice)
            if refusal:
                return _refused(request, claim, refusal)
            return view(request, claim)

        return wrapper

    return decorate


@never_cache
@require_http_methods(["GET", "POST"])
@_for_claimant
@_reply_step(ACCEPT)
def claim_reply_accept(request, claim):
    form = FormaliseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            claim_admission_accept(
                claim=claim,
                formalise=form.cleaned_data["formalise"],
                actor=request.user,
                request=request,
            )
        except (ReplyRefused, JudgmentRefused) as error:
            return _refused(request, claim, str(error))
        return _back(claim)
    return _form_page(
        request,
        claim,
        form,
        title=gettext("How do you want to make the agreement formal?"),
        button=gettext("Accept the offer"),
        legend_is_title=True,
        intro=gettext("The defendant offers to pay %(plan)s.")
        % {"plan": plan_words(claim.response, language=get_language())},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@_for_claimant
@_reply_step(REJECT_PLAN)
def claim_reply_plan(request, claim):
    response = claim.response
    total = admitted_total_pence(claim, response)
    form = ClaimantPlanForm(request.POST if request.method == "POST" else None, total_pence=total)
    if request.method == "POST" and form.is_valid():
        try:
            claim_plan_reject(
                claim=claim,
                plan=form.plan(),
                reason=form.cleaned_data.get("reason") or "",
                actor=request.user,
                request=request,
            )
        except ReplyRefused as error:
            return _refused(request, claim, str(error))
        except ValidationError as error:
            _errors_onto(form, error)
        else:
            return _back(claim)
    organisation = claim.defendant.party_type in (PartyType.COMPANY, PartyType.ORGANISATION)
    return _form_page(
        request,
        claim,
        form,
        title=gettext("Suggest how the defendant should pay"),
        button=gettext("Send your plan"),
        intro=(
            gettext("The defendant offers to pay %(plan)s.")
            % {"plan": plan_words(response, language=get_language())}
            + " "
            + (
                gettext(
                    "Because the defendant is a company or organisation, the court will decide "
                    "on paper and the claim will continue by post."
                )
                if organisation
                else gettext(
                    "The court will decide how they pay, from what they told us about their "
                    "finances."
                )
            )
        ),
    )


@never_cache
@require_http_methods(["GET", "POST"])
@_for_claimant
@_reply_step(GO_AHEAD)
def claim_reply_go_ahead(request, claim):
    form = GoAheadForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            claim_go_ahead(
                claim=claim,
                free_mediation=form.cleaned_data["free_mediation"] == "yes",
                reason=form.cleaned_data.get("reason") or "",
                actor=request.user,
                request=request,
            )
        except ReplyRefused as error:
            return _refused(request, claim, str(error))
        return _back(claim)
    return _form_page(
        request,
        claim,
        form,
        title=gettext("Go ahead with the claim"),
        button=gettext("Go ahead with the claim"),
        intro=gettext("The defendant agreed to try free mediation.")
        if claim.response.free_mediation
        else gettext("The defendant did not agree to try free mediation."),
    )


@never_cache
@require_http_methods(["GET", "POST"])
@_for_claimant
def claim_reply_end_page(request, claim):
    """Agree the defendant has paid (settled), or do not go ahead (closed): one button."""
    response = response_for(claim)
    paid = response is not None and ACCEPT_PAID in reply_choices(response)
    refusal = claim_reply_refusal(claim, ACCEPT_PAID if paid else NOT_PROCEED)
    if refusal:
        return _refused(request, claim, refusal)
    if request.method == "POST":
        try:
            claim_reply_end(claim=claim, actor=request.user, request=request)
        except ReplyRefused as error:
            return _refused(request, claim, str(error))
        return _back(claim)
    return _page(
        request,
        claim,
        "confirm.html",
        title=gettext("Agree the defendant has paid you")
        if paid
        else gettext("Do not go ahead with the claim"),
        text=gettext("The claim will be settled and closed. We will tell the defendant.")
        if paid
        else gettext(
            "The claim will be closed and you cannot go ahead with it later. We will tell the "
            "defendant."
        ),
        button=gettext("Settle the claim") if paid else gettext("Do not go ahead"),
    )


# Default judgment ----------------------------------------------------------------------


def _individual(claim) -> bool:
    return claim.defendant.party_type == PartyType.INDIVIDUAL


@never_cache
@require_http_methods(["GET", "POST"])
@_for_claimant
def claim_judgment(request, claim):
    """Ask for a default judgment: amounts paid, how to be paid, the statement of truth;
    then the check page with the total worked out."""
    refusal = default_judgment_refusal(claim)
    if refusal:
        return _refused(request, claim, refusal)
    figures = judgment_figures(claim)
    kept = request.session.get(CCJ_SESSION_KEY, {}).get(claim.reference)
    form = DefaultJudgmentForm(
        request.POST if request.method == "POST" else None,
        individual=_individual(claim),
        total_pence=figures.subtotal_pence,
        initial=_initial_from(kept) if kept and request.method == "GET" else None,
    )
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["already_paid_pence"] >= figures.subtotal_pence:
            form.add_error(
                "already_paid_pence", gettext("The amount paid must be less than the total owed")
            )
        else:
            saved = request.session.get(CCJ_SESSION_KEY, {})
            saved[claim.reference] = form.answers()
            request.session[CCJ_SESSION_KEY] = saved
            return redirect("civil_claims:claim-judgment-check", claim.reference)
    return _page(
        request,
        claim,
        "judgment.html",
        title=gettext("Ask for a county court judgment"),
        form=form,
        lines=figures.lines(),
    )


def _initial_from(kept: dict) -> dict:
    """The form's answers kept in the session, back on the form to change them."""
    initial = {
        "paid_some": "yes" if kept.get("already_paid_pence") else "no",
        "payment_option": kept.get("payment_option"),
        "instalment_frequency": kept.get("instalment_frequency"),
        "sot_name": kept.get("sot_name"),
    }
    if kept.get("already_paid_pence"):
        initial["already_paid_pence"] = f"{kept['already_paid_pence'] / 100:.2f}"
    if kept.get("instalment_amount_pence"):
        initial["instalment_amount_pence"] = f"{kept['instalment_amount_pence'] / 100:.2f}"
    for name in ("pay_by_date", "instalment_first_date", "defendant_date_of_birth"):
        if kept.get(name):
            initial[name] = dt.date.fromisoformat(kept[name])
    return initial


def _plan_from_kept(kept: dict) -> PaymentPlanAnswers:
    def day(name):
        return dt.date.fromisoformat(kept[name]) if kept.get(name) else None

    return PaymentPlanAnswers(
        payment_option=kept.get("payment_option", ""),
        pay_by_date=day("pay_by_date"),
        instalment_amount_pence=kept.get("instalment_amount_pence") or None,
        instalment_first_date=day("instalment_first_date"),
        instalment_frequency=kept.get("instalment_frequency", ""),
    )


@never_cache
@require_http_methods(["GET", "POST"])
@_for_claimant
def claim_judgment_check(request, claim):
    """Check the judgment's total, worked out line by line, then ask for it."""
    refusal = default_judgment_refusal(claim)
    if refusal:
        return _refused(request, claim, refusal)
    saved = request.session.get(CCJ_SESSION_KEY, {})
    kept = saved.get(claim.reference)
    if not kept:
        return redirect("civil_claims:claim-judgment", claim.reference)
    plan = _plan_from_kept(kept)
    figures = judgment_figures(claim, already_paid_pence=kept["already_paid_pence"])
    error = ""
    if request.method == "POST":
        try:
            claim_default_judgment_request(
                claim=claim,
                actor=request.user,
                already_paid_pence=kept["already_paid_pence"],
                plan=plan,
                defendant_date_of_birth=dt.date.fromisoformat(kept["defendant_date_of_birth"])
                if kept.get("defendant_date_of_birth")
                else None,
                request=request,
            )
        except JudgmentRefused as exc:
            saved.pop(claim.reference, None)
            request.session[CCJ_SESSION_KEY] = saved
            return _refused(request, claim, str(exc))
        except ValidationError as exc:
            error = " ".join(m for ms in exc.message_dict.values() for m in ms)
        else:
            saved.pop(claim.reference, None)
            request.session[CCJ_SESSION_KEY] = saved
            return _back(claim)
    return _page(
        request,
        claim,
        "judgment_check.html",
        title=gettext("Check the judgment you are asking for"),
        lines=figures.lines(),
        plan=plan_words(plan, language=get_language()),
        kept=kept,
        error=error,
        page_has_errors=bool(error),
        status=400 if error else 200,
    )


# After a settlement, a redetermination, paid in full ------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@_for_claimant
def claim_settlement_judgment(request, claim):
    """Ask for a judgment on the agreed plan when the settlement was not signed or kept."""
    refusal = settlement_judgment_refusal(claim)
    if refusal:
        return _refused(request, claim, refusal)
    if request.method == "POST":
        try:
            claim_settlement_judgment_request(claim=claim, actor=request.user, request=request)
        except JudgmentRefused as error:
            return _refused(request, claim, str(error))
        return _back(claim)
    return _page(
        request,
        claim,
        "confirm.html",
        title=gettext("Ask for a county court judgment"),
        text=gettext(
            "The judgment will be for what the defendant admitted, to be paid %(plan)s. We will "
            "tell the defendant."
        )
        % {"plan": plan_words(claim.claimant_reply, language=get_language())},
        button=gettext("Ask for judgment"),
    )


@never_cache
@require_http_methods(["GET", "POST"])
@_for_claimant
def claim_redetermination(request, claim):
    """Ask a judge to look again at the court's decision on how the defendant pays."""
    refusal = redetermination_refusal(claim)
    if refusal:
        return _refused(request, claim, refusal)
    form = RedeterminationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            claim_redetermination_request(
                claim=claim,
                role=PartyRole.CLAIMANT,
                reason=form.cleaned_data["reason"],
                actor=request.user,
                request=request,
            )
        except JudgmentRefused as error:
            return _refused(request, claim, str(error))
        return _back(claim)
    return _form_page(
        request,
        claim,
        form,
        title=gettext("Ask for a redetermination"),
        button=gettext("Ask a judge to look again"),
        intro=gettext("The court decided the defendant pays %(plan)s.")
        % {"plan": plan_words(claim.judgment, language=get_language())},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@_for_claimant
def claim_paid(request, claim):
    """The claimant has been paid in full: when. The claim is settled; the defendant told."""
    refusal = paid_in_full_refusal(claim)
    if refusal:
        return _refused(request, claim, refusal)
    form = PaidInFullForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            claim_paid_in_full(
                claim=claim,
                received_on=form.cleaned_data["received_on"],
                actor=request.user,
                request=request,
            )
        except ReplyRefused as error:
            return _refused(request, claim, str(error))
        except ValidationError as error:
            _errors_onto(form, error)
        else:
            return _back(claim)
    return _form_page(
        request,
        claim,
        form,
        title=gettext("Tell us you have been paid in full"),
        button=gettext("Confirm you have been paid"),
        intro=gettext(
            "The claim will be settled and we will tell the defendant. If there is a judgment, "
            "the register will show it was paid."
        ),
        today=timezone.localdate(),
    )


urlpatterns = [
    path("claims/<str:reference>/response/", claim_response, name="claim-response"),
    path("claims/<str:reference>/reply/accept/", claim_reply_accept, name="claim-reply-accept"),
    path("claims/<str:reference>/reply/your-plan/", claim_reply_plan, name="claim-reply-plan"),
    path(
        "claims/<str:reference>/reply/go-ahead/", claim_reply_go_ahead, name="claim-reply-go-ahead"
    ),
    path("claims/<str:reference>/reply/end/", claim_reply_end_page, name="claim-reply-end"),
    path("claims/<str:reference>/judgment/", claim_judgment, name="claim-judgment"),
    path(
        "claims/<str:reference>/judgment/check/",
        claim_judgment_check,
        name="claim-judgment-check",
    ),
    path(
        "claims/<str:reference>/settlement/judgment/",
        claim_settlement_judgment,
        name="claim-settlement-judgment",
    ),
    path(
        "claims/<str:reference>/redetermination/",
        claim_redetermination,
        name="claim-redetermination",
    ),
    path("claims/<str:reference>/paid-in-full/", claim_paid, name="claim-paid-in-full"),
]
