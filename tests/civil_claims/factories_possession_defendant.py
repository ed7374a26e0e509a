"""Issued possession claims with a defendant's access code, and a tenant linked to one, for
the tenant's tests (fixed answers, no randomness)."""

from __future__ import annotations

import datetime as dt

from civil_claims.possession_constants import PossessionStatus
from civil_claims.services.defendant import possession_access_code_issue
from civil_claims.services.issue import claim_number_next

from .factories_possession import possession_claim


def possession_claim_issued(*, issue_date: dt.date | None = None, user=None, **fields):
    """An issued possession claim (a claim number from the shared sequence), arrears of
    £2,850.00 on ground 8."""
    issue_date = issue_date or dt.date.today()
    values = {
        "status": PossessionStatus.ISSUED,
        "claim_number": claim_number_next(),
        "issue_date": issue_date,
        "arrears_total_pence": 285000,
        "notice_served": True,
        "notice_type": "section_8",
        "notice_method": "post",
        "notice_served_on": dt.date(2026, 9, 1),
    }
    values.update(fields)
    return possession_claim(user=user, **values)


def tenant_code(claim) -> str:
    """A fresh access code for the claim's first defendant (as the claim pack would carry)."""
    return possession_access_code_issue(party=claim.defendants[0])


def possession_claim_linked_to(user, **fields):
    """An issued possession claim whose first defendant is linked to ``user``'s account
    through an access code (the service's own link)."""
    from civil_claims.services.defendant import defendant_access_check, defendant_claim_link

    claim = possession_claim_issued(**fields)
    access = defendant_access_check(
        claim_number=claim.claim_number, code=tenant_code(claim), possession=True
    )
    defendant_claim_link(access_code_id=access.pk, user=user)
    claim.refresh_from_db()
    return claim
