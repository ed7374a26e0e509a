"""What the tribunal fees admin pages share: CSV-safe cells, action buttons and views, reference search, read-only status."""

from __future__ import annotations

from digital_services.core.admin_actions import ActionViewsMixin as PlatformActionViewsMixin
from digital_services.core.admin_actions import action_buttons
from digital_services.core.references import ReferenceSearchMixin
from digital_services.core.spreadsheets import CSV_FORMULA_PREFIXES, csv_safe  # noqa: F401 (re-exported)
from digital_services.payments.services import PaymentProviderUnavailable

from .. import services
from ..references import reference_stored_forms

_buttons = action_buttons


class TribunalReferenceSearchMixin(ReferenceSearchMixin):
    """The search box finds a case by its reference however it is typed ("tf abc def",
    "TFABCDEF", "TF-ABC-DEF"), as this service stores it."""

    def reference_search_forms(self, search_term: str) -> list[str]:
        return reference_stored_forms(search_term)


class ActionViewsMixin(PlatformActionViewsMixin):
    """The platform's action pages, with this service's refusals: an ``InvalidRequest``
    shown on the form, and the payment provider being down sending staff back to the
    case with nothing changed."""

    action_form_errors = (services.InvalidRequest,)
    action_unavailable = {
        PaymentProviderUnavailable: "The payment provider is not available. Nothing changed: try later."
    }


class ReadOnlyStatusMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
