"""The claim's figures (amount, interest, fee) are worked out once per request for the same
answers: the interest and fee steps' forms and the check page each ask for them (issue #13)."""

import datetime as dt
import re
from unittest import mock

import pytest
import time_machine
from django.urls import reverse

from civil_claims.journeys import claim_figures
from civil_claims.services import submit
from digital_services.journeys.definitions import Answers
from tests.conftest import sign_in
from tests.tribunal_fees.factories import UserFactory

from .journey_answers import CONTACT_POST, answer_whole_claim

pytestmark = pytest.mark.django_db

ANSWERS = {
    "amount": [{"reason": "Unpaid invoice", "amount_pence": 100000}],
    "interest": {"kind": "none"},
}


def _counted():
    return mock.patch.object(submit, "claim_figures", wraps=submit.claim_figures)


def test_the_same_answers_are_summed_once_and_other_answers_again():
    answers = Answers(ANSWERS)
    with _counted() as sums:
        first = claim_figures(answers)
        assert claim_figures(answers) is first
        assert sums.call_count == 1
        assert first.amount_pence == 100000 and first.fee.fee_pence == 7000

        answers["amount"] = [{"reason": "Unpaid invoice", "amount_pence": 200000}]
        changed = claim_figures(answers)
        assert sums.call_count == 2 and changed.amount_pence == 200000

        # A given time is never answered from the memo.
        at = dt.datetime(2026, 12, 1, 10, tzinfo=dt.UTC)
        assert claim_figures(answers, now=at).amount_pence == 200000
        assert sums.call_count == 3
        # Each request's answers start without it.
        claim_figures(Answers(ANSWERS))
        assert sums.call_count == 4


@time_machine.travel("2026-03-10 10:00:00+00:00", tick=False)
def test_the_check_page_sums_the_claim_once(client):
    sign_in(client, UserFactory())
    answer_whole_claim(client, contact=CONTACT_POST)
    with _counted() as sums:
        check = client.get(reverse("civil_claims:claim-check"))
    assert check.status_code == 200
    page = " ".join(re.sub(r"<[^>]+>", " ", check.content.decode()).split())
    assert "£1,000.00" in page and "Court fee £70.00" in page
    # Once for the amounts' own step (its online limit, with no amount before it) and once
    # for the whole claim (the interest and fee steps and the page's sums): four before.
    assert sums.call_count == 2
