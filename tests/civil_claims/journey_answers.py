"""Answers for the money claim journey through the test client, step by step (test data)."""

from __future__ import annotations

import re

from django.urls import reverse

CLAIMANT = {
    "first_name": "Sam",
    "last_name": "Claimant",
    "date_of_birth_0": "3",
    "date_of_birth_1": "4",
    "date_of_birth_2": "1980",
    "line_1": "1 High Street",
    "line_2": "",
    "town": "Leeds",
    "postcode": "ls1 1aa",
    "phone": "",
}
DEFENDANT = {
    "title": "Mr",
    "first_name": "Dan",
    "last_name": "Defendant",
    "line_1": "2 Low Road",
    "line_2": "",
    "town": "Cardiff",
    "postcode": "CF10 1AA",
}
CONTACT_EMAIL = {"contact": "email", "email": "sam@example.com"}
CONTACT_POST = {
    "contact": "post",
    "address_line_1": "1 High Street",
    "address_town": "Leeds",
    "address_postcode": "LS1 1AA",
}


def step_url(step: str) -> str:
    return reverse("civil_claims:claim-step", args=[step])


def errors(response) -> str:
    body = response.content.decode()
    return " | ".join(re.findall(r'<a href="#[^"]*">([^<]+)</a>', body)) or body[:500]


def answer(client, step: str, data: dict) -> str:
    response = client.post(step_url(step), data)
    assert response.status_code == 302, errors(response)
    return response["Location"]


def add_items(client, step: str, items: list[dict]) -> None:
    for item in items:
        response = client.post(reverse("civil_claims:claim-item-add", args=[step]), item)
        assert response.status_code == 302, errors(response)
    response = client.post(step_url(step), {"add_another": "no"})
    assert response.status_code == 302, errors(response)


def answer_parties(client, *, contact=CONTACT_EMAIL) -> None:
    answer(client, "claimant-type", {"party_type": "individual"})
    answer(client, "claimant", CLAIMANT)
    answer(client, "claimant-correspondence", {"different": "no"})
    answer(client, "contact", contact)
    answer(client, "defendant-type", {"party_type": "individual"})
    answer(client, "defendant", DEFENDANT)
    answer(client, "defendant-correspondence", {"different": "no"})
    answer(client, "defendant-contact", {"email": "dan@example.com", "phone": ""})


def answer_amount(client, rows=(("Unpaid invoice", "1000.00"),)) -> None:
    add_items(client, "amount", [{"reason": r, "amount_pence": a} for r, a in rows])


def answer_interest(client, kind="none", **steps) -> None:
    answer(client, "interest", {"kind": kind})
    for step, data in steps.items():
        answer(client, step.replace("_", "-"), data)


def answer_rest(client, *, how="card", party_type="individual") -> None:
    answer(client, "fee", {"how": how})
    if how == "hwf":
        answer(client, "hwf-reference", {"reference": "hwf a1b 23c"})
    answer(client, "reason", {"reason": "They did not pay my invoice for building work."})
    answer(client, "resolving", {"tried": "yes"})
    add_items(client, "timeline", [{"when": "5 April 2024", "what": "I sent the invoice"}])
    add_items(client, "evidence", [{"evidence_type": "receipt", "description": "The invoice"}])
    sot = {"believed_true": "on"}
    if party_type in ("company", "organisation"):
        sot.update(signer_name="Pat Signer", signer_role="Director")
    answer(client, "statement-of-truth", sot)


def answer_whole_claim(client, *, contact=CONTACT_EMAIL, how="card") -> None:
    answer_parties(client, contact=contact)
    answer_amount(client)
    answer_interest(client)
    answer_rest(client, how=how)


def eligibility_answers() -> dict[str, str]:
    """A passing answer to every eligibility question."""
    from civil_claims.journeys.eligibility import QUESTIONS

    return {
        question.slug: next(value for value, _ in question.choices if value not in question.exits)
        for question in QUESTIONS
    }


def eligibility_pass(client) -> None:
    """Answer every eligibility question as someone who can use the service."""
    for slug, value in eligibility_answers().items():
        response = client.post(reverse(f"civil_claims:eligibility-{slug}"), {"answer": value})
        assert response.status_code == 302, errors(response)
