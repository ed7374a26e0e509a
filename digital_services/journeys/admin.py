from django.contrib import admin

from digital_services.core.admin_lists import LargeListAdminMixin, RegisteredServiceFilter

from .definitions import journeys_list
from .models import Draft, ResumeLink


class JourneyFilter(admin.SimpleListFilter):
    """One link per registered journey, from the registry: no ``SELECT DISTINCT`` over every
    draft to find them."""

    title = "journey"
    parameter_name = "journey"

    def lookups(self, request, model_admin):
        return [
            (f"{journey.service}/{journey.slug}", f"{journey.service}: {journey.title}")
            for journey in sorted(journeys_list(), key=lambda j: (j.service, j.slug))
        ]

    def queryset(self, request, queryset):
        service, _, slug = (self.value() or "").partition("/")
        if slug:
            return queryset.filter(service=service, journey=slug)
        return queryset


class DraftServiceFilter(RegisteredServiceFilter):
    key = "slug"  # a draft holds its service's slug


@admin.register(Draft)
class DraftAdmin(LargeListAdminMixin, admin.ModelAdmin):
    """Read-only: drafts change only through the journey pages and services."""

    list_display = ("id", "service", "journey", "user", "current_step", "updated_at", "expires_at")
    list_select_related = ("user",)  # nullable: the admin's automatic select_related skips it
    list_filter = (DraftServiceFilter, JourneyFilter)
    search_fields = ("user__email",)
    readonly_fields = [f.name for f in Draft._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ResumeLink)
class ResumeLinkAdmin(admin.ModelAdmin):
    list_display = ("id", "draft", "status", "created_at", "used_at")
    list_filter = ("status",)
    readonly_fields = ("draft", "nonce", "status", "created_at", "used_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
