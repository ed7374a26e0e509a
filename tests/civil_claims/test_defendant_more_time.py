"""More time: 14 more days once, before 16:00 on the deadline day, the deadline worked out
again from the issue date and moved to a working day (weekends and England and Wales bank
holidays); refused with the reason otherwise; audited; both parties told by their route."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from civil_claims.constants import (
    BreathingSpaceKind,
    CasemanEventKind,
    ClaimStatus,
    ContactChannel,
)
from civil_claims.models import CasemanEvent, Claim
from civil_claims.services import claim_breathing_space_enter
from civil_claims.services.defendant import (
    MoreTimeRefused,
    claim_more_time_refusal,
    claim_more_time_request,
    more_time_deadline,
)
from digital_services.audit.models import AuditEvent
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in

from .factories import claim_issued, defendant_draft, party_draft
from .factories_defendant import claim_linked_to, messages_about

pytestmark = pytest.mark.django_db


def _issued_at(moment: str, **kwargs) -> Claim:
    with time_machine.travel(moment, tick=False):
        return claim_issued(**kwargs)


def _ask(claim, at: str) -> Claim:
    with time_machine.travel(at, tick=False):
        return claim_more_time_request(claim=claim)


@pytest.mark.parametrize(
    ("issued", "deadline", "with_more_time"),
    [
        # Wed 25 Nov 2026: issue + 19 = Mon 14 Dec; issue + 33 = Mon 28 Dec, a bank holiday
        # (Boxing Day's substitute): Tue 29 Dec.
        ("2026-11-25 10:00 +0000", dt.date(2026, 12, 14), dt.date(2026, 12, 29)),
        # Wed 9 Dec 2026: issue + 19 = Mon 28 Dec (bank holiday) → Tue 29 Dec; more time is
        # counted from the issue date (issue + 33 = Mon 11 Jan 2027), not from 29 Dec.
        ("2026-12-09 10:00 +0000", dt.date(2026, 12, 29), dt.date(2027, 1, 11)),
        # Mon 1 Feb 2027: issue + 19 = Sat 20 Feb → Mon 22 Feb; issue + 33 = Sat 6 Mar → Mon 8 Mar.
        ("2027-02-01 10:00 +0000", dt.date(2027, 2, 22), dt.date(2027, 3, 8)),
        # Submitted at 16:00 on Fri 4 Dec 2026: issued Mon 7 Dec; + 19 = Sat 26 Dec, then
        # Sun, then the Boxing Day holiday on Mon 28 → Tue 29 Dec; + 33 = Sat 9 Jan → Mon 11 Jan.
        ("2026-12-04 16:00 +0000", dt.date(2026, 12, 29), dt.date(2027, 1, 11)),
    ],
)
def test_more_time_moves_the_deadline_to_issue_plus_33_on_a_working_day(
    issued, deadline, with_more_time
):
    claim = _issued_at(issued)
    assert claim.response_deadline == deadline
    assert more_time_deadline(claim) == with_more_time
    moment = f"{deadline - dt.timedelta(days=1)} 12:00 +0000"
    claim = _ask(claim, moment)
    assert claim.response_deadline == with_more_time
    claim.refresh_from_db()
    assert claim.response_deadline == with_more_time
    assert claim.more_time_given_at is not None
    assert claim.status == ClaimStatus.OPEN


@pytest.mark.parametrize(
    ("at", "allowed"),
    [
        ("2026-12-14 15:59:59 +0000", True),  # GMT: 15:59:59 on the deadline day
        ("2026-12-14 16:00:00 +0000", False),  # 16:00 on the deadline day: too late
        ("2026-12-15 09:00:00 +0000", False),
    ],
)
def test_more_time_can_be_asked_for_until_16_00_on_the_deadline_day(at, allowed):
    claim = _issued_at("2026-11-25 10:00 +0000")  # deadline Mon 14 Dec 2026
    if allowed:
        assert _ask(claim, at).response_deadline == dt.date(2026, 12, 29)
        return
    with pytest.raises(MoreTimeRefused) as refused:
        _ask(claim, at)
    assert str(refused.value) == (
        "More time cannot be given after the deadline to respond, which was 4pm on 14 December 2026"
    )
    claim.refresh_from_db()
    assert claim.response_deadline == dt.date(2026, 12, 14)
    assert claim.more_time_given_at is None


def test_the_16_00_cut_off_is_london_time_in_summer():
    claim = _issued_at("2027-06-02 09:00 +0000")  # Wed 2 Jun 2027: deadline Mon 21 Jun
    assert claim.response_deadline == dt.date(2027, 6, 21)
    with time_machine.travel("2027-06-21 15:00 +0000", tick=False):  # 16:00 BST
        assert "after the deadline" in claim_more_time_refusal(claim)
    with time_machine.travel("2027-06-21 14:59 +0000", tick=False):  # 15:59 BST
        assert claim_more_time_refusal(claim) == ""


def test_more_time_is_given_once_only():
    claim = _issued_at("2026-11-25 10:00 +0000")
    _ask(claim, "2026-12-01 10:00 +0000")
    with pytest.raises(MoreTimeRefused) as refused:
        _ask(claim, "2026-12-02 10:00 +0000")
    assert "More time can only be given once" in str(refused.value)
    assert "4pm on 29 December 2026" in str(refused.value)
    claim.refresh_from_db()
    assert claim.response_deadline == dt.date(2026, 12, 29)


@pytest.mark.parametrize(
    "status", [s for s in Claim.TRANSITIONS[ClaimStatus.OPEN]] + [ClaimStatus.AWAITING_PAYMENT]
)
def test_more_time_is_refused_unless_the_claim_waits_for_a_response(status):
    claim = _issued_at("2026-11-25 10:00 +0000")
    Claim.objects.filter(pk=claim.pk).update(status=status)
    claim.refresh_from_db()
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        assert "no longer waiting for a response" in claim_more_time_refusal(claim)
        with pytest.raises(MoreTimeRefused):
            claim_more_time_request(claim=claim)


def test_more_time_is_refused_during_a_breathing_space(caseworker):
    claim = _issued_at("2026-11-25 10:00 +0000")
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        claim_breathing_space_enter(
            claim=claim,
            actor=caseworker,
            kind=BreathingSpaceKind.STANDARD,
            started_on=dt.date(2026, 12, 1),
        )
        assert "paused by a breathing space" in claim_more_time_refusal(claim)


def test_more_time_is_audited_and_both_parties_are_told_by_their_route():
    claim = _issued_at(
        "2026-11-25 10:00 +0000",
        claimant=party_draft(contact_channel=ContactChannel.SMS, mobile="07700900123", email=""),
        defendant=defendant_draft(email="dee@example.com", contact_channel=ContactChannel.EMAIL),
    )
    before = set(messages_about(claim).values_list("pk", flat=True))
    user = UserFactory()
    _ask_as(claim, user)
    event = AuditEvent.objects.get(action="claim.more_time_given", object_id=str(claim.pk))
    assert event.actor == user
    assert event.detail["deadline_was"] == "2026-12-14"
    assert event.detail["deadline"] == "2026-12-29"

    sent = [m for m in messages_about(claim) if m.pk not in before]
    by_template = {m.template_key: m for m in sent}
    assert set(by_template) == {
        "civil_claims.more_time_defendant",
        "civil_claims.more_time_claimant",
    }
    claimant_msg = by_template["civil_claims.more_time_claimant"]
    assert (claimant_msg.channel, claimant_msg.recipient) == ("sms", "07700900123")
    defendant_msg = by_template["civil_claims.more_time_defendant"]
    assert (defendant_msg.channel, defendant_msg.recipient) == ("email", "dee@example.com")
    assert defendant_msg.personalisation["response_deadline"] == "29 December 2026"


def _ask_as(claim, user):
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        claim_more_time_request(claim=claim, actor=user)


def test_a_defendant_on_post_is_told_by_letter():
    claim = _issued_at("2026-11-25 10:00 +0000")  # the factory's defendant: no email
    before = set(messages_about(claim).values_list("pk", flat=True))
    _ask(claim, "2026-12-01 10:00 +0000")
    sent = {m.template_key: m.channel for m in messages_about(claim) if m.pk not in before}
    assert sent == {
        "civil_claims.more_time_defendant": "letter",
        "civil_claims.more_time_claimant": "email",
    }


# The pages --------------------------------------------------------------------------------


@pytest.fixture
def linked(client):
    with time_machine.travel("2026-11-25 10:00 +0000", tick=False):
        user = UserFactory()
        claim = claim_linked_to(user)
    sign_in(client, user)
    return claim


def test_the_more_time_page_shows_the_new_deadline_then_gives_it(client, linked):
    url = reverse("civil_claims:respond-more-time", args=[linked.reference])
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        page = client.get(url).content.decode()
        assert "4pm on Tuesday 29 December 2026" in page
        response = client.post(url)
        assert response["Location"] == reverse(
            "civil_claims:respond-claim", args=[linked.reference]
        )
        claim_page = client.get(response["Location"]).content.decode()
    assert "29 December 2026" in claim_page
    assert "14 more days to respond were given on 1 December 2026" in claim_page
    assert 'id="ask-more-time"' not in claim_page


def test_asking_after_the_deadline_gets_an_error_with_the_reason(client, linked):
    url = reverse("civil_claims:respond-more-time", args=[linked.reference])
    with time_machine.travel("2026-12-14 16:00 +0000", tick=False):
        sign_in(client, linked.defendant.user)  # a fresh session on the day
        claim_page = client.get(reverse("civil_claims:respond-claim", args=[linked.reference]))
        assert 'id="ask-more-time"' not in claim_page.content.decode()
        response = client.post(url)
    body = response.content.decode()
    assert response.status_code == 409
    assert "<title>Error: " in body
    assert 'class="govuk-error-summary"' in body
    assert "More time cannot be given after the deadline to respond" in body
    linked.refresh_from_db()
    assert linked.more_time_given_at is None


def test_a_second_request_through_the_page_is_refused_with_the_reason(client, linked):
    url = reverse("civil_claims:respond-more-time", args=[linked.reference])
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        client.post(url)
        response = client.post(url)
    assert response.status_code == 409
    assert "More time can only be given once" in response.content.decode()


def test_caseman_is_sent_the_new_deadline_and_nothing_when_refused():
    claim = _issued_at("2026-11-25 10:00 +0000")
    _ask(claim, "2026-12-01 10:00 +0000")
    [event] = CasemanEvent.objects.filter(claim=claim, kind=CasemanEventKind.MORE_TIME)
    assert event.payload["event"] == "more_time"
    assert event.payload["response_deadline"] == "2026-12-29"
    with pytest.raises(MoreTimeRefused):
        _ask(claim, "2026-12-02 10:00 +0000")
    assert CasemanEvent.objects.filter(claim=claim, kind=CasemanEventKind.MORE_TIME).count() == 1
