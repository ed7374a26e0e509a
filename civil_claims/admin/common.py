"""What the money-claim admin pages share: one page per caseworker action, CSV-safe cells,
claim-number search."""

from __future__ import annotations

from digital_services.core.admin_actions import ActionViewsMixin, action_buttons  # noqa: F401 (re-exported)
from digital_services.core.references import ReferenceSearchMixin, reference_candidates
from digital_services.core.spreadsheets import csv_safe  # noqa: F401 (re-exported)

buttons = action_buttons


class ClaimNumberSearchMixin(ReferenceSearchMixin):
    """The search box finds a claim by its claim number ("123mc456", "123 MC 456") or by
    the reference given at submission, however it is typed."""

    reference_search_field = "reference"

    def get_search_results(self, request, queryset, search_term):
        plain = "".join(search_term.split()).upper().replace("-", "")
        if len(plain) == 8 and plain[3:5] == "MC":
            exact = queryset.filter(claim_number=plain)
            if exact.exists():
                return exact, False
        return super().get_search_results(request, queryset, search_term)

    def reference_search_forms(self, search_term: str) -> list[str]:
        return reference_candidates(search_term)


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
