"""Issue #18 end to end through the pages (Django's test client, not a browser): an
applicant's completed LPA is received by a caseworker from its reference, found imperfect,
corrected and found perfect, notice is given, the waiting period passes (the beat job,
under time-machine) and it is registered. The applicant sees every stage on their pages
and is sent each message."""

import re
from unittest import mock

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from digital_services.notifications.models import OutboundMessage
from lasting_power.constants import LpaStatus
from lasting_power.models import Lpa
from lasting_power.service import CASEWORKER_ROLE
from lasting_power.tasks import lpa_registered_send_task, lpas_waiting_periods_end_task
from tests.accounts.factories import StaffWithTotpFactory, UserFactory
from tests.conftest import sign_in

from .factories import lpa_completed

pytestmark = pytest.mark.django_db


def _staff():
    from digital_services.accounts.services import user_role_add

    user = StaffWithTotpFactory()
    user_role_add(user=user, role=CASEWORKER_ROLE)
    client = Client()
    sign_in(client, user, second_factor=True)
    return client


def _action(lpa, slug):
    return reverse(f"admin:lasting_power_lpa_{slug}", args=[lpa.pk])


def _dates(day: str, attorney: str) -> dict:
    return {
        "signed_donor": day,
        "signed_certificate-provider": day,
        "signed_attorney-1": attorney,
        "signed_applicant-donor": day,
    }


def _stage(client, lpa) -> str:
    """The LPA's page as the applicant sees it (signed in again: days pass between visits)."""
    client.force_login(lpa.user)
    page = client.get(reverse("lasting_power:lpa-view", args=[lpa.pk])).content.decode()
    return " ".join(re.sub(r"<[^>]+>", "", page).split())  # the words, as read


def _sent() -> list[str]:
    return [
        m.template_key.removeprefix("lasting_power.")
        for m in OutboundMessage.objects.order_by("created_at", "pk")
        if m.template_key.startswith("lasting_power.")
    ]


def test_an_lpa_goes_from_completed_to_registered_and_the_applicant_sees_every_stage(
    client, django_capture_on_commit_callbacks
):
    applicant = UserFactory()
    sign_in(client, applicant)
    with time_machine.travel("2026-11-02 10:00 +0000", tick=False):
        lpa = lpa_completed(applicant)
        assert "Waiting: we are waiting to receive your signed LPA" in _stage(client, lpa)

    with time_machine.travel("2026-11-09 10:00 +0000", tick=False):
        staff = _staff()
        found = staff.post(
            reverse("admin:lasting_power_lpa_receive_find"), {"reference": lpa.reference}
        )
        assert found.url == _action(lpa, "receive")
        staff.post(
            _action(lpa, "receive"),
            {"received_on": "06/11/2026", **_dates("04/11/2026", attorney="03/11/2026")},
        )
        page = _stage(client, lpa)
        assert "Checking: we are checking your LPA" in page
        assert "Received: 6 November 2026" in page
        assert "We cannot register it until these are corrected" in page

    with time_machine.travel("2026-11-16 10:00 +0000", tick=False):
        staff = _staff()
        staff.post(_action(lpa, "check"), _dates("12/11/2026", attorney="12/11/2026"))
        assert Lpa.objects.get(pk=lpa.pk).status == LpaStatus.PERFECT
        staff.post(_action(lpa, "notices"), {})
        assert Lpa.objects.get(pk=lpa.pk).status == LpaStatus.WAITING_PERIOD
        assert "We cannot register it until" not in _stage(client, lpa)

    with time_machine.travel("2026-12-13 01:15 +0000", tick=False):  # the last day
        assert lpas_waiting_periods_end_task.apply().get() == 0
    with time_machine.travel("2026-12-14 01:15 +0000", tick=False):
        assert lpas_waiting_periods_end_task.apply().get() == 1

    with time_machine.travel("2026-12-14 10:00 +0000", tick=False):
        staff = _staff()
        with (
            mock.patch("lasting_power.tasks.lpa_registered_send_task.delay") as delay,
            django_capture_on_commit_callbacks(execute=True),
        ):
            staff.post(_action(lpa, "register"), {})
        delay.assert_called_once_with(lpa.pk)
        assert lpa_registered_send_task.apply(args=[lpa.pk]).get() is True
        page = _stage(client, lpa)
        assert "Processed: 14 December 2026" in page and "Outcome: Registered." in page
        assert "Expect it back by 7 January 2027." in page
        documents = client.get(reverse("lasting_power:lpa-documents", args=[lpa.pk]))
        assert "the registered lasting power of attorney (stamped by OPG)" in (
            documents.content.decode()
        )

    # (The "completed" documents message goes after completion's commit: not run here.)
    assert _sent() == [
        "payment_cheque",
        "received",
        "imperfect",
        "notice",
        "registered",
        "attorney_access",  # the attorney's letter with their access code
    ]
