"""Staff authenticator apps are set up only through a one-time link sent to the account's own address."""

import datetime as dt

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import timezone

from digital_services.accounts.constants import ADMINISTRATOR
from digital_services.accounts.models import StaffEnrolment
from digital_services.accounts.services import (
    staff_enrolment_issue,
    staff_enrolment_token,
    user_role_add,
)
from digital_services.audit.models import AuditEvent
from digital_services.notifications.models import OutboundMessage
from tests.conftest import sign_in

from .conftest import totp_code
from .factories import PASSWORD, StaffUserFactory, StaffWithTotpFactory, UserFactory

pytestmark = pytest.mark.django_db

SECOND_FACTOR_URL = reverse("accounts:staff-second-factor")
ACTIVATE_URL = reverse("mfa_activate_totp")


def link_path(enrolment) -> str:
    return reverse("accounts:staff-enrol", args=[staff_enrolment_token(enrolment)])


def reauthenticate(client):
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD, "next": ACTIVATE_URL})


def test_staff_without_a_link_cannot_set_up_an_app_and_are_told_to_ask(client, staff):
    sign_in(client, staff)  # say, by a code from a mailbox someone else got into
    page = client.get(SECOND_FACTOR_URL).content.decode()
    assert "ask an administrator to send you a new one" in page
    assert ACTIVATE_URL not in page

    assert client.get(ACTIVATE_URL)["Location"] == SECOND_FACTOR_URL
    reauthenticate(client)
    response = client.post(ACTIVATE_URL, {"code": "123456"})

    assert response["Location"] == SECOND_FACTOR_URL
    assert not Authenticator.objects.filter(user=staff).exists()


def test_making_someone_staff_in_the_admin_sends_their_own_link_through_the_outbox(client):
    administrator = StaffWithTotpFactory()
    user_role_add(user=administrator, role=ADMINISTRATOR)
    sign_in(client, administrator, second_factor=True)
    person = UserFactory()

    client.post(
        reverse("admin:accounts_user_change", args=[person.pk]),
        {"email": person.email, "full_name": person.full_name, "is_active": "on", "is_staff": "on"},
    )

    enrolment = StaffEnrolment.objects.get(user=person)
    assert enrolment.status == StaffEnrolment.Status.ISSUED
    assert enrolment.created_by == administrator
    message = OutboundMessage.objects.get(template_key="accounts.staff_enrolment")
    assert message.recipient == person.email
    assert message.personalisation["enrolment_url"].endswith(link_path(enrolment))
    assert AuditEvent.objects.filter(
        action="accounts.staff_enrolment_issued", object_id=str(person.pk), actor=administrator
    ).exists()


@pytest.mark.django_db(transaction=True)
def test_the_link_lets_its_own_account_set_up_an_app_once_and_it_is_audited(client):
    staff = StaffUserFactory()
    enrolment = staff_enrolment_issue(user=staff)
    sign_in(client, staff)
    page = client.get(link_path(enrolment))
    assert '<form method="post"' in page.content.decode()
    assert StaffEnrolment.objects.get().status == StaffEnrolment.Status.ISSUED  # GET uses nothing

    assert client.post(link_path(enrolment))["Location"] == ACTIVATE_URL
    reauthenticate(client)
    client.get(ACTIVATE_URL)
    secret = client.session["mfa.totp.secret"]
    client.post(ACTIVATE_URL, {"code": totp_code(secret)})

    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()
    enrolment.refresh_from_db()
    assert enrolment.status == StaffEnrolment.Status.COMPLETED
    actions = set(
        AuditEvent.objects.filter(object_id=str(staff.pk)).values_list("action", flat=True)
    )
    assert {"accounts.staff_enrolment_opened", "accounts.staff_second_factor_enrolled"} <= actions
    assert client.post(link_path(enrolment)).status_code == 410


def test_a_link_does_not_work_for_another_signed_in_account(client, staff):
    enrolment = staff_enrolment_issue(user=staff)
    intruder = StaffUserFactory()
    sign_in(client, intruder)

    assert client.post(link_path(enrolment)).status_code == 404
    assert client.get(ACTIVATE_URL)["Location"] == SECOND_FACTOR_URL
    assert StaffEnrolment.objects.get().status == StaffEnrolment.Status.ISSUED


def test_an_expired_or_replaced_link_does_not_work(client, staff):
    old = staff_enrolment_issue(user=staff)
    new = staff_enrolment_issue(user=staff)
    sign_in(client, staff)
    assert client.post(link_path(old)).status_code == 404  # revoked by the newer link

    with time_machine.travel(timezone.now() + dt.timedelta(hours=25)):
        sign_in(client, staff)  # the earlier sign-in has timed out
        assert client.post(link_path(new)).status_code == 410
    assert client.get(ACTIVATE_URL)["Location"] == SECOND_FACTOR_URL


def test_an_administrator_can_reset_a_staff_members_second_factor(client):
    administrator = StaffWithTotpFactory()
    user_role_add(user=administrator, role=ADMINISTRATOR)
    sign_in(client, administrator, second_factor=True)
    staff = StaffWithTotpFactory()

    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [staff.pk]},
    )

    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=staff).exists()
    event = AuditEvent.objects.get(action="accounts.staff_second_factor_reset")
    assert (event.actor, event.object_id) == (administrator, str(staff.pk))
    assert StaffEnrolment.objects.get(user=staff).status == StaffEnrolment.Status.ISSUED
    assert OutboundMessage.objects.get(template_key="accounts.staff_enrolment").recipient == (
        staff.email
    )
