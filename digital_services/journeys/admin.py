from django.contrib import admin

from .models import Draft, ResumeLink


@admin.register(Draft)
class DraftAdmin(admin.ModelAdmin):
    """Read-only: drafts change only through the journey pages and services."""

    list_display = ("id", "service", "journey", "user", "current_step", "updated_at", "expires_at")
    list_select_related = ("user",)  # nullable: the admin's automatic select_related skips it
    list_filter = ("service", "journey")
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
