"""Valid answers to each step of the tenant's response journey, and how the quality walk
gets a tenant to it (a signed-in account with an issued possession claim linked through
its access code): kept with the tests, used by tests/quality/examples.py and the tenant's
own tests."""

from __future__ import annotations

from digital_services.journeys.definitions import Answers

JOURNEY_KEY = "money-claims/possession-response"
WALK_EMAIL = "tenant.walk@example.com"
WALK_PASSWORD = "a-long-tenant-walk-password-1"
#: The claim number and code the seed made (the code is known only when it is made).
_WALK: dict[str, str] = {}


def _claim(answers: Answers) -> dict:
    return {"claim_number": _WALK.get("claim_number", "000MC001")}


RESPONSE_ANSWERS = {
    "claim": _claim,
    "your-details": {
        "name_correct": "yes",
        "correct_name": "",
        "address_correct": "no",
        "correct_address": "Flat 3, 10 High Street, Leeds LS1 4AB",
        "date_of_birth_0": "14",
        "date_of_birth_1": "2",
        "date_of_birth_2": "1988",
    },
    "tenancy": {
        "start_correct": "no",
        "start_date_0": "1",
        "start_date_1": "7",
        "start_date_2": "2023",
        "type_correct": "yes",
        "type_details": "",
    },
    "notice": {
        "received": "yes",
        "received_on_0": "3",
        "received_on_1": "9",
        "received_on_2": "2026",
    },
    "arrears": {"correct": "no", "owed": "1,900.00"},
    "payments": {
        "paid_since": "yes",
        "paid_details": "£300 on 1 November 2026",
        "plan_agreed": "no",
        "plan_details": "",
    },
    "instalments": {"offer": "yes", "amount": "25.00", "frequency": "weekly"},
    "dispute": {"disputes": "yes", "details": "The boiler was broken for 3 months."},
    "household": {
        "dependants": "2",
        "other_adults": "0",
        "universal_credit": "applied",
        "hardship": "yes",
        "hardship_details": "My son has a disability and goes to the school nearby.",
    },
    "money": {
        "income": "1,450.00",
        "expenses": "1,300.00",
        "priority_debts": "yes",
        "priority_total": "420.00",
        "priority_details": "Council tax arrears",
    },
    "adjustments": {"needed": "yes", "details": "Step-free access"},
    "legal-advice": {"advice": "not_yet"},
    "counterclaim": {
        "wants": "yes",
        "kind": "money",
        "amount": "1,200.00",
        "details": "Disrepair: the boiler was broken for 3 months.",
    },
    "counterclaim-fee": {"how": "hwf", "hwf_reference": "HWF-A1B-23C"},
    "statement-of-truth": {"believed_true": "on", "signer_name": "Terry Tenant"},
}


def response_walk_seed() -> None:
    """A tenant's account and an issued possession claim with a live access code for its
    defendant (idempotent within one database), with the fees the counterclaim needs."""
    import importlib
    from types import SimpleNamespace

    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.db import connection

    from civil_claims.models import PossessionClaim

    from .factories_possession_defendant import possession_claim_issued, tenant_code

    for name, seed in (
        ("0002_issue_fee_bands_seed", "bands_seed"),
        ("0008_possession_claims", "possession_fees_seed"),
        ("0013_possession_tenant_response", "tenant_fees_seed"),
    ):
        module = importlib.import_module(f"civil_claims.migrations.{name}")
        getattr(module, seed)(apps, SimpleNamespace(connection=connection))
    user_model = get_user_model()
    if not user_model.objects.filter(email=WALK_EMAIL).exists():
        user = user_model.objects.create_user(email=WALK_EMAIL, password=WALK_PASSWORD)
        _verified(user)
    claim = PossessionClaim.objects.filter(claim_number=_WALK.get("claim_number")).first()
    if claim is None or not claim.defendants[0].access_codes.filter(used_at__isnull=True):
        claim = possession_claim_issued()
        _WALK.update(claim_number=claim.claim_number, code=tenant_code(claim))


def _verified(user) -> None:
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )


def response_walk_enter(driver) -> None:
    """Sign in as the tenant and link the claim with its code, as a tenant would."""
    from django.urls import reverse

    driver.goto(reverse("account_login"))
    driver.submit({"login": WALK_EMAIL, "password": WALK_PASSWORD})
    driver.goto(reverse("civil_claims:possession-respond-start"))
    driver.submit({"claim_number": _WALK["claim_number"], "access_code": _WALK["code"]})
