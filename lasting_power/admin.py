"""The OPG caseworkers' pages for LPAs: find an LPA by reference or donor name (or by
its barcode, on "Receive a signed LPA"), read it, and act on it one page per action
(``core.admin_actions``): receive and check it, give notice, register it, change its
status with a reason, record and resolve objections. Every action calls one service in
``lasting_power.registration``; its refusals come back as messages or form errors."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from digital_services.audit.selectors import audit_trail_for_object
from digital_services.core.admin_actions import ActionViewsMixin, action_buttons
from digital_services.core.admin_lists import (
    LargeListAdminMixin,
    admin_table,
    messages_sent_table,
)
from digital_services.core.dates import date_format
from digital_services.core.queries import related_rows
from digital_services.core.references import ReferenceSearchMixin, reference_plain
from digital_services.documents.selectors import documents_about

from . import registration
from .admin_casework import CASEWORK_ACTION_VIEWS, CaseworkMixin, lpa_due_on
from .constants import (
    QUEUE_OVERDUE_DAYS,
    REASON_STATUSES,
    FeeDecisionStatus,
    LpaStatus,
    ObjectionOutcome,
)
from .forms.staff import (
    CheckForm,
    ConfirmForm,
    FindForm,
    ObjectionForm,
    ObjectionResolveForm,
    ReceiveForm,
    StatusForm,
)
from .models import Lpa
from .selectors import lpa_details, lpa_progress
from .views_signing import signers_for

VIEW = "lasting_power.view_lpa"
RECEIVE = "lasting_power.receive_lpa"
REGISTER = "lasting_power.register_lpa"
OBJECTIONS = "lasting_power.objections_lpa"


class LpaReferenceSearchMixin(ReferenceSearchMixin):
    """Finds "A123 4567 89AB", "a1234567-89ab" or the reference without its A."""

    def reference_search_forms(self, search_term: str) -> list[str]:
        plain = reference_plain(search_term)
        return [plain, f"A{plain}"] if plain else []


class QueueFilter(admin.SimpleListFilter):
    """Work queues by state, and by overdue date (``constants.QUEUE_OVERDUE_DAYS``): each
    oldest first, so what is most overdue is at the top."""

    title = "queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [
            ("received", "Received: to check"),
            ("received-overdue", "Received: overdue to check"),
            ("imperfect", "Imperfect: waiting for corrections"),
            ("imperfect-overdue", "Imperfect: corrections overdue"),
            ("perfect", "Perfect: to give notice"),
            ("waiting", "In the waiting period"),
            ("overdue", "Waiting period over but held (objections)"),
            ("ready", "Ready to register"),
            ("objections", "With an open objection"),
            ("objections-overdue", "With an objection open too long"),
            ("fees", "Fee decision waiting"),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        simple = {
            "received": LpaStatus.RECEIVED,
            "imperfect": LpaStatus.IMPERFECT,
            "perfect": LpaStatus.PERFECT,
            "waiting": LpaStatus.WAITING_PERIOD,
            "ready": LpaStatus.READY,
        }
        if value in simple:
            return queryset.filter(status=simple[value]).order_by("status_changed_at")
        if value == "overdue":
            return queryset.filter(
                status=LpaStatus.WAITING_PERIOD, waiting_period_ends_on__lt=timezone.localdate()
            ).order_by("waiting_period_ends_on")
        if value == "objections":
            return queryset.filter(objection_links__status=ObjectionOutcome.OPEN).distinct()
        today = timezone.localdate()
        if value == "received-overdue":
            since = today - timedelta(days=QUEUE_OVERDUE_DAYS["received"])
            return queryset.filter(status=LpaStatus.RECEIVED, received_on__lt=since).order_by(
                "received_on"
            )
        if value == "imperfect-overdue":
            since = today - timedelta(days=QUEUE_OVERDUE_DAYS["imperfect"])
            return queryset.filter(status=LpaStatus.IMPERFECT, checked_at__date__lt=since).order_by(
                "checked_at"
            )
        if value == "objections-overdue":
            since = today - timedelta(days=QUEUE_OVERDUE_DAYS["objections"])
            return queryset.filter(
                objection_links__status=ObjectionOutcome.OPEN,
                objection_links__objection__received_on__lt=since,
            ).distinct()
        if value == "fees":
            return queryset.filter(
                fee_decision__status__in=(
                    FeeDecisionStatus.PENDING,
                    FeeDecisionStatus.MORE_EVIDENCE,
                )
            ).order_by("received_on")
        return queryset


def _rows(rows) -> str:
    return admin_table(rows, empty="None")


@admin.register(Lpa)
class LpaAdmin(
    CaseworkMixin,
    LpaReferenceSearchMixin,
    ActionViewsMixin,
    LargeListAdminMixin,
    admin.ModelAdmin,
):
    list_display = ["reference_display", "lpa_type", "donor_name", "status", "due", "updated_at"]
    list_filter = [QueueFilter, "status", "lpa_type", "channel"]
    search_fields = ["donor_name"]
    ordering = ["-updated_at"]
    change_list_template = "lasting_power/admin_change_list.html"
    fields = [
        "reference_display",
        "lpa_type",
        "progress",
        "staff_actions",
        "registration_table",
        "objections_table",
        "people",
        "attorneys_table",
        "decisions",
        "fee_table",
        "payments_table",
        "channel",
        "language",
        "created_at",
        "completed_at",
        "documents_list",
        "messages_sent",
        "history_list",
    ]
    readonly_fields = fields
    action_views = {
        "receive": (RECEIVE, ReceiveForm, "Receive the signed LPA", "do_receive"),
        "check": (RECEIVE, CheckForm, "Check the signing dates", "do_check"),
        "notices": (
            REGISTER,
            ConfirmForm,
            "Give notice and start the waiting period",
            "do_notices",
        ),
        "register": (REGISTER, ConfirmForm, "Register the LPA", "do_register"),
        "status": (REGISTER, StatusForm, "Change the status with a reason", "do_status"),
        "objection": (OBJECTIONS, ObjectionForm, "Record an objection", "do_objection"),
        "objection-resolve": (
            OBJECTIONS,
            ObjectionResolveForm,
            "Resolve an objection",
            "do_objection_resolve",
        ),
        **CASEWORK_ACTION_VIEWS,
    }
    #: Which status each action starts from (anything else: refused with a message).
    ACTION_FROM = {
        "receive": (LpaStatus.COMPLETED,),
        "check": (LpaStatus.RECEIVED, LpaStatus.IMPERFECT),
        "notices": (LpaStatus.PERFECT,),
        "register": (LpaStatus.READY,),
    }

    @admin.display(description="Reference", ordering="reference")
    def reference_display(self, obj):
        return obj.reference_display

    @admin.display(description="Due")
    def due(self, obj):
        due = lpa_due_on(obj)
        if due is None:
            return ""
        late = " (overdue)" if due < timezone.localdate() else ""
        return f"{date_format(due)}{late}"

    @admin.display(description="Status")
    def progress(self, obj):
        if obj.status == LpaStatus.IN_PROGRESS:
            return lpa_progress(obj)
        return obj.get_status_display()

    @admin.display(description="Everyone on the LPA")
    def people(self, obj):
        details = lpa_details(obj)
        rows = []
        if details.donor:
            rows.append(("Donor", details.donor.name, str(details.donor.address)))
        for role, people in (
            ("Attorney", details.attorneys),
            ("Replacement attorney", details.replacements),
            ("Person to notify", details.people_to_notify),
        ):
            rows.extend((role, p.name, str(p.address)) for p in people)
        if details.certificate_provider:
            cp = details.certificate_provider
            rows.append(("Certificate provider", cp.name, str(cp.address)))
        if details.correspondent:
            rows.append(
                ("Correspondent", details.correspondent.name, str(details.correspondent.address))
            )
        if not rows:
            return "Nobody yet"
        return format_html(
            "<table>{}</table>",
            format_html_join("", "<tr><th>{}</th><td>{}</td><td>{}</td></tr>", rows),
        )

    @admin.display(description="Decisions")
    def decisions(self, obj):
        details = lpa_details(obj)
        rows = [
            ("How attorneys decide", details.attorneys_how or "Not answered"),
            ("When replacements step in", details.replacements_when or "Not asked"),
            ("How replacements decide", details.replacements_how or "Not asked"),
            ("Who is registering", details.registering or "Not answered"),
            ("Repeat case number", details.repeat_case_number or "None"),
        ]
        return format_html(
            "<table>{}</table>", format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", rows)
        )

    @admin.display(description="Actions")
    def staff_actions(self, obj):
        links = [
            (self.action_url(obj, slug), label)
            for slug, label in (
                ("receive", "Receive"),
                ("check", "Check the signing dates"),
                ("notices", "Give notice"),
                ("register", "Register"),
            )
            if obj.status in self.ACTION_FROM[slug]
        ]
        if self._statuses(obj):
            links.append((self.action_url(obj, "status"), "Change status"))
        if registration.objection_allowed(obj):
            links.append((self.action_url(obj, "objection"), "Record an objection"))
        # The LPA's few objection links, read with SQL built once (related_rows).
        if any(
            link.status == ObjectionOutcome.OPEN for link in related_rows(obj, "objection_links")
        ):
            links.append((self.action_url(obj, "objection-resolve"), "Resolve an objection"))
        links += self.casework_links(obj)
        return action_buttons(links)

    @admin.display(description="Registration")
    def registration_table(self, obj):
        rows = [
            ("Received", date_format(obj.received_on)),
            ("Checked", date_format(obj.checked_at)),
            (
                "Problems to correct",
                format_html_join("", "<p>{}</p>", ((p,) for p in obj.problems)) or "None",
            ),
            ("Notices given", date_format(obj.notices_sent_at)),
            ("Waiting period ends", date_format(obj.waiting_period_ends_on)),
            ("Registered", date_format(obj.registered_on)),
            ("Reason for the status", obj.status_reason),
        ]
        return _rows([(label, value) for label, value in rows if value])

    @admin.display(description="Objections")
    def objections_table(self, obj):
        return _rows(
            [
                (
                    date_format(link.objection.received_on),
                    link.objection.get_objection_type_display(),
                    link.get_status_display(),
                    link.objection.notes,
                    link.resolution_notes,
                    ", ".join(
                        other.lpa.reference_display
                        for other in link.objection.links.all()
                        if other.lpa_id != obj.pk
                    ),
                )
                for link in obj.objection_links.select_related("objection").prefetch_related(
                    "objection__links__lpa"
                )
            ]
        )

    @admin.display(description="Documents")
    def documents_list(self, obj):
        documents = documents_about(case=obj, order_by=("filename",))
        if not documents:
            return "None yet"
        return format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            ((reverse("documents:download", args=[d.public_id]), d.filename) for d in documents),
        )

    @admin.display(description="Letters and messages sent")
    def messages_sent(self, obj):
        return messages_sent_table(obj, empty="None")

    @admin.display(description="History")
    def history_list(self, obj):
        events = audit_trail_for_object(obj=obj)
        return _rows(
            [(date_format(e.occurred_at), e.action, str(e.actor or "system")) for e in events]
        )

    # Actions ----------------------------------------------------------------------

    def _statuses(self, obj) -> list[str]:
        allowed = Lpa.TRANSITIONS.get(obj.status, ())
        statuses = [s for s in REASON_STATUSES if s in allowed]
        if obj.status == LpaStatus.SUSPENDED:
            statuses.insert(0, LpaStatus.REGISTERED)
        return statuses

    def action_refusal(self, request, obj, slug):
        wording = f"LPA {obj.reference_display} is {obj.get_status_display().lower()}"
        if slug in self.ACTION_FROM and obj.status not in self.ACTION_FROM[slug]:
            wanted = " or ".join(LpaStatus(s).label.lower() for s in self.ACTION_FROM[slug])
            return f"{wording}: this can be done only when it is {wanted}"
        if slug == "status" and not self._statuses(obj):
            return f"{wording}: its status cannot be changed"
        if slug == "objection" and not registration.objection_allowed(obj):
            return f"{wording}: an objection cannot be recorded against it"
        if (
            slug == "objection-resolve"
            and not obj.objection_links.filter(status=ObjectionOutcome.OPEN).exists()
        ):
            return f"LPA {obj.reference_display} has no open objection"
        return self.casework_refusal(obj, slug)

    def action_form_kwargs(self, obj, slug):
        if slug in ("receive", "check"):
            return {"signers": signers_for(lpa_details(obj))}
        if slug == "status":
            return {"statuses": self._statuses(obj)}
        if slug == "objection-resolve":
            return {
                "links": list(
                    obj.objection_links.filter(status=ObjectionOutcome.OPEN).select_related(
                        "objection"
                    )
                )
            }
        return self.casework_form_kwargs(obj, slug)

    def action_summary(self, obj, slug):
        details = lpa_details(obj)
        rows = [
            ("LPA", obj.reference_display),
            ("Type", details.type_label),
            ("Donor", details.donor.full_name if details.donor else ""),
            ("Status", obj.get_status_display()),
        ]
        if slug == "check" and obj.problems:
            rows.append(("Problems last time", "; ".join(obj.problems)))
        if slug == "notices":
            rows += [
                (
                    "Notice to",
                    ", ".join(t.person.full_name for t in registration.notice_targets(details)),
                ),
                (
                    "Waiting period ends",
                    date_format(registration.waiting_period_last_day(timezone.localdate())),
                ),
            ]
        return rows

    def do_receive(self, request, obj, data):
        registration.lpa_receive(
            lpa=obj,
            received_on=data["received_on"],
            signatures=data["signatures"],
            other_problems=data["problems"],
            actor=request.user,
            request=request,
        )
        return self._outcome(obj, f"LPA {obj.reference_display} received")

    def do_check(self, request, obj, data):
        registration.lpa_check(
            lpa=obj,
            signatures=data["signatures"],
            other_problems=data["problems"],
            actor=request.user,
            request=request,
        )
        return self._outcome(obj, f"LPA {obj.reference_display} checked")

    def _outcome(self, obj, start: str) -> str:
        obj.refresh_from_db()
        if obj.status == LpaStatus.IMPERFECT:
            return (
                f"{start}: imperfect, {len(obj.problems)} problem(s). The correspondent has "
                "been sent what must be corrected"
            )
        if obj.status == LpaStatus.PERFECT:
            return f"{start}: perfect. Give notice next"
        return f"{start}. Check the signing dates when you are ready"

    def do_notices(self, request, obj, data):
        sent, unsent = registration.lpa_notices_send(lpa=obj, actor=request.user, request=request)
        obj.refresh_from_db()
        text = (
            f"{sent} notice(s) sent. The waiting period ends on "
            f"{date_format(obj.waiting_period_ends_on)}"
        )
        if unsent:
            text += f". Send these by hand (their address cannot be printed): {', '.join(unsent)}"
        return text

    def do_register(self, request, obj, data):
        registration.lpa_register(lpa=obj, actor=request.user, request=request)
        return (
            f"LPA {obj.reference_display} registered. The stamped LPA is sent to the correspondent"
        )

    def do_status(self, request, obj, data):
        registration.lpa_status_change(
            lpa=obj, to=data["status"], reason=data["reason"], actor=request.user, request=request
        )
        obj.refresh_from_db()
        return f"LPA {obj.reference_display} is now {obj.get_status_display().lower()}"

    def do_objection(self, request, obj, data):
        objection = registration.objection_record(
            lpa=obj,
            received_on=data["received_on"],
            objection_type=data["objection_type"],
            notes=data["notes"],
            other_references=data["references"],
            actor=request.user,
            request=request,
        )
        count = objection.links.count()
        return f"Objection recorded against {count} LPA(s). It cannot be registered until it is resolved"

    def do_objection_resolve(self, request, obj, data):
        link = obj.objection_links.get(pk=data["link"])
        registration.objection_resolve(
            link=link,
            outcome=data["outcome"],
            notes=data["notes"],
            actor=request.user,
            request=request,
        )
        return f"Objection resolved: {ObjectionOutcome(data['outcome']).label.lower()}"

    # Receive a signed LPA: find it by reference or barcode -------------------------

    def extra_urls(self):
        return [
            path(
                "receive/",
                self.admin_site.admin_view(self.receive_find_view),
                name="lasting_power_lpa_receive_find",
            )
        ]

    def receive_find_view(self, request):
        """Type the reference or scan the barcode: a completed LPA opens its Receive page;
        anything else says why not, on the form."""
        if not request.user.has_perm(RECEIVE):
            raise PermissionDenied
        form = FindForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            lpa = registration.lpa_find_by_reference(form.cleaned_data["reference"])
            if lpa is None:
                form.add_error("reference", "No LPA has that reference. Check it and try again")
            elif lpa.status != LpaStatus.COMPLETED:
                change = reverse("admin:lasting_power_lpa_change", args=[lpa.pk])
                messages.info(
                    request,
                    f"LPA {lpa.reference_display} is {lpa.get_status_display().lower()}"
                    + (f" (received {date_format(lpa.received_on)})" if lpa.received_on else "")
                    + ": it cannot be received now",
                )
                return redirect(change)
            else:
                return redirect(self.action_url(lpa, "receive"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Receive a signed LPA",
            "form": form,
        }
        return render(request, "lasting_power/admin_receive_find.html", context)

    #: The list's template, whose block ``list_page_blocks`` draws (core/admin_page.py).
    list_page_drawn_from = "templates/lasting_power/admin_change_list.html"

    def list_page_blocks(self, context, request) -> dict[str, str]:
        from digital_services.core.admin_page import text

        if not context.get("may_receive"):
            return {}
        receive = text(context.get("receive_url"))
        return {
            "object_tools": f'<li><a href="{receive}" class="addlink">Receive a signed LPA</a></li>\n'
        }

    def changelist_view(self, request, extra_context=None):
        extra = {"receive_url": reverse("admin:lasting_power_lpa_receive_find")}
        extra["may_receive"] = request.user.has_perm(RECEIVE)
        return super().changelist_view(request, {**extra, **(extra_context or {})})

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
