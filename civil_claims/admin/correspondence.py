"""Paper correspondence received: the queue of letters to review, and the fee bands."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from digital_services.audit.admin import CaseHistoryAdmin
from digital_services.core.admin_forms import ConstraintErrorsOnFieldsForm
from digital_services.core.admin_lists import LargeListAdminMixin
from digital_services.core.money import PenceAdminMixin, pence_admin_column

from .. import services
from ..constants import CorrespondenceStatus
from ..models import IssueFeeBand, PaperCorrespondence
from .common import ActionViewsMixin, ReadOnlyMixin, buttons
from .forms import ConfirmForm


@admin.register(PaperCorrespondence)
class PaperCorrespondenceAdmin(
    ActionViewsMixin, ReadOnlyMixin, LargeListAdminMixin, admin.ModelAdmin
):
    list_display = ("received_on", "kind", "claim_link", "status")
    list_filter = ("status", "kind")
    search_fields = ("claim__claim_number", "claim__reference")
    fields = (
        "claim_link",
        "kind",
        "received_on",
        "description",
        "status",
        "reviewed_at",
        "reviewed_by",
        "staff_actions",
    )
    readonly_fields = fields
    list_select_related = ("claim",)
    # The queue: letters still to review ("received") first, oldest first.
    ordering = ("status", "received_on", "id")
    action_views = {
        "review": (
            "civil_claims.change_papercorrespondence",
            ConfirmForm,
            "Mark as reviewed",
            "do_review",
        )
    }

    @admin.display(description="Claim", ordering="claim__claim_number")
    def claim_link(self, obj):
        url = reverse("admin:civil_claims_claim_change", args=[obj.claim_id])
        return format_html('<a href="{}">{}</a>', url, obj.claim.reference_display)

    @admin.display(description="Actions")
    def staff_actions(self, obj):
        if obj.status == CorrespondenceStatus.RECEIVED:
            return buttons([(self.action_url(obj, "review"), "Mark as reviewed")])
        return buttons([])

    def do_review(self, request, obj, data):
        services.correspondence_review(item=obj, actor=request.user, request=request)
        return "Marked as reviewed."


@admin.register(IssueFeeBand)
class IssueFeeBandAdmin(PenceAdminMixin, CaseHistoryAdmin):
    form = ConstraintErrorsOnFieldsForm
    list_display = (
        "lower",
        "upper",
        "fixed_fee",
        "percent_basis_points",
        "code",
        "valid_from",
        "valid_to",
    )
    list_filter = ("valid_from",)
    ordering = ("-valid_from", "lower_pence")
    lower = pence_admin_column("lower_pence", "From")
    upper = pence_admin_column("upper_pence", "Up to")
    fixed_fee = pence_admin_column("fee_pence", "Fixed fee")

    def has_delete_permission(self, request, obj=None):
        return False
