"""The applicant's view of a sent LPA: Completed → Waiting → Received → Checking →
Processed with the date each stage was reached, and "expect it back by" (the day it was
processed plus 15 working days) once processed; on the dashboard and the LPA's page."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from lasting_power import registration
from lasting_power.constants import LpaStatus
from lasting_power.models import Lpa
from lasting_power.tracking import lpa_tracking
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in

from .factories import lpa_answered, lpa_completed
from .registration_factories import lpa_imperfect, lpa_perfect, lpa_received, lpa_registered

pytestmark = pytest.mark.django_db


@pytest.fixture
def applicant(client):
    user = UserFactory(full_name="Alex Applicant")
    sign_in(client, user)
    return user


def _reached(tracking) -> dict:
    return {stage.name: stage.reached_on for stage in tracking.stages}


def test_an_lpa_being_made_has_no_tracking():
    assert lpa_tracking(lpa_answered(stop_before="when")) is None


def test_each_stage_is_reached_on_its_own_date():
    with time_machine.travel("2026-11-02 10:00 +0000", tick=False):
        lpa = lpa_completed()
    tracking = lpa_tracking(lpa)
    assert tracking.stage == "Waiting" and tracking.expect_back_by is None
    assert _reached(tracking) == {
        "Completed": dt.date(2026, 11, 2),
        "Waiting": dt.date(2026, 11, 2),
        "Received": None,
        "Checking": None,
        "Processed": None,
    }
    with time_machine.travel("2026-11-09 10:00 +0000", tick=False):
        registration.lpa_receive(lpa=lpa, received_on=dt.date(2026, 11, 6))
    lpa.refresh_from_db()
    assert lpa_tracking(lpa).stage == "Received"
    assert _reached(lpa_tracking(lpa))["Received"] == dt.date(2026, 11, 6)


@pytest.mark.parametrize(
    ("factory", "stage"),
    [(lpa_received, "Received"), (lpa_imperfect, "Checking"), (lpa_perfect, "Checking")],
)
def test_the_stage_of_each_state(factory, stage):
    assert lpa_tracking(factory()).stage == stage


def test_registered_is_processed_and_expected_back_15_working_days_later():
    with time_machine.travel("2026-12-14 10:00 +0000", tick=False):
        lpa = lpa_registered()
    tracking = lpa_tracking(lpa)
    assert tracking.stage == "Processed" and tracking.outcome == "Registered"
    assert all(stage.done for stage in tracking.stages)
    # 14 December 2026 + 15 working days, skipping Christmas, Boxing Day (28th) and New Year.
    assert tracking.expect_back_by == dt.date(2027, 1, 7)


def test_cannot_register_is_processed_on_the_day_it_was_decided():
    lpa = lpa_received()
    with time_machine.travel("2026-12-07 10:00 +0000", tick=False):
        registration.lpa_status_change(lpa=lpa, to=LpaStatus.CANNOT_REGISTER, reason="Not signed")
    lpa.refresh_from_db()
    tracking = lpa_tracking(lpa)
    assert tracking.stage == "Processed" and tracking.outcome == "Cannot register"
    assert _reached(tracking)["Processed"] == dt.date(2026, 12, 7)
    # Christmas Day and the Boxing Day holiday (Monday 28th) are not working days.
    assert tracking.expect_back_by == dt.date(2026, 12, 30)


def test_the_dashboard_and_the_lpa_page_show_the_stages(client, applicant):
    lpa = lpa_imperfect(applicant)
    page = client.get(reverse("lasting_power:dashboard")).content.decode()
    assert "Checking: we are checking your LPA" in page
    assert "Received:" in page and "Processed:" in page and "not yet" in page
    view = client.get(reverse("lasting_power:lpa-view", args=[lpa.pk])).content.decode()
    assert "We cannot register it until these are corrected" in view
    assert "certificate provider must sign before the attorneys" in view


def test_the_page_says_when_to_expect_a_registered_lpa_back(client, applicant):
    with time_machine.travel("2026-12-14 10:00 +0000", tick=False):
        lpa = lpa_registered(applicant)
    view = client.get(reverse("lasting_power:lpa-view", args=[lpa.pk])).content.decode()
    assert "Outcome: Registered." in view
    assert "Expect it back by 7 January 2027." in view


def test_an_lpa_opg_has_received_cannot_be_deleted_by_the_applicant(client, applicant):
    lpa = lpa_received(applicant)
    page = client.get(reverse("lasting_power:dashboard")).content.decode()
    assert reverse("lasting_power:lpa-delete", args=[lpa.pk]) not in page
    response = client.post(reverse("lasting_power:lpa-delete", args=[lpa.pk]))
    assert response.url == reverse("lasting_power:lpa-view", args=[lpa.pk])
    assert Lpa.objects.filter(pk=lpa.pk).exists()
