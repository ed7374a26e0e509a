"""Issue #12 point 4: in an assisted-digital session the shared case pages speak of the
citizen being helped ("Margaret Evans’s visit is booked"), not of the member of staff
("Your visit is booked"). To the citizen on their own the same pages still say "your"."""

import re

import pytest
import time_machine
from django.urls import reverse

from tests.conftest import sign_in
from tests.prison_visits.factories import BookedVisitFactory, RequestedVisitFactory
from tests.tribunal_fees.factories import (
    HwfApplicationFactory,
    PaymentUncertainFeeCaseFactory,
    RefundApplicationFactory,
)

from .factories import CitizenWithoutEmailFactory, agent_helping

pytestmark = pytest.mark.django_db

#: "your" followed by what a case page is about: the staff member has none of these.
SECOND_PERSON = re.compile(
    r"\b[Yy]our (visit|request|application|applications|reference|refund|payment|receipt|account)\b"
)


@pytest.fixture
def margaret(db):
    return CitizenWithoutEmailFactory(full_name="Margaret Evans")


@pytest.fixture
def pages(margaret):
    with time_machine.travel("2026-11-20 10:00 +0000", tick=False):
        requested = RequestedVisitFactory(user=margaret)
        booked = BookedVisitFactory(user=margaret)
    hwf = HwfApplicationFactory(fee_case__user=margaret)
    refund = RefundApplicationFactory(user=margaret)
    uncertain = PaymentUncertainFeeCaseFactory(user=margaret)
    return {
        "visit, not booked yet": reverse("prison_visits:visit-status", args=[requested.reference]),
        "visit, booked": reverse("prison_visits:visit-status", args=[booked.reference]),
        "withdraw a visit": reverse("prison_visits:visit-withdraw", args=[requested.reference]),
        "cancel a visit": reverse("prison_visits:visit-cancel", args=[booked.reference]),
        "Help with Fees application": reverse("tribunal_fees:hwf-detail", args=[hwf.reference]),
        "refund application": reverse("tribunal_fees:refund-detail", args=[refund.reference]),
        "payment not confirmed": reverse("tribunal_fees:fee-detail", args=[uncertain.reference]),
    }


def _main(response) -> str:
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


def test_case_pages_speak_of_the_citizen_in_an_assisted_session(client, margaret, pages):
    agent_helping(margaret, client=client)

    with time_machine.travel("2026-11-20 10:00 +0000", tick=False):
        for name, url in pages.items():
            main = _main(client.get(url))
            assert "Margaret Evans’s" in main, name
            assert not SECOND_PERSON.search(main), (name, SECOND_PERSON.search(main).group(0))


def test_the_same_pages_say_your_to_the_citizen(client, margaret, pages):
    sign_in(client, margaret)
    with time_machine.travel("2026-11-20 10:00 +0000", tick=False):
        booked = _main(client.get(pages["visit, booked"]))
    assert "Your visit is booked" in booked
    assert "Margaret Evans’s" not in booked
