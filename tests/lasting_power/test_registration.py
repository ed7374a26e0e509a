"""Registration at the Office of the Public Guardian: every status move allowed only from
its states (each service from every status), stamps, audit events, and what the
correspondent is sent at each stage."""

import datetime as dt

import pytest
from django.utils import timezone

from digital_services.audit.models import AuditEvent
from digital_services.core.transitions import TransitionNotAllowed
from digital_services.notifications.models import OutboundMessage
from lasting_power import registration
from lasting_power.constants import LPA_TRANSITIONS, REASON_STATUSES, LpaStatus
from lasting_power.models import Lpa

from .factories import CONTACT_POST, lpa_answered, lpa_completed
from .registration_factories import (
    lpa_imperfect,
    lpa_perfect,
    lpa_received,
    signatures_in_order,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _in(status: str) -> Lpa:
    """A completed LPA put straight into ``status`` (the services' own refusals are tested)."""
    lpa = lpa_completed()
    Lpa.objects.filter(pk=lpa.pk).update(status=status)
    lpa.refresh_from_db()
    return lpa


def test_every_status_is_in_the_map_and_the_end_states_allow_nothing():
    assert set(LPA_TRANSITIONS) == set(LpaStatus.values)
    for end in (
        LpaStatus.CANNOT_REGISTER,
        LpaStatus.WITHDRAWN,
        LpaStatus.CANCELLED,
        LpaStatus.REVOKED,
    ):
        assert LPA_TRANSITIONS[end] == ()


@pytest.mark.parametrize("source", LpaStatus.values)
def test_receiving_is_allowed_only_from_completed(source):
    lpa = _in(source)
    if source == LpaStatus.COMPLETED:
        registration.lpa_receive(lpa=lpa, received_on=TODAY())
        lpa.refresh_from_db()
        assert lpa.status == LpaStatus.RECEIVED and lpa.received_on == TODAY()
        assert lpa.received_at is not None
    else:
        with pytest.raises(TransitionNotAllowed):
            registration.lpa_receive(lpa=lpa, received_on=TODAY())
        assert Lpa.objects.get(pk=lpa.pk).status == source


@pytest.mark.parametrize("source", LpaStatus.values)
def test_checking_is_allowed_only_when_received_or_imperfect(source):
    lpa = _in(source)
    signatures = signatures_in_order(lpa)
    if source in (LpaStatus.RECEIVED, LpaStatus.IMPERFECT):
        registration.lpa_check(lpa=lpa, signatures=signatures)
        assert Lpa.objects.get(pk=lpa.pk).status == LpaStatus.PERFECT
    else:
        with pytest.raises(TransitionNotAllowed):
            registration.lpa_check(lpa=lpa, signatures=signatures)


@pytest.mark.parametrize("source", LpaStatus.values)
def test_notices_are_given_only_for_a_perfect_lpa(source):
    lpa = _in(source)
    if source == LpaStatus.PERFECT:
        sent, unsent = registration.lpa_notices_send(lpa=lpa)
        assert (sent, unsent) == (1, [])
    else:
        with pytest.raises(TransitionNotAllowed):
            registration.lpa_notices_send(lpa=lpa)


@pytest.mark.parametrize("source", LpaStatus.values)
def test_registering_is_allowed_only_once_ready(source):
    lpa = _in(source)
    if source == LpaStatus.READY:
        registration.lpa_register(lpa=lpa)
        lpa.refresh_from_db()
        assert lpa.status == LpaStatus.REGISTERED and lpa.registered_on == TODAY()
    else:
        with pytest.raises(TransitionNotAllowed):
            registration.lpa_register(lpa=lpa)


@pytest.mark.parametrize("source", LpaStatus.values)
@pytest.mark.parametrize("target", [*REASON_STATUSES, LpaStatus.REGISTERED])
def test_a_status_with_a_reason_is_set_only_from_the_states_the_map_allows(source, target):
    lpa = _in(source)
    allowed = target in LPA_TRANSITIONS[source] and (
        target in REASON_STATUSES or source == LpaStatus.SUSPENDED
    )
    if allowed:
        registration.lpa_status_change(lpa=lpa, to=target, reason="The donor asked", actor=None)
        lpa.refresh_from_db()
        assert lpa.status == target and lpa.status_reason == "The donor asked"
        assert lpa.status_reason_at is not None
    else:
        with pytest.raises(TransitionNotAllowed):
            registration.lpa_status_change(lpa=lpa, to=target, reason="Because", actor=None)
        assert Lpa.objects.get(pk=lpa.pk).status == source


def test_a_status_change_needs_a_reason():
    lpa = _in(LpaStatus.RECEIVED)
    with pytest.raises(registration.RegistrationRefused, match="Enter the reason"):
        registration.lpa_status_change(lpa=lpa, to=LpaStatus.WITHDRAWN, reason="  ")


def test_an_lpa_in_progress_cannot_be_received():
    lpa = lpa_answered(stop_before="when")
    with pytest.raises(TransitionNotAllowed):
        registration.lpa_receive(lpa=lpa, received_on=TODAY())


def test_the_received_date_cannot_be_in_the_future_or_before_completion():
    lpa = lpa_completed()
    with pytest.raises(registration.RegistrationRefused, match="today or in the past"):
        registration.lpa_receive(lpa=lpa, received_on=TODAY() + dt.timedelta(days=1))
    with pytest.raises(registration.RegistrationRefused, match="before the LPA was completed"):
        registration.lpa_receive(lpa=lpa, received_on=TODAY() - dt.timedelta(days=1))


def test_receiving_stamps_audits_and_tells_the_correspondent_by_email():
    lpa = lpa_received()
    event = AuditEvent.objects.get(action="lpa.received")
    assert event.detail["from"] == LpaStatus.COMPLETED
    message = OutboundMessage.objects.get(template_key="lasting_power.received")
    assert message.channel == "email" and message.recipient == "dorothy@example.com"
    assert message.personalisation["reference"] == lpa.reference_display


def test_signing_out_of_order_makes_it_imperfect_and_the_letter_names_what_to_correct():
    lpa = lpa_imperfect(contact=CONTACT_POST)
    assert lpa.status == LpaStatus.IMPERFECT and lpa.checked_at is not None
    assert len(lpa.problems) == 1
    assert "certificate provider must sign before the attorneys" in lpa.problems[0]
    assert "Sign again: sections 11 and 15." in lpa.problems[0]
    message = OutboundMessage.objects.get(template_key="lasting_power.imperfect")
    assert message.channel == "letter" and "1 Donor Road" in message.recipient
    assert "sections 11 and 15" in message.personalisation["problems"]
    assert AuditEvent.objects.filter(action="lpa.imperfect").count() == 1


def test_other_problems_the_caseworker_found_make_it_imperfect_too():
    lpa = lpa_received()
    registration.lpa_check(
        lpa=lpa,
        signatures=signatures_in_order(lpa),
        other_problems=["Page 19 is missing", " "],
    )
    lpa.refresh_from_db()
    assert lpa.status == LpaStatus.IMPERFECT and lpa.problems == ["Page 19 is missing"]


def test_corrected_pages_are_checked_again_and_become_perfect():
    lpa = lpa_imperfect()
    registration.lpa_check(lpa=lpa, signatures=signatures_in_order(lpa))
    lpa.refresh_from_db()
    assert lpa.status == LpaStatus.PERFECT and lpa.problems == []
    assert OutboundMessage.objects.filter(template_key="lasting_power.imperfect").count() == 1


def test_receiving_with_the_dates_checks_at_once():
    lpa = lpa_completed()
    registration.lpa_receive(
        lpa=lpa, received_on=TODAY(), signatures=signatures_in_order(lpa, day=TODAY())
    )
    lpa.refresh_from_db()
    assert lpa.status == LpaStatus.PERFECT and lpa.received_on == TODAY()


def test_a_signature_dated_after_the_day_it_was_received_is_a_problem():
    lpa = lpa_completed()
    registration.lpa_receive(
        lpa=lpa,
        received_on=TODAY(),
        signatures=signatures_in_order(lpa, day=TODAY() + dt.timedelta(days=1)),
    )
    lpa.refresh_from_db()
    assert lpa.status == LpaStatus.IMPERFECT and "in the future" in lpa.problems[0]


def test_cannot_register_tells_the_correspondent_why():
    lpa = lpa_perfect()
    registration.lpa_status_change(
        lpa=lpa, to=LpaStatus.CANNOT_REGISTER, reason="The donor has died", actor=None
    )
    message = OutboundMessage.objects.get(template_key="lasting_power.cannot_register")
    assert message.personalisation["reason"] == "The donor has died"


def test_a_suspension_is_lifted_back_to_registered():
    lpa = _in(LpaStatus.REGISTERED)
    registration.lpa_status_change(lpa=lpa, to=LpaStatus.SUSPENDED, reason="Investigation")
    registration.lpa_status_change(lpa=lpa, to=LpaStatus.REGISTERED, reason="Investigation over")
    assert Lpa.objects.get(pk=lpa.pk).status == LpaStatus.REGISTERED
    assert AuditEvent.objects.filter(action="lpa.suspension_lifted").count() == 1


@pytest.mark.parametrize(
    "typed", ["{plain}", "{spaced}", "{lower}", "*{plain}*", " {plain_no_a} ", "{dashed}"]
)
def test_an_lpa_is_found_by_its_reference_typed_or_scanned(typed):
    lpa = lpa_completed()
    plain = lpa.reference
    text = typed.format(
        plain=plain,
        spaced=lpa.reference_display,
        lower=lpa.reference_display.lower(),
        plain_no_a=plain[1:],
        dashed=f"{plain[:4]}-{plain[4:8]}-{plain[8:]}",
    )
    assert registration.lpa_find_by_reference(text) == lpa


def test_an_unknown_or_empty_reference_finds_nothing():
    lpa_completed()
    assert registration.lpa_find_by_reference("") is None
    assert registration.lpa_find_by_reference("A000 0000 0000") is None
