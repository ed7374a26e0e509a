"""Cancel and delete your answers (issue #12 point 21): on every page of every journey once
there is a draft, a confirmation page, and the draft deleted by the POST only."""

import datetime as dt

import pytest
from django.test import Client

from digital_services.journeys.models import Draft

from .helpers import APPLY_URL, answer_apply_until_check

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.journeys.urls")]

CANCEL = APPLY_URL + "cancel/"
LINK = f'<a class="govuk-link" href="{CANCEL}">Cancel and delete your answers</a>'


def test_no_cancel_link_before_anything_is_saved(client):
    assert LINK not in client.get(APPLY_URL + "name/").content.decode()
    assert client.get(CANCEL).url == APPLY_URL  # nothing to delete


def test_every_page_of_the_journey_offers_cancel_once_there_are_answers(client):
    answer_apply_until_check(client, children=True, visit=dt.date.today() + dt.timedelta(days=30))

    for page in ("name/", "date-of-birth/", "children/", "children/1/", "check/"):
        assert LINK in client.get(APPLY_URL + page).content.decode(), page


def test_cancel_asks_first_then_deletes_the_draft(client):
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})

    confirm = client.get(CANCEL).content.decode()
    assert "Are you sure you want to cancel and delete your answers?" in confirm
    assert Draft.objects.count() == 1  # a GET deletes nothing

    response = client.post(CANCEL)
    assert response.url == CANCEL
    assert Draft.objects.count() == 0
    done = client.get(CANCEL).content.decode()
    assert "Your answers have been deleted" in done
    assert "Ann" not in client.get(APPLY_URL + "name/").content.decode()
    assert client.get(CANCEL).url == APPLY_URL  # said once


def test_cancel_deletes_only_this_browsers_draft(client):
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    other = Client()
    other.post(APPLY_URL + "name/", {"full_name": "Bea"})

    other.post(CANCEL)

    assert list(Draft.objects.values_list("answers__name__full_name", flat=True)) == ["Ann"]
