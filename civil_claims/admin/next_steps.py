"""The claimant's replies in the staff pages: the queues of payment plans for the court to
decide, redeterminations and claims referred to mediation, each reply's page with the
defendant's offer, the statement of means and the claimant's plan side by side, and the
actions "Record the court's decision" and "Record the mediation result" (each one service,
audited; refused moves go back with the reason). The stayed claims queue and "Transfer out"
are on the claims list and case page (admin/claims.py)."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from digital_services.audit.admin import CaseHistoryAdmin
from digital_services.core.admin_lists import admin_table
from digital_services.core.dates import date_format
from digital_services.core.money import pence_format

from ..constants import ClaimStatus
from ..models import ClaimantReply, Judgment
from ..services.judgment import admitted_total_pence, claim_plan_decide
from ..services.outcomes import (
    claim_mediation_result_record,
)
from ..services.plans import plan_words
from .common import ActionViewsMixin, ReadOnlyMixin, buttons
from .forms_next_steps import MediationResultForm, PlanDecisionForm

DECIDE = "civil_claims.change_claimantreply"
MANAGE = "civil_claims.manage_claim"

#: The queues, by the claim's status.
REPLY_QUEUES = {
    "plans": ("Payment plans for a decision", ClaimStatus.JUDGMENT_DECIDE_AMOUNT),
    "redeterminations": ("Redeterminations", ClaimStatus.REDETERMINATION_REQUESTED),
    "mediation": ("Referred to mediation", ClaimStatus.REFERRED_MEDIATION),
}


class ReplyQueueFilter(admin.SimpleListFilter):
    title = "queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [(slug, title) for slug, (title, _) in REPLY_QUEUES.items()]

    def queryset(self, request, queryset):
        if self.value() in REPLY_QUEUES:
            status = REPLY_QUEUES[self.value()][1]
            return queryset.filter(claim__status=status).order_by("submitted_at", "id")
        return queryset


def _means_rows(means, prefix="") -> list[tuple[str, str]]:
    """The statement of means (as the response keeps it) as rows of what → answer."""
    rows = []
    if isinstance(means, dict):
        for key, value in means.items():
            name = str(key)
            money = (
                name.endswith("_pence") and isinstance(value, int) and not isinstance(value, bool)
            )
            if money:
                name = name.removesuffix("_pence")
            label = f"{prefix}{name.replace('_', ' ').capitalize()}"
            if isinstance(value, dict | list):
                rows += _means_rows(value, prefix=f"{label}: ")
            elif money:
                rows.append((label, pence_format(value)))
            elif isinstance(value, bool):
                rows.append((label, "Yes" if value else "No"))
            else:
                rows.append((label, "–" if value in (None, "") else str(value)))
    elif isinstance(means, list):
        for number, item in enumerate(means, start=1):
            rows += _means_rows(item, prefix=f"{prefix}{number}. ")
            if not isinstance(item, dict | list):
                rows.append((f"{prefix}{number}", str(item)))
    return rows


@admin.register(ClaimantReply)
class ClaimantReplyAdmin(ActionViewsMixin, ReadOnlyMixin, CaseHistoryAdmin):
    list_display = ("claim_number", "claim_status", "reply", "submitted_at", "decided_at")
    list_filter = (ReplyQueueFilter, "accepts", "formalise_option", "court_decision")
    list_select_related = ("claim",)
    search_fields = ("claim__claim_number", "claim__reference")
    ordering = ("-submitted_at",)
    fields = (
        "claim_link",
        "claim_status",
        "staff_actions",
        "defendant_offer",
        "statement_of_means",
        "claimant_side",
        "redetermination",
        "decision",
        "mediation",
    )
    readonly_fields = fields
    action_views = {
        "plan-decide": (DECIDE, PlanDecisionForm, "Record the court's decision", "do_plan_decide"),
        "mediation-result": (
            MANAGE,
            MediationResultForm,
            "Record the mediation result",
            "do_mediation_result",
        ),
    }

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("claim", "claim__response")

    @admin.display(description="Claim", ordering="claim__claim_number")
    def claim_number(self, obj):
        return obj.claim.reference_display

    @admin.display(description="Claim status")
    def claim_status(self, obj):
        return obj.claim.get_status_display()

    @admin.display(description="Reply")
    def reply(self, obj):
        if obj.accepts:
            return f"Accepts: {obj.get_formalise_option_display() or 'settled'}"
        if obj.payment_option:
            return "Rejects the plan"
        return "Goes ahead" if obj.intends_to_proceed else "Does not go ahead"

    @admin.display(description="Claim")
    def claim_link(self, obj):
        url = reverse("admin:civil_claims_claim_change", args=[obj.claim_id])
        return format_html('<a href="{}">{}</a>', url, obj.claim.reference_display)

    @admin.display(description="Actions")
    def staff_actions(self, obj):
        status = obj.claim.status
        links = []
        if status in (ClaimStatus.JUDGMENT_DECIDE_AMOUNT, ClaimStatus.REDETERMINATION_REQUESTED):
            links.append((self.action_url(obj, "plan-decide"), "Record the court's decision"))
        if status == ClaimStatus.REFERRED_MEDIATION:
            links.append((self.action_url(obj, "mediation-result"), "Record the mediation result"))
        return buttons(links)

    @admin.display(description="The defendant's response")
    def defendant_offer(self, obj):
        response = getattr(obj.claim, "response", None)
        if response is None:
            return "–"
        return admin_table(
            [
                ("Response", response.get_response_type_display()),
                ("Admitted", pence_format(admitted_total_pence(obj.claim, response))),
                ("Offers to pay", plan_words(response) if response.payment_option else "–"),
                ("Free mediation", {True: "Yes", False: "No"}.get(response.free_mediation, "–")),
                ("Responded", date_format(response.submitted_at)),
            ]
        )

    @admin.display(description="Statement of means")
    def statement_of_means(self, obj):
        response = getattr(obj.claim, "response", None)
        rows = _means_rows(response.statement_of_means) if response else []
        return admin_table(rows) if rows else "None given"

    @admin.display(description="The claimant's reply")
    def claimant_side(self, obj):
        return admin_table(
            [
                ("Reply", self.reply(obj)),
                ("Asks to be paid", plan_words(obj) if obj.payment_option else "–"),
                ("Reason", obj.rejection_reason or "–"),
                ("Free mediation", {True: "Yes", False: "No"}.get(obj.free_mediation, "–")),
                ("Replied", date_format(obj.submitted_at)),
            ]
        )

    @admin.display(description="Redetermination")
    def redetermination(self, obj):
        judgment = Judgment.objects.filter(claim_id=obj.claim_id).first()
        if judgment is None or not judgment.redetermination_requested_at:
            return "–"
        return admin_table(
            [
                ("Asked for by", judgment.redetermination_requested_by_role),
                ("On", date_format(judgment.redetermination_requested_at)),
                ("Reason", judgment.redetermination_reason),
                ("Current plan", plan_words(judgment)),
            ]
        )

    @admin.display(description="The court's decision")
    def decision(self, obj):
        if not obj.court_decision:
            return "–"
        return admin_table(
            [
                ("Decision", obj.get_court_decision_display()),
                ("Reasons", obj.decision_reason or "–"),
                ("Recorded", f"{date_format(obj.decided_at)} by {obj.decided_by or 'system'}"),
            ]
        )

    @admin.display(description="Mediation")
    def mediation(self, obj):
        if not obj.mediation_result:
            return "–"
        return f"{obj.get_mediation_result_display()} ({date_format(obj.mediation_recorded_at)})"

    # Actions.

    def action_form_kwargs(self, obj, slug):
        if slug == "plan-decide":
            response = getattr(obj.claim, "response", None)
            return {"total_pence": admitted_total_pence(obj.claim, response) if response else 0}
        return {}

    def action_summary(self, obj, slug):
        rows = [("Claim", obj.claim.reference_display), ("Status", obj.claim.get_status_display())]
        if slug == "plan-decide":
            response = obj.claim.response
            rows += [
                ("The defendant offers", plan_words(response)),
                ("The claimant asks for", plan_words(obj)),
                *_means_rows(response.statement_of_means),
            ]
        return rows

    def do_plan_decide(self, request, obj, data):
        judgment = claim_plan_decide(
            claim=obj.claim,
            actor=request.user,
            decision=data["decision"],
            reason=data.get("reason") or "",
            court_plan=PlanDecisionForm.court_plan_from(data),
            request=request,
        )
        return (
            f"Decision recorded: the defendant pays {plan_words(judgment)}. A judgment by "
            "determination follows. Both parties have been told."
        )

    def do_mediation_result(self, request, obj, data):
        claim_mediation_result_record(
            claim=obj.claim, result=data["result"], actor=request.user, request=request
        )
        return "Mediation result recorded. Both parties have been told."
