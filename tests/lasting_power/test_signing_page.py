"""The "check signing dates" page: the owner of a completed LPA enters a date for each
person who signs; errors keep what was typed; the result says what to sign again."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from lasting_power.selectors import lpa_details
from lasting_power.views_signing import signers_for
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in

from .factories import date_data, lpa_answered, lpa_completed

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 3, 20)


def url(lpa):
    return reverse("lasting_power:lpa-signing-dates", args=[lpa.pk])


def dates(lpa, **days) -> dict:
    """Every signer on ``day 1`` of March 2026 unless given."""
    data = {}
    for key, *_ in signers_for(lpa_details(lpa)):
        data.update(date_data(key, dt.date(2026, 3, days.get(key.replace("-", "_"), 1))))
    return data


@pytest.fixture
def lpa(db):
    return lpa_completed(attorneys=2, how="jointly")


def test_the_page_asks_for_each_signature_of_the_lpa(client, lpa):
    sign_in(client, lpa.user)
    page = client.get(url(lpa)).content.decode()
    assert "When did Dorothy Donor sign section 9?" in page
    assert "When did Cyril Certifier sign section 10?" in page
    assert "When did Attya Attyson1 sign section 11?" in page
    assert "When did Attyb Attyson2 sign section 11?" in page
    assert "When did Dorothy Donor sign section 15?" in page


def test_a_health_and_welfare_lpa_also_asks_for_section_5_and_a_trust_for_sheet_4(db):
    hw = lpa_completed(lpa_type="health-and-welfare")
    assert [s[3] for s in signers_for(lpa_details(hw))] == [
        "section 9",
        "section 5",
        "section 10",
        "section 11",
        "section 15",
    ]
    trust = lpa_completed(trust=True, how="jointly")
    assert "continuation sheet 4" in [s[3] for s in signers_for(lpa_details(trust))]


@time_machine.travel("2026-03-20 12:00 +0000", tick=False)
def test_dates_in_order_are_confirmed(client, lpa):
    sign_in(client, lpa.user)
    response = client.post(url(lpa), dates(lpa))
    assert "The LPA was signed in the right order" in response.content.decode()


@time_machine.travel("2026-03-20 12:00 +0000", tick=False)
def test_a_certificate_provider_before_the_donor_means_signing_10_11_and_15_again(client, lpa):
    sign_in(client, lpa.user)
    response = client.post(url(lpa), dates(lpa, donor=5, certificate_provider=4))
    page = response.content.decode()
    assert "Print and sign sections 10, 11 and 15 again" in page
    assert "The donor must sign before anyone else" in page
    assert 'value="4"' in page  # what was typed is kept


@time_machine.travel("2026-03-20 12:00 +0000", tick=False)
def test_an_applicant_before_the_last_attorney_signs_15_again(client, lpa):
    sign_in(client, lpa.user)
    response = client.post(url(lpa), dates(lpa, attorney_2=6, applicant_donor=5))
    assert "Print and sign section 15 again" in response.content.decode()


@time_machine.travel("2026-03-20 12:00 +0000", tick=False)
def test_a_missing_or_future_date_is_an_error_that_keeps_the_other_dates(client, lpa):
    sign_in(client, lpa.user)
    data = dates(lpa, attorney_1=7, applicant_donor=25)
    data["certificate-provider_0"] = ""
    data.update({"attorney-2_0": "", "attorney-2_1": "", "attorney-2_2": ""})
    response = client.post(url(lpa), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in page
    assert "The date Cyril Certifier signed section 10 must include a day" in page
    assert "Enter the date Attyb Attyson2 signed section 11" in page
    assert "The date Dorothy Donor signed section 15 must be today or in the past" in page
    assert 'value="7"' in page and 'value="25"' in page
    assert "right order" not in page


@time_machine.travel("2026-03-20 12:00 +0000", tick=False)
def test_an_impossible_date_is_an_error(client, lpa):
    sign_in(client, lpa.user)
    data = dates(lpa)
    data["donor_0"], data["donor_1"] = "31", "2"
    page = client.post(url(lpa), data).content.decode()
    assert "must be a real date" in page


def test_before_completion_there_is_nothing_to_check(client):
    lpa = lpa_answered()
    sign_in(client, lpa.user)
    page = client.get(url(lpa)).content.decode()
    assert "once you have completed the LPA" in page
    assert "When did" not in page


def test_someone_else_gets_not_found(client, lpa):
    sign_in(client, UserFactory())
    assert client.get(url(lpa)).status_code == 404
    assert client.post(url(lpa), dates(lpa)).status_code == 404
