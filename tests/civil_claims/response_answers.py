"""Answering the defendant's response journey through its pages with the test client."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from civil_claims.constants import ContactChannel, PartyType
from civil_claims.models import Claim

from .factories import defendant_draft
from .factories_defendant import claim_linked_to


def individual_defendant():
    """The defendant as an individual (the factories' default is a company)."""
    return defendant_draft(
        party_type=PartyType.INDIVIDUAL,
        name="Dee Fendant",
        first_name="Dee",
        last_name="Fendant",
        contact_person="",
        email="dee@example.com",
        contact_channel=ContactChannel.EMAIL,
        date_of_birth=dt.date(1985, 2, 3),
    )


def claim_against_individual(user) -> Claim:
    """An issued claim against an individual, linked to ``user``'s account."""
    return claim_linked_to(user, defendant=individual_defendant())


def step_url(slug: str) -> str:
    return reverse("civil_claims:response-step", kwargs={"step": slug})


def date_data(name: str, day: dt.date) -> dict:
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def response_begin(client, claim: Claim):
    """Press "Respond to the claim" on the claim's page."""
    response = client.get(reverse("civil_claims:respond-response-start", args=[claim.reference]))
    assert response.status_code == 302, response.status_code
    return response


def answer(client, slug: str, data: dict, *, expect_ok: bool = True):
    response = client.post(step_url(slug), data)
    if expect_ok:
        assert response.status_code == 302, (slug, _errors(response))
    return response


def items_add(client, slug: str, items: list[dict]) -> None:
    """Add each item of a repeating step, then say there are no more."""
    for item in items:
        response = client.post(
            reverse("civil_claims:response-item-add", kwargs={"step": slug}), item
        )
        assert response.status_code == 302, (slug, _errors(response))
    response = client.post(step_url(slug), {"add_another": "no"})
    assert response.status_code == 302, (slug, _errors(response))


def send(client):
    """Send from the check page; returns the response to the POST."""
    return client.post(reverse("civil_claims:response-check"), {})


def _errors(response) -> str:
    text = response.content.decode() if hasattr(response, "content") else ""
    start = text.find("govuk-error-summary")
    return text[start : start + 800] if start >= 0 else f"HTTP {response.status_code}"


DEFENCE_REST = [
    ("counterclaim", {"wants": "no"}),
]


def dispute_rest(client, *, mediation: bool = True) -> None:
    """The timeline, evidence, mediation and hearing questions of a disputed claim."""
    items_add(client, "timeline", [{"when": "March 2026", "what": "The work was finished badly"}])
    items_add(client, "evidence", [{"evidence_type": "photo", "description": "Photos of it"}])
    answer(
        client,
        "mediation",
        {"agrees": "yes", "phone": "07700 900 982"} if mediation else {"agrees": "no"},
    )
    answer(client, "dq-court", {"answer": "no"})
    answer(client, "dq-experts", {"answer": "no"})
    answer(client, "dq-witnesses", {"self_witness": "yes", "other_witnesses": "1"})
    answer(client, "dq-vulnerability", {"answer": "no"})
    items_add(client, "dq-unavailable-dates", [])


def sign(client, **extra) -> None:
    answer(client, "statement-of-truth", {"believed_true": "on", **extra})


def means_answers(client) -> None:
    """A whole statement of means."""
    items_add(
        client,
        "som-bank-accounts",
        [{"kind": "current", "joint": "no", "balance_pence": "120.50"}],
    )
    answer(client, "som-residence", {"kind": "private_rent"})
    answer(
        client,
        "som-dependants",
        {
            "under_11": "1",
            "age_11_to_15": "0",
            "age_16_to_19": "0",
            "in_education": "0",
            "disability": "no",
        },
    )
    answer(client, "som-other-dependants", {"number": "0", "carer": "no"})
    answer(client, "som-employment", {"status": "employed"})
    items_add(client, "som-employers", [{"employer": "Acme Ltd", "job_title": "Driver"}])
    items_add(
        client,
        "som-debts",
        [{"owed_to": "Big Card Co", "total_pence": "1500", "monthly_pence": "50"}],
    )
    items_add(client, "som-court-orders", [])
    answer(client, "som-priority-debts", {"council_tax": "20"})
    answer(client, "som-income", {"wages": "1800", "child_benefit": "100"})
    answer(client, "som-expenses", {"rent": "750", "food": "300", "gas": "60"})
    answer(client, "som-explanation", {"explanation": "My hours were cut this year"})
