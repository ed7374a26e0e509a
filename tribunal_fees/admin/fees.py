"""The fee schedule, fees and payment exceptions in the admin."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import BigIntegerField
from django.db.models.functions import Cast
from django.utils.html import format_html, format_html_join

from digital_services.audit.admin import CaseHistoryAdmin
from digital_services.core.admin_forms import ConstraintErrorsOnFieldsForm
from digital_services.core.dates import date_format, datetime_format
from digital_services.core.money import PenceAdminMixin, pence_admin_column, pence_format
from digital_services.payments.services import PaymentProviderUnavailable

from .. import selectors, services
from ..constants import FeeCaseStatus, Jurisdiction
from ..forms import (
    ConfirmForm,
    FeeAwardForm,
    FeeRefundForm,
    ReasonForm,
)
from ..models import FeeCase, FeeSchedule
from .common import ActionViewsMixin, ReadOnlyStatusMixin, TribunalReferenceSearchMixin, _buttons

# The fee schedule: administrators edit it; the model's clean() refuses overlaps.


@admin.register(FeeSchedule)
class FeeScheduleAdmin(PenceAdminMixin, CaseHistoryAdmin):
    form = ConstraintErrorsOnFieldsForm
    list_display = (
        "kind",
        "jurisdiction",
        "claim_type",
        "claimant_band",
        "amount",
        "effective_from",
        "effective_to",
    )
    list_filter = ("jurisdiction", "kind", "claim_type", "claimant_band", "effective_from")
    ordering = ("jurisdiction", "kind", "claim_type", "claimant_band", "-effective_from")
    fields = (
        "jurisdiction",
        "kind",
        "claim_type",
        "claimant_band",
        "amount_pence",
        "effective_from",
        "effective_to",
        "notes",
    )

    amount = pence_admin_column("amount_pence", "Amount")

    def get_fields(self, request, obj=None):
        # Someone who may only look sees the amount in pounds, not the pence field.
        if obj is not None and not self.has_change_permission(request, obj):
            return tuple("amount" if name == "amount_pence" else name for name in self.fields)
        return self.fields

    def get_readonly_fields(self, request, obj=None):
        # "amount" is a display, never a form field: the history page builds its form from
        # get_fields without the change page's "read-only viewer" exclusions.
        readonly = tuple(super().get_readonly_fields(request, obj))
        if obj is not None and not self.has_change_permission(request, obj):
            return (*readonly, "amount")
        return readonly

    def has_delete_permission(self, request, obj=None):
        # A row a fee case was charged from cannot go (PROTECT); end it with effective_to.
        return False


# Fees and payment exceptions.


class PaymentExceptionFilter(admin.SimpleListFilter):
    title = "payment exceptions"
    parameter_name = "exception"

    def lookups(self, request, model_admin):
        return (
            ("uncertain", "Payment not confirmed"),
            ("in_flight", "Payment started, not finished"),
            ("failed", "Not paid after a failed or abandoned payment"),
        )

    def queryset(self, request, queryset):
        if self.value() == "uncertain":
            return queryset.filter(status=FeeCaseStatus.PAYMENT_UNCERTAIN)
        if self.value() == "in_flight":
            return queryset.filter(status=FeeCaseStatus.PAYMENT_IN_PROGRESS)
        if self.value() == "failed":
            from django.contrib.contenttypes.models import ContentType

            from digital_services.payments.models import Payment

            failed = (
                Payment.objects.filter(
                    content_type=ContentType.objects.get_for_model(FeeCase),
                    status__in=("failed", "cancelled", "error"),
                )
                .annotate(case_id=Cast("object_id", BigIntegerField()))
                .values("case_id")
            )
            return queryset.filter(status=FeeCaseStatus.UNPAID, pk__in=failed)
        return queryset


@admin.register(FeeCase)
class FeeCaseAdmin(
    TribunalReferenceSearchMixin, ActionViewsMixin, ReadOnlyStatusMixin, CaseHistoryAdmin
):
    list_display = (
        "reference",
        "kind",
        "jurisdiction",
        "claimants",
        "claim_type",
        "amount_due",
        "status",
        "status_changed_at",
    )
    list_filter = (
        PaymentExceptionFilter,
        "status",
        "kind",
        "jurisdiction",
        "claim_type",
        ("created_at", admin.DateFieldListFilter),
    )
    search_fields = ("reference", "case_number", "email")
    list_select_related = ()
    actions = ["check_with_provider"]
    fields = (
        "reference",
        "status",
        "next_step",
        "staff_actions",
        "kind",
        "jurisdiction",
        "case_number",
        "payer_role",
        "parties",
        "claimants",
        "claim_type",
        "claim_elements",
        "fee_date",
        "fee_schedule",
        "fee",
        "remitted_claimants",
        "remission",
        "amount_due",
        "amount_paid",
        "paid_at",
        "paid_elsewhere_method",
        "fee_award_pence",
        "fee_award_made_on",
        "latest_payment",
        "user",
        "email",
        "language",
        "created_at",
        "status_changed_at",
    )
    readonly_fields = fields
    action_views = {
        "not-paid": (
            "tribunal_fees.resolve_feecase",
            ReasonForm,
            "Mark as not paid",
            "_mark_not_paid",
        ),
        "check-payment": (
            "tribunal_fees.resolve_feecase",
            ConfirmForm,
            "Check the payment with the provider",
            "_check_payment",
        ),
        "fee-award": (
            "tribunal_fees.resolve_feecase",
            FeeAwardForm,
            "Record a fee award",
            "_record_fee_award",
        ),
        # A fee paid twice or in error: a refund into the four-eyes queue.
        "refund": (
            "tribunal_fees.check_refundapplication",
            FeeRefundForm,
            "Refund a fee paid twice or in error",
            "_refund",
        ),
    }

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="Fee")
    def fee(self, obj):
        return pence_format(obj.fee_pence)

    @admin.display(description="People and decisions")
    def parties(self, obj):
        """Who pays, each Help with Fees applicant and the decision on them, each refund
        applicant and their representative: the whole case on one page."""
        people = selectors.fee_case_parties_for_staff(fee_case=obj)
        rows = [("Pays the fee", f"{people['payer_role']}: {people['payer'] or 'not given'}")]
        for hwf in people["hwf_applications"]:
            if hwf.outcome:
                decision = f"{hwf.get_outcome_display()}"
                if hwf.overridden:
                    decision += (
                        f" (worked out as {hwf.get_computed_outcome_display().lower()};"
                        f" changed because: {hwf.override_reason})"
                    )
                if hwf.decided_by_id:
                    decision += f", decided by {hwf.decided_by.get_full_name() or hwf.decided_by}"
                if hwf.decided_at:
                    decision += f" on {date_format(hwf.decided_at)}"
            else:
                decision = (
                    f"{hwf.get_status_display()} (worked out as "
                    f"{hwf.get_computed_outcome_display().lower()})"
                )
            rows.append(
                (
                    f"Help with Fees applicant ({hwf.reference})",
                    f"{hwf.applicant_name}: {decision}",
                )
            )
        for refund in people["refund_applications"]:
            rows.append(
                (
                    f"Refund applicant ({refund.reference})",
                    f"{refund.full_name}: {refund.get_status_display()}",
                )
            )
            if refund.representative_name:
                rows.append(("Representative", refund.representative_name))
        return format_html(
            '<dl class="tf-parties">{}</dl>',
            format_html_join("", "<dt>{}</dt><dd>{}</dd>", rows),
        )

    @admin.display(description="Help with Fees")
    def remission(self, obj):
        return pence_format(obj.remission_pence)

    @admin.display(description="Amount due", ordering="amount_due_pence")
    def amount_due(self, obj):
        return pence_format(obj.amount_due_pence)

    @admin.display(description="Amount paid")
    def amount_paid(self, obj):
        return pence_format(obj.amount_paid_pence) if obj.amount_paid_pence is not None else "–"

    @admin.display(description="Latest payment")
    def latest_payment(self, obj):
        # Shown here, not linked: caseworkers hold no permission on the shared payments admin.
        payment = selectors.fee_case_latest_payment(fee_case=obj)
        if payment is None:
            return "None"
        parts = [
            f"{payment.get_status_display()}",
            payment.failure_code and f"code {payment.failure_code}",
            f"{payment.get_provider_display()} id {payment.provider_payment_id or '(none yet)'}",
            payment.last_digits_card_number
            and f"{payment.card_brand} ending {payment.last_digits_card_number}",
            f"started {datetime_format(payment.created_at)}",
        ]
        return "; ".join(p for p in parts if p)

    @admin.display(description="What to do next")
    def next_step(self, obj):
        return selectors.fee_case_next_step_for_staff(
            fee_case=obj, payment=selectors.fee_case_latest_payment(fee_case=obj)
        )

    @admin.display(description="Actions")
    def staff_actions(self, obj):
        links = []
        if obj.status in (FeeCaseStatus.PAYMENT_UNCERTAIN, FeeCaseStatus.PAYMENT_IN_PROGRESS):
            links.append((self.action_url(obj, "check-payment"), "Check with the provider"))
        if obj.status == FeeCaseStatus.PAYMENT_UNCERTAIN:
            links.append((self.action_url(obj, "not-paid"), "Mark as not paid"))
        if (
            obj.jurisdiction == Jurisdiction.IAC
            and obj.status == FeeCaseStatus.PAID
            and obj.fee_award_pence is None
        ):
            links.append((self.action_url(obj, "fee-award"), "Record a fee award"))
        if obj.status == FeeCaseStatus.PAID and services.fee_case_refundable_pence(obj):
            links.append((self.action_url(obj, "refund"), "Refund (paid twice or in error)"))
        return _buttons(links)

    def _refund(self, request, obj, data):
        refund = services.fee_case_refund_start(
            fee_case=obj,
            actor=request.user,
            reason=data["reason"],
            amount_pence=data["amount"],
            account_name=data.get("account_name", ""),
            bank_name=data.get("bank_name", ""),
            account_number=data.get("account_number", ""),
            sort_code=data.get("sort_code", ""),
        )
        return (
            f"{obj.reference}: refund {refund.reference} of {pence_format(refund.fees_pence)} "
            "is waiting to be checked. A different caseworker must approve it."
        )

    def _record_fee_award(self, request, obj, data):
        fee_case = services.fee_case_fee_award_record(
            fee_case=obj,
            amount_pence=data["amount"],
            made_on=data["made_on"],
            actor=request.user,
            request=request,
        )
        return (
            f"{fee_case.reference}: a fee award of {pence_format(fee_case.fee_award_pence)} is "
            "recorded. The appellant sees it on their fee; nothing is refunded here."
        )

    def _mark_not_paid(self, request, obj, data):
        services.fee_case_mark_not_paid(fee_case=obj, actor=request.user, reason=data["reason"])
        return f"{obj.reference} is not paid: the user can pay again."

    def _check_payment(self, request, obj, data):
        fee_case = services.fee_case_payment_check(fee_case=obj, actor=request.user)
        return f"{fee_case.reference} is now: {fee_case.get_status_display().lower()}."

    def action_summary(self, obj, slug):
        if slug == "refund":
            return [
                ("Status", obj.get_status_display()),
                ("Amount paid", pence_format(obj.amount_paid_pence or 0)),
                ("Left to refund", pence_format(services.fee_case_refundable_pence(obj))),
                (
                    "Refund goes",
                    "to the card paid with (or by bank transfer)"
                    if services.fee_case_card_payment(obj)
                    else "by bank transfer: enter the payer's bank details",
                ),
            ]
        return [
            ("Status", obj.get_status_display()),
            ("Amount due", pence_format(obj.amount_due_pence)),
            ("What to do next", self.next_step(obj)),
        ]

    @admin.action(description="Check selected payments with the provider", permissions=["resolve"])
    def check_with_provider(self, request, queryset):
        checked = unavailable = 0
        for fee_case in queryset.filter(
            status__in=(FeeCaseStatus.PAYMENT_UNCERTAIN, FeeCaseStatus.PAYMENT_IN_PROGRESS)
        ):
            try:
                services.fee_case_payment_check(fee_case=fee_case, actor=request.user)
            except PaymentProviderUnavailable:
                unavailable += 1
            else:
                checked += 1
        messages.info(request, f"{checked} fee(s) checked with the provider.")
        if unavailable:
            messages.warning(request, f"{unavailable} could not be checked: try later.")

    def has_resolve_permission(self, request):
        return request.user.has_perm("tribunal_fees.resolve_feecase")
