"""The caseworkers' view of LPAs: read only. Registering an LPA is a later issue, so a
caseworker can find an LPA by reference or donor name and read it, and nothing more."""

from __future__ import annotations

from django.contrib import admin
from django.utils.html import format_html, format_html_join

from digital_services.core.admin_lists import LargeListAdminMixin
from digital_services.core.references import ReferenceSearchMixin, reference_plain

from .models import Lpa
from .selectors import lpa_details, lpa_progress


class LpaReferenceSearchMixin(ReferenceSearchMixin):
    """Finds "A123 4567 89AB", "a1234567-89ab" or the reference without its A."""

    def reference_search_forms(self, search_term: str) -> list[str]:
        plain = reference_plain(search_term)
        return [plain, f"A{plain}"] if plain else []


@admin.register(Lpa)
class LpaAdmin(LpaReferenceSearchMixin, LargeListAdminMixin, admin.ModelAdmin):
    list_display = ["reference_display", "lpa_type", "donor_name", "status", "updated_at"]
    list_filter = ["status", "lpa_type", "channel"]
    search_fields = ["donor_name"]
    ordering = ["-updated_at"]
    fields = [
        "reference_display",
        "lpa_type",
        "progress",
        "people",
        "decisions",
        "fee_pence",
        "payment_method",
        "channel",
        "created_at",
        "completed_at",
    ]
    readonly_fields = fields

    @admin.display(description="Reference", ordering="reference")
    def reference_display(self, obj):
        return obj.reference_display

    @admin.display(description="Status")
    def progress(self, obj):
        return lpa_progress(obj)

    @admin.display(description="Everyone on the LPA")
    def people(self, obj):
        details = lpa_details(obj)
        rows = []
        if details.donor:
            rows.append(("Donor", details.donor.name, str(details.donor.address)))
        for role, people in (
            ("Attorney", details.attorneys),
            ("Replacement attorney", details.replacements),
            ("Person to notify", details.people_to_notify),
        ):
            rows.extend((role, p.name, str(p.address)) for p in people)
        if details.certificate_provider:
            cp = details.certificate_provider
            rows.append(("Certificate provider", cp.name, str(cp.address)))
        if details.correspondent:
            rows.append(
                ("Correspondent", details.correspondent.name, str(details.correspondent.address))
            )
        if not rows:
            return "Nobody yet"
        return format_html(
            "<table>{}</table>",
            format_html_join("", "<tr><th>{}</th><td>{}</td><td>{}</td></tr>", rows),
        )

    @admin.display(description="Decisions")
    def decisions(self, obj):
        details = lpa_details(obj)
        rows = [
            ("How attorneys decide", details.attorneys_how or "Not answered"),
            ("When replacements step in", details.replacements_when or "Not asked"),
            ("How replacements decide", details.replacements_how or "Not asked"),
            ("Who is registering", details.registering or "Not answered"),
            ("Repeat case number", details.repeat_case_number or "None"),
        ]
        return format_html(
            "<table>{}</table>", format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", rows)
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
