"""Refund applications (2017 scheme) in the admin: check, approve, issue, reject."""

from __future__ import annotations

import csv

from django.contrib import admin
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from digital_services.audit.admin import CaseHistoryAdmin
from digital_services.core.admin_forms import ConstraintErrorsOnFieldsForm
from digital_services.core.money import PenceAdminMixin, pence_admin_column, pence_format

from .. import selectors, services
from ..constants import RefundStatus
from ..forms import (
    ConfirmForm,
    ReasonForm,
    RefundIssueForm,
)
from ..models import RefundApplication, RefundFee
from ..refunds import sort_code_display
from .common import (
    ActionViewsMixin,
    ReadOnlyStatusMixin,
    TribunalReferenceSearchMixin,
    _buttons,
    csv_safe,
)

# Refunds.


class RefundFeeInline(PenceAdminMixin, admin.TabularInline):
    form = ConstraintErrorsOnFieldsForm
    model = RefundFee
    extra = 0
    fields = ("kind", "amount_pence", "method", "paid_month", "paid_year")
    amount = pence_admin_column("amount_pence", "Amount")

    def get_fields(self, request, obj=None):
        # Read-only lines show the amount in pounds, not the pence field.
        if self.has_change_permission(request, obj):
            return self.fields
        return tuple("amount" if name == "amount_pence" else name for name in self.fields)

    def get_readonly_fields(self, request, obj=None):
        return () if self.has_change_permission(request, obj) else ("amount",)

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # Fees can be corrected (a month found on a bank statement) until the refund is checked.
        return (
            obj is not None
            and obj.status == RefundStatus.SUBMITTED
            and request.user.has_perm("tribunal_fees.change_refundfee")
        )


@admin.register(RefundApplication)
class RefundApplicationAdmin(
    TribunalReferenceSearchMixin, ActionViewsMixin, ReadOnlyStatusMixin, CaseHistoryAdmin
):
    list_display = (
        "reference",
        "full_name",
        "fees",
        "status",
        "checked_by",
        "approved_by",
        "submitted_at",
    )
    list_filter = ("status", "region", "issue_method", "submitted_at")
    search_fields = ("reference", "full_name", "email", "et_case_number", "eat_case_number")
    list_select_related = ("checked_by", "approved_by")
    inlines = [RefundFeeInline]
    actions = ["export_finance_csv"]
    readonly_fields = (
        "reference",
        "status",
        "language",
        "staff_actions",
        "fees",
        "interest_estimate",
        "interest",
        "total",
        "issue_method",
        "card_refund",
        "bank_transfer",
        "payments_refund",
        "checked_by",
        "checked_at",
        "approved_by",
        "approved_at",
        "issued_by",
        "issued_at",
        "rejected_by",
        "rejected_at",
        "rejection_reason",
        "profile",
        "title",
        "full_name",
        "date_of_birth",
        "email",
        "phone",
        "address",
        "region",
        "et_case_number",
        "eat_case_number",
        "office_code",
        "respondent_name",
        "respondent_address",
        "representative_name",
        "claimant_address_then",
        "notes",
        "fee_case",
        "hwf_application",
        "fee_refund_reason",
        "payment_elsewhere",
        "account_name",
        "bank_name",
        "sort_code_shown",
        "account_number",
        "declaration",
        "submitted_at",
    )
    fields = readonly_fields
    action_views = {
        "check": (
            "tribunal_fees.check_refundapplication",
            ConfirmForm,
            "Mark as checked",
            "_check",
        ),
        "approve": (
            "tribunal_fees.approve_refundapplication",
            ConfirmForm,
            "Approve the refund",
            "_approve",
        ),
        "issue": (
            "tribunal_fees.issue_refundapplication",
            RefundIssueForm,
            "Issue the refund",
            "_issue",
        ),
        "reject": (
            "tribunal_fees.reject_refundapplication",
            ReasonForm,
            "Reject the application",
            "_reject",
        ),
    }

    def has_change_permission(self, request, obj=None):
        # Only the fee lines (inline) are editable, and only before the check.
        if obj is not None and obj.status != RefundStatus.SUBMITTED:
            return False
        return super().has_change_permission(request, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if any(formset.has_changed() for formset in formsets):
            from digital_services.audit.services import audit_record

            audit_record(
                action="refund_application.fees_corrected",
                obj=form.instance,
                request=request,
                service=services.AUDIT_SERVICE,
            )

    @admin.display(description="Fees claimed", ordering="fees_pence")
    def fees(self, obj):
        return pence_format(obj.fees_pence)

    interest = pence_admin_column("interest_pence", "Interest")
    total = pence_admin_column("total_pence", "Total refunded")
    card_refund = pence_admin_column("card_refund_pence", "Refunded to the card")
    bank_transfer = pence_admin_column("bank_transfer_pence", "Refunded by bank transfer")

    @admin.display(description="Payment to the tribunal (check it against the evidence)")
    def payment_elsewhere(self, obj):
        """For a Help with Fees refund of a fee paid outside this service: what the payer
        says they paid, and their evidence of payment (each file opens after the check of
        the documents app)."""
        rows = selectors.refund_payment_elsewhere_rows(obj)
        if rows is None:
            return "-"
        lines = format_html_join("", "<p>{}: {}</p>", ((k, v) for k, v in rows["facts"]))
        files = format_html_join(
            "",
            '<li><a href="{}">{}</a></li>',
            (
                (reverse("documents:download", args=[d.public_id]), d.filename)
                for d in rows["evidence"]
            ),
        )
        if not rows["evidence"]:
            return format_html("{}<p><strong>No evidence of payment sent yet.</strong></p>", lines)
        return format_html("{}<ul>{}</ul>", lines, files)

    @admin.display(description="Sort code")
    def sort_code_shown(self, obj):
        return sort_code_display(obj.sort_code)

    @admin.display(description="Interest if paid today")
    def interest_estimate(self, obj):
        try:
            return pence_format(services.refund_interest_for(obj, refunded_on=timezone.localdate()))
        except services.InvalidRequest as exc:
            return "; ".join(exc.errors.values())

    @admin.display(description="Actions")
    def staff_actions(self, obj):
        links = []
        if obj.status == RefundStatus.SUBMITTED:
            links.append((self.action_url(obj, "check"), "Mark as checked"))
        if obj.status == RefundStatus.CHECKED:
            links.append((self.action_url(obj, "approve"), "Approve (second caseworker)"))
        if obj.status == RefundStatus.APPROVED:
            links.append((self.action_url(obj, "issue"), "Issue the refund"))
        if obj.status in (RefundStatus.SUBMITTED, RefundStatus.CHECKED, RefundStatus.APPROVED):
            links.append((self.action_url(obj, "reject"), "Reject"))
        return _buttons(links)

    def action_summary(self, obj, slug):
        rows = [
            ("Reference", obj.reference),
            ("Applicant", obj.full_name),
            ("Fees claimed", pence_format(obj.fees_pence)),
            *(
                [("Help with Fees decision", f"{obj.hwf_application} (no interest)")]
                if obj.hwf_application_id
                else []
            ),
            *(
                [("Why", f"{obj.get_fee_refund_reason_display()} (no interest)")]
                if obj.fee_refund_reason
                else []
            ),
            ("Interest if paid today", self.interest_estimate(obj)),
            ("Status", obj.get_status_display()),
        ]
        elsewhere = selectors.refund_payment_elsewhere_rows(obj)
        if elsewhere is not None:
            rows += elsewhere["facts"]
            rows.append(
                (
                    "Evidence of payment",
                    ", ".join(d.filename for d in elsewhere["evidence"]) or "None sent yet",
                )
            )
        if obj.checked_by_id:
            rows.append(("Checked by", str(obj.checked_by)))
        return rows

    def action_refusal(self, request, obj, slug):
        # The four-eyes rule, checked here before the service checks it again.
        if slug == "approve" and obj.checked_by_id == request.user.pk:
            return "You checked this refund, so a different caseworker must approve it."
        return None

    def _check(self, request, obj, data):
        services.refund_application_check(application=obj, actor=request.user)
        return f"{obj.reference} checked. A different caseworker must approve it."

    def _approve(self, request, obj, data):
        services.refund_application_approve(application=obj, actor=request.user)
        return f"{obj.reference} approved."

    def _issue(self, request, obj, data):
        application = services.refund_application_issue(
            application=obj, actor=request.user, method=data["method"]
        )
        return f"{application.reference}: refund of {pence_format(application.total_pence)} issued."

    def _reject(self, request, obj, data):
        services.refund_application_reject(
            application=obj, actor=request.user, reason=data["reason"]
        )
        return f"{obj.reference} rejected."

    @admin.action(description="Export selected refunds to a finance CSV", permissions=["export"])
    def export_finance_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="tribunal-fee-refunds-{timezone.localdate():%Y-%m-%d}.csv"'
        )
        writer = csv.writer(response)
        writer.writerow(selectors.REFUND_FINANCE_CSV_HEADER)
        for row in selectors.refund_finance_rows(applications=queryset):
            writer.writerow([csv_safe(cell) for cell in row])
        return response

    def has_export_permission(self, request):
        return request.user.has_perm("tribunal_fees.export_refundapplication")
