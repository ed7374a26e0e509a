"""The tenant's side on a possession claim's case page: each defendant's response (what
they confirmed or corrected, the dispute, payments and offer, household, money, support,
advice, statement of truth) with any counterclaim, and their general applications."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from digital_services.core.admin_lists import admin_table as _rows
from digital_services.core.dates import date_format
from digital_services.core.money import pence_format


def _money(pence) -> str:
    return pence_format(pence) if pence is not None else ""


def _response_rows(response) -> list[tuple[str, str]]:
    r = response
    rows = [
        ("Sent", f"{date_format(r.submitted_at)} by {r.party.name}"),
        ("Name", "Correct" if r.name_correct else f"Corrected: {r.correct_name}"),
        ("Address", "Correct" if r.address_correct else f"Corrected: {r.correct_address}"),
        ("Date of birth", date_format(r.date_of_birth) if r.date_of_birth else ""),
        (
            "Tenancy start date",
            r.get_tenancy_start_correct_display()
            + (f": {date_format(r.tenancy_start_date)}" if r.tenancy_start_date else ""),
        ),
        (
            "Tenancy type",
            r.get_tenancy_type_correct_display()
            + (f": {r.tenancy_type_details}" if r.tenancy_type_details else ""),
        ),
        (
            "Notice received",
            r.get_notice_received_display()
            + (f" on {date_format(r.notice_received_on)}" if r.notice_received_on else ""),
        ),
        (
            "Arrears figure correct",
            r.get_arrears_correct_display()
            + (
                f": says {_money(r.arrears_owed_pence)}" if r.arrears_owed_pence is not None else ""
            ),
        ),
        ("Disputes the claim", f"Yes: {r.dispute_details}" if r.disputes_claim else "No"),
        ("Paid since the claim", r.paid_details if r.paid_since_claim else "No"),
        ("Repayment plan agreed", r.plan_details if r.plan_agreed else "No"),
        (
            "Instalment offer",
            f"{_money(r.instalment_pence)} {r.get_instalment_frequency_display().lower()}"
            if r.instalment_offered
            else "None",
        ),
        (
            "Household",
            f"{r.dependants} dependants, {r.other_adults} other adults; Universal Credit: "
            f"{r.get_universal_credit_display()}",
        ),
        ("Exceptional hardship", r.hardship_details if r.exceptional_hardship else "No"),
        (
            "Income and expenses a month",
            f"{_money(r.monthly_income_pence)} in, {_money(r.monthly_expenses_pence)} out",
        ),
        (
            "Priority debts",
            f"{_money(r.priority_debts_pence)}: {r.priority_debts_details}"
            if r.priority_debts
            else "None",
        ),
        ("Support or adjustments", r.adjustments if r.adjustments_needed else "None"),
        ("Legal advice", r.get_legal_advice_display()),
        ("Statement of truth", f"Signed by {r.sot_signer_name}"),
    ]
    counterclaim = getattr(r, "counterclaim", None)
    if counterclaim is not None:
        rows.append(
            (
                "Counterclaim",
                f"{counterclaim.get_kind_display()}"
                + (f", {_money(counterclaim.amount_pence)}" if counterclaim.amount_pence else "")
                + f": {counterclaim.details}. Fee {_money(counterclaim.fee_pence)}"
                + (
                    f", Help with Fees {counterclaim.hwf_reference}"
                    if counterclaim.hwf_reference
                    else ""
                )
                + f" ({counterclaim.get_status_display()})",
            )
        )
        if counterclaim.refunded_pence:
            rows.append(
                ("Fee refunded", f"{_money(counterclaim.refunded_pence)} refunded to the card")
            )
        url = reverse("admin:civil_claims_possessioncounterclaim_change", args=[counterclaim.pk])
        rows.append(("", format_html('<a href="{}">Open the counterclaim</a>', url)))
    return rows


def possession_court_next_step(claim) -> str:
    """Where the claim is and what the court does next, in words for a caseworker (the
    claim's parties, responses, counterclaims, hearings and applications prefetched)."""
    from ..possession_constants import RESPONDED, PossessionStatus
    from ..possession_response_constants import ApplicationStatus, CounterclaimStatus

    answered = [(p, r) for p in claim.parties.all() if (r := getattr(p, "response", None))]
    responses = [r for _, r in answered]
    defendants = [p for p in claim.parties.all() if p.role == "defendant"]
    steps = []
    if claim.status in RESPONDED:
        disputed = [p.name for p, r in answered if r.disputes_claim]
        steps.append(
            f"Defence received from {', '.join(disputed)}."
            if disputed
            else "Response received: the claim is not disputed."
        )
        if len(responses) < len(defendants):
            steps.append(f"{len(defendants) - len(responses)} defendant(s) yet to respond.")
    reviews = [
        r.counterclaim
        for r in responses
        if getattr(r, "counterclaim", None) is not None
        and r.counterclaim.status == CounterclaimStatus.PENDING_REVIEW
    ]
    if reviews:
        steps.append(f"Counterclaims to review: {len(reviews)}.")
    to_decide = [a for a in claim.applications.all() if a.status == ApplicationStatus.ISSUED]
    if to_decide:
        steps.append(f"Applications to decide: {len(to_decide)}.")
    listed = [h for h in claim.hearings.all() if h.status == "listed"]
    if listed:
        steps.append(f"Hearing listed: {listed[0]}.")
    elif claim.status in (PossessionStatus.ISSUED, PossessionStatus.HEARING_ADJOURNED, *RESPONDED):
        steps.append("Next: list a hearing.")
    return " ".join(steps) or claim.get_status_display()


#: What a possession claim's parties join in: each defendant's response and counterclaim.
TENANT_PARTY_JOINS = ("response", "response__counterclaim")


class PossessionTenantAdminMixin:
    """Adds ``tenant_responses`` and ``tenant_applications`` to the case page."""

    @admin.display(description="Defendants’ responses")
    def tenant_responses(self, obj):
        responses = sorted(
            (r for p in obj.parties.all() if (r := getattr(p, "response", None)) is not None),
            key=lambda r: r.submitted_at or r.created_at,
        )
        if not responses:
            return "None yet"
        return format_html_join(
            mark_safe(""), "{}", ((_rows(_response_rows(r)),) for r in responses)
        )

    @admin.display(description="Next step")
    def court_next_step(self, obj):
        return possession_court_next_step(obj)

    @admin.display(description="Defendants’ applications")
    def tenant_applications(self, obj):
        applications = sorted(obj.applications.all(), key=lambda a: a.created_at)
        if not applications:
            return "None"
        return _rows(
            [
                (
                    format_html(
                        '<a href="{}">{}</a>',
                        reverse("admin:civil_claims_possessionapplication_change", args=[a.pk]),
                        date_format(a.created_at),
                    ),
                    a.party.name,
                    a.get_kind_display(),
                    a.details,
                    (
                        f"Fee {_money(a.fee_pence)}"
                        + (f", Help with Fees {a.hwf_reference}" if a.hwf_reference else "")
                        + (f", paid {_money(a.amount_paid_pence)}" if a.amount_paid_pence else "")
                    )
                    if a.fee_pence
                    else "No fee",
                    a.get_status_display(),
                )
                for a in applications
            ]
        )
