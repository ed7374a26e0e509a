"""The claim's pages cannot be opened without passing eligibility (civil_claims.journeys.gate):
the task list, a step, check your answers and sending all go back to the questions; once
they are answered the claim opens, and a draft saved and resumed in another browser keeps
them."""

import re
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from civil_claims.journeys.eligibility import SESSION_KEY
from civil_claims.journeys.gate import DRAFT_KEY
from digital_services.journeys.models import Draft

from .journey_answers import eligibility_answers, eligibility_pass, step_url

pytestmark = pytest.mark.django_db
ELIGIBILITY_ANSWERED = False  # conftest: these tests start without the answers

ELIGIBILITY = reverse("civil_claims:eligibility")
TASK_LIST = reverse("civil_claims:claim-start")
CHECK = reverse("civil_claims:claim-check")


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", TASK_LIST),
        ("get", step_url("claimant-type")),
        ("get", step_url("statement-of-truth")),
        ("get", reverse("civil_claims:claim-section", args=["statement-of-truth"])),
        ("get", CHECK),
        ("post", CHECK),
        ("post", step_url("claimant-type")),
        ("get", reverse("civil_claims:claim-item-add", args=["amount"])),
    ],
)
def test_the_claim_pages_send_anyone_without_eligibility_to_the_questions(client, method, url):
    response = getattr(client, method)(
        url, {"party_type": "individual"} if method == "post" else {}
    )
    assert response.status_code == 302
    assert response["Location"] == ELIGIBILITY
    assert not Draft.objects.exists()


def test_one_question_left_unanswered_or_answered_no_still_sends_back(client):
    answers = eligibility_answers()
    answers.pop("on-behalf")
    session = client.session
    session[SESSION_KEY] = answers
    session.save()
    assert client.get(TASK_LIST)["Location"] == ELIGIBILITY
    session[SESSION_KEY] = {**answers, "on-behalf": "yes"}
    session.save()
    assert client.get(TASK_LIST)["Location"] == ELIGIBILITY


def test_after_eligibility_the_claim_opens_and_the_draft_keeps_the_answers(client):
    eligibility_pass(client)
    assert client.get(TASK_LIST).status_code == 200
    assert client.get(step_url("claimant-type")).status_code == 200
    response = client.post(step_url("claimant-type"), {"party_type": "individual"})
    assert response.status_code == 302
    assert Draft.objects.get().answers[DRAFT_KEY] == eligibility_answers()


def test_a_claim_saved_and_resumed_in_another_browser_still_opens(client):
    eligibility_pass(client)
    client.post(step_url("claimant-type"), {"party_type": "individual"})
    with mock.patch("digital_services.journeys.integrations.notification_send") as send:
        response = client.post(reverse("civil_claims:claim-save"), {"email": "sam@example.com"})
    assert response.status_code == 302
    resume = re.sub(r"^https?://[^/]+", "", send.call_args.kwargs["personalisation"]["resume_url"])

    other_browser = Client()  # no eligibility answers in its session
    assert other_browser.get(TASK_LIST)["Location"] == ELIGIBILITY
    assert other_browser.post(resume).status_code == 302
    assert other_browser.get(TASK_LIST).status_code == 200
    assert other_browser.get(step_url("claimant")).status_code == 200


def test_a_draft_without_the_answers_does_not_open_the_claim(client):
    """A draft made before the gate (or by anything else) does not let eligibility be skipped."""
    eligibility_pass(client)
    client.post(step_url("claimant-type"), {"party_type": "individual"})
    draft = Draft.objects.get()
    draft.answers = {k: v for k, v in draft.answers.items() if k != DRAFT_KEY}
    draft.save()
    session = client.session
    del session[SESSION_KEY]
    session.save()
    assert client.get(TASK_LIST)["Location"] == ELIGIBILITY
