"""The tenant's pages after linking a possession claim: the response's confirmation, paying
a counterclaim's fee, and general applications (adjourn the hearing, set aside, something
else) with their fee. The response itself is the platform journey
(``journeys/possession_response.py``). Every page is the linked defendant's only."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from digital_services.core.transitions import TransitionNotAllowed
from digital_services.payments.services import PaymentProviderUnavailable

from .forms_possession_tenant import PossessionApplicationForm
from .journeys.submit import on_site
from .models import PossessionCounterclaim, PossessionResponse
from .possession_fees import PossessionFeeNotFound
from .possession_response_constants import ApplicationKind, ApplicationStatus
from .services.possession_response import (
    TenantRefused,
    application_fee,
    next_hearing,
    possession_application_submit,
    tenant_payment_start,
)
from .views_payment import payment_unavailable
from .views_possession_defendant import for_tenant


def _payers(request):
    """Who pays and who types the card details (an agent in an assisted session)."""
    session = getattr(request, "assisted_session", None)
    if session is not None:
        return session.citizen, request.user
    return (request.user if request.user.is_authenticated else None), None


def _pay(request, *, row, return_to: str, back: str):
    started_by, entered_by = _payers(request)
    try:
        url = tenant_payment_start(
            row=row, return_to=return_to, started_by=started_by, entered_by=entered_by
        )
    except TransitionNotAllowed:
        return redirect(back)
    except PaymentProviderUnavailable:
        return payment_unavailable(
            request, back_url=back, back_text=gettext("Go back to the claim")
        )
    return redirect(on_site(url))


@never_cache
@require_GET
@for_tenant
def possession_respond_sent(request, party):
    """After sending the response: what happens next, and the counterclaim fee to pay."""
    response = PossessionResponse.objects.filter(party=party).select_related("counterclaim").first()
    if response is None:
        return redirect("civil_claims:possession-respond-claim", party.claim.reference)
    counterclaim = getattr(response, "counterclaim", None)
    return render(
        request,
        "civil_claims/possession_defendant/sent.html",
        {
            "page_title": gettext("Your response has been sent"),
            "claim": party.claim,
            "response": response,
            "counterclaim": counterclaim,
        },
    )


@never_cache
@require_POST
@for_tenant
def possession_counterclaim_pay(request, party):
    """Pay the counterclaim's fee by card."""
    back = reverse("civil_claims:possession-respond-claim", args=[party.claim.reference])
    counterclaim = PossessionCounterclaim.objects.filter(response__party=party).first()
    if counterclaim is None:
        return redirect(back)
    return _pay(request, row=counterclaim, return_to=back, back=back)


@never_cache
@require_http_methods(["GET", "POST"])
@for_tenant
def possession_application_new(request, party):
    """Apply to the court: adjourn the hearing (free at least 14 days before it), set aside
    a decision or order, or something else; the fee, if any, by card or Help with Fees."""
    claim = party.claim
    hearing = next_hearing(claim)
    hearing_on = timezone.localtime(hearing.starts_at).date() if hearing else None
    today = timezone.localdate()

    def fee_for(kind: str) -> int:
        return application_fee(kind=kind, hearing_on=hearing_on, on=today)[0]

    try:
        fees = {kind: fee_for(kind) for kind in ApplicationKind.values}
    except PossessionFeeNotFound:
        fees = {}

    def refusal_for(kind: str) -> str:
        if kind == ApplicationKind.ADJOURN and hearing is None:
            return gettext(
                "There is no hearing listed to adjourn. Choose another kind of application"
            )
        return ""

    form = PossessionApplicationForm(
        request.POST if request.method == "POST" else None,
        fee_for=fee_for,
        refusal_for=refusal_for,
    )
    back = reverse("civil_claims:possession-respond-claim", args=[claim.reference])
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = possession_application_submit(
                party=party,
                kind=data["kind"],
                details=data["details"],
                hwf_reference=data["hwf_reference"],
                user=request.user,
                request=request,
            )
        except TenantRefused as error:
            form.add_error("kind", str(error))
            status = 409
        else:
            if application.status == ApplicationStatus.PENDING_ISSUE:
                return _pay(request, row=application, return_to=back, back=back)
            return redirect(back)
    return render(
        request,
        "civil_claims/possession_defendant/application.html",
        {
            "page_title": gettext("Apply to the court about the claim"),
            "claim": claim,
            "form": form,
            "hearing": hearing,
            "fees": fees,
            "adjourn_free": fees.get(ApplicationKind.ADJOURN) == 0,
        },
        status=status,
    )


urlpatterns = [
    path(
        "possession-claims/respond/claims/<str:reference>/sent/",
        possession_respond_sent,
        name="possession-respond-sent",
    ),
    path(
        "possession-claims/respond/claims/<str:reference>/counterclaim/pay/",
        possession_counterclaim_pay,
        name="possession-counterclaim-pay",
    ),
    path(
        "possession-claims/respond/claims/<str:reference>/apply/",
        possession_application_new,
        name="possession-application-new",
    ),
]
