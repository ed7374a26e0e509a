"""Can you use this service? Each question's error, each answer that rules the service out
leading to its own "You cannot use this service" page (with the reason and where to go
instead), and every answer passing leading to the claim's task list."""

import re

import pytest
import time_machine
from django.urls import reverse

from civil_claims.journeys.eligibility import EXITS, QUESTIONS, SESSION_KEY

pytestmark = pytest.mark.django_db
ELIGIBILITY_ANSWERED = False  # conftest: these tests answer the questions themselves

PASSING = {
    "claim-value": "within",
    "single-claimant": "no",
    "single-defendant": "no",
    "over-18": "yes",
    "claimant-address": "yes",
    "defendant-address": "yes",
    "defendant-age": "yes",
    "government-department": "no",
    "tenancy-deposit": "no",
    "on-behalf": "no",
}
EXIT_ANSWERS = [
    ("claim-value", "over", "claim-over-limit", "£25,000.00 or less", "Money Claim Online"),
    ("claim-value", "unknown", "claim-value-unknown", "know how much", "claim form N1"),
    ("single-claimant", "yes", "more-than-one-claimant", "on your own", "claim form N1"),
    ("single-defendant", "yes", "more-than-one-defendant", "one person", "Money Claim Online"),
    ("over-18", "no", "under-18", "18 or over", "claim form N1"),
    ("claimant-address", "no", "claimant-address", "address in the UK", "solicitor"),
    ("defendant-address", "no", "defendant-address", "England or Wales", "Scotland"),
    ("defendant-age", "no", "defendant-under-18", "18 or over", "claim form N1"),
    ("government-department", "yes", "government-department", "government department", "N1"),
    ("tenancy-deposit", "yes", "tenancy-deposit", "tenancy deposit", "deposit back"),
    ("on-behalf", "yes", "claiming-for-someone-else", "for yourself", "solicitor"),
]


def question_url(slug: str) -> str:
    return reverse(f"civil_claims:eligibility-{slug}")


def text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_every_question_and_exit_is_covered():
    assert {q.slug for q in QUESTIONS} == set(PASSING)
    assert {row[2] for row in EXIT_ANSWERS} == set(EXITS)


def test_start_page_starts_with_the_first_question(client):
    response = client.get(reverse("civil_claims:start"))
    assert reverse("civil_claims:eligibility") in response.content.decode()
    response = client.get(reverse("civil_claims:eligibility"))
    assert response["Location"] == question_url("claim-value")


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.slug)
def test_question_sent_empty_shows_its_error(client, question):
    response = client.post(question_url(question.slug), {})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<title>Error: " in body
    message = str(question.required_message)  # a lazy string: the page's language
    assert message.replace("’", "&#x27;") in body or message in body
    assert 'class="govuk-error-summary"' in body


def test_question_refuses_an_answer_it_does_not_offer(client):
    response = client.post(question_url("over-18"), {"answer": "<b>maybe</b>"})
    assert response.status_code == 200
    assert "Select yes if you are 18 or over" in response.content.decode()
    assert "<b>maybe</b>" not in response.content.decode()


@pytest.mark.parametrize(("slug", "answer", "exit_slug", "reason", "instead"), EXIT_ANSWERS)
def test_failing_answer_leads_to_its_own_cannot_use_page(
    client, slug, answer, exit_slug, reason, instead
):
    response = client.post(question_url(slug), {"answer": answer})
    assert response.status_code == 302
    assert response["Location"] == reverse(f"civil_claims:not-eligible-{exit_slug}")
    page = client.get(response["Location"])
    assert page.status_code == 200
    words = text(page)
    assert "You cannot use this service" in words
    assert reason in words
    assert instead in words
    # The way back changes the answer that led here.
    assert question_url(slug) in page.content.decode()


@time_machine.travel("2024-10-01 10:00:00+01:00", tick=False)
def test_claim_value_limit_is_the_one_in_force_that_day(client):
    response = client.get(question_url("claim-value"))
    assert "Yes, £10,000.00 or less" in response.content.decode()
    page = client.get(reverse("civil_claims:not-eligible-claim-over-limit"))
    assert "claim £10,000.00 or less" in text(page)


def test_passing_answers_go_question_by_question_to_you_can_use_this_service(client):
    slugs = [q.slug for q in QUESTIONS]
    for number, slug in enumerate(slugs):
        response = client.post(question_url(slug), {"answer": PASSING[slug]}, follow=True)
        expected = (
            question_url(slugs[number + 1])
            if number + 1 < len(slugs)
            else reverse("civil_claims:eligible")
        )
        assert response.redirect_chain[-1][0] == expected
    assert client.session[SESSION_KEY] == PASSING
    response = client.get(reverse("civil_claims:eligible"))
    assert "You can use this service" in text(response)
    assert reverse("civil_claims:claim-start") in response.content.decode()


def test_you_can_use_this_service_needs_every_answer(client):
    client.post(question_url("claim-value"), {"answer": "within"})
    response = client.get(reverse("civil_claims:eligible"))
    assert response["Location"] == question_url("single-claimant")


def test_a_failing_answer_changed_lets_the_citizen_go_on(client):
    client.post(question_url("claim-value"), {"answer": "over"})
    response = client.get(reverse("civil_claims:eligibility"))
    assert response["Location"] == question_url("claim-value")
    response = client.get(question_url("claim-value"))
    assert re.search(r'value="over"[^>]*checked', response.content.decode())
    response = client.post(question_url("claim-value"), {"answer": "within"}, follow=True)
    assert response.redirect_chain[-1][0] == question_url("single-claimant")
