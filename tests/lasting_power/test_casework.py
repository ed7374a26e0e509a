"""OPG's work management and the status map as a whole: every move of the map tried from
every status through the service that makes it (allowed exactly when the map says);
the queues by state and by overdue date, oldest first; the case page's people,
documents, payments, history and letters; another service's caseworker sees nothing of
the new actions; each stage's message goes by the correspondent's route."""

import datetime as dt

import pytest
import time_machine
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from digital_services.accounts.constants import CASEWORKER_ROLES
from digital_services.accounts.services import user_role_add
from digital_services.core.transitions import TransitionNotAllowed
from digital_services.notifications.models import OutboundMessage
from lasting_power import registration, services
from lasting_power.constants import LPA_TRANSITIONS, QUEUE_OVERDUE_DAYS, LpaStatus, ObjectionType
from lasting_power.models import FeeDecision, Lpa
from tests.accounts.factories import StaffWithTotpFactory
from tests.conftest import sign_in

from .factories import CONTACT_POST, lpa_answered, lpa_completed
from .registration_factories import (
    lpa_imperfect,
    lpa_received,
    lpa_waiting,
    signatures_in_order,
)
from .test_admin import _action, caseworker, staff  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate

# Every move, through the service that makes it ----------------------------------------


def _in(status: str) -> Lpa:
    lpa = lpa_completed()
    fields = {"status": status}
    if status == LpaStatus.WAITING_PERIOD:
        fields["waiting_period_ends_on"] = TODAY() - dt.timedelta(days=1)
    Lpa.objects.filter(pk=lpa.pk).update(**fields)
    lpa.refresh_from_db()
    return lpa


def _move(lpa: Lpa, target: str) -> None:
    """Ask for ``target`` the way the caseworker's page (or the beat job) would."""
    if target == LpaStatus.COMPLETED:
        services.lpa_complete(lpa=lpa, method="cheque", actor=lpa.user)
    elif target == LpaStatus.RECEIVED:
        registration.lpa_receive(lpa=lpa, received_on=TODAY())
    elif target == LpaStatus.PERFECT:
        registration.lpa_check(lpa=lpa, signatures=signatures_in_order(lpa))
    elif target == LpaStatus.IMPERFECT:
        registration.lpa_check(lpa=lpa, signatures=signatures_in_order(lpa, attorney_first=True))
    elif target == LpaStatus.WAITING_PERIOD:
        registration.lpa_notices_send(lpa=lpa)
    elif target == LpaStatus.READY:
        if not registration.lpa_waiting_period_end(lpa_id=lpa.pk):
            raise TransitionNotAllowed("the beat job left it")
    elif target == LpaStatus.REGISTERED and lpa.status != LpaStatus.SUSPENDED:
        registration.lpa_register(lpa=lpa)
    else:
        registration.lpa_status_change(lpa=lpa, to=target, reason="Because")


class _Undo(Exception):
    """Rolls one tried move back, so the next is tried from the same status."""


@pytest.mark.parametrize("source", LpaStatus.values)
def test_each_move_from_a_status_is_allowed_exactly_when_the_map_allows_it(source):
    if source == LpaStatus.IN_PROGRESS:
        lpa = lpa_answered()
        services.lpa_fee_decide(lpa=lpa, cleaned_data={"wanted": "no"})
    else:
        lpa = _in(source)
    tried = 0
    for target in LpaStatus.values:
        if target in (LpaStatus.IN_PROGRESS, source):
            continue  # nothing moves back to in progress; no status moves to itself
        try:
            with transaction.atomic():
                fresh = Lpa.objects.get(pk=lpa.pk)
                if target in LPA_TRANSITIONS[source]:
                    _move(fresh, target)
                    assert Lpa.objects.get(pk=lpa.pk).status == target, target
                else:
                    with pytest.raises((TransitionNotAllowed, registration.RegistrationRefused)):
                        _move(fresh, target)
                    assert Lpa.objects.get(pk=lpa.pk).status == source, target
                tried += 1
                raise _Undo
        except _Undo:
            pass
    assert tried == len(LpaStatus.values) - (1 if source == LpaStatus.IN_PROGRESS else 2)


def test_an_imperfect_lpa_checked_again_and_still_imperfect_stays_imperfect_with_a_new_letter():
    lpa = lpa_imperfect()
    _move(lpa, LpaStatus.IMPERFECT)
    assert Lpa.objects.get(pk=lpa.pk).status == LpaStatus.IMPERFECT
    assert OutboundMessage.objects.filter(template_key="lasting_power.imperfect").count() == 2


# Queues by state and by overdue date --------------------------------------------------


def _queue(client, name: str) -> str:
    return client.get(
        reverse("admin:lasting_power_lpa_changelist"), {"queue": name}
    ).content.decode()


def test_received_and_imperfect_are_overdue_after_their_days_oldest_first(staff):  # noqa: F811
    days = QUEUE_OVERDUE_DAYS["received"]
    with time_machine.travel(timezone.now() - dt.timedelta(days=days + 3), tick=False):
        old = lpa_received()
    with time_machine.travel(timezone.now() - dt.timedelta(days=days + 1), tick=False):
        older_but_newer = lpa_received()
    fresh = lpa_received()
    page = _queue(staff, "received-overdue")
    assert old.reference_display in page and older_but_newer.reference_display in page
    assert fresh.reference_display not in page
    assert page.index(old.reference_display) < page.index(older_but_newer.reference_display)
    assert "(overdue)" in page
    assert fresh.reference_display in _queue(staff, "received")

    with time_machine.travel(
        timezone.now() - dt.timedelta(days=QUEUE_OVERDUE_DAYS["imperfect"] + 1), tick=False
    ):
        stale = lpa_imperfect()
    recent = lpa_imperfect()
    page = _queue(staff, "imperfect-overdue")
    assert stale.reference_display in page and recent.reference_display not in page


def test_the_waiting_period_queue_shows_its_end_and_held_ones_are_overdue(staff):  # noqa: F811
    lpa = lpa_waiting()
    page = _queue(staff, "waiting")
    assert lpa.reference_display in page
    registration.objection_record(
        lpa=lpa, received_on=TODAY(), objection_type=ObjectionType.FACTUAL, notes="Not signed"
    )
    # Its period ended two days ago (the staff session would not survive a time jump).
    Lpa.objects.filter(pk=lpa.pk).update(waiting_period_ends_on=TODAY() - dt.timedelta(days=2))
    assert registration.lpas_waiting_period_end() == 0  # held by the objection
    assert lpa.reference_display in _queue(staff, "overdue")
    assert lpa.reference_display in _queue(staff, "objections")


def test_objections_open_too_long_are_overdue(staff):  # noqa: F811
    lpa = lpa_received()
    long_ago = TODAY() - dt.timedelta(days=QUEUE_OVERDUE_DAYS["objections"] + 1)
    recent = lpa_received()
    registration.objection_record(
        lpa=lpa, received_on=long_ago, objection_type=ObjectionType.PRESCRIBED
    )
    registration.objection_record(
        lpa=recent, received_on=TODAY(), objection_type=ObjectionType.PRESCRIBED
    )
    page = _queue(staff, "objections-overdue")
    assert lpa.reference_display in page and recent.reference_display not in page


# The case page -----------------------------------------------------------------------


def test_the_case_page_has_people_documents_payments_history_and_letters(staff):  # noqa: F811
    lpa = lpa_imperfect(attorneys=2, replacements=1)
    page = staff.get(reverse("admin:lasting_power_lpa_change", args=[lpa.pk])).content.decode()
    for expected in (
        "Everyone on the LPA",
        "Attorneys: who acts",
        "Replacement, not acting",
        "Payments and refunds",
        "Cheque (sent with the LPA)",
        "Fee and fee decision",
        "Documents",
        "Letters and messages sent",
        "<td>imperfect</td>",
        "History",
        "lpa.imperfect",
    ):
        assert expected in page, expected


# Scoping -----------------------------------------------------------------------------


@pytest.mark.parametrize("slug", ["fee", "remove-attorney", "attorney-code"])
def test_another_services_caseworker_cannot_open_or_use_the_new_actions(client, slug):
    other = StaffWithTotpFactory()
    user_role_add(user=other, role=CASEWORKER_ROLES["tribunal_fees"])
    sign_in(client, other, second_factor=True)
    lpa = lpa_received(attorneys=2)
    assert client.get(_action(lpa, slug)).status_code == 403
    assert (
        client.post(_action(lpa, slug), {"decision": "exemption", "person": "attorney:1"})
    ).status_code == 403
    assert client.get(reverse("admin:lasting_power_lpa_changelist")).status_code == 403
    assert not lpa.attorney_removals.exists()
    assert not FeeDecision.objects.filter(lpa=lpa).exists()


# Messages at each stage, by the correspondent's route --------------------------------


@pytest.mark.parametrize(("contact", "channel"), [(None, "email"), (CONTACT_POST, "letter")])
def test_each_stage_is_told_to_the_correspondent_by_their_route(contact, channel):
    kwargs = {"contact": contact} if contact else {}
    lpa = lpa_received(**kwargs)
    registration.lpa_check(lpa=lpa, signatures=signatures_in_order(lpa, attorney_first=True))
    registration.objection_record(
        lpa=lpa, received_on=TODAY(), objection_type=ObjectionType.THIRD_PARTY
    )
    registration.lpa_status_change(lpa=lpa, to=LpaStatus.CANNOT_REGISTER, reason="Not signed")
    sent = OutboundMessage.objects.filter(template_key__startswith="lasting_power.").exclude(
        template_key__startswith="lasting_power.payment"
    )
    assert {m.template_key: m.channel for m in sent} == {
        "lasting_power.received": channel,
        "lasting_power.imperfect": channel,
        "lasting_power.objection_received": channel,
        "lasting_power.cannot_register": channel,
    }
