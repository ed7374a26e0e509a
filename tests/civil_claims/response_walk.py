"""The quality walk of the defendant's response journey (tests/quality/examples.py uses
these): a claim against an individual linked to a defendant's account, the walker signed in
as them and sent to the journey from the claim's page, and an example answer for each step
(a part admission paid by instalments with a statement of means, a counterclaim paid by card,
and the dispute's timeline, evidence, mediation and hearing questions)."""

from __future__ import annotations

from datetime import date, timedelta

WALK_EMAIL = "walk.defendant@example.com"


def _dates(name: str, value: date) -> dict:
    return {
        f"{name}_0": str(value.day),
        f"{name}_1": str(value.month),
        f"{name}_2": str(value.year),
    }


def _soon(days: int) -> date:
    from django.utils import timezone

    return timezone.localdate() + timedelta(days=days)


def response_walk_seed() -> None:
    """The fee bands, the walker's account and a claim against them they can respond to."""
    from django.contrib.auth import get_user_model

    from civil_claims.models import Claim
    from tests.accounts.factories import UserFactory
    from tests.quality.examples import _civil_claims_seed

    from .response_answers import claim_against_individual

    _civil_claims_seed()
    user = get_user_model().objects.filter(email=WALK_EMAIL).first() or UserFactory(
        email=WALK_EMAIL
    )
    if not Claim.objects.filter(
        parties__user=user, parties__role="defendant", responded_at__isnull=True
    ).exists():
        claim_against_individual(user)


def response_walk_enter(driver) -> None:
    """Sign in as the defendant and press "Respond to the claim" on the claim's page."""
    from django.urls import reverse

    from civil_claims.models import Claim
    from tests.accounts.factories import PASSWORD

    driver.goto(reverse("account_login"))
    driver.submit({"login": WALK_EMAIL, "password": PASSWORD})
    claim = (
        Claim.objects.filter(
            parties__user__email=WALK_EMAIL, parties__role="defendant", responded_at__isnull=True
        )
        .order_by("-pk")
        .first()
    )
    driver.goto(reverse("civil_claims:respond-response-start", args=[claim.reference]))


RESPONSE_EXAMPLES = {
    "response-type": {"response_type": "part_admission"},
    "part-paid-question": {"already_paid": "no"},
    "admitted-amount": {"amount_pence": "100.00"},
    "part-paid": lambda a: {
        "amount_pence": "50.00",
        **_dates("paid_on", _soon(-10)),
        "how": "Bank transfer",
    },
    "defence-type": {"defence_type": "dispute"},
    "defence-paid": lambda a: {
        "amount_pence": "50.00",
        **_dates("paid_on", _soon(-10)),
        "how": "Bank transfer",
    },
    "defence": {"defence": "Only half the work was done.", "impact": ""},
    "counterclaim": {"wants": "yes"},
    "counterclaim-details": {"amount_pence": "500.00", "reason": "They broke my fence."},
    "counterclaim-fee": {"how": "card", "hwf_reference": ""},
    "payment-option": {"option": "instalments"},
    "pay-by-date": lambda a: _dates("pay_by", _soon(60)),
    "instalments": lambda a: {
        "amount_pence": "10.00",
        "frequency": "monthly",
        **_dates("first_date", _soon(30)),
    },
    "company-finances": {"will_send": "on"},
    "som-bank-accounts": [{"kind": "current", "joint": "no", "balance_pence": "120.50"}],
    "som-residence": {"kind": "private_rent", "other": ""},
    "som-dependants": {
        "under_11": "1",
        "age_11_to_15": "0",
        "age_16_to_19": "0",
        "in_education": "0",
        "disability": "no",
    },
    "som-other-dependants": {"number": "0", "details": "", "carer": "no"},
    "som-employment": {"status": "employed"},
    "som-employers": [{"employer": "Acme Ltd", "job_title": "Driver"}],
    "som-self-employment": {"job_title": "Painter", "turnover_pence": "12000"},
    "som-unemployment": {"years": "0", "months": "6"},
    "som-debts": [{"owed_to": "Big Card Co", "total_pence": "1500", "monthly_pence": "50"}],
    "som-court-orders": [{"claim_number": "123MC456", "owed_pence": "300", "monthly_pence": "20"}],
    "som-priority-debts": {"council_tax": "20"},
    "som-income": {"wages": "1800"},
    "som-expenses": {"rent": "750", "food": "300"},
    "som-explanation": {"explanation": "My hours were cut this year."},
    "timeline": [{"when": "March 2026", "what": "The work was finished badly."}],
    "evidence": [{"evidence_type": "photo", "description": "Photos of the work."}],
    "mediation": {"agrees": "yes", "phone": "07700 900 982"},
    "dq-court": {"answer": "no", "details": ""},
    "dq-experts": {"answer": "no", "details": ""},
    "dq-witnesses": {"self_witness": "yes", "other_witnesses": "1"},
    "dq-vulnerability": {"answer": "no", "details": ""},
    "dq-unavailable-dates": lambda a: [_dates("day", _soon(40))],
    "statement-of-truth": {"believed_true": "on"},
}
