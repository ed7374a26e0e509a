"""An LPA's flow is worked out once per LPA object while its answers stay the same, and its
"created" and its details once per process for the same answers on the same day (issue #13:
the admin case page worked out the whole flow three times, and again on each visit, and "your
applications" once an LPA a visit)."""

import datetime as dt
from unittest import mock

import pytest
import time_machine
from django.urls import reverse

from digital_services.accounts.services import user_role_add
from lasting_power import selectors
from lasting_power.journeys import flow as flow_module
from lasting_power.journeys.flow import lpa_flow, lpa_is_created
from lasting_power.models import Lpa
from lasting_power.selectors import lpa_details, lpa_progress, lpa_reusable
from lasting_power.service import CASEWORKER_ROLE
from tests.accounts.factories import StaffWithTotpFactory
from tests.conftest import sign_in

from .factories import lpa_answered

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_remembered_created():
    flow_module._FACTS.clear()
    selectors._DETAILS.clear()
    yield
    flow_module._FACTS.clear()
    selectors._DETAILS.clear()


def _counting():
    return mock.patch.object(flow_module, "flow_evaluate", side_effect=flow_module.flow_evaluate)


def test_the_same_lpa_object_is_worked_out_once_until_its_answers_change():
    lpa = Lpa.objects.get(pk=lpa_answered(stop_before="instructions").pk)

    with _counting() as evaluate:
        first = lpa_flow(lpa)
        assert lpa_flow(lpa) is first
        assert evaluate.call_count == 1

        lpa.answers["donor"] = {**lpa.answers["donor"], "first_names": "Dorothea"}  # in place
        changed = lpa_flow(lpa)
        assert changed is not first
        assert changed.evaluation.stored["donor"]["first_names"] == "Dorothea"

        lpa.acknowledged = [*lpa.acknowledged, "some-warning"]
        assert lpa_flow(lpa) is not changed
        assert evaluate.call_count == 3

    # Another object for the same row works it out again (nothing shared between objects).
    with _counting() as evaluate:
        lpa_flow(Lpa.objects.get(pk=lpa.pk))
        assert evaluate.call_count == 1


def test_created_is_remembered_for_the_same_answers_and_follows_them():
    started = lpa_answered(stop_before="people-to-notify")
    created = lpa_answered()
    started.refresh_from_db()
    created.refresh_from_db()

    assert lpa_progress(started) == "Started"
    assert lpa_progress(created) == "Created"
    assert lpa_is_created(created) is lpa_flow(created).is_created is True

    assert lpa_reusable(created) and not lpa_reusable(started)

    with _counting() as evaluate:
        for _ in range(3):
            assert lpa_progress(Lpa.objects.get(pk=created.pk)) == "Created"
            assert lpa_progress(Lpa.objects.get(pk=started.pk)) == "Started"
            assert lpa_reusable(Lpa.objects.get(pk=created.pk))
            assert not lpa_reusable(Lpa.objects.get(pk=started.pk))
        assert evaluate.call_count == 0

        # The answers change (the certificate provider removed): worked out again.
        changed = Lpa.objects.get(pk=created.pk)
        changed.answers.pop("certificate-provider")
        assert lpa_progress(changed) == "Started"
        assert evaluate.call_count == 1


def test_created_is_worked_out_again_on_another_day():
    created = lpa_answered()
    created.refresh_from_db()
    assert lpa_is_created(created)

    with _counting() as evaluate:
        with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(days=1), tick=False):
            assert lpa_is_created(Lpa.objects.get(pk=created.pk))
        assert evaluate.call_count == 1  # ages are checked against today


def test_the_admin_case_page_works_the_flow_out_once(client):
    lpa = lpa_answered()
    caseworker = StaffWithTotpFactory()
    user_role_add(user=caseworker, role=CASEWORKER_ROLE)
    sign_in(client, caseworker, second_factor=True)

    with _counting() as evaluate:
        response = client.get(reverse("admin:lasting_power_lpa_change", args=[lpa.pk]))

    assert response.status_code == 200
    assert evaluate.call_count == 1  # progress, people and decisions each asked before


def test_the_admin_case_page_opened_again_does_not_work_the_flow_out(client):
    lpa = lpa_answered()
    caseworker = StaffWithTotpFactory()
    user_role_add(user=caseworker, role=CASEWORKER_ROLE)
    sign_in(client, caseworker, second_factor=True)
    url = reverse("admin:lasting_power_lpa_change", args=[lpa.pk])
    first = client.get(url).content

    with _counting() as evaluate:
        again = client.get(url).content

    assert evaluate.call_count == 0
    assert lpa.reference_display.encode() in again
    donor = lpa_details(lpa).donor
    assert donor.last_name.encode() in first and donor.last_name.encode() in again


def test_details_are_remembered_by_the_answers_with_each_lpas_own_reference_and_lists():
    one = Lpa.objects.get(pk=lpa_answered().pk)
    other = Lpa.objects.get(pk=lpa_answered().pk)
    assert one.answers == other.answers and one.reference != other.reference

    with _counting() as evaluate:
        mine = lpa_details(one)
        theirs = lpa_details(other)  # the same answers: remembered
        assert evaluate.call_count == 1
    assert mine.reference == one.reference_display
    assert theirs.reference == other.reference_display
    assert mine.attorneys == theirs.attorneys and mine.attorneys is not theirs.attorneys

    mine.attorneys.clear()  # a caller changing its own list changes nobody else's
    assert lpa_details(one).attorneys == theirs.attorneys != []

    with _counting() as evaluate:
        one.answers["donor"] = {**one.answers["donor"], "last_name": "Ashworth-Smythe"}
        assert lpa_details(one).donor.last_name == "Ashworth-Smythe"
        assert lpa_details(other).donor.last_name != "Ashworth-Smythe"
        with time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(days=1), tick=False):
            lpa_details(other)  # ages are checked against today
        assert evaluate.call_count == 2
