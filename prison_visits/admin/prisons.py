"""Prison settings in the admin: slots, blocked dates, staff assignments, the prisoner register."""

from __future__ import annotations

from django.contrib import admin
from django.utils import timezone

from digital_services.audit.admin import CaseHistoryAdmin
from digital_services.core.admin_forms import ConstraintErrorsOnFieldsForm

from .. import selectors
from ..models import (
    BlockedDate,
    DateSlot,
    Prison,
    PrisonerRegisterEntry,
    PrisonStaffAssignment,
    WeeklySlot,
)
from .common import PrisonScopedAdminMixin, ScopedPrisonFilter

# ---------------------------------------------------------------- prison settings


class WeeklySlotInline(admin.TabularInline):
    form = ConstraintErrorsOnFieldsForm
    model = WeeklySlot
    extra = 0
    fields = ("weekday", "start_time", "end_time", "capacity")


class UpcomingInlineMixin:
    """Only today's and later rows: past dated slots and blocked dates are history."""

    def get_queryset(self, request):
        return super().get_queryset(request).filter(date__gte=timezone.localdate())


class DateSlotInline(UpcomingInlineMixin, admin.TabularInline):
    form = ConstraintErrorsOnFieldsForm
    model = DateSlot
    extra = 0
    fields = ("date", "start_time", "end_time", "capacity")


class BlockedDateInline(UpcomingInlineMixin, admin.TabularInline):
    form = ConstraintErrorsOnFieldsForm
    model = BlockedDate
    extra = 0
    fields = ("date", "reason")


@admin.register(Prison)
class PrisonAdmin(PrisonScopedAdminMixin, CaseHistoryAdmin):
    prison_lookup = "pk"
    list_display = (
        "name",
        "availability",
        "enabled",
        "booking_window_days",
        "lead_days",
        "adult_age",
    )
    list_filter = ("availability", "enabled")
    search_fields = ("name", "slug", "estate")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [WeeklySlotInline, DateSlotInline, BlockedDateInline]
    fieldsets = (
        (None, {"fields": ("name", "name_cy", "slug", "estate", "availability", "enabled")}),
        (
            "Booking rules",
            {
                "fields": (
                    "booking_window_days",
                    "lead_days",
                    "weekend_processing",
                    "adult_age",
                    "visits_allowed",
                    "allowance_period_days",
                )
            },
        ),
        (
            "Contact details",
            {
                "fields": (
                    "email_address",
                    "phone_number",
                    "address",
                    "address_cy",
                    "postcode",
                    "finder_slug",
                )
            },
        ),
    )

    def get_readonly_fields(self, request, obj=None):
        # Staff of a prison change how it takes visits; only administrators rename,
        # close or take a prison off the service.
        if obj is not None and not selectors.user_sees_all_prisons(user=request.user):
            return ("name", "name_cy", "slug", "estate", "availability")
        return ()

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None else self.prepopulated_fields


@admin.register(PrisonStaffAssignment)
class PrisonStaffAssignmentAdmin(admin.ModelAdmin):
    """Who works for which prison. Administrators only (caseworkers have no permission here)."""

    form = ConstraintErrorsOnFieldsForm
    list_display = ("user", "prison")
    list_filter = ("prison",)
    search_fields = ("user__email", "user__full_name", "prison__name")
    autocomplete_fields = ("user",)
    list_select_related = ("user", "prison")


@admin.register(PrisonerRegisterEntry)
class PrisonerRegisterEntryAdmin(PrisonScopedAdminMixin, admin.ModelAdmin):
    form = ConstraintErrorsOnFieldsForm
    list_display = ("prison_number", "last_name", "first_name", "date_of_birth", "prison", "active")
    list_filter = (ScopedPrisonFilter, "active")
    search_fields = ("prison_number", "last_name", "first_name")
    list_select_related = ("prison",)
    fields = ("prison", "prison_number", "first_name", "last_name", "date_of_birth", "active")

    def save_model(self, request, obj, form, change):
        obj.prison_number = obj.prison_number.replace(" ", "").upper()
        super().save_model(request, obj, form, change)
