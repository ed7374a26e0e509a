"""The staff side of Pay tribunal fees, in the Django admin (tribunal-fees caseworkers).

Queues: Help with Fees to decide, evidence checks, part payments; fees whose payment is
in doubt; refunds to check, approve (a second caseworker: the four-eyes rule, enforced
by the service and checked again here), issue or reject; a finance CSV of refunds.
Status fields are read-only: every change goes through a service, from a small form
page per action (``<id>/<action>/``), and is audited there.
"""

from __future__ import annotations

import csv

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import BigIntegerField
from django.db.models.functions import Cast
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from digital_services.audit.admin import CaseHistoryAdmin
from digital_services.core.admin_forms import ConstraintErrorsOnFieldsForm
from digital_services.core.dates import date_format, datetime_format
from digital_services.core.money import PenceAdminMixin, pence_admin_column, pence_format
from digital_services.core.references import ReferenceSearchMixin
from digital_services.payments.services import PaymentProviderUnavailable

from . import selectors, services
from .constants import FeeCaseStatus, HwfOutcome, HwfStatus, RefundStatus
from .forms import (
    ConfirmForm,
    HwfDecideForm,
    HwfEvidenceForm,
    PartPaymentForm,
    ReasonForm,
    RefundIssueForm,
)
from .models import FeeCase, FeeSchedule, HelpWithFeesApplication, RefundApplication, RefundFee
from .references import reference_stored_forms
from .refunds import sort_code_display

CSV_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    """Stop a spreadsheet reading a cell as a formula (CSV injection)."""
    text = str(value)
    return "'" + text if text.startswith(CSV_FORMULA_PREFIXES) else text


def _buttons(links) -> str:
    links = [(url, label) for url, label in links if url]
    if not links:
        return "No actions for this status"
    return format_html_join(" ", '<a class="button" href="{}">{}</a>', links)


class TribunalReferenceSearchMixin(ReferenceSearchMixin):
    """The search box finds a case by its reference however it is typed ("tf abc def",
    "TFABCDEF", "TF-ABC-DEF"), as this service stores it."""

    def reference_search_forms(self, search_term: str) -> list[str]:
        return reference_stored_forms(search_term)


class ActionViewsMixin:
    """One page per caseworker action: a form, a service call, a message, back to the case."""

    #: action slug -> (permission, form class, title, method name)
    action_views: dict[str, tuple[str, type, str, str]] = {}

    def get_urls(self):
        meta = self.model._meta
        custom = [
            path(
                f"<int:object_id>/{slug}/",
                self.admin_site.admin_view(self._action_view),
                {"slug": slug},
                name=f"{meta.app_label}_{meta.model_name}_{slug.replace('-', '_')}",
            )
            for slug in self.action_views
        ]
        return [*custom, *super().get_urls()]

    def action_url(self, obj, slug: str) -> str:
        meta = self.model._meta
        return reverse(
            f"admin:{meta.app_label}_{meta.model_name}_{slug.replace('-', '_')}", args=[obj.pk]
        )

    def action_refusal(self, request, obj, slug: str) -> str | None:
        """Why this user may not take this action on this case (None: they may)."""
        return None

    def _action_view(self, request, object_id, slug):
        permission, form_class, title, method = self.action_views[slug]
        if not request.user.has_perm(permission):
            raise PermissionDenied
        obj = get_object_or_404(self.model, pk=object_id)
        meta = self.model._meta
        change_url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
        refusal = self.action_refusal(request, obj, slug)
        if refusal:
            messages.error(request, refusal)
            return redirect(change_url)
        data = request.POST if request.method == "POST" else None
        form = form_class(data, **self.action_form_kwargs(obj, slug))
        if request.method == "POST" and form.is_valid():
            try:
                message = getattr(self, method)(request, obj, form.cleaned_data)
            except services.InvalidRequest as exc:
                for field, text in exc.errors.items():
                    form.add_error(field if field in form.fields else None, text)
            except services.TransitionNotAllowed as exc:
                messages.error(request, str(exc))
                return redirect(change_url)
            except PaymentProviderUnavailable:
                messages.error(
                    request, "The payment provider is not available. Nothing changed: try later."
                )
                return redirect(change_url)
            else:
                messages.success(request, message)
                return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": meta,
            "original": obj,
            "title": f"{title}: {obj}",
            "form": form,
            "change_url": change_url,
            "summary": self.action_summary(obj, slug),
            "submit_label": title,
        }
        return render(request, "admin/tribunal_fees/action_form.html", context)

    def action_form_kwargs(self, obj, slug):
        return {}

    def action_summary(self, obj, slug) -> list[tuple[str, str]]:
        return []


class ReadOnlyStatusMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


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
        return _buttons(links)

    def _mark_not_paid(self, request, obj, data):
        services.fee_case_mark_not_paid(fee_case=obj, actor=request.user, reason=data["reason"])
        return f"{obj.reference} is not paid: the user can pay again."

    def _check_payment(self, request, obj, data):
        fee_case = services.fee_case_payment_check(fee_case=obj, actor=request.user)
        return f"{fee_case.reference} is now: {fee_case.get_status_display().lower()}."

    def action_summary(self, obj, slug):
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
        ]

    def _decide(self, request, obj, data):
        application = services.hwf_application_decide(
            application=obj,
            actor=request.user,
            outcome=data["outcome"],
            amount_to_pay_pence=data.get("amount_to_pay"),
            override_reason=data.get("override_reason", ""),
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
            ("Interest if paid today", self.interest_estimate(obj)),
            ("Status", obj.get_status_display()),
        ]
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
