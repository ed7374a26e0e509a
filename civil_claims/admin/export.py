"""The CSV export of issued claims for the court's case-management system.

The layout is documented in docs/civil-claims-export.md: one row per issued claim,
columns in ``EXPORT_COLUMNS`` order, money in pounds with two decimals and no £ sign,
dates as YYYY-MM-DD. Cells that a spreadsheet would read as a formula are prefixed
with an apostrophe.
"""

from __future__ import annotations

import csv

from django.http import HttpResponse
from django.utils import timezone

from digital_services.audit.services import audit_record
from digital_services.core.money import pence_format

from ..constants import AUDIT_SERVICE
from ..models import Claim
from .common import csv_safe

EXPORT_COLUMNS = (
    "claim_number",
    "issue_date",
    "status",
    "claimant_type",
    "claimant_name",
    "claimant_address",
    "claimant_postcode",
    "defendant_type",
    "defendant_name",
    "defendant_address",
    "defendant_postcode",
    "amount_claimed",
    "interest_to_issue",
    "interest_daily",
    "court_fee",
    "fee_paid",
    "help_with_fees_reference",
    "total_claimed",
    "deemed_service_date",
    "response_deadline",
)


def _date(value) -> str:
    return value.isoformat() if value else ""


def claim_export_row(claim: Claim) -> list[str]:
    claimant, defendant = claim.claimant, claim.defendant

    def address(party):
        return "; ".join(
            line
            for line in (party.address_line_1, party.address_line_2, party.address_town)
            if line
        )

    return [
        claim.claim_number,
        _date(claim.issue_date),
        claim.status,
        claimant.party_type,
        claimant.display_name,
        address(claimant),
        claimant.address_postcode,
        defendant.party_type,
        defendant.display_name,
        address(defendant),
        defendant.address_postcode,
        pence_format(claim.amount_pence, plain=True),
        pence_format(claim.interest_to_date_pence, plain=True),
        pence_format(claim.continuing_daily_pence, plain=True),
        pence_format(claim.fee_pence, plain=True),
        pence_format(claim.amount_paid_pence, plain=True),
        claim.hwf_reference,
        pence_format(claim.total_claimed_pence, plain=True),
        _date(claim.deemed_service_date),
        _date(claim.response_deadline),
    ]


def claims_export_response(*, request, queryset) -> HttpResponse:
    """The issued claims among ``queryset`` as CSV (claims not yet issued are left out),
    in issue date and claim number order. Audited with the number of rows."""
    claims = (
        queryset.filter(claim_number__isnull=False)
        .prefetch_related("parties")
        .order_by("issue_date", "claim_number")
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="issued-claims-{timezone.localdate().isoformat()}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    for claim in claims.iterator(chunk_size=500):
        writer.writerow([csv_safe(cell) for cell in claim_export_row(claim)])
        count += 1
    audit_record(
        action="claim.exported",
        actor=request.user,
        request=request,
        service=AUDIT_SERVICE,
        detail={"rows": count},
    )
    return response
