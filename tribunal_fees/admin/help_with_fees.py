"""Help with Fees in the admin: the queues, deciding, evidence, part payments."""

from __future__ import annotations

from django.contrib import admin
from django.utils import timezone

from digital_services.audit.admin import CaseHistoryAdmin
from digital_services.core.dates import date_format
from digital_services.core.money import pence_admin_column, pence_format

from .. import services
from ..constants import FeeCaseStatus, HwfOutcome, HwfStatus
from ..forms import (
    HwfDecideForm,
    HwfEvidenceForm,
    PartPaymentForm,
)
from ..models import HelpWithFeesApplication, RefundApplication
from .common import ActionViewsMixin, ReadOnlyStatusMixin, TribunalReferenceSearchMixin, _buttons

# Help with Fees.


class HwfQueueFilter(admin.SimpleListFilter):
    title = "queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return (
            ("to_decide", "To decide"),
            ("evidence", "Waiting for evidence"),
            ("evidence_overdue", "Evidence overdue"),
            ("part_payment", "Waiting for a part payment"),
        )

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "to_decide":
            return queryset.filter(status=HwfStatus.SUBMITTED)
        if self.value() == "evidence":
            return queryset.filter(status=HwfStatus.EVIDENCE_REQUESTED)
        if self.value() == "evidence_overdue":
            return queryset.filter(
                status=HwfStatus.EVIDENCE_REQUESTED, evidence_expires_on__lt=today
            )
        if self.value() == "part_payment":
            return queryset.filter(
                status=HwfStatus.DECIDED,
                outcome=HwfOutcome.PART,
                fee_case__status=FeeCaseStatus.UNPAID,
            )
        return queryset


@admin.register(HelpWithFeesApplication)
class HelpWithFeesApplicationAdmin(
    TribunalReferenceSearchMixin, ActionViewsMixin, ReadOnlyStatusMixin, CaseHistoryAdmin
):
    list_display = (
        "reference",
        "applicant_name",
        "fee_case",
        "scheme",
        "computed_outcome",
        "status",
        "evidence_expires_on",
        "submitted_at",
    )
    list_filter = (
        HwfQueueFilter,
        "status",
        "scheme",
        "computed_outcome",
        "outcome",
        ("submitted_at", admin.DateFieldListFilter),
    )
    search_fields = ("reference", "applicant_name", "ni_number", "fee_case__reference")
    list_select_related = ("fee_case",)
    fields = (
        "reference",
        "status",
        "staff_actions",
        "fee_case",
        "fee",
        "fee_already_paid",
        "refund",
        "scheme",
        "computed",
        "outcome",
        "amount_to_pay",
        "overridden",
        "override_reason",
        "decided_by",
        "decided_at",
        "applicant_name",
        "applicant_date_of_birth",
        "ni_number",
        "has_partner",
        "partner_date_of_birth",
        "children_0_13",
        "children_14_plus",
        "capital",
        "benefit",
        "income",
        "evidence_note",
        "evidence_expires_on",
        "evidence_requested_by",
        "part_payment",
        "part_payment_recorded_by",
        "submitted_at",
    )
    readonly_fields = fields
    PAID_NOTE = (
        "Yes: the fee stays paid. A decision giving help creates a refund of the amount "
        "remitted, to be checked, approved and issued by 2 different caseworkers."
    )

    @admin.display(description="Refund")
    def refund(self, obj):
        refund = RefundApplication.objects.filter(hwf_application=obj).first()
        return f"{refund.reference} ({refund.get_status_display().lower()})" if refund else "-"

    part_payment = pence_admin_column("part_payment_pence", "Part payment")
    action_views = {
        "decide": (
            "tribunal_fees.process_helpwithfeesapplication",
            HwfDecideForm,
            "Decide",
            "_decide",
        ),
        "evidence": (
            "tribunal_fees.process_helpwithfeesapplication",
            HwfEvidenceForm,
            "Ask for evidence",
            "_evidence",
        ),
        "part-payment": (
            "tribunal_fees.process_helpwithfeesapplication",
            PartPaymentForm,
            "Record a part payment",
            "_part_payment",
        ),
    }

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="Fee")
    def fee(self, obj):
        return pence_format(obj.fee_pence)

    @admin.display(description="Calculated outcome")
    def computed(self, obj):
        return (
            f"{obj.get_computed_outcome_display()} (by {obj.computed_route}): "
            f"pays {pence_format(obj.computed_amount_to_pay_pence)}"
        )

    @admin.display(description="Amount to pay")
    def amount_to_pay(self, obj):
        return pence_format(obj.amount_to_pay_pence) if obj.amount_to_pay_pence is not None else "–"

    @admin.display(description="Savings and investments")
    def capital(self, obj):
        if obj.capital_pence is None:
            return obj.get_savings_band_display()
        return pence_format(obj.capital_pence)

    @admin.display(description="Gross monthly income")
    def income(self, obj):
        return (
            pence_format(obj.gross_monthly_income_pence)
            if obj.gross_monthly_income_pence is not None
            else "–"
        )

    @admin.display(description="Actions")
    def staff_actions(self, obj):
        links = []
        if obj.status in (HwfStatus.SUBMITTED, HwfStatus.EVIDENCE_REQUESTED):
            links.append((self.action_url(obj, "decide"), "Decide"))
        if obj.status == HwfStatus.SUBMITTED:
            links.append((self.action_url(obj, "evidence"), "Ask for evidence"))
        if (
            obj.status == HwfStatus.DECIDED
            and obj.outcome == HwfOutcome.PART
            and obj.fee_case.status == FeeCaseStatus.UNPAID
        ):
            links.append((self.action_url(obj, "part-payment"), "Record a part payment"))
        return _buttons(links)

    def action_form_kwargs(self, obj, slug):
        if slug == "decide":
            return {
                "initial": {
                    "outcome": obj.computed_outcome,
                    "amount_to_pay": obj.computed_amount_to_pay_pence
                    if obj.computed_outcome == HwfOutcome.PART
                    else "",
                }
            }
        if slug == "part-payment" and obj.amount_to_pay_pence:
            return {"initial": {"amount": obj.amount_to_pay_pence}}
        return {}

    def action_summary(self, obj, slug):
        return [
            ("Applicant", obj.applicant_name),
            ("Fee", pence_format(obj.fee_pence)),
            ("Calculated outcome", self.computed(obj)),
            ("Status", obj.get_status_display()),
            *(
                [("Fee already paid", self.PAID_NOTE)]
                if obj.fee_already_paid and slug == "decide"
                else []
            ),
        ]

    def _decide(self, request, obj, data):
        application = services.hwf_application_decide(
            application=obj,
            actor=request.user,
            outcome=data["outcome"],
            amount_to_pay_pence=data.get("amount_to_pay"),
            override_reason=data.get("override_reason", ""),
        )
        if application.fee_already_paid:
            refund = RefundApplication.objects.filter(hwf_application=application).first()
            return f"{application.reference}: {application.get_outcome_display().lower()}. " + (
                f"Refund {refund.reference} of {pence_format(refund.fees_pence)} is waiting "
                "to be checked."
                if refund
                else "Nothing to refund."
            )
        return (
            f"{application.reference}: {application.get_outcome_display().lower()}, "
            f"pays {pence_format(application.amount_to_pay_pence)}."
        )

    def _evidence(self, request, obj, data):
        application = services.hwf_application_evidence_request(
            application=obj, actor=request.user, note=data["note"], expires_on=data["expires_on"]
        )
        return f"{application.reference}: evidence asked for by {date_format(application.evidence_expires_on)}."

    def _part_payment(self, request, obj, data):
        application = services.hwf_application_part_payment_record(
            application=obj, actor=request.user, amount_pence=data["amount"]
        )
        return f"{application.reference}: part payment recorded; the fee is paid."
