"""The claims list (with its queues) and the case page, with the caseworkers' actions."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from digital_services.audit.admin import CaseHistoryAdmin
from digital_services.audit.selectors import audit_trail_for_object
from digital_services.core.admin_lists import admin_table, messages_sent_table
from digital_services.core.dates import date_format
from digital_services.core.money import pence_format
from digital_services.core.queries import Related, related_rows
from digital_services.documents.selectors import documents_about

from .. import services
from ..constants import (
    ORDER_REVIEW_STATES,
    BreathingSpaceStatus,
    CasemanEventStatus,
    ClaimStatus,
    PartyRole,
)
from ..models import Claim
from ..pdf import interest_lines
from ..selectors import claim_breathing_space_in_force, claim_next_step
from ..services.hwf import COUNTERCLAIM_HWF_STATES, counterclaim_hwf_refusal
from ..services.orders import reconsideration_refusal
from .claim_response import ResponseOnCasePageMixin
from .common import ActionViewsMixin, ClaimNumberSearchMixin, buttons
from .export import claims_export_response
from .forms import (
    BreathingSpaceEnterForm,
    BreathingSpaceLiftForm,
    ConfirmForm,
    ContactForm,
    CorrespondenceForm,
    HwfDecisionForm,
    NoteForm,
    StayForm,
    TransferForm,
)

VIEW = "civil_claims.view_claim"
DECIDE = "civil_claims.decide_hwf_claim"
MANAGE = "civil_claims.manage_claim"
NOTE = "civil_claims.add_casenote"
RECORD = "civil_claims.add_papercorrespondence"


#: The directions queues, by the claim's status (oldest move first).
ORDER_QUEUES = {
    "directions": ClaimStatus.READY_FOR_DIRECTIONS,
    "reconsideration": ClaimStatus.RECONSIDERATION_REQUESTED,
    "transfer": ClaimStatus.READY_FOR_TRANSFER,
}


class QueueFilter(admin.SimpleListFilter):
    title = "queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [
            ("hwf", "Help with Fees to decide"),
            ("issued_today", "Issued today"),
            ("stayed", "Stayed"),
            ("breathing_space", "In a breathing space"),
            ("directions", "Orders to draw"),
            ("order_review", "Orders to review"),
            ("reconsideration", "Orders a judge is asked to reconsider"),
            ("transfer", "Ready for transfer"),
            ("counterclaim_hwf", "Counterclaim Help with Fees to decide"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "hwf":
            return queryset.filter(status=ClaimStatus.HWF_PENDING).order_by("submitted_at")
        if self.value() == "issued_today":
            return queryset.filter(issue_date=timezone.localdate(), claim_number__isnull=False)
        if self.value() == "stayed":
            return queryset.filter(status=ClaimStatus.STAYED)
        if self.value() == "breathing_space":
            return queryset.filter(breathing_spaces__status=BreathingSpaceStatus.IN_FORCE)
        if self.value() == "order_review":
            return queryset.filter(status__in=ORDER_REVIEW_STATES.values()).order_by(
                "current_order__drafted_at", "pk"
            )
        if self.value() in ORDER_QUEUES:
            return queryset.filter(status=ORDER_QUEUES[self.value()]).order_by("status_changed_at")
        if self.value() == "counterclaim_hwf":
            return queryset.filter(
                response__counterclaim__fee_route="hwf",
                response__counterclaim__fee_paid_at__isnull=True,
                response__counterclaim__hwf_outcome__in=("", "more_info", "invalid"),
                status__in=COUNTERCLAIM_HWF_STATES,
            ).order_by("responded_at")
        return queryset


def _rows(rows) -> str:
    return admin_table(rows)


@admin.register(Claim)
class ClaimAdmin(
    ResponseOnCasePageMixin, ClaimNumberSearchMixin, ActionViewsMixin, CaseHistoryAdmin
):
    list_display = (
        "claim_number_or_reference",
        "status",
        "amount",
        "fee",
        "submitted_at",
        "issue_date",
        "response_deadline",
    )
    list_filter = (QueueFilter, "status", ("issue_date", admin.DateFieldListFilter))
    search_fields = ("reference", "claim_number")
    ordering = ("-submitted_at",)
    fields = (
        "claim_number",
        "reference",
        "status",
        "language",
        "next_step",
        "staff_actions",
        "parties_table",
        "amounts_table",
        "interest_worked_out",
        "fee_table",
        "help_with_fees",
        "reason",
        "timeline_table",
        "evidence_table",
        "statement_of_truth",
        "response_table",
        "orders_table",
        "dates_table",
        "breathing_spaces_table",
        "caseman_events_table",
        "documents_list",
        "messages_sent",
        "notes_list",
        "correspondence_list",
        "history_list",
    )
    readonly_fields = fields
    actions = ["export_issued_csv"]
    action_views = {
        "hwf-decide": (DECIDE, HwfDecisionForm, "Decide Help with Fees", "do_hwf_decide"),
        "access-code-reset": (
            MANAGE,
            ConfirmForm,
            "Send the defendant a new access code",
            "do_access_code_reset",
        ),
        "contact-claimant": (
            MANAGE,
            ContactForm,
            "Change the claimant's contact details",
            "do_contact",
        ),
        "contact-defendant": (
            MANAGE,
            ContactForm,
            "Change the defendant's contact details",
            "do_contact",
        ),
        "note-add": (NOTE, NoteForm, "Add a note", "do_note"),
        "stay": (MANAGE, StayForm, "Stay the claim", "do_stay"),
        "stay-lift": (MANAGE, ConfirmForm, "Lift the stay", "do_stay_lift"),
        "transfer": (MANAGE, TransferForm, "Transfer the claim out", "do_transfer"),
        "breathing-space-enter": (
            MANAGE,
            BreathingSpaceEnterForm,
            "Enter a breathing space",
            "do_breathing_space_enter",
        ),
        "breathing-space-lift": (
            MANAGE,
            BreathingSpaceLiftForm,
            "Lift the breathing space",
            "do_breathing_space_lift",
        ),
        "caseman-resend": (
            MANAGE,
            ConfirmForm,
            "Send this claim's events to CaseMan again",
            "do_caseman_resend",
        ),
        "correspondence-record": (
            RECORD,
            CorrespondenceForm,
            "Record paper correspondence received",
            "do_correspondence",
        ),
    }

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_export_permission(self, request):
        return request.user.has_perm("civil_claims.export_claim")

    @admin.action(description="Export the selected issued claims (CSV)", permissions=["export"])
    def export_issued_csv(self, request, queryset):
        return claims_export_response(request=request, queryset=queryset)

    # Columns and case page blocks.

    @admin.display(description="Claim", ordering="claim_number")
    def claim_number_or_reference(self, obj):
        return obj.reference_display

    @admin.display(description="Amount claimed", ordering="amount_pence")
    def amount(self, obj):
        return pence_format(obj.amount_pence)

    @admin.display(description="Court fee", ordering="fee_pence")
    def fee(self, obj):
        return pence_format(obj.fee_pence)

    @admin.display(description="What happens next")
    def next_step(self, obj):
        return claim_next_step(obj)

    @admin.display(description="Actions")
    def staff_actions(self, obj):
        s = obj.status
        links = []
        if s == ClaimStatus.HWF_PENDING:
            links.append((self.action_url(obj, "hwf-decide"), "Decide Help with Fees"))
        if services.claim_action_allowed(obj, "access_code_reset"):
            links.append((self.action_url(obj, "access-code-reset"), "New access code"))
            links.append((self.action_url(obj, "correspondence-record"), "Record post received"))
        if services.claim_action_allowed(obj, "contact_change"):
            links.append((self.action_url(obj, "contact-claimant"), "Claimant's contact details"))
            links.append((self.action_url(obj, "contact-defendant"), "Defendant's contact details"))
        if s == ClaimStatus.READY_FOR_DIRECTIONS:
            links.append((self.action_url(obj, "order-draw"), "Record the order drawn"))
            links.append((self.action_url(obj, "order-draft"), "Record a draft order to review"))
        if s in ORDER_REVIEW_STATES.values():
            links.append((self.action_url(obj, "order-review"), "Record the review of the draft"))
        if s == ClaimStatus.ORDER_DRAWN and not reconsideration_refusal(obj):
            links.append(
                (self.action_url(obj, "reconsideration-request"), "Reconsideration asked for")
            )
        if s == ClaimStatus.RECONSIDERATION_REQUESTED:
            links.append((self.action_url(obj, "reconsider"), "Record the judge's decision"))
        counterclaim = getattr(getattr(obj, "response", None), "counterclaim", None)
        if counterclaim is not None and not counterclaim_hwf_refusal(counterclaim):
            links.append(
                (self.action_url(obj, "counterclaim-hwf-decide"), "Counterclaim Help with Fees")
            )
        if s in (ClaimStatus.OPEN, ClaimStatus.BUSINESS_QUEUE) and obj.responded_at is None:
            links.append((self.action_url(obj, "paper-response"), "Enter a paper response"))
        links.append((self.action_url(obj, "note-add"), "Add a note"))
        if ClaimStatus.STAYED in Claim.TRANSITIONS[s]:
            links.append((self.action_url(obj, "stay"), "Stay"))
        if s == ClaimStatus.STAYED:
            links.append((self.action_url(obj, "stay-lift"), "Lift the stay"))
        if ClaimStatus.TRANSFERRED in Claim.TRANSITIONS[s]:
            links.append((self.action_url(obj, "transfer"), "Transfer out"))
        if services.claim_breathing_space_allowed(obj):
            if claim_breathing_space_in_force(obj) is None:
                links.append((self.action_url(obj, "breathing-space-enter"), "Breathing space"))
            else:
                links.append(
                    (self.action_url(obj, "breathing-space-lift"), "Lift the breathing space")
                )
        if any(e.status != CasemanEventStatus.PENDING for e in related_rows(obj, "caseman_events")):
            links.append((self.action_url(obj, "caseman-resend"), "Resend to CaseMan"))
        return buttons(links)

    @admin.display(description="Parties")
    def parties_table(self, obj):
        def lines(*values):
            return format_html_join(mark_safe("<br>"), "{}", ((v,) for v in values if v))

        rows = []
        for party in related_rows(obj, "parties"):
            correspondence = ", ".join(party.correspondence_lines)
            rows.append(
                (
                    party.get_role_display(),
                    lines(party.display_name, party.get_party_type_display(), party.contact_person),
                    lines(
                        ", ".join(party.address_lines),
                        f"Correspondence: {correspondence}" if correspondence else "",
                    ),
                    lines(
                        party.email,
                        party.phone,
                        f"Messages: {party.get_contact_channel_display().lower()}",
                    ),
                )
            )
        return _rows(rows)

    @admin.display(description="Amounts")
    def amounts_table(self, obj):
        rows = [(r.reason, pence_format(r.amount_pence)) for r in related_rows(obj, "amount_rows")]
        rows.append(("Total", pence_format(obj.amount_pence)))
        return _rows(rows)

    @admin.display(description="Interest")
    def interest_worked_out(self, obj):
        return format_html_join("", "<p>{}</p>", ((line,) for line in interest_lines(obj)))

    @admin.display(description="Fee")
    def fee_table(self, obj):
        return _rows(
            [
                ("Worked out on (amount + interest)", pence_format(obj.fee_basis_pence)),
                ("Court fee", pence_format(obj.fee_pence)),
                ("Fee code", obj.fee_code or "–"),
                ("Paid", pence_format(obj.amount_paid_pence)),
                ("Total claimed", pence_format(obj.total_claimed_pence)),
            ]
        )

    @admin.display(description="Help with Fees")
    def help_with_fees(self, obj):
        if not obj.hwf_reference:
            return "–"
        return _rows(
            [
                ("Reference", obj.hwf_reference),
                ("Outcome", obj.get_hwf_outcome_display() or "Not decided"),
                ("Remitted", pence_format(obj.hwf_fee_remitted_pence)),
                ("Still to pay", pence_format(obj.hwf_amount_to_pay_pence)),
                ("Note", obj.hwf_note or "–"),
            ]
        )

    @admin.display(description="Timeline")
    def timeline_table(self, obj):
        return _rows(
            [
                (e.get_party_role_display(), e.date_text, e.description)
                for e in related_rows(obj, "timeline_events")
            ]
        )

    @admin.display(description="Evidence")
    def evidence_table(self, obj):
        return _rows(
            [(e.get_kind_display(), e.description) for e in related_rows(obj, "evidence_items")]
        )

    @admin.display(description="Statement of truth")
    def statement_of_truth(self, obj):
        if not obj.sot_signed:
            return "Not signed"
        if obj.sot_signer_name:
            return f"Signed by {obj.sot_signer_name}, {obj.sot_signer_role}"
        return "Signed by the claimant"

    @admin.display(description="Dates")
    def dates_table(self, obj):
        fmt = lambda d: date_format(d) if d else "–"  # noqa: E731
        return _rows(
            [
                ("Submitted", fmt(obj.submitted_at)),
                ("Issued", fmt(obj.issue_date)),
                ("Deemed served", fmt(obj.deemed_service_date)),
                ("Response deadline (4pm)", fmt(obj.response_deadline)),
                ("Stayed", f"{fmt(obj.stayed_at)}: {obj.stay_reason}" if obj.stayed_at else "–"),
                (
                    "Transferred",
                    f"{fmt(obj.transferred_at)} to {obj.transfer_court}"
                    if obj.transferred_at
                    else "–",
                ),
            ]
        )

    @admin.display(description="Breathing space")
    def breathing_spaces_table(self, obj):
        fmt = lambda d: date_format(d) if d else "–"  # noqa: E731
        return _rows(
            [
                (
                    b.get_kind_display(),
                    b.reference or "no reference",
                    f"From {fmt(b.started_on)}",
                    f"ended {fmt(b.lifted_on)}" if b.lifted_on else b.get_status_display(),
                    f"Deadline {fmt(b.deadline_before)} → {fmt(b.deadline_after)}"
                    if b.lifted_on
                    else f"Deadline {fmt(b.deadline_before)} paused",
                )
                for b in related_rows(obj, "breathing_spaces")
            ]
        )

    @admin.display(description="Sent to CaseMan")
    def caseman_events_table(self, obj):
        return _rows(
            [
                (
                    date_format(e.created_at),
                    e.get_kind_display(),
                    e.get_status_display(),
                    f"{e.attempts} attempt{'s' if e.attempts != 1 else ''}",
                    e.last_error or "",
                )
                for e in related_rows(obj, "caseman_events")
            ]
        )

    @admin.display(description="Documents")
    def documents_list(self, obj):
        documents = documents_about(case=obj)
        if not documents:
            return "None yet" if obj.claim_number else "–"
        return format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            ((reverse("documents:download", args=[d.public_id]), d.filename) for d in documents),
        )

    @admin.display(description="Messages sent")
    def messages_sent(self, obj):
        return messages_sent_table(obj)

    @admin.display(description="Notes")
    def notes_list(self, obj):
        return _rows(
            [
                (date_format(n.created_at), n.text, str(n.created_by or ""))
                for n in related_rows(obj, Related("notes", "created_by"))
            ]
        )

    @admin.display(description="Paper correspondence")
    def correspondence_list(self, obj):
        return _rows(
            [
                (
                    date_format(c.received_on),
                    c.get_kind_display(),
                    c.description,
                    c.get_status_display(),
                )
                for c in related_rows(obj, "correspondence")
            ]
        )

    @admin.display(description="History")
    def history_list(self, obj):
        events = audit_trail_for_object(obj=obj)
        return _rows(
            [(date_format(e.occurred_at), e.action, str(e.actor or "system")) for e in events]
        )

    # Actions.

    def action_form_kwargs(self, obj, slug):
        if slug in ("contact-claimant", "contact-defendant"):
            role = PartyRole.CLAIMANT if slug == "contact-claimant" else PartyRole.DEFENDANT
            return {"party": obj.party(role)}
        return {}

    def action_summary(self, obj, slug):
        rows = [("Claim", obj.reference_display), ("Status", obj.get_status_display())]
        if slug == "hwf-decide":
            rows += [
                ("Help with Fees reference", obj.hwf_reference),
                ("Court fee", pence_format(obj.fee_pence)),
            ]
        return rows

    def do_hwf_decide(self, request, obj, data):
        services.claim_hwf_decide(
            claim=obj,
            outcome=data["outcome"],
            actor=request.user,
            remitted_pence=data.get("remitted_pence"),
            note=data.get("note") or "",
            request=request,
        )
        return "Help with Fees decided. The claimant has been told."

    def do_access_code_reset(self, request, obj, data):
        services.claim_access_code_reset(claim=obj, actor=request.user, request=request)
        return "A new access code is on its way to the defendant. Earlier codes no longer work."

    def do_contact(self, request, obj, data):
        role = (
            PartyRole.CLAIMANT
            if request.path.rstrip("/").endswith("claimant")
            else PartyRole.DEFENDANT
        )
        services.party_contact_change(
            party=obj.party(role), actor=request.user, changes=data, request=request
        )
        return "Contact details changed. The party has been told."

    def do_note(self, request, obj, data):
        services.claim_note_add(claim=obj, actor=request.user, text=data["text"], request=request)
        return "Note added."

    def do_stay(self, request, obj, data):
        services.claim_stay(claim=obj, actor=request.user, reason=data["reason"], request=request)
        return "Claim stayed. Both parties have been told."

    def do_stay_lift(self, request, obj, data):
        services.claim_stay_lift(claim=obj, actor=request.user, request=request)
        return "Stay lifted. Both parties have been told."

    def do_transfer(self, request, obj, data):
        services.claim_transfer(
            claim=obj,
            actor=request.user,
            court=data["court"],
            reason=data.get("reason") or "",
            request=request,
        )
        return f"Claim transferred to {data['court']}. Both parties have been told."

    def do_breathing_space_enter(self, request, obj, data):
        services.claim_breathing_space_enter(
            claim=obj,
            actor=request.user,
            kind=data["kind"],
            started_on=data["started_on"],
            reference=data.get("reference") or "",
            request=request,
        )
        return "Breathing space entered: the claim is paused. Both parties have been told."

    def do_breathing_space_lift(self, request, obj, data):
        space = services.claim_breathing_space_lift(
            claim=obj, actor=request.user, lifted_on=data["lifted_on"], request=request
        )
        deadline = (
            f" The response deadline is now {date_format(space.deadline_after)}."
            if space.deadline_after
            else ""
        )
        return f"Breathing space lifted.{deadline} Both parties have been told."

    def do_caseman_resend(self, request, obj, data):
        count = services.claim_caseman_resend(claim=obj, actor=request.user, request=request)
        return f"{count} event{'s' if count != 1 else ''} queued for CaseMan again."

    def do_correspondence(self, request, obj, data):
        services.correspondence_record(
            claim=obj,
            actor=request.user,
            kind=data["kind"],
            received_on=data["received_on"],
            description=data.get("description") or "",
            request=request,
        )
        return "Correspondence recorded. It is in the paper correspondence queue."
