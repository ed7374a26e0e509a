"""make bench: a data set of money claims and the caseworkers' queues to measure.

``seed`` tops the data up to 200,000 × ``scale`` claims, each with its two parties and
one amount row, written in BULK (``bulk_create``), not through ``services`` (issuing
200,000 claims would measure the PDF maker and the outbox, not the pages). Every 20th
claim waits for a Help with Fees decision, every 50th is stayed, and every 30th issued
claim has a letter to review, so the queues have rows. Calling it again with a larger
scale adds only the difference.
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from digital_services.core.references import reference_for_number

from .constants import ClaimStatus, ContactChannel, PartyRole, PartyType
from .deadlines import deemed_service_date, response_deadline_for
from .models import AmountRow, Claim, PaperCorrespondence, Party
from .services import claim_number_format

PER_SCALE = 200_000
BATCH = 2_000
PREFIX = "CB"
BENCH_NUMBERS_FROM = 500_000


def _status(n: int) -> str:
    if n % 20 == 7:
        return ClaimStatus.HWF_PENDING
    if n % 50 == 3:
        return ClaimStatus.STAYED
    return ClaimStatus.OPEN


def seed(*, scale: float, stdout) -> None:
    target = int(PER_SCALE * scale)
    existing = Claim.objects.filter(reference__startswith=PREFIX).count()
    if existing >= target:
        return
    today = timezone.localdate()
    now = timezone.now()
    for start in range(existing, target, BATCH):
        numbers = range(start, min(start + BATCH, target))
        claims = []
        for n in numbers:
            status = _status(n)
            issued = status != ClaimStatus.HWF_PENDING
            issue_date = today - dt.timedelta(days=n % 60)
            claims.append(
                Claim(
                    reference=f"{PREFIX}{reference_for_number(n, length=8)}",
                    # Bench numbers from 500MC000 up, clear of the sequence's own.
                    claim_number=claim_number_format(BENCH_NUMBERS_FROM + n) if issued else None,
                    reason="Bench claim: unpaid invoice",
                    amount_pence=120_000,
                    fee_pence=8_000,
                    fee_basis_pence=120_000,
                    amount_paid_pence=0 if status == ClaimStatus.HWF_PENDING else 8_000,
                    hwf_reference="HWF-A1B-2C3" if status == ClaimStatus.HWF_PENDING else "",
                    sot_signed=True,
                    status=status,
                    submitted_at=now,
                    issued_at=now if issued else None,
                    issue_date=issue_date if issued else None,
                    deemed_service_date=deemed_service_date(issue_date) if issued else None,
                    response_deadline=response_deadline_for(issue_date) if issued else None,
                    stay_reason="Bench stay" if status == ClaimStatus.STAYED else "",
                )
            )
        claims = Claim.objects.bulk_create(claims)
        parties, rows, letters = [], [], []
        for n, claim in zip(numbers, claims, strict=True):
            for role, name in (
                (PartyRole.CLAIMANT, "Bench Claimant"),
                (PartyRole.DEFENDANT, "Bench Ltd"),
            ):
                parties.append(
                    Party(
                        claim=claim,
                        role=role,
                        party_type=PartyType.INDIVIDUAL
                        if role == PartyRole.CLAIMANT
                        else PartyType.COMPANY,
                        name=f"{name} {n}",
                        address_line_1="1 Bench Street",
                        address_town="Leeds",
                        address_postcode="LS1 1AA",
                        email=f"bench{n}@example.com" if role == PartyRole.CLAIMANT else "",
                        contact_channel=ContactChannel.EMAIL
                        if role == PartyRole.CLAIMANT
                        else ContactChannel.LETTER,
                    )
                )
            rows.append(AmountRow(claim=claim, position=1, reason="Invoice", amount_pence=120_000))
            if claim.claim_number and n % 30 == 1:
                letters.append(
                    PaperCorrespondence(
                        claim=claim, kind="other", received_on=today, description="Bench letter"
                    )
                )
        Party.objects.bulk_create(parties)
        AmountRow.objects.bulk_create(rows)
        PaperCorrespondence.objects.bulk_create(letters)
    stdout.write(f"  money claims: {target} claims with parties (bulk)\n")


PAGES = [
    {
        "name": "money claims: Help with Fees to decide",
        "path": lambda: reverse("admin:civil_claims_claim_changelist") + "?queue=hwf",
        "who": "staff",
    },
    {
        "name": "money claims: issued today",
        "path": lambda: reverse("admin:civil_claims_claim_changelist") + "?queue=issued_today",
        "who": "staff",
    },
    {
        "name": "money claims: paper correspondence to review",
        "path": lambda: (
            reverse("admin:civil_claims_papercorrespondence_changelist") + "?status__exact=received"
        ),
        "who": "staff",
    },
]
