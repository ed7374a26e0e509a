"""The status page from the email link, "check your visit" by reference and date of
birth (rate limited), and the visitor withdrawing a request or cancelling a visit."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from digital_services.notifications.models import OutboundMessage
from prison_visits.constants import CancellationReason, VisitStatus
from prison_visits.models import VisitEvent
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in

from .factories import (
    BookedVisitFactory,
    RejectedVisitFactory,
    RequestedVisitFactory,
    slot_on,
)

pytestmark = pytest.mark.django_db

FIND = "/prison-visits/visits/find/"
LEAD_BORN = date(1985, 3, 2)  # the factories' lead visitor


def status_url(visit) -> str:
    return reverse("prison_visits:visit-status", args=[visit.reference])


def find(client, reference: str, born: date = LEAD_BORN):
    return client.post(
        FIND,
        {
            "reference": reference,
            "date_of_birth_0": str(born.day),
            "date_of_birth_1": str(born.month),
            "date_of_birth_2": str(born.year),
        },
    )


def summary(response) -> str:
    html = response.content.decode()
    start = html.find('class="govuk-error-summary"')
    return html[start : html.find("</ul>", start)] if start >= 0 else ""


# ---------------------------------------------------------------- reaching the page


def test_the_email_link_sends_someone_not_signed_in_to_check_their_visit(client, prison, frozen):
    visit = RequestedVisitFactory(prison=prison)

    response = client.get(status_url(visit))

    assert response.status_code == 302
    assert response["Location"] == f"{FIND}?reference={visit.reference}"
    page = client.get(response["Location"]).content.decode()
    assert f'value="{visit.reference}"' in page


def test_an_unknown_reference_is_sent_to_the_same_place(client, frozen):
    response = client.get(reverse("prison_visits:visit-status", args=["ZZZZ9999"]))

    assert response["Location"] == f"{FIND}?reference=ZZZZ9999"


def test_the_reference_and_the_main_visitors_date_of_birth_open_the_status_page(
    client, prison, frozen
):
    visit = BookedVisitFactory(prison=prison)

    response = find(client, visit.reference_display.lower())

    assert response["Location"] == status_url(visit)
    page = client.get(status_url(visit)).content.decode()
    assert "Your visit is booked" in page
    assert "Tuesday 1 December 2026, 2pm to 4pm" in page
    assert "What to bring" in page


@pytest.mark.parametrize("wrong", ["date of birth", "reference"])
def test_a_wrong_date_of_birth_or_reference_gets_the_same_not_found_message(
    client, prison, frozen, wrong
):
    visit = BookedVisitFactory(prison=prison)
    other_visitor_born = date(2016, 1, 1)  # the child on the visit, not the main visitor

    if wrong == "date of birth":
        response = find(client, visit.reference, other_visitor_born)
    else:
        response = find(client, "ZZZZ9999")

    assert response.status_code == 200
    assert "No visit matches that reference and date of birth" in summary(response)
    assert client.get(status_url(visit)).status_code == 302  # still not open


def test_the_look_up_form_explains_each_mistake(client, frozen):
    response = client.post(FIND, {"reference": "abc", "date_of_birth_0": "40"})

    text = summary(response)
    assert "Enter the visit reference from your email" in text
    assert "The main visitor’s date of birth must include a month" in text
    assert 'value="abc"' in response.content.decode()


def test_looking_up_too_often_is_refused_with_429(client, prison, frozen, settings):
    settings.PRISON_VISITS_LOOKUP_RATE_LIMIT = "3/h"
    visit = BookedVisitFactory(prison=prison)

    served = [find(client, visit.reference, date(2000, 1, n)) for n in range(1, 4)]
    refused = find(client, visit.reference)  # even with the right date of birth

    assert [r.status_code for r in served] == [200, 200, 200]
    assert refused.status_code == 429
    assert "You have tried to find a visit too many times" in summary(refused)
    assert client.get(status_url(visit)).status_code == 302


def test_guessing_from_many_addresses_is_limited_per_reference(prison, frozen, settings):
    settings.PRISON_VISITS_LOOKUP_RATE_LIMIT = "3/h"
    visit = BookedVisitFactory(prison=prison)

    for n in range(1, 4):
        find(Client(REMOTE_ADDR=f"192.0.2.{n}"), visit.reference, date(2000, 1, n))
    refused = find(Client(REMOTE_ADDR="192.0.2.99"), visit.reference)

    assert refused.status_code == 429


def test_the_owner_opens_it_from_your_applications_without_the_date_of_birth(
    client, citizen, prison, frozen
):
    visit = RequestedVisitFactory(prison=prison, user=citizen)
    sign_in(client, citizen)

    applications = client.get(reverse("accounts:your-applications")).content.decode()
    page = client.get(status_url(visit)).content.decode()

    assert status_url(visit) in applications
    assert "Your visit is not booked yet" in page
    assert "Withdraw your request" in page


def test_someone_else_signed_in_gets_not_found_with_the_look_up_offered(
    client, citizen, prison, frozen
):
    visit = BookedVisitFactory(prison=prison, user=UserFactory())
    sign_in(client, citizen)

    response = client.get(status_url(visit))

    assert response.status_code == 404
    assert visit.prisoner_number not in response.content.decode()
    assert f"{FIND}?reference={visit.reference}" in response.content.decode()


def test_the_status_page_shows_why_a_visit_was_not_booked(client, prison, frozen):
    visit = RejectedVisitFactory(prison=prison)
    find(client, visit.reference)

    page = client.get(status_url(visit)).content.decode()

    assert "Your visit could not be booked" in page
    assert "None of the times you chose are available" in page
    assert "Ask for another visit" in page
    assert "Withdraw" not in page and "Cancel your visit" not in page


# ---------------------------------------------------------------- withdraw


def test_a_request_can_be_withdrawn_after_a_confirm_page(client, prison, frozen):
    visit = RequestedVisitFactory(prison=prison)
    find(client, visit.reference)
    url = reverse("prison_visits:visit-withdraw", args=[visit.reference])

    confirm = client.get(url)
    visit.refresh_from_db()
    assert visit.status == VisitStatus.REQUESTED  # a GET changes nothing
    response = client.post(url, follow=True)

    visit.refresh_from_db()
    assert "Are you sure you want to withdraw your visit request?" in confirm.content.decode()
    assert visit.status == VisitStatus.WITHDRAWN
    assert visit.events.filter(kind=VisitEvent.Kind.WITHDRAWN, by_visitor=True).exists()
    page = response.content.decode()
    assert "You have withdrawn your visit request" in page
    assert "You withdrew this visit request" in page


def test_a_booked_visit_cannot_be_withdrawn(client, prison, frozen):
    visit = BookedVisitFactory(prison=prison)
    find(client, visit.reference)

    response = client.post(reverse("prison_visits:visit-withdraw", args=[visit.reference]))

    visit.refresh_from_db()
    assert response["Location"] == status_url(visit)
    assert visit.status == VisitStatus.BOOKED


def test_nobody_else_can_withdraw_a_request(client, prison, frozen):
    visit = RequestedVisitFactory(prison=prison)

    response = client.post(reverse("prison_visits:visit-withdraw", args=[visit.reference]))

    visit.refresh_from_db()
    assert response["Location"].startswith(FIND)
    assert visit.status == VisitStatus.REQUESTED


# ---------------------------------------------------------------- cancel


def test_a_booked_future_visit_can_be_cancelled_by_the_visitor(client, citizen, prison, frozen):
    visit = BookedVisitFactory(prison=prison, user=citizen)
    sign_in(client, citizen)
    url = reverse("prison_visits:visit-cancel", args=[visit.reference])

    assert "Cancel your visit" in client.get(status_url(visit)).content.decode()
    assert "Are you sure you want to cancel your visit?" in client.get(url).content.decode()
    response = client.post(url, follow=True)

    visit.refresh_from_db()
    assert visit.status == VisitStatus.CANCELLED
    assert visit.cancelled_by_visitor is True
    assert visit.cancelled_by == citizen
    assert visit.cancellation_reasons == [CancellationReason.VISITOR_CANCELLED]
    assert visit.cancellation_actioned_at is None  # waits in the staff inbox
    assert "You have cancelled your visit" in response.content.decode()
    assert OutboundMessage.objects.filter(template_key="prison_visits.visitor_cancelled").exists()


def test_a_visit_that_has_started_cannot_be_cancelled(client, prison, frozen):
    visit = BookedVisitFactory(prison=prison, slot=slot_on(date(2026, 12, 1)))
    frozen.move_to("2026-12-01 14:30 +0000")
    find(client, visit.reference)

    page = client.get(status_url(visit)).content.decode()
    response = client.post(reverse("prison_visits:visit-cancel", args=[visit.reference]))

    visit.refresh_from_db()
    assert "Cancel your visit" not in page
    assert response["Location"] == status_url(visit)
    assert visit.status == VisitStatus.BOOKED


def test_the_look_up_link_takes_the_owner_straight_to_their_visit(client, citizen, prison, frozen):
    visit = RequestedVisitFactory(prison=prison, user=citizen)
    sign_in(client, citizen)

    response = client.get(FIND, {"reference": visit.reference_display.lower()})

    assert response["Location"] == status_url(visit)


# ---------------------------------------------------------------- references as typed


def test_a_new_reference_is_found_typed_with_spaces_hyphens_lower_case_and_look_alikes(
    client, prison, frozen
):
    from digital_services.core.references import reference_for_number

    reference = reference_for_number(32**7 + 32**5 + 45)  # "1010001D" and its check character
    assert "0" in reference and "1" in reference
    visit = BookedVisitFactory(prison=prison, reference=reference)
    typed = visit.reference_display.replace(" ", "-").lower().replace("0", "o").replace("1", "l")

    response = find(client, typed)

    assert response["Location"] == status_url(visit)


def test_a_mistyped_new_reference_is_caught_by_its_check_character(client, prison, frozen):
    from digital_services.core.references import ALPHABET, reference_for_number

    reference = reference_for_number(987654321)
    BookedVisitFactory(prison=prison, reference=reference)
    wrong = next(c for c in ALPHABET if c != reference[3])
    typo = reference[:3] + wrong + reference[4:]

    response = find(client, typo)

    assert response.status_code == 200
    assert "Check your visit reference: one of its characters is not right" in summary(response)


def test_an_older_reference_without_a_check_character_is_still_found(client, prison, frozen):
    visit = BookedVisitFactory(prison=prison, reference="G0QYEQP3")

    response = find(client, "g0qy eqp3")

    assert response["Location"] == status_url(visit)
