"""Breathing space (debt respite): entered and lifted from every claim status (allowed only on
an issued claim still with this court), the response deadline worked out again on lift, both
parties told by their own route, audited, and shown on the claim page, "Your applications"
and the caseworkers' case page."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from civil_claims.constants import (
    BREATHING_SPACE_STATES,
    BreathingSpaceKind,
    BreathingSpaceStatus,
    ClaimStatus,
    ContactChannel,
)
from civil_claims.models import BreathingSpace, Claim
from civil_claims.selectors import claim_next_step, claims_for_user
from civil_claims.services import claim_breathing_space_enter, claim_breathing_space_lift
from digital_services.audit.models import AuditEvent
from digital_services.core.transitions import TransitionNotAllowed
from digital_services.notifications.models import OutboundMessage
from tests.conftest import sign_in
from tests.tribunal_fees.factories import UserFactory

from .factories import claim_issued, party_draft

pytestmark = pytest.mark.django_db

ISSUED = "2026-12-01 10:00 +0000"  # a Tuesday: issued that day, deadline Mon 21 Dec 2026
DEADLINE = dt.date(2026, 12, 21)
STARTED = dt.date(2026, 12, 1)  # the issue day: 20 days before the deadline


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(ISSUED, tick=False) as traveller:
        yield traveller


def _claim_in(status: str, **kwargs) -> Claim:
    claim = claim_issued(**kwargs)
    Claim.objects.filter(pk=claim.pk).update(status=status)
    claim.refresh_from_db()
    return claim


def _enter(claim, actor, started_on=STARTED, **kwargs):
    return claim_breathing_space_enter(
        claim=claim,
        actor=actor,
        kind=kwargs.pop("kind", BreathingSpaceKind.STANDARD),
        started_on=started_on,
        reference=kwargs.pop("reference", "BS-1234567"),
        **kwargs,
    )


def _messages(claim, template):
    return list(
        OutboundMessage.objects.filter(object_id=str(claim.pk), template_key=template).order_by(
            "id"
        )
    )


def _events(claim, action):
    return AuditEvent.objects.filter(object_id=str(claim.pk), action=action).count()


def test_the_allowed_states_are_the_issued_ones_still_with_the_court():
    assert ClaimStatus.OPEN in BREATHING_SPACE_STATES
    assert ClaimStatus.STAYED in BREATHING_SPACE_STATES
    for refused in (
        ClaimStatus.CLOSED,
        ClaimStatus.SETTLED,
        ClaimStatus.TRANSFERRED,
        ClaimStatus.CLOSED_NOT_ISSUED,
        ClaimStatus.AWAITING_PAYMENT,
        ClaimStatus.HWF_PENDING,
    ):
        assert refused not in BREATHING_SPACE_STATES


@pytest.mark.parametrize("status", ClaimStatus.values)
def test_enter_from_every_status(status, caseworker):
    claim = _claim_in(status)
    sent_before = OutboundMessage.objects.count()
    if status in BREATHING_SPACE_STATES:
        space = _enter(claim, caseworker)
        assert (space.status, space.kind, space.reference, space.started_on) == (
            BreathingSpaceStatus.IN_FORCE,
            BreathingSpaceKind.STANDARD,
            "BS-1234567",
            STARTED,
        )
        assert (space.deadline_before, space.created_by) == (DEADLINE, caseworker)
        assert _events(claim, "claim.breathing_space_entered") == 1
        assert len(_messages(claim, "civil_claims.breathing_space_entered")) == 2
        claim.refresh_from_db()
        assert claim.status == status  # paused, not moved
    else:
        with pytest.raises(TransitionNotAllowed, match="a breathing space cannot be entered"):
            _enter(claim, caseworker)
        assert not BreathingSpace.objects.filter(claim=claim).exists()
        assert OutboundMessage.objects.count() == sent_before
        assert _events(claim, "claim.breathing_space_entered") == 0


@pytest.mark.parametrize("status", ClaimStatus.values)
def test_lift_from_every_status(status, caseworker, _now):
    claim = claim_issued()
    space = _enter(claim, caseworker)
    Claim.objects.filter(pk=claim.pk).update(status=status)
    claim.refresh_from_db()
    _now.move_to("2027-02-01 10:00 +0000")
    if status in BREATHING_SPACE_STATES:
        claim_breathing_space_lift(claim=claim, actor=caseworker, lifted_on=dt.date(2027, 2, 1))
        space.refresh_from_db()
        assert (space.status, space.lifted_on, space.lifted_by) == (
            BreathingSpaceStatus.LIFTED,
            dt.date(2027, 2, 1),
            caseworker,
        )
        assert _events(claim, "claim.breathing_space_lifted") == 1
    else:
        with pytest.raises(TransitionNotAllowed, match="a breathing space cannot be lifted"):
            claim_breathing_space_lift(claim=claim, actor=caseworker, lifted_on=dt.date(2027, 2, 1))
        space.refresh_from_db()
        assert space.status == BreathingSpaceStatus.IN_FORCE
        claim.refresh_from_db()
        assert claim.response_deadline == DEADLINE
        assert _events(claim, "claim.breathing_space_lifted") == 0


def test_a_second_breathing_space_is_refused_while_one_is_in_force(caseworker):
    claim = claim_issued()
    _enter(claim, caseworker)
    with pytest.raises(TransitionNotAllowed, match="already paused by a breathing space"):
        _enter(claim, caseworker, kind=BreathingSpaceKind.MENTAL_HEALTH)
    assert BreathingSpace.objects.filter(claim=claim).count() == 1


def test_lifting_without_a_breathing_space_is_refused(caseworker):
    claim = claim_issued()
    with pytest.raises(TransitionNotAllowed, match="is not in a breathing space"):
        claim_breathing_space_lift(claim=claim, actor=caseworker, lifted_on=dt.date(2026, 12, 1))


def test_lifting_gives_the_days_that_were_left_from_the_day_it_ended(caseworker, _now):
    claim = claim_issued()
    assert claim.response_deadline == DEADLINE
    _enter(claim, caseworker)
    _now.move_to("2027-01-27 10:00 +0000")
    space = claim_breathing_space_lift(
        claim=claim, actor=caseworker, lifted_on=dt.date(2027, 1, 27)
    )
    claim.refresh_from_db()
    # 20 days were left on 1 December; 27 January + 20 = Tuesday 16 February 2027.
    assert claim.response_deadline == dt.date(2027, 2, 16)
    assert (space.deadline_before, space.deadline_after) == (DEADLINE, dt.date(2027, 2, 16))
    event = AuditEvent.objects.get(object_id=str(claim.pk), action="claim.breathing_space_lifted")
    assert (event.detail["deadline_before"], event.detail["deadline_after"]) == (
        "2026-12-21",
        "2027-02-16",
    )


def test_a_new_deadline_on_a_weekend_moves_to_the_next_working_day(caseworker, _now):
    claim = claim_issued()
    _enter(claim, caseworker)
    _now.move_to("2027-02-01 10:00 +0000")
    claim_breathing_space_lift(claim=claim, actor=caseworker, lifted_on=dt.date(2027, 2, 1))
    claim.refresh_from_db()
    assert claim.response_deadline == dt.date(2027, 2, 22)  # 1 Feb + 20 = Sun 21 → Mon 22


def test_a_defendant_who_has_responded_keeps_the_deadline_as_it_was(caseworker, _now):
    claim = claim_issued()
    Claim.objects.filter(pk=claim.pk).update(responded_at=dt.datetime(2026, 12, 2, tzinfo=dt.UTC))
    _enter(claim, caseworker)
    _now.move_to("2027-02-01 10:00 +0000")
    claim_breathing_space_lift(claim=claim, actor=caseworker, lifted_on=dt.date(2027, 2, 1))
    claim.refresh_from_db()
    assert claim.response_deadline == DEADLINE
    assert len(_messages(claim, "civil_claims.breathing_space_lifted")) == 2
    assert not _messages(claim, "civil_claims.breathing_space_lifted_deadline")


def test_a_start_in_the_future_or_an_unknown_type_is_refused(caseworker):
    claim = claim_issued()
    with pytest.raises(ValidationError) as caught:
        _enter(claim, caseworker, started_on=dt.date(2026, 12, 2), kind="short")
    assert set(caught.value.message_dict) == {"started_on", "kind"}
    assert not BreathingSpace.objects.filter(claim=claim).exists()


def test_an_end_before_the_start_or_in_the_future_is_refused(caseworker):
    claim = claim_issued()
    space = _enter(claim, caseworker, started_on=dt.date(2026, 11, 30))
    for lifted_on in (dt.date(2026, 11, 29), dt.date(2026, 12, 2)):
        with pytest.raises(ValidationError) as caught:
            claim_breathing_space_lift(claim=claim, actor=caseworker, lifted_on=lifted_on)
        assert "lifted_on" in caught.value.message_dict
    space.refresh_from_db()
    assert space.status == BreathingSpaceStatus.IN_FORCE


def test_both_parties_are_told_by_their_own_route(caseworker, _now):
    # The claimant chose text messages; the defendant has no email: post only.
    claim = claim_issued(
        claimant=party_draft(contact_channel=ContactChannel.SMS, mobile="07700900123", email="")
    )
    _enter(claim, caseworker)
    entered = _messages(claim, "civil_claims.breathing_space_entered")
    assert sorted(m.channel for m in entered) == ["letter", "sms"]
    letter = next(m for m in entered if m.channel == "letter")
    assert (
        "LS1 1AA" not in letter.recipient and "CF10 1AA" in letter.recipient
    )  # the defendant's address
    assert letter.personalisation["started_on"] == "1 December 2026"

    _now.move_to("2027-02-01 10:00 +0000")
    claim_breathing_space_lift(claim=claim, actor=caseworker, lifted_on=dt.date(2027, 2, 1))
    lifted = _messages(claim, "civil_claims.breathing_space_lifted_deadline")
    assert sorted(m.channel for m in lifted) == ["letter", "sms"]
    sms = next(m for m in lifted if m.channel == "sms")
    assert sms.recipient == "07700900123"
    assert sms.personalisation["response_deadline"] == "22 February 2027"


def test_an_email_claimant_is_emailed(caseworker):
    claim = claim_issued()  # the factory's claimant chose email
    _enter(claim, caseworker)
    channels = {
        m.channel: m.recipient for m in _messages(claim, "civil_claims.breathing_space_entered")
    }
    assert channels == {"email": "alex@example.com", "letter": channels["letter"]}


def test_claim_page_and_your_applications_say_the_claim_is_paused(client, caseworker, _now):
    user = UserFactory()
    sign_in(client, user)
    claim = claim_issued(user=user)
    _enter(claim, caseworker)
    claim = Claim.objects.get(pk=claim.pk)
    assert "breathing space" in claim_next_step(claim)
    assert "paused" in claims_for_user(user)[0].status
    page = client.get(reverse("civil_claims:claim-detail", args=[claim.reference])).content.decode()
    assert 'id="claim-breathing-space"' in page
    assert "The defendant must respond by" not in page
    assert "Breathing space began: the claim is paused" in page
    applications = client.get(reverse("accounts:your-applications")).content.decode()
    assert "defendant is in a breathing space" in applications

    _now.move_to("2027-02-01 10:00 +0000")
    claim_breathing_space_lift(claim=claim, actor=caseworker, lifted_on=dt.date(2027, 2, 1))
    claim = Claim.objects.get(pk=claim.pk)
    assert "breathing space" not in claim_next_step(claim)
    assert "22 February 2027" in claim_next_step(claim)
    sign_in(client, user)  # two months on, the session has ended
    page = client.get(reverse("civil_claims:claim-detail", args=[claim.reference])).content.decode()
    assert "The defendant must respond by" in page
    assert "Breathing space ended: the claim goes ahead again" in page


def _action(claim, slug):
    return reverse(f"admin:civil_claims_claim_{slug.replace('-', '_')}", args=[claim.pk])


@pytest.fixture
def staff_client(client, caseworker):
    sign_in(client, caseworker, second_factor=True)
    return client


def test_caseworker_enters_and_lifts_a_breathing_space_from_the_case_page(
    staff_client, caseworker, _now
):
    claim = claim_issued()
    change = reverse("admin:civil_claims_claim_change", args=[claim.pk])
    assert _action(claim, "breathing-space-enter") in staff_client.get(change).content.decode()
    page = staff_client.post(
        _action(claim, "breathing-space-enter"),
        {"kind": "mental_health", "started_on": "01/12/2026", "reference": "BS 99"},
        follow=True,
    )
    assert "Breathing space entered" in page.content.decode()
    space = BreathingSpace.objects.get(claim=claim)
    assert (space.kind, space.reference) == (BreathingSpaceKind.MENTAL_HEALTH, "BS 99")
    body = staff_client.get(change).content.decode()
    assert _action(claim, "breathing-space-lift") in body
    assert _action(claim, "breathing-space-enter") not in body

    _now.move_to("2027-02-01 10:00 +0000")
    sign_in(staff_client, caseworker, second_factor=True)  # two months on: a new session
    page = staff_client.post(
        _action(claim, "breathing-space-lift"), {"lifted_on": "01/02/2027"}, follow=True
    )
    assert "The response deadline is now 22 February 2027" in page.content.decode()
    space.refresh_from_db()
    assert space.status == BreathingSpaceStatus.LIFTED


def test_bad_dates_come_back_on_the_form_with_what_was_typed(staff_client):
    claim = claim_issued()
    page = staff_client.post(
        _action(claim, "breathing-space-enter"),
        {"kind": "standard", "started_on": "31/02/2026", "reference": "BS-KEEP-ME"},
    )
    body = page.content.decode()
    assert page.status_code == 200
    assert "Enter the date the breathing space began as a real date" in body
    assert "BS-KEEP-ME" in body
    page = staff_client.post(
        _action(claim, "breathing-space-enter"), {"kind": "standard", "started_on": "02/12/2026"}
    )
    assert "must be today or in the past" in page.content.decode()
    assert not BreathingSpace.objects.filter(claim=claim).exists()


def test_a_refused_breathing_space_says_why_on_the_case_page(staff_client):
    claim = _claim_in(ClaimStatus.SETTLED)
    page = staff_client.post(
        _action(claim, "breathing-space-enter"),
        {"kind": "standard", "started_on": "01/12/2026"},
        follow=True,
    )
    assert "is settled: a breathing space cannot be entered on it" in page.content.decode()
    assert not BreathingSpace.objects.filter(claim=claim).exists()
