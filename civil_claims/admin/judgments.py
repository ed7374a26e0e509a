"""Judgments in the staff pages: the queue of judgments requested (to enter on the register),
each judgment's page with its total worked out, the action "Enter the judgment", and the
judgment register export (CSV; docs/civil-claims-judgment-register.md): judgments entered,
and those marked paid, saying whether they were paid within a month (then taken off the
register)."""

from __future__ import annotations

import csv
import datetime as dt

from django.contrib import admin
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from digital_services.audit.admin import CaseHistoryAdmin
from digital_services.audit.services import audit_record
from digital_services.core.admin_lists import admin_table
from digital_services.core.dates import date_format
from digital_services.core.money import pence_format

from ..constants import (
    AUDIT_SERVICE,
    JUDGMENT_REGISTER_PAID_DAYS,
    ClaimStatus,
    JudgmentStatus,
)
from ..models import Judgment
from ..services.judgment import judgment_enter
from ..services.plans import plan_words
from .common import ActionViewsMixin, ReadOnlyMixin, buttons, csv_safe
from .forms import ConfirmForm

ENTER = "civil_claims.change_judgment"
EXPORT = "civil_claims.export_claim"

REGISTER_COLUMNS = (
    "claim_number",
    "judgment_type",
    "requested_on",
    "entered_on",
    "defendant_type",
    "defendant_name",
    "defendant_address",
    "defendant_postcode",
    "defendant_date_of_birth",
    "total",
    "payment_option",
    "instalment_amount",
    "instalment_frequency",
    "first_instalment_on",
    "pay_by",
    "paid_on",
    "register_status",
)


def paid_within_a_month(judgment: Judgment) -> bool:
    """Paid in full within 30 days of being entered: it is taken off the register."""
    return bool(
        judgment.paid_at
        and judgment.entered_at
        and judgment.paid_at <= judgment.entered_at + dt.timedelta(days=JUDGMENT_REGISTER_PAID_DAYS)
    )


def register_status(judgment: Judgment) -> str:
    if judgment.status == JudgmentStatus.PAID:
        return "removed_paid_within_month" if paid_within_a_month(judgment) else "satisfied"
    return "on_register"


def _date(value) -> str:
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date()
    return value.isoformat() if value else ""


def judgment_register_row(judgment: Judgment) -> list[str]:
    defendant = judgment.claim.defendant
    address = "; ".join(
        line
        for line in (defendant.address_line_1, defendant.address_line_2, defendant.address_town)
        if line
    )
    instalments = judgment.instalment_amount_pence
    return [
        judgment.claim.claim_number,
        judgment.kind,
        _date(judgment.requested_at),
        _date(judgment.entered_at),
        defendant.party_type,
        defendant.display_name,
        address,
        defendant.address_postcode,
        _date(judgment.defendant_date_of_birth or defendant.date_of_birth),
        pence_format(judgment.total_pence, plain=True),
        judgment.payment_option,
        pence_format(instalments, plain=True) if instalments else "",
        judgment.instalment_frequency,
        _date(judgment.instalment_first_date),
        _date(judgment.pay_by_date),
        _date(judgment.paid_at),
        register_status(judgment),
    ]


def judgment_register_response(*, request, queryset) -> HttpResponse:
    """The entered and paid judgments among ``queryset`` as CSV, by date entered and claim
    number (requested and set-aside ones are left out). Audited with the number of rows."""
    judgments = (
        queryset.filter(status__in=(JudgmentStatus.ENTERED, JudgmentStatus.PAID))
        .select_related("claim")
        .prefetch_related("claim__parties")
        .order_by("entered_at", "claim__claim_number")
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="judgment-register-{timezone.localdate().isoformat()}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(REGISTER_COLUMNS)
    count = 0
    for judgment in judgments:
        writer.writerow([csv_safe(cell) for cell in judgment_register_row(judgment)])
        count += 1
    audit_record(
        action="claim.judgment_register_exported",
        actor=request.user,
        request=request,
        service=AUDIT_SERVICE,
        detail={"rows": count},
    )
    return response


class JudgmentQueueFilter(admin.SimpleListFilter):
    title = "queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [
            ("requested", "Judgments requested"),
            ("entered", "On the register"),
            ("paid_within_month", "Paid within a month"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "requested":
            return queryset.filter(
                status=JudgmentStatus.REQUESTED, claim__status=ClaimStatus.JUDGMENT_REQUESTED
            ).order_by("requested_at", "id")
        if self.value() == "entered":
            return queryset.filter(status=JudgmentStatus.ENTERED)
        if self.value() == "paid_within_month":
            ids = [
                j.pk for j in queryset.filter(status=JudgmentStatus.PAID) if paid_within_a_month(j)
            ]
            return queryset.filter(pk__in=ids)
        return queryset


@admin.register(Judgment)
class JudgmentAdmin(ActionViewsMixin, ReadOnlyMixin, CaseHistoryAdmin):
    list_display = (
        "claim_number",
        "kind",
        "status",
        "total",
        "requested_at",
        "entered_at",
        "paid_at",
    )
    list_filter = (JudgmentQueueFilter, "kind", "status")
    list_select_related = ("claim",)
    search_fields = ("claim__claim_number", "claim__reference")
    ordering = ("-requested_at",)
    fields = (
        "claim_link",
        "claim_status",
        "kind",
        "status",
        "staff_actions",
        "figures",
        "how_to_pay",
        "defendant_date_of_birth",
        "redetermination",
        "dates",
    )
    readonly_fields = fields
    actions = ["export_register_csv"]
    action_views = {
        "enter": (ENTER, ConfirmForm, "Enter the judgment on the register", "do_enter"),
    }

    def has_export_permission(self, request):
        return request.user.has_perm(EXPORT)

    @admin.action(description="Export the judgment register (CSV)", permissions=["export"])
    def export_register_csv(self, request, queryset):
        return judgment_register_response(request=request, queryset=queryset)

    @admin.display(description="Claim", ordering="claim__claim_number")
    def claim_number(self, obj):
        return obj.claim.reference_display

    @admin.display(description="Total", ordering="total_pence")
    def total(self, obj):
        return pence_format(obj.total_pence)

    @admin.display(description="Claim")
    def claim_link(self, obj):
        url = reverse("admin:civil_claims_claim_change", args=[obj.claim_id])
        return format_html('<a href="{}">{}</a>', url, obj.claim.reference_display)

    @admin.display(description="Claim status")
    def claim_status(self, obj):
        return obj.claim.get_status_display()

    @admin.display(description="Actions")
    def staff_actions(self, obj):
        links = []
        if (
            obj.status == JudgmentStatus.REQUESTED
            and obj.claim.status == ClaimStatus.JUDGMENT_REQUESTED
        ):
            links.append((self.action_url(obj, "enter"), "Enter the judgment"))
        return buttons(links)

    @admin.display(description="Total worked out")
    def figures(self, obj):
        rows = []
        if obj.claim_amount_pence:
            rows = [
                ("Amount claimed", pence_format(obj.claim_amount_pence)),
                (f"Interest to {date_format(obj.interest_to)}", pence_format(obj.interest_pence)),
                ("Court fee paid", pence_format(obj.fee_paid_pence)),
                ("Minus already paid", pence_format(obj.amount_already_paid_pence)),
            ]
        return admin_table([*rows, ("Total", pence_format(obj.total_pence))])

    @admin.display(description="To be paid")
    def how_to_pay(self, obj):
        return plan_words(obj)

    @admin.display(description="Redetermination")
    def redetermination(self, obj):
        if not obj.redetermination_requested_at:
            return "–"
        return (
            f"Asked for by the {obj.redetermination_requested_by_role} on "
            f"{date_format(obj.redetermination_requested_at)}: {obj.redetermination_reason}"
        )

    @admin.display(description="Dates")
    def dates(self, obj):
        fmt = lambda d: date_format(d) if d else "–"  # noqa: E731
        return admin_table(
            [
                ("Requested", fmt(obj.requested_at)),
                ("Entered", f"{fmt(obj.entered_at)} by {obj.entered_by or '–'}"),
                ("Paid", fmt(obj.paid_at)),
            ]
        )

    def action_summary(self, obj, slug):
        return [
            ("Claim", obj.claim.reference_display),
            ("Judgment", obj.get_kind_display()),
            ("Total", pence_format(obj.total_pence)),
            ("To be paid", plan_words(obj)),
        ]

    def do_enter(self, request, obj, data):
        judgment_enter(judgment=obj, actor=request.user, request=request)
        return "Judgment entered on the register. Both parties have been told."
