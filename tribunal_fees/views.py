"""Citizen pages of Pay tribunal fees that show what we hold: a fee, its receipt (page and
PDF), a Help with Fees application and a refund application, for their signed-in owner.
The journeys that create them live in ``journeys.py``."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from digital_services.core.views import service_start_page
from digital_services.payments.services import PaymentProviderUnavailable

from . import selectors, services
from .constants import FeeCaseStatus
from .receipts import ReceiptNotAvailable, fee_receipt_lines, fee_receipt_pdf
from .refunds import rate_display
from .service import SERVICE, START_PAGE


def start(request):
    return service_start_page(request, SERVICE, START_PAGE)


def _fee_case_or_404(request, reference):
    try:
        return selectors.fee_case_for_owner(user=request.user, reference=reference)
    except selectors.FeeCase.DoesNotExist:
        raise Http404("No such fee") from None


@never_cache
@login_required
@require_GET
def fee_detail(request, reference: str):
    fee_case = _fee_case_or_404(request, reference)
    payment = selectors.fee_case_latest_payment(fee_case=fee_case)
    hwf = fee_case.hwf_applications.order_by("-submitted_at").first()
    return render(
        request,
        "tribunal_fees/fee_detail.html",
        {
            "page_title": f"Fee {fee_case.reference}",
            "fee_case": fee_case,
            "payment": payment,
            "hwf": hwf,
            "next_step": selectors.FEE_NEXT_STEPS[fee_case.status],
            "can_pay": fee_case.status
            in (
                FeeCaseStatus.UNPAID,
                FeeCaseStatus.PAYMENT_IN_PROGRESS,
                FeeCaseStatus.PAYMENT_UNCERTAIN,
            )
            and fee_case.amount_due_pence > 0,
            "has_receipt": fee_case.status in (FeeCaseStatus.PAID, FeeCaseStatus.REMITTED),
        },
    )


@login_required
@require_POST
def fee_pay(request, reference: str):
    """Pay (or go back to paying) a fee by card: one charge per fee."""
    fee_case = _fee_case_or_404(request, reference)
    try:
        url = services.fee_case_payment_start(
            fee_case=fee_case, started_by=request.user, request=request
        )
    except services.TransitionNotAllowed as exc:
        messages.error(request, str(exc))
        return redirect("tribunal_fees:fee-detail", reference=fee_case.reference)
    except PaymentProviderUnavailable:
        return render(
            request,
            "tribunal_fees/payment_unavailable.html",
            {
                "page_title": "Sorry, there is a problem with the payment service",
                "fee_case": fee_case,
            },
            status=503,
        )
    return redirect(url)


@never_cache
@login_required
@require_GET
def fee_receipt(request, reference: str):
    fee_case = _fee_case_or_404(request, reference)
    try:
        rows = fee_receipt_lines(fee_case)
    except ReceiptNotAvailable:
        raise Http404("This fee has no receipt yet") from None
    return render(
        request,
        "tribunal_fees/fee_receipt.html",
        {"page_title": f"Receipt for fee {fee_case.reference}", "fee_case": fee_case, "rows": rows},
    )


@never_cache
@login_required
@require_GET
def fee_receipt_download(request, reference: str):
    fee_case = _fee_case_or_404(request, reference)
    try:
        pdf = fee_receipt_pdf(fee_case)
    except ReceiptNotAvailable:
        raise Http404("This fee has no receipt yet") from None
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="receipt-{fee_case.reference}.pdf"'
    return response


@never_cache
@login_required
@require_GET
def hwf_detail(request, reference: str):
    try:
        application = selectors.hwf_application_for_owner(user=request.user, reference=reference)
    except selectors.HelpWithFeesApplication.DoesNotExist:
        raise Http404("No such application") from None
    return render(
        request,
        "tribunal_fees/hwf_detail.html",
        {
            "page_title": f"Help with Fees application {application.reference}",
            "application": application,
        },
    )


@never_cache
@login_required
@require_GET
def refund_detail(request, reference: str):
    try:
        application = selectors.refund_application_for_owner(user=request.user, reference=reference)
    except selectors.RefundApplication.DoesNotExist:
        raise Http404("No such application") from None
    return render(
        request,
        "tribunal_fees/refund_detail.html",
        {
            "page_title": f"Refund application {application.reference}",
            "application": application,
            "interest_rate": rate_display(settings.TRIBUNAL_FEES_REFUND_INTEREST_RATE_BASIS_POINTS),
        },
    )
