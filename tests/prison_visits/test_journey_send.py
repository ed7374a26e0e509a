"""The booking journey through the test client: check your answers and sending.

Time is Wednesday 25 November 2026 (conftest ``frozen``): see test_journey.py.
"""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from digital_services.journeys.models import Draft
from digital_services.notifications.models import OutboundMessage
from prison_visits import services
from prison_visits.constants import VisitStatus
from prison_visits.models import Visit
from tests.conftest import sign_in

from .booking import (
    BOOK,
    PRISONER,
    THU_3_DEC,
    TUE_1_DEC,
    answer_all,
    errors,
    lead,
)
from .factories import (
    BookedVisitFactory,
    slot_on,
)

pytestmark = pytest.mark.django_db


# ---------------------------------------------------------------- check and send


def test_check_your_answers_shows_every_answer_with_change_links(client, prison, frozen):
    answer_all(client, prison, others=[("Casey", date(2015, 9, 10))], slots=(TUE_1_DEC, THU_3_DEC))

    page = client.get(BOOK + "check/").content.decode()

    for text in (
        "HMP Alpha",
        "Jo Bloggs",
        "17 May 1990",
        "A1234BC",
        "1. Tuesday 1 December 2026, 2pm to 4pm",
        "2. Thursday 3 December 2026, 2pm to 4pm",
        "Morgan Visitor",
        "morgan@example.com",
        "07700900982",
        "Visitor 1: Casey Visitor",
        "Send request",
    ):
        assert text in page, text
    assert f'href="{BOOK}slots/?return=check"' in page


def test_sending_creates_one_requested_visit_and_the_request_received_email(
    client, citizen, prison, frozen
):
    sign_in(client, citizen)
    answer_all(client, prison, others=[("Casey", date(2015, 9, 10))], slots=(TUE_1_DEC, THU_3_DEC))

    response = client.post(BOOK + "check/", follow=True)

    visit = Visit.objects.get()
    assert visit.status == VisitStatus.REQUESTED
    assert visit.user == citizen
    assert visit.prisoner_number == "A1234BC"
    assert visit.requested_slots == [slot_on(TUE_1_DEC).key, slot_on(THU_3_DEC).key]
    assert [v.first_name for v in visit.visitors.order_by("position")] == ["Morgan", "Casey"]
    assert visit.contact_email == "morgan@example.com"
    email = OutboundMessage.objects.get(channel="email")
    assert email.template_key == "prison_visits.request_received"
    assert email.recipient == "morgan@example.com"
    page = response.content.decode()
    assert "Visit request sent" in page
    assert visit.reference_display in page
    assert "will tell you by <strong>Monday 30 November 2026</strong>" in page
    assert "What happens next" in page
    assert "What did you think of this service?" in page
    assert not Draft.objects.exists()


POSTAL = {
    "contact": "post",
    "email": "",
    "email_confirm": "",
    "address_line_1": "1 High Street",
    "address_town": "Swansea",
    "address_postcode": "sa11aa",
}


def test_someone_without_email_gets_updates_by_post(client, prison, frozen):
    assert client.post(BOOK + "prison/", {"prison": prison.name}).status_code == 302
    assert client.post(BOOK + "prisoner/", PRISONER).status_code == 302
    assert client.post(BOOK + "slots/", {"choice_1": slot_on(TUE_1_DEC).key}).status_code == 302
    response = client.post(BOOK + "lead-visitor/", {**lead(), **POSTAL})
    assert response.status_code == 302, errors(response)
    client.post(BOOK + "visitors/", {"add_another": "no"})

    check = client.get(BOOK + "check/").content.decode()
    assert "Updates by post to" in check
    assert "1 High Street, Swansea, SA1 1AA" in check
    confirmation = client.post(BOOK + "check/", follow=True).content.decode()
    assert "We email you" not in confirmation
    assert "in a letter to 1 High Street, Swansea, SA1 1AA" in confirmation

    visit = Visit.objects.get()
    assert visit.contact_email == ""
    letter = OutboundMessage.objects.get(channel="letter")
    assert letter.template_key == "prison_visits.request_received"
    assert letter.recipient == "Morgan Visitor\n1 High Street\nSwansea\nSA1 1AA"
    assert not OutboundMessage.objects.filter(channel="email").exists()


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ({"contact": ""}, "Select how we should send you updates about the visit"),
        ({"contact": "email", "email": "", "email_confirm": ""}, "Enter your email address"),
        ({**POSTAL, "address_line_1": ""}, "Enter the first line of your address"),
        ({**POSTAL, "address_town": ""}, "Enter your town or city"),
        ({**POSTAL, "address_postcode": ""}, "Enter your postcode"),
        ({**POSTAL, "address_postcode": "NOT A CODE"}, "Enter a real postcode, like SW1A 1AA"),
    ],
)
def test_how_to_send_updates_is_checked(client, prison, frozen, answer, message):
    assert client.post(BOOK + "prison/", {"prison": prison.name}).status_code == 302
    assert client.post(BOOK + "prisoner/", PRISONER).status_code == 302
    assert client.post(BOOK + "slots/", {"choice_1": slot_on(TUE_1_DEC).key}).status_code == 302

    response = client.post(BOOK + "lead-visitor/", {**lead(), **answer})

    assert response.status_code == 200
    assert message in errors(response)
    assert 'value="Morgan"' in response.content.decode()


def test_someone_not_signed_in_can_send_a_request_and_see_its_status(client, prison, frozen):
    answer_all(client, prison)

    client.post(BOOK + "check/", follow=True)  # the confirmation page
    visit = Visit.objects.get()

    assert visit.user is None
    status = client.get(reverse("prison_visits:visit-status", args=[visit.reference]))
    assert status.status_code == 200
    assert "Your visit is not booked yet" in status.content.decode()


def test_a_time_booked_by_someone_else_while_sending_goes_back_to_the_times(
    client, prison, frozen, monkeypatch
):
    answer_all(client, prison)
    real = services.visit_request_submit

    def full_meanwhile(**kwargs):
        BookedVisitFactory.create_batch(
            2, prison=prison, slot=slot_on(TUE_1_DEC), prisoner_number="Z9999ZZ"
        )
        return real(**kwargs)

    monkeypatch.setattr(services, "visit_request_submit", full_meanwhile)

    response = client.post(BOOK + "check/")

    summary = errors(response)
    assert response.status_code == 200
    assert "Tuesday 1 December 2026, 2pm to 4pm has just been fully booked" in summary
    assert f'href="{BOOK}slots/?return=check"' in summary
    assert Visit.objects.filter(status=VisitStatus.REQUESTED).count() == 0
    assert Draft.objects.count() == 1  # nothing lost


def test_the_confirmation_page_cannot_be_opened_with_a_made_up_address(client, prison, frozen):
    response = client.get(reverse("prison_visits:book-confirmation", args=["ABCD2345:x:y"]))

    assert response.status_code == 404


def test_the_confirmation_address_expires(client, prison, frozen):
    answer_all(client, prison)
    confirmation = client.post(BOOK + "check/")["Location"]
    frozen.shift(60 * 60 * 25)

    assert Client().get(confirmation).status_code == 404
