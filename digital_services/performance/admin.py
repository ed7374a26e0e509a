import csv

from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone

from digital_services.core.admin_lists import LargeListAdminMixin, ServiceAnyKeyFilter
from digital_services.core.spreadsheets import csv_safe
from digital_services.journeys.constants import OUTCOME_SUBMITTED

from .models import ContactMessage, PerformanceEvent, SatisfactionResponse


class OutcomeFilter(admin.SimpleListFilter):
    """How a completed journey ended: sent, or ended another way (each journey names its own
    other outcomes, such as not_eligible: search for one by name)."""

    title = "outcome"
    parameter_name = "outcome"
    OTHER = "-other"

    def lookups(self, request, model_admin):
        return [(OUTCOME_SUBMITTED, "Submitted"), (self.OTHER, "Ended another way")]

    def queryset(self, request, queryset):
        if self.value() == OUTCOME_SUBMITTED:
            return queryset.filter(outcome=OUTCOME_SUBMITTED)
        if self.value() == self.OTHER:
            return queryset.filter(kind=PerformanceEvent.Kind.JOURNEY_COMPLETED).exclude(
                outcome=OUTCOME_SUBMITTED
            )
        return queryset


@admin.register(PerformanceEvent)
class PerformanceEventAdmin(LargeListAdminMixin, admin.ModelAdmin):
    """Read-only: events are written by the journeys and counted for the KPIs."""

    list_display = (
        "occurred_at",
        "kind",
        "service",
        "journey",
        "channel",
        "channel_detail",
        "outcome",
    )
    # Fixed links (choices, the registry, OutcomeFilter): no SELECT DISTINCT over the events.
    list_filter = (
        "kind",
        ServiceAnyKeyFilter,
        "channel",
        "channel_detail",
        OutcomeFilter,
        ("occurred_at", admin.DateFieldListFilter),
    )
    search_fields = ("journey", "journey_key", "outcome")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SatisfactionResponse)
class SatisfactionResponseAdmin(admin.ModelAdmin):
    """Viewable and exportable. Staff may delete a response (for example when
    someone typed personal details into the comment), never edit one."""

    list_display = ("created_at", "rating", "service", "journey", "page", "short_comment")
    list_filter = ("rating", "service", ("created_at", admin.DateFieldListFilter))
    search_fields = ("comment", "journey", "page")
    readonly_fields = ("created_at", "rating", "comment", "service", "journey", "page")
    fields = readonly_fields
    actions = ["export_csv"]

    @admin.display(description="Comment")
    def short_comment(self, obj):
        return obj.comment if len(obj.comment) <= 80 else obj.comment[:79] + "…"

    @admin.action(description="Export selected responses as CSV", permissions=["view"])
    def export_csv(self, request, queryset):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="satisfaction-{stamp}.csv"'
        writer = csv.writer(response)
        writer.writerow(["Date", "Rating", "Rating (1-5)", "Service", "Journey", "Page", "Comment"])
        for item in queryset.order_by("created_at", "id").iterator():
            writer.writerow(
                [
                    timezone.localtime(item.created_at).strftime("%Y-%m-%d %H:%M"),
                    item.get_rating_display(),
                    item.rating,
                    csv_safe(item.service),
                    csv_safe(item.journey),
                    csv_safe(item.page),
                    csv_safe(item.comment),
                ]
            )
        return response

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """Messages from the contact form: staff read them (and may delete one), never edit."""

    list_display = ("created_at", "topic", "service", "reference", "has_email", "short_message")
    list_filter = ("topic", "service", ("created_at", admin.DateFieldListFilter))
    search_fields = ("reference", "message")
    readonly_fields = ("created_at", "topic", "service", "reference", "message", "email", "page")
    fields = readonly_fields

    @admin.display(description="Reply wanted", boolean=True)
    def has_email(self, obj):
        return bool(obj.email)

    @admin.display(description="Message")
    def short_message(self, obj):
        return obj.message if len(obj.message) <= 80 else obj.message[:79] + "…"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
