from django.contrib import admin, messages

from digital_services.core.references import ReferenceSearchMixin
from digital_services.core.transitions import TransitionNotAllowed

from .constants import LicenceStatus
from .models import LicenceApplication
from .services import licence_application_decide


@admin.register(LicenceApplication)
class LicenceApplicationAdmin(ReferenceSearchMixin, admin.ModelAdmin):
    list_display = ("reference", "activity", "status", "submitted_at")
    list_filter = ("status",)
    search_fields = ("reference",)  # and as shown ("G0QY EQP3"): ReferenceSearchMixin
    readonly_fields = (
        "reference",
        "user",
        "full_name",
        "activity",
        "status",
        "submitted_at",
        "decided_at",
        "decided_by",
    )
    actions = ("grant", "refuse")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def _move(self, request, queryset, to):
        for application in queryset:
            try:
                licence_application_decide(application=application, to=to, by=request.user)
            except TransitionNotAllowed as exc:
                self.message_user(request, str(exc), messages.ERROR)

    @admin.action(description="Grant the selected applications", permissions=["decide"])
    def grant(self, request, queryset):
        self._move(request, queryset, LicenceStatus.GRANTED)

    @admin.action(description="Refuse the selected applications", permissions=["decide"])
    def refuse(self, request, queryset):
        self._move(request, queryset, LicenceStatus.REFUSED)

    def has_decide_permission(self, request):
        return request.user.has_perm("example_service.decide_licenceapplication")
