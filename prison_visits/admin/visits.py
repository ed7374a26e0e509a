"""Visits in the admin: the inbox, processing, cancelling and messaging, the day sheet."""

from __future__ import annotations

import csv
from datetime import date

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from digital_services.audit.admin import CaseHistoryAdmin
from digital_services.core import admin_lists
from digital_services.core.dates import date_format
from digital_services.core.queries import related_rows, shaped_get, shaped_rows
from digital_services.core.references import ReferenceSearchMixin

from .. import emails, selectors, services
from ..constants import (
    CancellationReason,
    RejectionReason,
    VisitStatus,
)
from ..forms import (
    ACTION_CONFIRM,
    ACTION_PREVIEW,
    CancelVisitForm,
    DaySheetForm,
    MessageVisitForm,
    ProcessVisitForm,
)
from ..forms.staff import VISITORS_IN_ORDER
from ..models import (
    SlotTime,
    Visit,
)
from . import visit_pages
from .common import PrisonScopedAdminMixin, ScopedPrisonFilter, _csv_safe
from .visit_parts import InboxFilter, VisitorInline


@admin.register(Visit)
class VisitAdmin(ReferenceSearchMixin, PrisonScopedAdminMixin, CaseHistoryAdmin):
    """The inbox (oldest first), each visit's page and timeline, and the staff actions.
    The search box finds a visit by its reference as shown ("G0QY EQP3") or typed."""

    change_form_template = "admin/prison_visits/visit/change_form.html"
    change_list_template = "admin/prison_visits/visit/change_list.html"
    list_display = (
        "reference_display",
        "prison",
        "prisoner",
        "visit_date",
        "status",
        "requested_on",
        "days_waiting",
        "overdue",
    )
    list_display_links = ("reference_display",)
    list_filter = (
        InboxFilter,
        ScopedPrisonFilter,
        "status",
        ("visit_date", admin.DateFieldListFilter),
    )
    search_fields = (
        "=reference",
        "=prisoner_number",
        "visitors__first_name",
        "visitors__last_name",
        "prisoner_last_name",
    )
    ordering = ("requested_at", "id")
    list_select_related = ("prison",)
    show_full_result_count = False
    inlines = [VisitorInline]
    fieldsets = (
        (None, {"fields": ("reference_display", "status", "prison", "channel", "assisted_by")}),
        (
            "Prisoner",
            {
                "fields": (
                    "prisoner_first_name",
                    "prisoner_last_name",
                    "prisoner_date_of_birth",
                    "prisoner_number",
                    "prisoner_check",
                )
            },
        ),
        (
            "Visit",
            {
                "fields": (
                    "requested_times",
                    "booked_time",
                    "closed",
                    "booking_reference",
                    "requested_at",
                    "respond_by",
                )
            },
        ),
        ("Contact", {"fields": ("contact_email", "contact_phone", "postal_address", "language")}),
        (
            "Decision",
            {
                "fields": (
                    "rejection_reason_list",
                    "rejection_detail",
                    "allowance_renews_on",
                    "cancellation_reason_list",
                    "cancelled_by_visitor",
                    "cancellation_actioned_at",
                    "anonymised_at",
                )
            },
        ),
    )

    # -- display

    @admin.display(description="Reference", ordering="reference")
    def reference_display(self, obj):
        return obj.reference_display

    @admin.display(description="Prisoner", ordering="prisoner_last_name")
    def prisoner(self, obj):
        return f"{obj.prisoner_number} {obj.prisoner_first_name} {obj.prisoner_last_name}"

    @admin.display(description="Requested", ordering="requested_at")
    def requested_on(self, obj):
        return date_format(obj.requested_at)

    @admin.display(description="Days waiting")
    def days_waiting(self, obj):
        if obj.status != VisitStatus.REQUESTED:
            return "–"
        return (timezone.localdate() - timezone.localdate(obj.requested_at)).days

    @admin.display(description="Overdue")
    def overdue(self, obj):
        if obj.status == VisitStatus.REQUESTED and obj.respond_by < timezone.localdate():
            return format_html(
                '<strong class="pv-overdue">Overdue (reply by {})</strong>',
                date_format(obj.respond_by),
            )
        if (
            obj.status == VisitStatus.CANCELLED
            and obj.cancelled_by_visitor
            and obj.cancellation_actioned_at is None
        ):
            return format_html("<strong>{}</strong>", "Visitor cancelled: to action")
        return ""

    @admin.display(description="Times asked for")
    def requested_times(self, obj):
        if not obj.requested_slots:
            return "–"
        items = format_html_join(
            "", "<li>{}</li>", ((emails.slot_text(s),) for s in obj.slot_options)
        )
        return format_html("<ol>{}</ol>", items)

    @admin.display(description="Booked time")
    def booked_time(self, obj):
        return emails.slot_text(obj.booked_slot) if obj.booked_slot else "–"

    @admin.display(description="Rejection reasons")
    def rejection_reason_list(self, obj):
        return ", ".join(RejectionReason(r).label for r in obj.rejection_reasons) or "–"

    @admin.display(description="Cancellation reasons")
    def cancellation_reason_list(self, obj):
        return ", ".join(CancellationReason(r).label for r in obj.cancellation_reasons) or "–"

    def get_readonly_fields(self, request, obj=None):
        return [f for _, options in self.fieldsets for f in options["fields"]]

    # -- permissions: everything read-only here; actions go through the pages below

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def _can_act(self, request) -> bool:
        return request.user.has_perm("prison_visits.change_visit")

    def _visit_for_action(self, request, object_id) -> Visit:
        """The visit, if it is at one of the user's prisons (404 otherwise) and they may act."""
        if not self._can_act(request):
            raise PermissionDenied
        queryset = selectors.visits_for_staff(user=request.user).select_related("prison")
        try:
            return shaped_get(queryset, pk=object_id)  # get_object_or_404, compiled once
        except Visit.DoesNotExist:
            raise Http404 from None

    # -- pages

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path("day-sheet/", wrap(self.day_sheet_view), name=f"{prefix}_day_sheet"),
            path("<path:object_id>/process/", wrap(self.process_view), name=f"{prefix}_process"),
            path("<path:object_id>/cancel/", wrap(self.cancel_view), name=f"{prefix}_cancel"),
            path("<path:object_id>/message/", wrap(self.message_view), name=f"{prefix}_message"),
            path(
                "<path:object_id>/cancellation-actioned/",
                wrap(require_POST(self.cancellation_actioned_view)),
                name=f"{prefix}_cancellation_actioned",
            ),
            *super().get_urls(),
        ]

    def _context(self, request, visit: Visit | None, title: str, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": visit,
            "visit": visit,
            "title": title,
            "change_url": reverse("admin:prison_visits_visit_change", args=[visit.pk])
            if visit
            else "",
            **extra,
        }

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "inbox_counts": selectors.inbox_counts(user=request.user),
            "count_at_most": admin_lists.COUNT_AT_MOST,
            "count_at_most_text": admin_lists.count_at_most_text(),
        }
        return super().changelist_view(request, extra_context)

    #: The list's and case page's templates, whose blocks are drawn in Python (visit_pages.py).
    list_page_drawn_from = visit_pages.LIST_TEMPLATE
    list_page_blocks = staticmethod(visit_pages.list_page_blocks)
    case_page_drawn_from = visit_pages.CASE_TEMPLATE
    case_page_blocks = staticmethod(visit_pages.case_page_blocks)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The case page's own parts, from the visit Django's change view has read (reading it
        # again in change_view was a second query of the visit).
        if obj is not None:
            context.update(
                {
                    "timeline": selectors.visit_timeline(visit=obj),
                    "can_act": self._can_act(request),
                    "status": VisitStatus,
                    "cancellation_to_action": obj.status == VisitStatus.CANCELLED
                    and obj.cancelled_by_visitor
                    and obj.cancellation_actioned_at is None,
                }
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def process_view(self, request, object_id):
        """Book one requested time or reject: form, then a preview of the email, then send."""
        visit = self._visit_for_action(request, object_id)
        change_url = reverse("admin:prison_visits_visit_change", args=[visit.pk])
        if visit.status != VisitStatus.REQUESTED:
            messages.error(
                request,
                f"Visit {visit.reference_display} has already been processed "
                f"({visit.get_status_display().lower()}).",
            )
            return redirect(change_url)
        action = request.POST.get("action", ACTION_PREVIEW)
        form = ProcessVisitForm(request.POST if request.method == "POST" else None, visit=visit)
        preview = None
        if request.method == "POST" and form.is_valid():
            try:
                preview = self._process_preview(visit, form)
            except services.MustReject as exc:
                form.add_error(
                    None,
                    f"{exc} Reject it with the reason “{RejectionReason(exc.reason).label}”.",
                )
            except services.VisitError as exc:
                form.add_error(None, str(exc))
            else:
                if action == ACTION_CONFIRM:
                    try:
                        self._process_commit(request, visit, form)
                    except services.TransitionNotAllowed as exc:
                        messages.error(request, str(exc))
                        return redirect(change_url)
                    except services.VisitError as exc:
                        form.add_error(None, str(exc))
                        preview = None
                    else:
                        return redirect(change_url)
                elif action != ACTION_PREVIEW:
                    preview = None  # "Change": back to the form with the answers kept
        slots = selectors.slots_availability_for_staff(visit=visit)
        register_entry = selectors.prisoner_register_entry_for_visit(visit=visit)
        return render(
            request,
            "admin/prison_visits/visit/process.html",
            self._context(
                request,
                visit,
                f"Process visit request {visit.reference_display}",
                form=form,
                preview=preview,
                contact_description=emails.visit_contact_describe(visit),
                slots=slots,
                register_entry=register_entry,
                allowance_renews_on=selectors.prisoner_allowance_renews_on(
                    visit=visit, day=visit.slot_options[0].date
                )
                if visit.requested_slots
                else None,
                visitor_rows=form.visitor_rows(),
            ),
        )

    def _process_preview(self, visit: Visit, form: ProcessVisitForm):
        """The email the decision will send, rendered without saving anything."""
        data = form.cleaned_data
        visitors = related_rows(visit, VISITORS_IN_ORDER)
        if form.is_booking:
            slot = SlotTime.from_key(data["outcome"])
            services._apply_exclusions(visitors, form.exclusions())
            services.visit_booking_check(visit=visit, slot=slot, visitors=visitors)
            key = "prison_visits.booked"
            personalisation = emails.booked(
                visit=visit,
                visitors=visitors,
                slot=slot,
                closed=data["closed"],
                booking_reference=data["booking_reference"].strip(),
                message=data["message"],
            )
        else:
            services.visit_rejection_check(
                reasons=data["reasons"],
                allowance_renews_on=data["allowance_renews_on"],
                detail=data["rejection_detail"],
            )
            key = "prison_visits.rejected"
            personalisation = emails.rejected(
                visit=visit,
                visitors=visitors,
                reasons=data["reasons"],
                allowance_renews_on=data["allowance_renews_on"],
                message=data["message"],
            )
        return emails.preview(
            template_key=key, language=visit.language, personalisation=personalisation
        )

    def _process_commit(self, request, visit: Visit, form: ProcessVisitForm) -> None:
        data = form.cleaned_data
        if form.is_booking:
            services.visit_book(
                visit=visit,
                slot=data["outcome"],
                excluded_visitors=form.exclusions(),
                closed=data["closed"],
                booking_reference=data["booking_reference"],
                message=data["message"],
                by=request.user,
            )
            messages.success(
                request, f"Visit {visit.reference_display} booked. The visitor has been told."
            )
        else:
            services.visit_reject(
                visit=visit,
                reasons=data["reasons"],
                allowance_renews_on=data["allowance_renews_on"],
                message=data["message"],
                detail=data["rejection_detail"],
                by=request.user,
            )
            messages.success(
                request, f"Visit {visit.reference_display} rejected. The visitor has been told."
            )

    def cancel_view(self, request, object_id):
        visit = self._visit_for_action(request, object_id)
        change_url = reverse("admin:prison_visits_visit_change", args=[visit.pk])
        if visit.status != VisitStatus.BOOKED:
            messages.error(request, "Only a booked visit can be cancelled.")
            return redirect(change_url)
        form = CancelVisitForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                services.visit_cancel(
                    visit=visit,
                    reasons=form.cleaned_data["reasons"],
                    message=form.cleaned_data["message"],
                    by=request.user,
                    by_visitor=False,
                )
            except (services.TransitionNotAllowed, services.VisitError) as exc:
                messages.error(request, str(exc))
            else:
                messages.success(
                    request,
                    f"Visit {visit.reference_display} cancelled. The visitor has been told.",
                )
            return redirect(change_url)
        return render(
            request,
            "admin/prison_visits/visit/action_form.html",
            self._context(
                request,
                visit,
                f"Cancel visit {visit.reference_display}",
                form=form,
                submit_label="Cancel the visit",
            ),
        )

    def message_view(self, request, object_id):
        visit = self._visit_for_action(request, object_id)
        change_url = reverse("admin:prison_visits_visit_change", args=[visit.pk])
        if visit.status != VisitStatus.BOOKED:
            messages.error(request, "Messages can only be sent about booked visits.")
            return redirect(change_url)
        form = MessageVisitForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                services.visit_message_send(
                    visit=visit, message=form.cleaned_data["message"], by=request.user
                )
            except (services.TransitionNotAllowed, services.VisitError) as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, "Message sent to the visitor.")
            return redirect(change_url)
        return render(
            request,
            "admin/prison_visits/visit/action_form.html",
            self._context(
                request,
                visit,
                f"Send a message about visit {visit.reference_display}",
                form=form,
                submit_label="Send message",
            ),
        )

    def cancellation_actioned_view(self, request, object_id):
        visit = self._visit_for_action(request, object_id)
        try:
            services.visit_cancellation_action(visit=visit, by=request.user)
        except services.TransitionNotAllowed as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, f"Visitor cancellation of {visit.reference_display} marked as done."
            )
        return redirect(reverse("admin:prison_visits_visit_change", args=[visit.pk]))

    def day_sheet_view(self, request):
        """A prison's booked visits for a date, by slot with the allowed visitors: to print,
        or as CSV. Someone who sees several prisons and has chosen none gets, instead, a count
        of the visits at each of their prisons that has some, each linking to its sheet: every
        prison's visits on one page grew with the data (413 rows at 200,000 visits). Their CSV
        still has every prison's rows."""
        if not request.user.has_perm("prison_visits.view_visit"):
            raise PermissionDenied
        # Only what the form and the page show of each (a hundred of them for an administrator).
        prisons = shaped_rows(selectors.prisons_for_user(user=request.user).only("pk", "name"))
        form = DaySheetForm(
            request.GET or {"date": timezone.localdate().isoformat()}, prisons=prisons
        )
        day: date | None = None
        prison = None
        sheets = []
        summary = None
        if form.is_valid():
            day = form.cleaned_data["date"]
            prison = form.cleaned_data["prison"]
            if request.GET.get("format") == "csv":
                sheets = selectors.day_sheet_get(user=request.user, day=day, prison=prison)
                return self._day_sheet_csv(day, sheets)
            if prison is None:
                summary = selectors.day_sheet_summary_get(user=request.user, day=day)
            else:
                sheets = selectors.day_sheet_get(user=request.user, day=day, prison=prison)
        chosen = {"date": day.isoformat()} if day else {}
        if prison is not None:
            chosen["prison"] = prison.pk
        return render(
            request,
            "admin/prison_visits/visit/day_sheet.html",
            self._context(
                request,
                None,
                f"Day sheet: {emails.date_text(day, 'en')}" if day else "Day sheet",
                form=form,
                day=day,
                prison=prison,
                prisons=prisons,
                sheets=sheets,
                summary=summary,
                summary_table=visit_pages.day_sheet_summary_html(day, summary) if summary else "",
                csv_query=urlencode({**chosen, "format": "csv"}),
            ),
        )

    def _day_sheet_csv(self, day: date, sheets) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="visits-{day.isoformat()}.csv"'
        writer = csv.writer(response)
        writer.writerow(
            [
                "Status",
                "Prison",
                "Start",
                "End",
                "Reference",
                "Booking reference",
                "Prisoner number",
                "Prisoner",
                "Closed visit",
                "Visitors allowed",
            ]
        )
        for sheet in sheets:
            rows = [(v, "Booked") for group in sheet.slots for v in group.visits]
            rows += [(v, "Cancelled") for v in sheet.cancelled]
            for visit, label in rows:
                writer.writerow(
                    [
                        _csv_safe(x)
                        for x in (
                            label,
                            sheet.prison.name,
                            visit.slot_start.strftime("%H:%M"),
                            visit.slot_end.strftime("%H:%M"),
                            visit.reference_display,
                            visit.booking_reference,
                            visit.prisoner_number,
                            visit.prisoner_name,
                            "Yes" if visit.closed else "No",
                            "; ".join(
                                f"{v.full_name} ({date_format(v.date_of_birth)})"
                                for v in visit.allowed_visitors
                            ),
                        )
                    ]
                )
        return response

    def get_queryset_for_bench(self):
        return Visit.objects.filter(status=VisitStatus.REQUESTED).order_by("pk").first()
