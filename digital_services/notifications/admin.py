"""Staff views of the outbox: find a message, see why it failed, send it again; print letters."""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, linebreaks

from digital_services.core.admin_lists import LargeListAdminMixin, ServiceAnyKeyFilter

from .constants import FAILED_STATUSES, LetterBatchStatus
from .models import DeliveryProblem, LetterBatch, OutboundMessage, ReturnedLetter
from .selectors import (
    outbound_message_list_recent,
    outbound_message_render,
    returned_letters_for_staff,
    returned_letters_staff_may_see,
)
from .services import (
    TransitionNotAllowed,
    delivery_problems_resolve,
    letter_batch_mark_printed,
    letter_batches_close,
    outbound_messages_retry,
)


@admin.register(OutboundMessage)
class OutboundMessageAdmin(LargeListAdminMixin, admin.ModelAdmin):
    list_display = (
        "id",
        "created_at",
        "service",
        "channel",
        "template_key",
        "language",
        "recipient_short",
        "reference",
        "status",
        "attempts",
        "next_attempt_at",
    )
    list_filter = (
        "status",
        "channel",
        ServiceAnyKeyFilter,  # from the registry, not SELECT DISTINCT over the outbox
        ("created_at", admin.DateFieldListFilter),
    )
    search_fields = ("recipient", "reference", "=provider_id")
    list_select_related = ("content_type",)
    actions = ("retry_failed",)
    readonly_fields = (
        "service",
        "channel",
        "template_key",
        "language",
        "recipient",
        "personalisation",
        "reference",
        "idempotency_key",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "provider_id",
        "letter_batch",
        "content_type",
        "object_id",
        "created_at",
        "updated_at",
        "claimed_at",
        "sent_at",
        "completed_at",
        "rendered",
    )
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="Recipient")
    def recipient_short(self, obj):
        return obj.recipient.splitlines()[0] if obj.recipient else ""

    @admin.display(description="As sent")
    def rendered(self, obj):
        rendered = outbound_message_render(message=obj)
        if rendered is None:
            return "The template no longer exists."
        return format_html(
            "<strong>{}</strong>{}", rendered.subject, linebreaks(rendered.body, autoescape=True)
        )

    @admin.action(description="Send the selected failed messages again", permissions=["change"])
    def retry_failed(self, request, queryset):
        retried, skipped = outbound_messages_retry(
            message_ids=queryset.values_list("pk", flat=True), user=request.user, request=request
        )
        if retried:
            self.message_user(
                request, f"{retried} message(s) queued to be sent again.", messages.SUCCESS
            )
        if skipped:
            self.message_user(
                request,
                f"{skipped} message(s) skipped: only failed messages can be sent again.",
                messages.WARNING,
            )

    def get_urls(self):
        extra = [
            path(
                "preview/",
                self.admin_site.admin_view(self.preview_view),
                name="notifications_outboundmessage_preview",
            )
        ]
        return extra + super().get_urls()

    def preview_view(self, request):
        """Development only: recent emails as the recipient would see them."""
        if not settings.NOTIFICATIONS_PREVIEW_ENABLED:
            raise Http404("The email preview is only available in development")
        if not self.has_view_permission(request):
            raise PermissionDenied
        items = [
            (message, outbound_message_render(message=message))
            for message in outbound_message_list_recent(limit=50)
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": "Emails sent recently",
            "opts": self.model._meta,
            "items": items,
            "failed_statuses": [str(s) for s in FAILED_STATUSES],
        }
        return TemplateResponse(request, "notifications/admin/preview.html", context)


class LetterInline(admin.TabularInline):
    model = OutboundMessage
    fields = ("id", "template_key", "language", "reference", "status", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(LetterBatch)
class LetterBatchAdmin(admin.ModelAdmin):
    list_display = (
        "id",
        "status",
        "created_at",
        "letter_count",
        "closed_at",
        "pdf",
        "printed_at",
        "printed_by",
    )
    list_filter = ("status", ("created_at", admin.DateFieldListFilter))
    readonly_fields = (
        "status",
        "created_at",
        "closed_at",
        "closed_by",
        "pdf",
        "printed_at",
        "printed_by",
    )
    fields = readonly_fields
    inlines = (LetterInline,)
    actions = ("prepare_pdf", "mark_printed")
    list_select_related = ("printed_by", "document")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_letter_count=Count("letters"))

    @admin.display(description="Letters", ordering="_letter_count")
    def letter_count(self, obj):
        return obj._letter_count

    @admin.display(description="PDF")
    def pdf(self, obj):
        if obj.document_id:
            return format_html(
                '<a href="{}" download>Download the letters (a ZIP file, one PDF for each letter)</a>',
                reverse("documents:download", args=[obj.document.public_id]),
            )
        if obj.status == LetterBatchStatus.CLOSED:
            return "Being prepared (refresh this page)"
        return "-"

    @admin.action(
        description="Close for printing and prepare the PDF (download it from the batch)",
        permissions=["change"],
    )
    def prepare_pdf(self, request, queryset):
        try:
            queued = letter_batches_close(
                batch_ids=queryset.values_list("pk", flat=True), user=request.user, request=request
            )
        except ValueError as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        if queued:
            numbers = ", ".join(str(batch.pk) for batch in queued)
            self.message_user(
                request,
                f"Preparing the PDF of batch {numbers}. Refresh this page to download it.",
                messages.SUCCESS,
            )
        else:
            self.message_user(request, "The PDFs are ready to download.", messages.INFO)

    @admin.action(description="Mark as printed and posted", permissions=["change"])
    def mark_printed(self, request, queryset):
        for batch in queryset:
            try:
                count = letter_batch_mark_printed(
                    batch_id=batch.pk, user=request.user, request=request
                )
            except TransitionNotAllowed:
                self.message_user(
                    request,
                    f"Batch {batch.pk} was not marked printed: download it first "
                    "(a printed batch cannot be printed again).",
                    messages.ERROR,
                )
            else:
                self.message_user(
                    request, f"Batch {batch.pk}: {count} letter(s) marked sent.", messages.SUCCESS
                )


class DeliveryProblemAdminBase(admin.ModelAdmin):
    list_display = ("received_at", "service", "case", "message_link", "reported_at", "resolved")
    list_filter = (("resolved_at", admin.EmptyFieldListFilter), "service")
    readonly_fields = (
        "kind",
        "message_link",
        "service",
        "case",
        "reported_at",
        "received_at",
        "resolved_at",
        "resolved_by",
    )
    fields = readonly_fields
    list_select_related = ("message", "content_type", "resolved_by")
    actions = ("mark_resolved",)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="Case")
    def case(self, obj):
        if not obj.content_type_id:
            return "-"
        return f"{obj.content_type.name} {obj.object_id} (reference {obj.message.reference or '-'})"

    @admin.display(description="Message")
    def message_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:notifications_outboundmessage_change", args=[obj.message_id]),
            obj.message,
        )

    @admin.display(description="Address we used")
    def address(self, obj):
        return linebreaks(obj.message.recipient) if obj.message.recipient else "-"

    @admin.display(description="Dealt with", boolean=True, ordering="resolved_at")
    def resolved(self, obj):
        return obj.resolved_at is not None

    @admin.action(description="Mark as dealt with", permissions=["change"])
    def mark_resolved(self, request, queryset):
        count = delivery_problems_resolve(
            problem_ids=queryset.values_list("pk", flat=True), user=request.user, request=request
        )
        self.message_user(request, f"{count} marked as dealt with.", messages.SUCCESS)


@admin.register(ReturnedLetter)
class ReturnedLetterAdmin(DeliveryProblemAdminBase):
    """The caseworkers' queue: letters that came back. Phone the person, or check the
    address on the case, then mark the letter as dealt with.

    Each service's caseworkers see the letters about their own service's cases (prison
    staff: their own prisons' visits), through the permission their service declares as
    ``staff_case_permission``; administrators see every one. So the queue needs no
    permission on this platform model, which would show every service's letters."""

    def get_queryset(self, request):
        return returned_letters_for_staff(user=request.user).select_related(
            *self.list_select_related
        )

    def has_module_permission(self, request):
        return returned_letters_staff_may_see(user=request.user)

    def has_view_permission(self, request, obj=None):
        return returned_letters_staff_may_see(user=request.user)

    def has_change_permission(self, request, obj=None):
        # Only to mark letters as dealt with: every field is read-only.
        return returned_letters_staff_may_see(user=request.user)

    def get_list_display(self, request):
        return ("received_at", "service", self._case_link(request), "reported_at", "resolved")

    def get_fields(self, request, obj=None):
        return self.get_readonly_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        return (
            "kind",
            "service",
            self._case_link(request),
            "address",
            "reported_at",
            "received_at",
            "resolved_at",
            "resolved_by",
        )

    def _case_link(self, request):
        """The case column: a link to the case's own staff page when this member of
        staff may open it (bound to the request: the admin instance is shared; one per
        request, as Django compares the form's fields with the read-only ones)."""
        cached = getattr(request, "_returned_letter_case_column", None)
        if cached is not None:
            return cached

        @admin.display(description="Case")
        def case(obj):
            text = self.case(obj)
            model = obj.content_type.model_class() if obj.content_type_id else None
            model_admin = admin.site._registry.get(model)
            if model_admin is None or not model_admin.has_view_or_change_permission(request):
                return text
            opts = model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.object_id])
            return format_html('<a href="{}">{}</a>', url, text)

        request._returned_letter_case_column = case
        return case


@admin.register(DeliveryProblem)
class DeliveryProblemAdmin(DeliveryProblemAdminBase):
    """Every returned letter and email complaint Notify has told us about."""

    list_display = ("kind", *DeliveryProblemAdminBase.list_display)
    list_filter = ("kind", *DeliveryProblemAdminBase.list_filter)
