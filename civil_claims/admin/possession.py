"""Possession claims for caseworkers: the list (with the Help with Fees queue) and the
case page, read only in this slice: the parties, property, tenancy, grounds with their
reasons, the notice, the rent statement, uploads, the fee and the history."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from digital_services.audit.admin import CaseHistoryAdmin
from digital_services.audit.selectors import audit_event_list_for_object
from digital_services.core.dates import date_format
from digital_services.core.money import pence_format
from digital_services.documents.selectors import document_list_about

from ..models import PossessionClaim
from ..possession_rules import arrears_statement
from .claims import _rows
from .common import ClaimNumberSearchMixin


def _lines(*values) -> str:
    return format_html_join(mark_safe("<br>"), "{}", ((v,) for v in values if v))


@admin.register(PossessionClaim)
class PossessionClaimAdmin(ClaimNumberSearchMixin, CaseHistoryAdmin):
    list_display = ("reference_display", "status", "country", "tenancy_type", "submitted_at")
    list_filter = ("status", "country", "tenancy_type")
    search_fields = ("reference", "claim_number")
    ordering = ("-submitted_at",)
    fields = (
        "claim_number",
        "reference",
        "status",
        "parties_table",
        "property_and_tenancy",
        "grounds_table",
        "notice_table",
        "arrears_table",
        "rest_of_claim",
        "fee_table",
        "documents_list",
        "history_list",
    )
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("parties", "grounds", "arrears_rows")

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
            obj.amount_paid_pence and f"Paid {pence_format(obj.amount_paid_pence)}",
        )

    @admin.display(description="Documents")
    def documents_list(self, obj):
        documents = list(document_list_about(case=obj))
        if not documents:
            return "–"
        return format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            ((reverse("documents:download", args=[d.public_id]), d.filename) for d in documents),
        )

    @admin.display(description="History")
    def history_list(self, obj):
        events = audit_event_list_for_object(obj=obj).order_by("occurred_at", "id")
        return _rows(
            [(date_format(e.occurred_at), e.action, str(e.actor or "system")) for e in events]
        )


__all__ = ["PossessionClaimAdmin"]
