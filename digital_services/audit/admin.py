"""Audit events in the staff admin (read-only), and the admin base for case models.

Case models keep their field history with django-simple-history. Register them
with ``CaseHistoryAdmin`` so the admin shows a "History" page for each case::

    from simple_history.models import HistoricalRecords

    class VisitRequest(models.Model):
        ...
        history = HistoricalRecords()

    @admin.register(VisitRequest)
    class VisitRequestAdmin(CaseHistoryAdmin):
        ...

``AuditEvent`` itself has no history: it never changes.
"""

import json

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from digital_services.core.admin_lists import (
    IndexedValuesFilter,
    LargeListAdminMixin,
    ServiceAnyKeyFilter,
)

from .models import AuditEvent


class CaseHistoryAdmin(LargeListAdminMixin, SimpleHistoryAdmin):
    """SimpleHistoryAdmin with the "Revert" button turned off, for case tables that grow to
    hundreds of thousands of rows (``LargeListAdminMixin``: no count of the whole table).

    Reverting a case to an old version would write fields (status among them)
    without going through the case's transitions and audit events, so history is
    for reading only. simple-history only hides the button; a POST to the
    version's page would still save it, so that is refused here as well.
    """

    def has_change_history_permission(self, request, obj=None):
        return False

    def revert_disabled(self, request, obj=None):
        return True

    def _case_in_scope_or_404(self, request, object_id) -> None:
        # simple-history finds versions without the admin's queryset (and lists the
        # history of objects outside it, as if deleted), so a caseworker scoped to
        # some cases (a prison's visits) could read others' history.
        if not self.get_queryset(request).filter(pk=unquote(object_id)).exists():
            raise Http404("No such case")

    def history_view(self, request, object_id, extra_context=None):
        self._case_in_scope_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied("Case history is read-only.")
        self._case_in_scope_or_404(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)


class ActionFilter(IndexedValuesFilter):
    title = "action"
    parameter_name = "action"


@admin.register(AuditEvent)
class AuditEventAdmin(LargeListAdminMixin, admin.ModelAdmin):
    list_display = (
        "occurred_at",
        "action",
        "service",
        "object_label",
        "actor",
        "on_behalf_of",
        "ip",
    )
    # No SELECT DISTINCT over the log: services from the registry, actions through their index.
    list_filter = (ServiceAnyKeyFilter, ActionFilter, ("occurred_at", admin.DateFieldListFilter))
    search_fields = (
        "action",
        "object_type",
        "object_id",
        "actor__email",
        "on_behalf_of__email",
        "ip",
    )
    list_select_related = ("actor", "on_behalf_of")
    fields = (
        "occurred_at",
        "action",
        "service",
        "object_type",
        "object_id",
        "actor",
        "on_behalf_of",
        "ip",
        "user_agent",
        "detail_pretty",
    )
    readonly_fields = fields
    show_full_result_count = False

    @admin.display(description="Object")
    def object_label(self, obj):
        return f"{obj.object_type}:{obj.object_id}" if obj.object_type else "–"

    @admin.display(description="Detail")
    def detail_pretty(self, obj):
        return format_html("<pre>{}</pre>", json.dumps(obj.detail, indent=2, sort_keys=True))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
