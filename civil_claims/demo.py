"""Demo data for Make a money claim (``manage.py seed_demo``), safe to run again.

For the demo citizen: an issued claim (its fee remitted in full by Help with Fees, decided
by the demo caseworker, so no payment provider is needed) and a claim waiting for the
caseworker's Help with Fees decision. Both are made through the services, as the journey
and the caseworker would make them, and each is found again by its reason, so a second
run adds nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model

from .constants import ContactChannel, HwfOutcome, PartyType
from .interest import InterestAnswers, InterestEnd, InterestKind, InterestStart
from .models import Claim
from .service import SERVICE
from .services import ClaimDraft, PartyDraft, claim_hwf_decide, claim_submit

CITIZEN_EMAIL = "demo.citizen@example.com"
CASEWORKER_EMAIL = SERVICE.demo_users[0].email
ISSUED_REASON = "Demo claim: I paid for a roof repair in advance and it was never done."
HWF_REASON = "Demo claim: I paid a deposit for a kitchen that was never fitted."


def _claimant(user) -> PartyDraft:
    return PartyDraft(
        party_type=PartyType.INDIVIDUAL,
        name="Sam Citizen",
        first_name="Sam",
        last_name="Citizen",
        address_line_1="1 Demo Street",
        address_town="Leicester",
        address_postcode="LE1 1AA",
        email=user.email,
        contact_channel=ContactChannel.EMAIL,
        date_of_birth=dt.date(1985, 6, 1),
    )


def _defendant(name: str, contact: str, line_1: str, town: str, postcode: str) -> PartyDraft:
    return PartyDraft(
        party_type=PartyType.COMPANY,
        name=name,
        contact_person=contact,
        address_line_1=line_1,
        address_town=town,
        address_postcode=postcode,
        contact_channel=ContactChannel.LETTER,
    )


def _draft(user, *, reason: str, defendant: PartyDraft, rows, hwf_reference: str) -> ClaimDraft:
    return ClaimDraft(
        claimant=_claimant(user),
        defendant=defendant,
        amount_rows=rows,
        reason=reason,
        interest=InterestAnswers(
            kind=InterestKind.SAME_RATE,
            rate=Decimal("8"),
            start=InterestStart.SUBMISSION,
            end=InterestEnd.SETTLED,
        ),
        timeline=[("March 2026", "Paid in advance"), ("June 2026", "Work due to be finished")],
        evidence=[("contract", "Signed quote"), ("receipt", "Bank transfer receipt")],
        sot_signed=True,
        dispute_resolution_tried=True,
        hwf_reference=hwf_reference,
    )


def seed(stdout) -> None:
    if not settings.ACCOUNTS_DEMO_USERS:
        stdout.write("Money claims: demo data skipped (ACCOUNTS_DEMO_USERS is off).")
        return
    User = get_user_model()
    citizen = User.objects.filter(email=CITIZEN_EMAIL).first()
    caseworker = User.objects.filter(email=CASEWORKER_EMAIL).first()
    if citizen is None or caseworker is None:
        stdout.write("Money claims: demo users missing (run the accounts demo first).")
        return

    if not Claim.objects.filter(user=citizen, reason=ISSUED_REASON).exists():
        claim = claim_submit(
            draft=_draft(
                citizen,
                reason=ISSUED_REASON,
                defendant=_defendant(
                    "Bodge Builders Ltd", "Dee Fendant", "2 Low Road", "Cardiff", "CF10 1AA"
                ),
                rows=[("Roof repair paid in advance", 120_000), ("Tarpaulin I had to buy", 5_050)],
                hwf_reference="HWF-D3M-0A1",
            ),
            user=citizen,
        )
        claim_hwf_decide(claim=claim, outcome=HwfOutcome.FULL, actor=caseworker)
    if not Claim.objects.filter(user=citizen, reason=HWF_REASON).exists():
        claim_submit(
            draft=_draft(
                citizen,
                reason=HWF_REASON,
                defendant=_defendant(
                    "Kwik Kitchens Ltd", "Kit Chen", "9 Mill Lane", "Leeds", "LS2 7EY"
                ),
                rows=[("Deposit for a fitted kitchen", 250_000)],
                hwf_reference="HWF-D3M-0B2",
            ),
            user=citizen,
        )

    issued = Claim.objects.filter(user=citizen, reason=ISSUED_REASON).first()
    stdout.write(
        f"Money claims: for {CITIZEN_EMAIL}, claim {issued.reference_display} is issued and "
        f"another waits for a Help with Fees decision by {CASEWORKER_EMAIL}."
    )
