"""Issue #20: Book a prison visit in Welsh. The pages speak Welsh, and a visit asked for in
Welsh stores language "cy", so its messages go in Welsh.

Time is Wednesday 25 November 2026 (conftest ``frozen``): see test_journey.py.
"""

from datetime import date

import pytest
from django.conf import settings

from digital_services.notifications.models import OutboundMessage
from prison_visits.models import Visit

from .booking import BOOK, TUE_1_DEC, answer_all, errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def welsh(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    return client


def test_a_visit_asked_for_in_welsh_is_in_welsh_and_so_is_its_email(welsh, prison, frozen):
    answer_all(welsh, prison, others=[("Casey", date(2015, 9, 10))], slots=(TUE_1_DEC,))

    check = welsh.get(BOOK + "check/").content.decode()
    response = welsh.post(BOOK + "check/", follow=True)

    visit = Visit.objects.get()
    assert visit.language == "cy"
    email = OutboundMessage.objects.get(channel="email")
    assert email.template_key == "prison_visits.request_received"
    assert email.language == "cy"
    # the pages on the way were in Welsh, times and dates included
    assert '<html lang="cy"' in check
    assert "Gwirio eich cais am ymweliad" in check  # Check your visit request
    assert "Dydd Mawrth 1 Rhagfyr 2026" in check
    page = response.content.decode()
    assert "Cais am ymweliad wedi’i anfon" in page  # Visit request sent
    assert "Visit request sent" not in page
    assert visit.reference_display in page


def test_a_visit_asked_for_in_english_stays_in_english(client, prison, frozen):
    answer_all(client, prison, slots=(TUE_1_DEC,))
    client.post(BOOK + "check/")

    assert Visit.objects.get().language == "en"
    assert OutboundMessage.objects.get(channel="email").language == "en"


def test_a_welsh_error_message_keeps_what_was_typed(welsh, prison, frozen):
    response = welsh.post(BOOK + "prison/", {"prison": "Nowhere at all"})

    page = response.content.decode()
    assert response.status_code == 200, errors(response)
    assert "Mae problem wedi codi" in page  # There is a problem (GOV.UK Frontend)
    assert "Rhowch enw carchar yng Nghymru neu Loegr" in page
    assert 'value="Nowhere at all"' in page
    assert "<title>Gwall:" in page


def test_welsh_pages_use_the_prison_s_welsh_name_and_english_pages_its_english_one(
    client, prison, frozen
):
    prison.name_cy = "CEF Alffa"
    prison.save(update_fields=["name_cy"])
    answer_all(client, prison, slots=(TUE_1_DEC,))

    english = client.get(BOOK + "check/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    welsh = client.get(BOOK + "check/").content.decode()

    assert "HMP Alpha" in english and "CEF Alffa" not in english
    assert "CEF Alffa" in welsh and "HMP Alpha" not in welsh


def test_your_applications_names_the_visit_in_welsh_with_the_prison_s_welsh_name():
    from django.utils import translation

    from prison_visits.selectors.citizens import visit_cases
    from tests.accounts.factories import UserFactory

    from .factories import RequestedVisitFactory

    person = UserFactory()
    visit = RequestedVisitFactory(
        user=person, prison__name="HMP Alpha", prison__name_cy="CEF Alffa"
    )

    with translation.override("cy"):
        welsh = {s.reference: s.title for s in visit_cases(person)}
    english = {s.reference: s.title for s in visit_cases(person)}

    assert welsh[visit.reference_display] == "Ymweliad â Jo Bloggs yn CEF Alffa"
    assert english[visit.reference_display] == "Visit to Jo Bloggs at HMP Alpha"
