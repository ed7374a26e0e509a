"""Read-only views of sessions and submissions for managers (``view_all_sessions``).

The managers' filtered list is the page /assisted-digital/sessions/all/; these
admin pages add the full detail of one session, its consent and its submissions.
"""

from django.contrib import admin

from .constants import PERMISSION_VIEW_ALL
from .models import AssistedSession, SubmissionRecord


class ManagersReadOnlyAdmin(admin.ModelAdmin):
    def has_module_permission(self, request):
        return request.user.has_perm(PERMISSION_VIEW_ALL)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(PERMISSION_VIEW_ALL)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SubmissionInline(admin.TabularInline):
    model = SubmissionRecord
    fields = ["submitted_at", "service", "journey", "route", "started_route", "channel"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(PERMISSION_VIEW_ALL)


@admin.register(AssistedSession)
class AssistedSessionAdmin(ManagersReadOnlyAdmin):
    list_display = ["started_at", "agent", "citizen", "channel", "status", "ended_at"]
    list_filter = ["status", "channel", "consent_method", "started_at"]
    search_fields = ["agent__email", "agent__full_name", "citizen__full_name"]
    list_select_related = ["agent", "citizen"]
    inlines = [SubmissionInline]


@admin.register(SubmissionRecord)
class SubmissionRecordAdmin(ManagersReadOnlyAdmin):
    list_display = ["submitted_at", "service", "journey", "route", "channel", "typed_by"]
    list_filter = [
        "route",
        "started_route",
        "channel",
        "service",
        ("submitted_at", admin.DateFieldListFilter),
    ]
    list_select_related = ["typed_by"]
