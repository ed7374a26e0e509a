"""Possession claims for caseworkers: the tenants' counterclaims and general applications,
each a queue (oldest first, with when it is due) and a page per row with its decisions.

A counterclaim for review: decide its Help with Fees (the one decision form and rule,
``HwfDecisionForm`` and ``services.hwf``), then issue it, or return it with a reason. A
general application: grant it, refuse it, or list it for a judge to decide at a hearing,
with reasons (granting an adjournment adjourns the listed hearing). Each action is one
service (``services.possession_decisions``) that checks the status through
``core.transitions`` and audits it (the audit events are these rows' history); the parties
are told by their routes.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from digital_services.core.admin_lists import LargeListAdminMixin, admin_table
from digital_services.core.dates import date_format
from digital_services.core.money import pence_format
from digital_services.payments.services import PaymentProviderUnavailable, RefundNotAllowed

from ..constants import HwfOutcome
from ..models import PossessionApplication, PossessionCounterclaim
from ..possession_response_constants import (
    DECISION_REASON_MAX_LENGTH,
    ApplicationDecision,
    ApplicationStatus,
    CounterclaimStatus,
)
from ..services import possession_decisions as decisions
from .common import ActionViewsMixin, ReadOnlyMixin, buttons
from .forms import ConfirmForm, HwfDecisionForm
from .possession_actions import DECIDE, MANAGE


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label="Why it is being returned (sent to the defendant and the landlord)",
        max_length=DECISION_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter why the counterclaim is being returned"},
    )


class ApplicationDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=ApplicationDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the decision"},
    )
    reason = forms.CharField(
        label="Reasons (sent to every party)",
        max_length=DECISION_REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the reasons for the decision"},
    )


def _claim_link(claim) -> str:
    url = reverse("admin:civil_claims_possessionclaim_change", args=[claim.pk])
    return format_html('<a href="{}">{}</a>', url, claim.reference_display)


def _due_text(due) -> str:
    if due is None:
        return "–"
    late = " (overdue)" if due < timezone.localdate() else ""
    return f"{date_format(due)}{late}"


class CounterclaimQueueFilter(admin.SimpleListFilter):
    title = "queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [
            ("review", "For review, oldest first"),
            ("more-info", "Help with Fees: more information asked for"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "review":
            return queryset.filter(status=CounterclaimStatus.PENDING_REVIEW).order_by(
                "status_changed_at", "id"
            )
        if self.value() == "more-info":
            return queryset.filter(
                status=CounterclaimStatus.PENDING_ISSUE, hwf_outcome=HwfOutcome.MORE_INFO
            ).order_by("hwf_decided_at", "id")
        return queryset


@admin.register(PossessionCounterclaim)
class PossessionCounterclaimAdmin(
    ActionViewsMixin, ReadOnlyMixin, LargeListAdminMixin, admin.ModelAdmin
):
    list_display = ("claim_number", "defendant", "kind", "fee", "status", "waiting_since")
    list_filter = (CounterclaimQueueFilter, "status", "kind")
    list_select_related = ("response__claim", "response__party")
    search_fields = ("response__claim__claim_number",)
    ordering = ("status_changed_at", "id")
    fields = ("claim_link", "status", "staff_actions", "counterclaim_table", "fee_table")
    readonly_fields = fields
    action_unavailable = {
        PaymentProviderUnavailable: "GOV.UK Pay cannot be reached, so the fee could not be "
        "refunded: the counterclaim was not returned. Try again later",
        RefundNotAllowed: "GOV.UK Pay will not refund this payment now: the counterclaim was "
        "not returned",
    }
    action_views = {
        "hwf-decide": (DECIDE, HwfDecisionForm, "Decide Help with Fees", "do_hwf_decide"),
        "issue": (MANAGE, ConfirmForm, "Issue the counterclaim", "do_issue"),
        "return": (MANAGE, ReturnForm, "Return the counterclaim", "do_return"),
    }

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("response__claim", "response__party")

    @admin.display(description="Claim", ordering="response__claim__claim_number")
    def claim_number(self, obj):
        return obj.response.claim.reference_display

    @admin.display(description="Defendant")
    def defendant(self, obj):
        return obj.response.party.name

    @admin.display(description="Fee")
    def fee(self, obj):
        return pence_format(obj.fee_pence)

    @admin.display(description="Waiting since", ordering="status_changed_at")
    def waiting_since(self, obj):
        return date_format(obj.status_changed_at)

    @admin.display(description="Claim")
    def claim_link(self, obj):
        return _claim_link(obj.response.claim)

    @admin.display(description="Counterclaim")
    def counterclaim_table(self, obj):
        return admin_table(
            [
                ("Made by", obj.response.party.name),
                ("What", obj.get_kind_display()),
                ("Amount", pence_format(obj.amount_pence) if obj.amount_pence else "–"),
                ("Details", obj.details or "–"),
                ("Sent", date_format(obj.created_at)),
                ("Returned because", obj.return_reason or "–"),
            ]
        )

    @admin.display(description="Fee")
    def fee_table(self, obj):
        return admin_table(
            [
                ("Fee", pence_format(obj.fee_pence)),
                ("Help with Fees reference", obj.hwf_reference or "–"),
                (
                    "Help with Fees decision",
                    f"{obj.get_hwf_outcome_display()}, remitted "
                    f"{pence_format(obj.hwf_fee_remitted_pence)}"
                    + (f". Note: {obj.hwf_note}" if obj.hwf_note else "")
                    if obj.hwf_outcome
                    else "–",
                ),
                ("Paid", pence_format(obj.amount_paid_pence)),
                ("Still to pay", pence_format(decisions.counterclaim_fee_due_pence(obj))),
                ("Refunded to the card", pence_format(obj.refunded_pence)),
            ]
        )

    def action_links(self, obj) -> list[tuple[str, str]]:
        links = []
        if decisions.counterclaim_hwf_to_decide(obj):
            links.append((self.action_url(obj, "hwf-decide"), "Decide Help with Fees"))
        elif obj.status == CounterclaimStatus.PENDING_REVIEW:
            links.append((self.action_url(obj, "issue"), "Issue the counterclaim"))
        if obj.status == CounterclaimStatus.PENDING_REVIEW:
            links.append((self.action_url(obj, "return"), "Return the counterclaim"))
        return links

    @admin.display(description="Actions")
    def staff_actions(self, obj):
        return buttons(self.action_links(obj))

    def action_summary(self, obj, slug):
        return [
            ("Claim", obj.response.claim.reference_display),
            ("Defendant", obj.response.party.name),
            ("Counterclaim", obj.get_kind_display()),
            ("Fee", pence_format(obj.fee_pence)),
            ("Help with Fees reference", obj.hwf_reference or "–"),
            ("Paid", pence_format(obj.amount_paid_pence)),
            ("Still to pay", pence_format(decisions.counterclaim_fee_due_pence(obj))),
        ]

    def do_hwf_decide(self, request, obj, data):
        decisions.counterclaim_hwf_decide(
            counterclaim=obj,
            outcome=data["outcome"],
            actor=request.user,
            remitted_pence=data.get("remitted_pence"),
            note=data.get("note") or "",
            request=request,
        )
        return "Help with Fees decided. The defendant has been told."

    def do_issue(self, request, obj, data):
        decisions.counterclaim_issue(counterclaim=obj, actor=request.user, request=request)
        return "Counterclaim issued. Every party has been told."

    def do_return(self, request, obj, data):
        counterclaim = decisions.counterclaim_return(
            counterclaim=obj, reason=data["reason"], actor=request.user, request=request
        )
        return decisions.counterclaim_return_outcome_text(counterclaim)


class ApplicationQueueFilter(admin.SimpleListFilter):
    title = "queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [
            ("decide", "To decide, oldest first"),
            ("hearing", "Listed for a hearing"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "decide":
            return queryset.filter(status=ApplicationStatus.ISSUED).order_by("issued_at", "id")
        if self.value() == "hearing":
            return queryset.filter(status=ApplicationStatus.LISTED).order_by("decided_at", "id")
        return queryset


@admin.register(PossessionApplication)
class PossessionApplicationAdmin(
    ActionViewsMixin, ReadOnlyMixin, LargeListAdminMixin, admin.ModelAdmin
):
    list_display = ("claim_number", "applicant", "kind", "received", "due", "status")
    list_filter = (ApplicationQueueFilter, "status", "kind")
    list_select_related = ("claim", "party")
    search_fields = ("claim__claim_number",)
    ordering = ("issued_at", "id")
    fields = ("claim_link", "status", "staff_actions", "application_table", "decision_table")
    readonly_fields = fields
    action_views = {
        "decide": (MANAGE, ApplicationDecisionForm, "Decide the application", "do_decide"),
    }

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("claim", "party")

    @admin.display(description="Claim", ordering="claim__claim_number")
    def claim_number(self, obj):
        return obj.claim.reference_display

    @admin.display(description="Applicant")
    def applicant(self, obj):
        return obj.party.name

    @admin.display(description="Received", ordering="issued_at")
    def received(self, obj):
        return date_format(obj.issued_at) if obj.issued_at else "–"

    @admin.display(description="Due")
    def due(self, obj):
        return _due_text(decisions.application_due_on(obj))

    @admin.display(description="Claim")
    def claim_link(self, obj):
        return _claim_link(obj.claim)

    @admin.display(description="Application")
    def application_table(self, obj):
        return admin_table(
            [
                ("Made by", obj.party.name),
                ("Asks to", obj.get_kind_display()),
                ("What and why", obj.details),
                ("Hearing date when asked", date_format(obj.hearing_on) if obj.hearing_on else "–"),
                (
                    "Fee",
                    (
                        pence_format(obj.fee_pence)
                        + (f", Help with Fees {obj.hwf_reference}" if obj.hwf_reference else "")
                        + (f", paid {pence_format(obj.amount_paid_pence)}")
                    )
                    if obj.fee_pence
                    else "No fee",
                ),
                ("Received", self.received(obj)),
                ("Due", self.due(obj)),
            ]
        )

    @admin.display(description="Decision")
    def decision_table(self, obj):
        if obj.decided_at is None:
            return "Not decided yet"
        return admin_table(
            [
                ("Decision", obj.get_status_display()),
                ("Reasons", obj.decision_reason),
                ("Recorded", f"{date_format(obj.decided_at)} by {obj.decided_by or 'system'}"),
            ]
        )

    def action_links(self, obj) -> list[tuple[str, str]]:
        if obj.status in (ApplicationStatus.ISSUED, ApplicationStatus.LISTED):
            return [(self.action_url(obj, "decide"), "Decide the application")]
        return []

    @admin.display(description="Actions")
    def staff_actions(self, obj):
        return buttons(self.action_links(obj))

    def action_summary(self, obj, slug):
        from ..services.possession_hearing import possession_hearing_current

        hearing = possession_hearing_current(obj.claim)
        return [
            ("Claim", obj.claim.reference_display),
            ("Applicant", obj.party.name),
            ("Asks to", obj.get_kind_display()),
            ("What and why", obj.details),
            ("Status", obj.get_status_display()),
            ("Hearing listed", str(hearing) if hearing else "None"),
            ("Due", self.due(obj)),
        ]

    def do_decide(self, request, obj, data):
        application = decisions.possession_application_decide(
            application=obj,
            decision=data["decision"],
            reason=data["reason"],
            actor=request.user,
            request=request,
        )
        return f"Application {application.get_status_display().lower()}. Every party has been told."
