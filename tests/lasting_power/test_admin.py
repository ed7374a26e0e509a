"""OPG caseworkers' pages: Receive a signed LPA (found by reference or barcode), the check
(perfect or imperfect, the correspondent told what to correct), notices, registering,
status changes with a reason, objections; refused moves come back with a clear message,
and another service's caseworker sees nothing."""

import datetime as dt
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from digital_services.accounts.constants import CASEWORKER_ROLES
from digital_services.accounts.services import user_role_add
from digital_services.audit.models import AuditEvent
from digital_services.notifications.models import OutboundMessage
from lasting_power.constants import LpaStatus, ObjectionOutcome
from lasting_power.models import Lpa
from lasting_power.service import CASEWORKER_ROLE
from tests.accounts.factories import StaffWithTotpFactory
from tests.conftest import sign_in

from .factories import CONTACT_POST, lpa_completed
from .registration_factories import lpa_perfect, lpa_ready, lpa_received

pytestmark = pytest.mark.django_db


@pytest.fixture
def caseworker(db):
    user = StaffWithTotpFactory()
    user_role_add(user=user, role=CASEWORKER_ROLE)
    return user


@pytest.fixture
def staff(client, caseworker):
    sign_in(client, caseworker, second_factor=True)
    return client


def _action(lpa, slug):
    return reverse(f"admin:lasting_power_lpa_{slug.replace('-', '_')}", args=[lpa.pk])


def _change(lpa):
    return reverse("admin:lasting_power_lpa_change", args=[lpa.pk])


FIND = "admin:lasting_power_lpa_receive_find"


def _dates(day: dt.date, *, attorney: dt.date | None = None) -> dict:
    text = day.strftime("%d/%m/%Y")
    return {
        "signed_donor": text,
        "signed_certificate-provider": text,
        "signed_attorney-1": (attorney or day).strftime("%d/%m/%Y"),
        "signed_applicant-donor": text,
    }


@pytest.mark.parametrize("typed", ["spaced", "barcode", "lower"])
def test_receive_finds_the_lpa_by_reference_or_scanned_barcode(staff, typed):
    lpa = lpa_completed()
    text = {
        "spaced": f"  {lpa.reference_display}  ",
        "barcode": f"*{lpa.reference}*",
        "lower": lpa.reference_display.lower(),
    }[typed]
    response = staff.post(reverse(FIND), {"reference": text})
    assert response.status_code == 302 and response.url == _action(lpa, "receive")


def test_receive_says_when_no_lpa_has_the_reference(staff):
    response = staff.post(reverse(FIND), {"reference": "A000 0000 0000"})
    assert response.status_code == 200
    assert "No LPA has that reference" in response.content.decode()
    empty = staff.post(reverse(FIND), {"reference": ""}).content.decode()
    assert "Enter the LPA reference or scan its barcode" in empty


def test_receive_of_an_lpa_already_received_goes_to_its_page_with_why(staff):
    lpa = lpa_received()
    response = staff.post(reverse(FIND), {"reference": lpa.reference}, follow=True)
    assert response.redirect_chain[-1][0] == _change(lpa)
    assert "it cannot be received now" in response.content.decode()


def test_the_list_offers_receive_and_the_queues(staff):
    received = lpa_received()
    completed = lpa_completed()
    page = staff.get(reverse("admin:lasting_power_lpa_changelist")).content.decode()
    assert "Receive a signed LPA" in page
    queue = staff.get(
        reverse("admin:lasting_power_lpa_changelist"), {"queue": "received"}
    ).content.decode()
    assert received.reference_display in queue and completed.reference_display not in queue


def test_receiving_with_dates_out_of_order_is_imperfect_and_the_letter_says_what_to_correct(
    staff,
):
    lpa = lpa_completed(contact=CONTACT_POST)
    today = timezone.localdate()
    page = staff.get(_action(lpa, "receive")).content.decode()
    assert "Dorothy Donor, section 9" in page and "Date received" in page
    response = staff.post(
        _action(lpa, "receive"),
        {
            "received_on": today.strftime("%d/%m/%Y"),
            **_dates(today, attorney=today - dt.timedelta(days=2)),
            "other_problems": "Page 20 is not signed",
        },
        follow=True,
    )
    assert "imperfect, 2 problem(s)" in response.content.decode()
    lpa.refresh_from_db()
    assert lpa.status == LpaStatus.IMPERFECT and lpa.received_on == today
    assert lpa.received_by is not None and lpa.checked_by is not None
    letter = OutboundMessage.objects.get(template_key="lasting_power.imperfect")
    assert letter.channel == "letter"
    assert "Page 20 is not signed" in letter.personalisation["problems"]
    assert "sections 11 and 15" in letter.personalisation["problems"]


def test_receiving_without_dates_leaves_it_to_check_later_then_the_check_is_perfect(staff):
    lpa = lpa_completed()
    today = timezone.localdate()
    staff.post(_action(lpa, "receive"), {"received_on": today.strftime("%d/%m/%Y")})
    lpa.refresh_from_db()
    assert lpa.status == LpaStatus.RECEIVED
    staff.post(_action(lpa, "check"), _dates(today))
    lpa.refresh_from_db()
    assert lpa.status == LpaStatus.PERFECT and lpa.problems == []


def test_some_dates_but_not_all_is_an_error_and_nothing_changes(staff):
    lpa = lpa_completed()
    today = timezone.localdate().strftime("%d/%m/%Y")
    page = staff.post(
        _action(lpa, "receive"), {"received_on": today, "signed_donor": today}
    ).content.decode()
    assert "Enter every signing date, or none to check it later" in page
    assert f'value="{today}"' in page  # what was typed is kept
    assert Lpa.objects.get(pk=lpa.pk).status == LpaStatus.COMPLETED


def test_a_future_received_date_is_an_error_on_the_field(staff):
    lpa = lpa_completed()
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).strftime("%d/%m/%Y")
    page = staff.post(_action(lpa, "receive"), {"received_on": tomorrow}).content.decode()
    assert "The date received must be today or in the past" in page
    assert Lpa.objects.get(pk=lpa.pk).status == LpaStatus.COMPLETED


def test_an_action_from_the_wrong_status_is_refused_with_a_clear_message(staff):
    lpa = lpa_completed()
    response = staff.get(_action(lpa, "register"), follow=True)
    assert response.redirect_chain[-1][0] == _change(lpa)
    assert "this can be done only when it is ready to register" in response.content.decode()
    response = staff.post(_action(lpa, "notices"), {}, follow=True)
    assert "this can be done only when it is perfect" in response.content.decode()
    assert Lpa.objects.get(pk=lpa.pk).status == LpaStatus.COMPLETED


def test_notices_start_the_waiting_period_and_register_when_ready(
    staff, django_capture_on_commit_callbacks
):
    lpa = lpa_perfect()
    response = staff.post(_action(lpa, "notices"), {}, follow=True)
    assert "1 notice(s) sent" in response.content.decode()
    lpa.refresh_from_db()
    assert lpa.status == LpaStatus.WAITING_PERIOD
    assert lpa.waiting_period_ends_on == timezone.localdate() + dt.timedelta(days=27)
    ready = lpa_ready()
    with (
        mock.patch("lasting_power.tasks.lpa_registered_send_task.delay") as delay,
        django_capture_on_commit_callbacks(execute=True),
    ):
        staff.post(_action(ready, "register"), {})
    ready.refresh_from_db()
    assert ready.status == LpaStatus.REGISTERED and ready.registered_by is not None
    delay.assert_called_once_with(ready.pk)  # the id only: the task stamps and sends it


def test_a_status_with_a_reason_from_the_admin(staff):
    lpa = lpa_received()
    page = staff.get(_action(lpa, "status")).content.decode()
    assert "Cannot register" in page and "Cancelled" not in page
    empty = staff.post(_action(lpa, "status"), {"status": "withdrawn"}).content.decode()
    assert "Enter the reason" in empty
    staff.post(_action(lpa, "status"), {"status": "withdrawn", "reason": "Donor's letter"})
    lpa.refresh_from_db()
    assert lpa.status == LpaStatus.WITHDRAWN and lpa.status_reason == "Donor's letter"
    assert AuditEvent.objects.filter(action="lpa.withdrawn").count() == 1


def test_an_objection_is_recorded_against_linked_lpas_and_blocks_registration_until_resolved(
    staff,
):
    lpa = lpa_ready()
    other = lpa_received()
    today = timezone.localdate().strftime("%d/%m/%Y")
    staff.post(
        _action(lpa, "objection"),
        {
            "received_on": today,
            "objection_type": "factual",
            "other_references": other.reference_display,
            "notes": "The donor's name is spelt wrongly",
        },
    )
    assert lpa.objection_links.get().status == ObjectionOutcome.OPEN
    assert other.objection_links.count() == 1
    assert (
        OutboundMessage.objects.filter(template_key="lasting_power.objection_received").count() == 2
    )
    response = staff.post(_action(lpa, "register"), {}, follow=True)
    assert "An objection to this LPA is open" in response.content.decode()
    assert Lpa.objects.get(pk=lpa.pk).status == LpaStatus.READY
    link = lpa.objection_links.get()
    staff.post(
        _action(lpa, "objection-resolve"),
        {"link": str(link.pk), "outcome": "notUpheld", "notes": "Spelling is right"},
    )
    link.refresh_from_db()
    assert link.status == ObjectionOutcome.NOT_UPHELD and link.resolved_at is not None
    with mock.patch("lasting_power.tasks.lpa_registered_send_task.delay"):
        staff.post(_action(lpa, "register"), {})
    assert Lpa.objects.get(pk=lpa.pk).status == LpaStatus.REGISTERED


def test_an_objection_with_an_unknown_other_reference_is_an_error(staff):
    lpa = lpa_received()
    page = staff.post(
        _action(lpa, "objection"),
        {
            "received_on": timezone.localdate().strftime("%d/%m/%Y"),
            "objection_type": "prescribed",
            "other_references": "A000 0000 0000",
        },
    ).content.decode()
    assert "No LPA has the reference A000 0000 0000" in page
    assert not lpa.objection_links.exists()


def test_the_case_page_shows_registration_objections_letters_and_history(staff):
    lpa = lpa_perfect()
    page = staff.get(_change(lpa)).content.decode()
    for expected in ("Perfect", "Give notice", "Record an objection", "received", "lpa.perfect"):
        assert expected in page, expected


def test_another_services_caseworker_sees_nothing(client):
    other = StaffWithTotpFactory()
    user_role_add(user=other, role=CASEWORKER_ROLES["tribunal_fees"])
    sign_in(client, other, second_factor=True)
    lpa = lpa_completed()
    assert client.get(reverse("admin:lasting_power_lpa_changelist")).status_code == 403
    assert client.get(reverse(FIND)).status_code == 403
    assert client.get(_action(lpa, "receive")).status_code == 403
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert client.post(_action(lpa, "receive"), {"received_on": today}).status_code == 403
    assert Lpa.objects.get(pk=lpa.pk).status == LpaStatus.COMPLETED
