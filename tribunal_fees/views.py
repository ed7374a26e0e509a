"""Citizen pages of Pay tribunal fees that show what we hold: a fee, its receipt (page and
PDF), a Help with Fees application and a refund application; the confirmation pages
the journeys in ``journeys.py`` end on; and the start page.

Who may see a case: its signed-in owner (or the citizen a member of staff is helping,
``case_owner_for_request``). Someone who was not signed in when they sent a journey
has a case with no owner; a browser holding the platform's grant for it
(digital_services/core/grants.py) may see it: the journey's confirmation URL and the
links in our emails are grant links, and "Find your fee" (reference and the email address
given, rate limited) gives one. Anyone else signed in gets 404, and anyone else not
signed in is sent to sign in.
"""

from __future__ import annotations

import datetime as dt
import functools

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from digital_services.accounts.citizens import case_owner_for_request
from digital_services.audit.http import lookup_rate_limited
from digital_services.core.grants import (
    TTL_CONFIRMATION,
    grant_hold_new,
    grant_issue,
    grant_url,
)
from digital_services.core.views import service_start_page
from digital_services.documents.http import document_response
from digital_services.journeys import services as journey_services
from digital_services.journeys.views import JourneyRequest
from digital_services.payments.services import PaymentProviderUnavailable

from . import selectors, services
from .constants import GRANT_SCOPE_FEE, FeeCaseStatus, HwfStatus
from .forms import FeeFindForm, HwfLinkForm, PaymentEvidenceForm
from .models import RefundApplication
from .receipts import ReceiptNotAvailable, fee_receipt_document, fee_receipt_lines
from .refunds import rate_display, refund_interest_pence
from .service import SERVICE, START_PAGE
from .services.paid_elsewhere import EVIDENCE_MAX_BYTES


def start(request):
    content = {
        **START_PAGE,
        "intro": format_html(
            "{} {}",
            START_PAGE["intro"],
            format_html(
                gettext(
                    'You can also <a class="govuk-link" href="{hwf}">apply for Help with Fees</a> '
                    "if you are on certain benefits or a low income (also within 3 months of "
                    'paying a fee), or <a class="govuk-link" href="{refund}">apply for a refund</a> '
                    "of employment tribunal fees you paid between July 2013 and July 2017. If you "
                    'told us about a fee without signing in, <a class="govuk-link" href="{find}">'
                    "find your fee</a> with its reference and your email address."
                ),
                hwf=reverse("tribunal_fees:apply-for-help-with-fees-start"),
                refund=reverse("tribunal_fees:refund-start"),
                find=reverse("tribunal_fees:fee-find"),
            ),
        ),
    }
    return service_start_page(
        request, SERVICE, content, start_now_url=reverse("tribunal_fees:pay-start")
    )


# Access -----------------------------------------------------------------------------


def access_url(*, user, scope: str, reference: str, target: str) -> str:
    """Where to send someone after a journey: ``target`` itself when they are signed in
    (the case is theirs), otherwise the platform's grant link (core/grants.py) that lets
    their browser see the case and then opens ``target``."""
    if getattr(user, "is_authenticated", False):
        return target
    return grant_url(scope=scope, reference=reference, next_url=target, ttl=TTL_CONFIRMATION)


# Find your fee -------------------------------------------------------------------------

LOOKUP_RATE_LIMITED = _("You have tried to find a fee too many times. Wait an hour and try again")
LOOKUP_NOT_FOUND = _(
    "No fee matches that reference and email address. Check them and try again: the "
    "reference is in the email we sent you"
)


@never_cache
@require_http_methods(["GET", "POST"])
def fee_find(request):
    """A fee sent without an account, found with its reference and the payer's email
    address (rate limited): this browser gets its grant and goes to the fee's page."""
    status = 200
    if request.method == "POST":
        form = FeeFindForm(request.POST)
        if form.is_valid():
            reference = form.cleaned_data["reference"]
            if lookup_rate_limited(
                request,
                group="tribunal_fees.fee_find",
                reference=reference,
                setting="TRIBUNAL_FEES_LOOKUP_RATE_LIMIT",
            ):
                form.add_error(None, LOOKUP_RATE_LIMITED)
                status = 429
            else:
                fee_case = selectors.fee_case_for_payer(
                    reference=reference, email=form.cleaned_data["email"]
                )
                if fee_case is not None:
                    grant_hold_new(request, scope=GRANT_SCOPE_FEE, reference=fee_case.reference)
                    return redirect("tribunal_fees:fee-detail", reference=fee_case.reference)
                form.add_error(None, LOOKUP_NOT_FOUND)
    else:
        form = FeeFindForm(initial={"reference": request.GET.get("reference", "")[:20]})
    return render(
        request,
        "tribunal_fees/fee_find.html",
        {"page_title": gettext("Find your fee"), "form": form},
        status=status,
    )


def _refused(request):
    """Not found for someone signed in; sign in for anyone else (it may be theirs)."""
    if request.user.is_authenticated:
        raise Http404("No such case")
    return redirect_to_login(request.get_full_path())


def _for_viewer(find):
    """Decorates a view taking ``reference``: it gets the case ``find`` (a selector) gives
    this viewer instead, and anyone it does not belong to is refused (404, or sign in)."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, reference: str):
            case = find(request=request, reference=reference)
            if case is None:
                return _refused(request)
            return view(request, case)

        return wrapper

    return decorate


@never_cache
@require_GET
@_for_viewer(selectors.fee_case_for_viewer)
def fee_detail(request, fee_case):
    """A fee: what it is, what is left to pay, the receipt once paid; when the payment
    could not be confirmed, a page that says what happens next."""
    from .journeys import hwf_fee_case_lookup

    payment = selectors.fee_case_latest_payment(fee_case=fee_case)
    hwf = fee_case.hwf_applications.order_by("-submitted_at").first()
    if fee_case.status == FeeCaseStatus.PAYMENT_UNCERTAIN:
        return render(
            request,
            "tribunal_fees/fee_uncertain.html",
            {
                "page_title": gettext("We cannot confirm your payment yet"),
                "fee_case": fee_case,
                "payment": payment,
            },
        )
    return render(
        request,
        "tribunal_fees/fee_detail.html",
        {
            "page_title": gettext("Fee %(reference)s") % {"reference": fee_case.reference},
            "can_apply_hwf": fee_case.status == FeeCaseStatus.UNPAID
            and fee_case.claimants == 1
            and fee_case.remission_pence == 0
            and hwf is None,
            # Retrospective Help with Fees: paid in the last 3 months, no application yet.
            "can_apply_hwf_paid": fee_case.status == FeeCaseStatus.PAID
            and hwf is None
            and hwf_fee_case_lookup(fee_case.reference) is not None,
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


@require_POST
@_for_viewer(selectors.fee_case_for_viewer)
def fee_pay(request, fee_case):
    """Pay (or go back to paying) a fee by card: one charge per fee."""
    try:
        url = services.fee_case_payment_start(
            fee_case=fee_case,
            started_by=case_owner_for_request(request),
            entered_by=(
                request.user if getattr(request, "assisted_session", None) is not None else None
            ),
            request=request,
            return_to=reverse("tribunal_fees:fee-detail", args=[fee_case.reference]),
        )
    except services.TransitionNotAllowed as exc:
        messages.error(request, str(exc))
        return redirect("tribunal_fees:fee-detail", reference=fee_case.reference)
    except PaymentProviderUnavailable:
        return render(
            request,
            "tribunal_fees/payment_unavailable.html",
            {
                "page_title": gettext("Sorry, there is a problem with the payment service"),
                "fee_case": fee_case,
            },
            status=503,
        )
    return redirect(url)


@never_cache
@require_GET
@_for_viewer(selectors.fee_case_for_viewer)
def fee_receipt(request, fee_case):
    try:
        rows = fee_receipt_lines(fee_case)
    except ReceiptNotAvailable:
        raise Http404("This fee has no receipt yet") from None
    return render(
        request,
        "tribunal_fees/fee_receipt.html",
        {
            "page_title": gettext("Receipt for fee %(reference)s")
            % {"reference": fee_case.reference},
            "fee_case": fee_case,
            "rows": rows,
        },
    )


@never_cache
@require_GET
@_for_viewer(selectors.fee_case_for_viewer)
def fee_receipt_download(request, fee_case):
    """The stored receipt, streamed after this service's own access check (which also
    lets in a browser holding the signed link to a fee sent without an account)."""
    try:
        document = fee_receipt_document(fee_case=fee_case)
    except ReceiptNotAvailable:
        raise Http404("This fee has no receipt yet") from None
    return document_response(document=document)


@never_cache
@require_GET
@_for_viewer(selectors.hwf_application_for_viewer)
def hwf_detail(request, application):
    return render(
        request,
        "tribunal_fees/hwf_detail.html",
        {
            "page_title": gettext("Help with Fees application %(reference)s")
            % {"reference": application.reference},
            "application": application,
            "contact": services.contact_route_of(application.fee_case),
            # Retrospective Help with Fees: the refund of what the decision remitted.
            "refund": RefundApplication.objects.filter(hwf_application=application).first(),
            # A fee paid to the tribunal, not through us: the evidence of payment sent.
            "paid_elsewhere": application.fee_case.status == FeeCaseStatus.PAID_ELSEWHERE,
            "evidence": services.fee_case_payment_evidence(application.fee_case),
            "evidence_open": services.hwf_payment_evidence_open(application),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@_for_viewer(selectors.hwf_application_for_viewer)
def hwf_payment_evidence(request, application):
    """Send evidence of payment (a receipt, a bank statement) for a Help with Fees
    application on a fee paid to the tribunal outside this service: the caseworker checking
    the refund needs it. Open until that refund has been checked."""
    if not services.hwf_payment_evidence_open(application):
        raise Http404("No evidence of payment is needed for this application")
    form = (
        PaymentEvidenceForm(request.POST, request.FILES)
        if request.method == "POST"
        else PaymentEvidenceForm()
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["evidence"]
        if upload.size > EVIDENCE_MAX_BYTES:
            form.add_error("evidence", gettext("The selected file must be smaller than 10MB"))
        else:
            try:
                services.hwf_payment_evidence_add(
                    application=application,
                    content=upload.read(),
                    filename=upload.name,
                    user=case_owner_for_request(request),
                )
            except services.InvalidRequest as exc:
                form.add_error("evidence", exc.errors["evidence"])
            except services.TransitionNotAllowed as exc:
                messages.error(request, str(exc))
                return redirect("tribunal_fees:hwf-detail", reference=application.reference)
            else:
                messages.success(
                    request,
                    gettext("We have your evidence of payment: %(file)s") % {"file": upload.name},
                )
                return redirect("tribunal_fees:hwf-detail", reference=application.reference)
    return render(
        request,
        "tribunal_fees/hwf_payment_evidence.html",
        {
            "page_title": gettext("Send evidence of payment"),
            "application": application,
            "form": form,
            "evidence": services.fee_case_payment_evidence(application.fee_case),
        },
    )


@never_cache
@require_GET
@_for_viewer(selectors.refund_application_for_viewer)
def refund_detail(request, application):
    return render(
        request,
        "tribunal_fees/refund_detail.html",
        {
            "page_title": gettext("Refund application %(reference)s")
            % {"reference": application.reference},
            "application": application,
            "hwf": application.hwf_application,
            "interest_rate": rate_display(settings.TRIBUNAL_FEES_REFUND_INTEREST_RATE_BASIS_POINTS),
        },
    )


# Journey ends and links into them ---------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@_for_viewer(selectors.fee_case_for_viewer)
def fee_hwf(request, fee_case):
    """ "Apply for Help with Fees" for a fee we hold: what it involves, then (POST) the
    Help with Fees journey with this fee's reference already given."""
    from .journeys import HELP_WITH_FEES, hwf_fee_case_lookup

    can_apply = hwf_fee_case_lookup(fee_case.reference) is not None
    too_late = (
        ""
        if can_apply or fee_case.status != FeeCaseStatus.PAID
        else services.hwf_paid_fee_problem(fee_case)
    )
    if request.method == "POST" and can_apply:
        journey = JourneyRequest(request, HELP_WITH_FEES)
        owner = journey.write_owner()
        for slug, answer in (
            ("fee", {"has_reference": "yes"}),
            (
                "fee-reference",
                {
                    "reference": fee_case.reference,
                    # This browser may see the fee, so its journey may use it (and only it).
                    "grant": grant_issue(
                        scope=GRANT_SCOPE_FEE, reference=fee_case.reference, ttl=TTL_CONFIRMATION
                    ),
                },
            ),
        ):
            journey_services.draft_answer_save(
                journey=HELP_WITH_FEES,
                owner=owner,
                step=HELP_WITH_FEES.step_get(slug)[1],
                cleaned_data=answer,
                channel=journey.channel,
            )
        return redirect("tribunal_fees:apply-for-help-with-fees-start")
    return render(
        request,
        "tribunal_fees/fee_hwf.html",
        {
            "page_title": gettext("Apply for Help with Fees"),
            "fee_case": fee_case,
            "can_apply": can_apply,
            "too_late": too_late,
            "card_paid_here": can_apply
            and fee_case.status == FeeCaseStatus.PAID
            and services.fee_case_card_payment(fee_case) is not None,
            "hwf": fee_case.hwf_applications.order_by("-submitted_at").first(),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@_for_viewer(selectors.fee_case_for_viewer)
def fee_hwf_link(request, fee_case):
    """ "Already received a decision?": the citizen's Help with Fees reference, checked
    (rate limited: it finds a decision by its reference) and applied to this fee."""
    status = 200
    form = HwfLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        hwf_reference = form.cleaned_data["reference"]
        if lookup_rate_limited(
            request,
            group="tribunal_fees.hwf_link",
            reference=hwf_reference,
            setting="TRIBUNAL_FEES_LOOKUP_RATE_LIMIT",
        ):
            form.add_error(None, LOOKUP_RATE_LIMITED)
            status = 429
        else:
            try:
                services.fee_case_hwf_link(
                    fee_case=fee_case,
                    hwf_reference=hwf_reference,
                    actor=case_owner_for_request(request),
                )
            except services.InvalidRequest as error:
                for field, message in error.errors.items():
                    form.add_error(field, message)
            except services.TransitionNotAllowed:
                messages.error(request, gettext("This fee has nothing left to pay"))
                return redirect("tribunal_fees:fee-detail", reference=fee_case.reference)
            else:
                return redirect("tribunal_fees:fee-detail", reference=fee_case.reference)
    return render(
        request,
        "tribunal_fees/fee_hwf_link.html",
        {"page_title": gettext("Already received a decision?"), "fee_case": fee_case, "form": form},
        status=status,
    )


@never_cache
@require_GET
@_for_viewer(selectors.hwf_application_for_viewer)
def hwf_confirmation(request, application):
    if application.status != HwfStatus.SUBMITTED:
        return redirect("tribunal_fees:hwf-detail", reference=application.reference)
    return render(
        request,
        "tribunal_fees/hwf_confirmation.html",
        {
            "page_title": gettext("Help with Fees application sent"),
            "application": application,
            "contact": services.contact_route_of(application.fee_case),
        },
    )


@never_cache
@require_GET
@_for_viewer(selectors.refund_application_for_viewer)
def refund_confirmation(request, application):
    return render(
        request,
        "tribunal_fees/refund_confirmation.html",
        {
            "page_title": gettext("Refund application sent"),
            "application": application,
            "contact": services.contact_route_of(application),
            "interest_rate": rate_display(settings.TRIBUNAL_FEES_REFUND_INTEREST_RATE_BASIS_POINTS),
            # A fee of £250 paid 365 days before the refund.
            "example_interest_pence": refund_interest_pence(
                amount_pence=25_000,
                paid_on=dt.date(2016, 1, 1),
                refunded_on=dt.date(2016, 12, 31),
                rate_basis_points=settings.TRIBUNAL_FEES_REFUND_INTEREST_RATE_BASIS_POINTS,
            ),
        },
    )
