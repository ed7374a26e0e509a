"""Possession claims for caseworkers: the list (with the Help with Fees queue) and the
case page: the parties, property, tenancy, grounds with their reasons, the notice, the
rent statement, uploads, the fee and Help with Fees, the hearings, the order, the warrant,
messages sent and the history. The fields stay read only; changes are the action pages
of ``possession_actions`` (Help with Fees, hearings, outcome, warrant)."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from digital_services.audit.admin import CaseHistoryAdmin
from digital_services.audit.selectors import audit_trail_for_object
from digital_services.core.admin_actions import action_buttons
from digital_services.core.admin_lists import messages_sent_table
from digital_services.core.admin_site import shaped_admin_object
from digital_services.core.dates import date_format
from digital_services.core.money import pence_format
from digital_services.core.queries import Related, prefetch_compiled
from digital_services.documents.selectors import documents_about

from ..models import PossessionClaim
from ..possession_rules import arrears_statement
from .claims import _rows
from .common import ClaimNumberSearchMixin
from .possession_actions import PossessionActionsMixin
from .possession_tenant import TENANT_PARTY_JOINS, PossessionTenantAdminMixin


def _lines(*values) -> str:
    return format_html_join(mark_safe("<br>"), "{}", ((v,) for v in values if v))


@admin.register(PossessionClaim)
class PossessionClaimAdmin(
    ClaimNumberSearchMixin, PossessionActionsMixin, PossessionTenantAdminMixin, CaseHistoryAdmin
):
    list_display = ("reference_display", "status", "country", "tenancy_type", "submitted_at")
    list_filter = ("status", "country", "tenancy_type")
    search_fields = ("reference", "claim_number")
    ordering = ("-submitted_at",)
    fields = (
        "claim_number",
        "reference",
        "status",
        "language",
        "court_next_step",
        "staff_actions",
        "parties_table",
        "property_and_tenancy",
        "grounds_table",
        "notice_table",
        "arrears_table",
        "rest_of_claim",
        "fee_table",
        "hearings_table",
        "order_text",
        "warrant_table",
        "tenant_responses",
        "tenant_applications",
        "documents_list",
        "messages_sent",
        "history_list",
    )
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_object(self, request, object_id, from_field=None):
        # The case page's relations, read for the case page alone: the list shows none of
        # them, and prefetched for every list page they were five queries it never drew.
        obj = shaped_admin_object(self, request, object_id, from_field)
        if obj is not None:
            prefetch_compiled(
                obj,
                Related("parties", *TENANT_PARTY_JOINS),
                "grounds",
                "arrears_rows",
                "hearings",
                Related("applications", "party"),
            )
        return obj

    @admin.display(description="claim")
    def reference_display(self, obj):
        return obj.reference_display

    @admin.display(description="Parties")
    def parties_table(self, obj):
        return _rows(
            [
                (p.get_role_display(), p.name, ", ".join(p.address_lines), p.email or "")
                for p in obj.parties.all()
            ]
        )

    @admin.display(description="Property and tenancy")
    def property_and_tenancy(self, obj):
        if obj.against_trespassers:
            return _lines(
                ", ".join(obj.property_lines) + f" ({obj.get_country_display()})",
                f"{obj.get_claimant_type_display()} {obj.claimant_type_other}".strip(),
                f"Against trespassers: found out on {date_format(obj.trespass_known_on)}",
                obj.trespass_details,
            )
        tenancy = obj.get_tenancy_type_display()
        if obj.tenancy_type_other:
            tenancy = f"{tenancy}: {obj.tenancy_type_other}"
        return _lines(
            ", ".join(obj.property_lines) + f" ({obj.get_country_display()})",
            f"{obj.get_claimant_type_display()} {obj.claimant_type_other}".strip(),
            f"{tenancy}, from {date_format(obj.tenancy_start_date)}",
            f"Rent {pence_format(obj.rent_pence)} ({obj.get_rent_frequency_display()} "
            f"{obj.rent_frequency_other})".replace(" )", ")"),
            f"Daily rent {pence_format(obj.daily_rent_pence)}"
            + (
                f" (worked out {pence_format(obj.daily_rent_calculated_pence)})"
                if obj.daily_rent_calculated_pence not in (None, obj.daily_rent_pence)
                else ""
            ),
        )

    @admin.display(description="Grounds and reasons")
    def grounds_table(self, obj):
        return _rows([(g.label, g.reason) for g in obj.grounds.all()])

    @admin.display(description="Notice")
    def notice_table(self, obj):
        if not obj.notice_served:
            return "No notice served"
        when = (
            date_format(obj.notice_served_at)
            if obj.notice_served_at
            else date_format(obj.notice_served_on)
        )
        return _lines(
            obj.get_notice_type_display(),
            f"{obj.get_notice_method_display()} on {when}",
            obj.notice_served_to,
            obj.notice_served_email,
            obj.notice_method_other,
            obj.notice_missing_reason and f"No copy: {obj.notice_missing_reason}",
        )

    @admin.display(description="Rent statement")
    def arrears_table(self, obj):
        if obj.arrears_total_pence is None:
            return "–"
        from ..possession_rules import ArrearsRow

        rows = [
            ArrearsRow(r.due_on, r.due_pence, r.paid_pence, r.paid_on)
            for r in obj.arrears_rows.all()
        ]
        table = [
            (
                date_format(line.row.due_on),
                pence_format(line.row.due_pence),
                pence_format(line.row.paid_pence),
                date_format(line.row.paid_on) if line.row.paid_on else "",
                pence_format(line.running_total_pence),
            )
            for line in arrears_statement(rows)
        ]
        table.append(("Total arrears", "", "", "", pence_format(obj.arrears_total_pence)))
        return _rows(table)

    @admin.display(description="The rest of the claim")
    def rest_of_claim(self, obj):
        return _lines(
            "Pre-action protocol followed"
            if obj.pre_action_protocol_followed
            else f"Pre-action protocol not followed: {obj.pre_action_protocol_reason}",
            obj.claimant_circumstances and f"Claimant: {obj.claimant_circumstances}",
            obj.defendant_circumstances and f"Defendants: {obj.defendant_circumstances}",
            obj.alternatives_considered and f"Alternatives: {obj.alternatives_considered}",
            obj.other_occupiers and f"Other occupiers: {obj.other_occupiers}",
            f"EPC: {obj.get_epc_given_display()}; gas safety: {obj.get_gas_safety_given_display()}; "
            f"EICR: {obj.get_eicr_given_display()}",
            obj.certificates_reason,
            f"Statement of truth signed by {obj.sot_signer_name} {obj.sot_signer_role}".strip(),
        )

    @admin.display(description="Court fee")
    def fee_table(self, obj):
        return _lines(
            f"Fee {pence_format(obj.fee_pence)}",
            obj.hwf_reference and f"Help with Fees reference {obj.hwf_reference}",
            obj.hwf_outcome
            and f"Help with Fees: {obj.get_hwf_outcome_display()}, remitted "
            f"{pence_format(obj.hwf_fee_remitted_pence)}, still to pay "
            f"{pence_format(obj.hwf_amount_to_pay_pence or 0)}",
            obj.hwf_note and f"Note: {obj.hwf_note}",
            obj.amount_paid_pence and f"Paid {pence_format(obj.amount_paid_pence)}",
        )

    @admin.display(description="Actions")
    def staff_actions(self, obj):
        return action_buttons(self.action_links(obj))

    @admin.display(description="Hearings")
    def hearings_table(self, obj):
        from django.utils import timezone

        hearings = list(obj.hearings.all())
        if not hearings:
            return "None listed"
        return _rows(
            [
                (
                    h.get_kind_display(),
                    timezone.localtime(h.starts_at).strftime("%d %b %Y %H:%M"),
                    h.duration_text,
                    h.get_status_display()
                    + (f": {h.get_outcome_display()}" if h.outcome else "")
                    + (f" ({h.reason})" if h.reason else ""),
                    f"Short notice: {h.short_notice_days} days"
                    if h.short_notice_days is not None
                    else "",
                    h.notice_wording,
                )
                for h in hearings
            ]
        )

    @admin.display(description="Order")
    def order_text(self, obj):
        from ..services.possession_hearing import possession_outcome_text

        return possession_outcome_text(obj) or "–"

    @admin.display(description="Warrant of possession")
    def warrant_table(self, obj):
        from django.utils import timezone

        warrant = getattr(obj, "warrant", None)
        if warrant is None:
            return "–"
        return _lines(
            warrant.get_basis_display(),
            warrant.breach_details,
            f"Amount still owed {pence_format(warrant.amount_owed_pence)}",
            f"Fee {pence_format(warrant.fee_pence)}",
            warrant.hwf_reference and f"Help with Fees reference {warrant.hwf_reference}",
            warrant.hwf_outcome and f"Help with Fees: {warrant.get_hwf_outcome_display()}",
            warrant.amount_paid_pence and f"Paid {pence_format(warrant.amount_paid_pence)}",
            warrant.eviction_at
            and "Eviction " + timezone.localtime(warrant.eviction_at).strftime("%d %b %Y %H:%M"),
        )

    @admin.display(description="Messages sent")
    def messages_sent(self, obj):
        return messages_sent_table(obj)

    @admin.display(description="Documents")
    def documents_list(self, obj):
        documents = documents_about(case=obj)
        if not documents:
            return "–"
        return format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            ((reverse("documents:download", args=[d.public_id]), d.filename) for d in documents),
        )

    @admin.display(description="History")
    def history_list(self, obj):
        events = audit_trail_for_object(obj=obj)
        return _rows(
            [(date_format(e.occurred_at), e.action, str(e.actor or "system")) for e in events]
        )


__all__ = ["PossessionClaimAdmin"]
