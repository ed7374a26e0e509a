"""Rows of the money-claim admin models for the admin query tests
(``tests/quality/queries/seed.py`` reads ``SEEDERS`` from here)."""

import datetime as dt

from civil_claims.models import PaperCorrespondence
from civil_claims.services import claim_issue

from .factories import claim_submitted


def claims_seed(n: int) -> list:
    return [claim_issue(claim=claim_submitted()) for _ in range(n)]


def correspondence_seed(n: int) -> list:
    return [
        PaperCorrespondence.objects.create(
            claim=claim, kind="other", received_on=dt.date(2026, 12, 1), description="A letter"
        )
        for claim in claims_seed(n)
    ]


SEEDERS = {
    "civil_claims.Claim": claims_seed,
    "civil_claims.PaperCorrespondence": correspondence_seed,
}
