"""The visit admin parts: the inbox filter and the visitors inline."""

from __future__ import annotations

from django.contrib import admin
from django.utils import timezone

from ..constants import (
    VisitStatus,
)
from ..models import (
    Visitor,
)

# ---------------------------------------------------------------- visits


class InboxFilter(admin.SimpleListFilter):
    title = "inbox"
    parameter_name = "inbox"

    def lookups(self, request, model_admin):
        return [
            ("requests", "Requests waiting for a decision"),
            ("overdue", "Overdue requests"),
            ("cancellations", "Visitor cancellations to action"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "requests":
            return queryset.filter(status=VisitStatus.REQUESTED)
        if self.value() == "overdue":
            return queryset.filter(
                status=VisitStatus.REQUESTED, respond_by__lt=timezone.localdate()
            )
        if self.value() == "cancellations":
            return queryset.filter(
                status=VisitStatus.CANCELLED,
                cancelled_by_visitor=True,
                cancellation_actioned_at__isnull=True,
            )
        return queryset


class VisitorInline(admin.TabularInline):
    model = Visitor
    extra = 0
    can_delete = False
    fields = (
        "position",
        "first_name",
        "last_name",
        "date_of_birth",
        "age",
        "allowed",
        "exclusion",
        "banned_until",
        "exclusion_detail",
    )
    readonly_fields = fields

    @admin.display(description="Age on the visit date")
    def age(self, obj):
        from ..rules import age_on

        return age_on(obj.date_of_birth, obj.visit.visit_date)

    def has_view_permission(self, request, obj=None):
        """Whoever may see the visit sees who is coming and each visitor's decision
        (there is no separate "view visitor" permission to hold)."""
        return request.user.has_perm("prison_visits.view_visit")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
