"""The landlord's pages of a sent possession claim: the claim page (where it is, the
hearing, the order, the claim pack), paying the fee or what Help with Fees left, giving
the Help with Fees reference again, and asking for (and paying for) a warrant of
possession. Each page is for the claim's landlord only (signed in, or holding its grant);
each write is one service call."""

from __future__ import annotations

import functools

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from digital_services.core.transitions import TransitionNotAllowed
from digital_services.documents.http import document_response
from digital_services.payments.services import PaymentProviderUnavailable

from .constants import HwfOutcome
from .forms_possession import WarrantRequestForm
from .journeys.forms import HwfReferenceForm
from .journeys.submit import on_site
from .possession_constants import (
    FEE_PAYABLE,
    ORDERED,
    WARRANT_FEE_PAYABLE,
    PossessionStatus,
)
from .possession_fees import PossessionFeeNotFound, possession_fee_for
from .selectors_possession import possession_claim_get_for_viewer, possession_next_step
from .services.possession import possession_fee_due_pence, possession_payment_start
from .services.possession_hearing import possession_hearing_current, possession_outcome_text
from .services.possession_warrant import (
    WarrantRefused,
    possession_hwf_reference_again,
    possession_warrant_fee_due_pence,
    possession_warrant_payment_start,
    possession_warrant_request,
)
from .views_payment import payment_unavailable

S = PossessionStatus


def _for_landlord(view):
    @functools.wraps(view)
    def wrapper(request, reference: str):
        claim = possession_claim_get_for_viewer(reference=reference, request=request)
        if claim is None:
            if request.user.is_authenticated:
                raise Http404("No such claim")
            return redirect_to_login(request.get_full_path())
        return view(request, claim)

    return wrapper


def _payers(request):
    session = getattr(request, "assisted_session", None)
    if session is not None:
        return session.citizen, request.user
    return (request.user if request.user.is_authenticated else None), None


def _hwf_holder(claim):
    if claim.status in (S.WARRANT_HWF_PENDING, S.WARRANT_HWF_AWAITING_CLAIMANT):
        return claim.warrant
    return claim


def _payment_unavailable(request, claim):
    return payment_unavailable(
        request,
        back_url=reverse("civil_claims:possession-claim", args=[claim.reference]),
        back_text=gettext("Go back to your claim"),
    )


@never_cache
@require_GET
@_for_landlord
def possession_claim(request, claim):
    """The claim: where it is and what happens next, with the action that is the
    landlord's to take now."""
    warrant = getattr(claim, "warrant", None)
    holder = _hwf_holder(claim)
    return render(
        request,
        "civil_claims/possession/claim.html",
        {
            "page_title": gettext("Your possession claim %(reference)s")
            % {"reference": claim.reference_display},
            "claim": claim,
            "next_step": possession_next_step(claim),
            "hearing": possession_hearing_current(claim),
            "outcome": possession_outcome_text(claim),
            "warrant": warrant,
            "can_pay": claim.status in FEE_PAYABLE and possession_fee_due_pence(claim) > 0,
            "amount_due_pence": possession_fee_due_pence(claim),
            "can_pay_warrant": claim.status in WARRANT_FEE_PAYABLE
            and possession_warrant_fee_due_pence(warrant) > 0,
            "warrant_due_pence": possession_warrant_fee_due_pence(warrant) if warrant else 0,
            "can_give_reference": claim.status
            in (S.HWF_AWAITING_CLAIMANT, S.WARRANT_HWF_AWAITING_CLAIMANT)
            and holder.hwf_outcome in (HwfOutcome.MORE_INFO, HwfOutcome.INVALID),
            "can_request_warrant": claim.status in ORDERED,
        },
    )


@never_cache
@require_POST
@_for_landlord
def possession_pay(request, claim):
    """Pay the claim fee, or what Help with Fees left, by card."""
    started_by, entered_by = _payers(request)
    try:
        url = possession_payment_start(
            claim=claim,
            return_to=reverse("civil_claims:possession-claim", args=[claim.reference]),
            started_by=started_by,
            entered_by=entered_by,
        )
    except TransitionNotAllowed:
        return redirect("civil_claims:possession-claim", claim.reference)
    except PaymentProviderUnavailable:
        return _payment_unavailable(request, claim)
    return redirect(on_site(url))


@never_cache
@require_http_methods(["GET", "POST"])
@_for_landlord
def possession_hwf_reference(request, claim):
    """Give the Help with Fees reference again (after more information was asked for, or
    the reference was not found)."""
    holder = _hwf_holder(claim)
    if claim.status not in (S.HWF_AWAITING_CLAIMANT, S.WARRANT_HWF_AWAITING_CLAIMANT) or (
        holder.hwf_outcome not in (HwfOutcome.MORE_INFO, HwfOutcome.INVALID)
    ):
        return redirect("civil_claims:possession-claim", claim.reference)
    form = HwfReferenceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            possession_hwf_reference_again(
                claim=claim, reference=form.cleaned_data["reference"], actor=request.user
            )
        except TransitionNotAllowed:
            pass
        except ValueError as exc:
            form.add_error("reference", str(exc))
        else:
            return redirect("civil_claims:possession-claim", claim.reference)
    return render(
        request,
        "civil_claims/possession/form_page.html",
        {
            "page_title": gettext("Give your Help with Fees reference"),
            "claim": claim,
            "form": form,
            "note": holder.hwf_note,
            "submit_label": gettext("Send"),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@_for_landlord
def possession_warrant(request, claim):
    """Ask for a warrant of possession: why, the amount still owed and how to pay."""
    if claim.status not in ORDERED:
        return redirect("civil_claims:possession-claim", claim.reference)
    try:
        fee_pence = possession_fee_for("warrant", on=_today()).fee_pence
    except PossessionFeeNotFound:
        fee_pence = None
    form = WarrantRequestForm(
        request.POST if request.method == "POST" else None,
        status=claim.status,
        fee_pence=fee_pence,
    )
    problem = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user, agent = _payers(request)
        try:
            possession_warrant_request(
                claim=claim,
                basis=data["basis"],
                breach_details=data.get("breach_details") or "",
                amount_owed_pence=data["amount_owed_pence"],
                hwf_reference=data.get("hwf_reference") or "",
                user=user,
                actor=agent or user,
                on_behalf_of=user if agent else None,
                request=request,
            )
        except WarrantRefused as exc:
            for field, message in exc.errors.items():
                form.add_error(field if field in form.fields else None, message)
        except PossessionFeeNotFound:
            problem = gettext("Sorry, we cannot work out the warrant fee today. Try again later.")
        except TransitionNotAllowed:
            return redirect("civil_claims:possession-claim", claim.reference)
        else:
            claim.refresh_from_db()
            if claim.status != S.WARRANT_AWAITING_PAYMENT:
                return redirect("civil_claims:possession-claim", claim.reference)
            try:
                url = possession_warrant_payment_start(
                    claim=claim,
                    return_to=reverse("civil_claims:possession-claim", args=[claim.reference]),
                    started_by=user,
                    entered_by=agent,
                )
            except (PaymentProviderUnavailable, TransitionNotAllowed):
                return redirect("civil_claims:possession-claim", claim.reference)
            return redirect(on_site(url))
    return render(
        request,
        "civil_claims/possession/form_page.html",
        {
            "page_title": gettext("Ask for a warrant of possession"),
            "claim": claim,
            "form": form,
            "problem": problem,
            "fee_pence": fee_pence,
            "submit_label": gettext("Ask for the warrant"),
        },
    )


def _today():
    from django.utils import timezone

    return timezone.localdate()


@never_cache
@require_POST
@_for_landlord
def possession_warrant_pay(request, claim):
    """Pay the warrant fee, or what Help with Fees left, by card."""
    started_by, entered_by = _payers(request)
    try:
        url = possession_warrant_payment_start(
            claim=claim,
            return_to=reverse("civil_claims:possession-claim", args=[claim.reference]),
            started_by=started_by,
            entered_by=entered_by,
        )
    except TransitionNotAllowed:
        return redirect("civil_claims:possession-claim", claim.reference)
    except PaymentProviderUnavailable:
        return _payment_unavailable(request, claim)
    return redirect(on_site(url))


@never_cache
@require_GET
@_for_landlord
def possession_claim_pack_download(request, claim):
    """The claim form and particulars (made when the claim was issued)."""
    if claim.claim_pack_id is None:
        raise Http404("The claim pack is not ready yet")
    return document_response(document=claim.claim_pack)


urlpatterns = [
    path("possession-claims/<str:reference>/", possession_claim, name="possession-claim"),
    path("possession-claims/<str:reference>/pay/", possession_pay, name="possession-pay"),
    path(
        "possession-claims/<str:reference>/help-with-fees/",
        possession_hwf_reference,
        name="possession-hwf-reference",
    ),
    path(
        "possession-claims/<str:reference>/warrant/",
        possession_warrant,
        name="possession-warrant",
    ),
    path(
        "possession-claims/<str:reference>/warrant/pay/",
        possession_warrant_pay,
        name="possession-warrant-pay",
    ),
    path(
        "possession-claims/<str:reference>/claim-form/download/",
        possession_claim_pack_download,
        name="possession-claim-pack-download",
    ),
]
