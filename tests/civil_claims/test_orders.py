"""Directions on a defended claim: the order drawn (wording kept, who and when, audited, sent
to each party by their route: an email to the claimant, a PDF letter to the defendant), a
party's request that a judge reconsider a legal adviser's order within 19 days, the judge's
decision, the beat job that makes the claim ready for transfer 19 days after the order
(under time-machine, once), and both dashboards' words for each of these states."""

import datetime as dt
import io

import pytest
import time_machine
from django.utils import timezone
from pypdf import PdfReader

from civil_claims.constants import (
    ClaimStatus,
    OrderMadeBy,
    PartyRole,
    ReconsiderationResult,
)
from civil_claims.models import Claim, DirectionsOrder
from civil_claims.selectors import claim_next_step
from civil_claims.selectors_defendant import defendant_next_step
from civil_claims.services import claim_breathing_space_enter, claim_transfer
from civil_claims.services.claimant import claim_go_ahead
from civil_claims.services.orders import (
    claim_order_draw,
    claim_order_reconsider,
    claim_order_reconsideration_request,
)
from civil_claims.tasks import BEAT_SCHEDULE, claims_order_transfer_ready_task
from digital_services.audit.models import AuditEvent
from digital_services.core.transitions import TransitionNotAllowed
from digital_services.notifications.letters import letter_for_message, letter_pdf

from .factories_claimant import claim_answered, full_defence
from .factories_defendant import messages_about

pytestmark = pytest.mark.django_db

ORDER = "1. The claim is allocated to the small claims track.\n2. Each party must send copies of their documents by 4pm on 15 January 2027."


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False) as traveller:
        yield traveller


def ready_for_directions() -> Claim:
    """A defended claim whose claimant goes ahead without mediation (the real path)."""
    claim = claim_answered(**full_defence())
    claim_go_ahead(claim=claim, free_mediation=False, actor=None)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.READY_FOR_DIRECTIONS
    return claim


def _sent(claim, template):
    return [m for m in messages_about(claim) if m.template_key == template]


def _audited(claim, action, actor):
    return AuditEvent.objects.filter(object_id=str(claim.pk), action=action, actor=actor).exists()


def test_drawing_an_order_keeps_its_wording_and_sends_it_to_each_party_by_their_route(
    caseworker,
):
    claim = ready_for_directions()
    order = claim_order_draw(
        claim=claim, made_by=OrderMadeBy.LEGAL_ADVISER, text=ORDER, actor=caseworker
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.ORDER_DRAWN
    assert claim.current_order == order
    assert (order.text, order.made_by, order.drawn_by) == (
        ORDER,
        OrderMadeBy.LEGAL_ADVISER,
        caseworker,
    )
    assert order.reconsider_by == dt.date(2026, 12, 20)
    assert _audited(claim, "claim.order_drawn", caseworker)
    sent = _sent(claim, "civil_claims.order_drawn_legal_adviser")
    assert sorted(m.channel for m in sent) == ["email", "letter"]  # claimant email, defendant post
    for message in sent:
        assert message.personalisation["order_text"] == ORDER
        assert message.personalisation["reconsider_by"] == "20 December 2026"
        assert message.personalisation["transfer_on"] == "20 December 2026"
    letter = next(m for m in sent if m.channel == "letter")
    text = " ".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(letter_pdf(letter_for_message(letter)))).pages
    )
    assert "small claims track" in text and "20 December 2026" in text


def test_a_judges_order_has_no_reconsideration_and_says_so(caseworker):
    claim = ready_for_directions()
    claim_order_draw(claim=claim, made_by=OrderMadeBy.JUDGE, text=ORDER, actor=caseworker)
    assert len(_sent(claim, "civil_claims.order_drawn_judge")) == 2
    assert not _sent(claim, "civil_claims.order_drawn_legal_adviser")
    with pytest.raises(TransitionNotAllowed, match="Only a legal adviser"):
        claim_order_reconsideration_request(
            claim=claim, party=PartyRole.DEFENDANT, reason="Unfair", actor=caseworker
        )
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.ORDER_DRAWN


@pytest.mark.parametrize(
    "made_by, text, error",
    [("", ORDER, "made_by"), ("clerk", ORDER, "made_by"), (OrderMadeBy.JUDGE, "  ", "text")],
)
def test_an_order_needs_its_maker_and_wording(caseworker, made_by, text, error):
    from django.core.exceptions import ValidationError

    claim = ready_for_directions()
    with pytest.raises(ValidationError) as raised:
        claim_order_draw(claim=claim, made_by=made_by, text=text, actor=caseworker)
    assert error in raised.value.message_dict
    assert not DirectionsOrder.objects.filter(claim=claim).exists()


def _drawn(caseworker, made_by=OrderMadeBy.LEGAL_ADVISER) -> Claim:
    claim = ready_for_directions()
    claim_order_draw(claim=claim, made_by=made_by, text=ORDER, actor=caseworker)
    claim.refresh_from_db()
    return claim


def test_reconsideration_is_asked_for_within_19_days_only(caseworker, _now):
    late = _drawn(caseworker)
    in_time = _drawn(caseworker)
    _now.move_to("2026-12-21 09:00 +0000")
    with pytest.raises(TransitionNotAllowed, match="ended on 20 December 2026"):
        claim_order_reconsideration_request(
            claim=late, party=PartyRole.CLAIMANT, reason="Too soon", actor=caseworker
        )
    assert Claim.objects.get(pk=late.pk).status == ClaimStatus.ORDER_DRAWN
    _now.move_to("2026-12-20 18:00 +0000")
    order = claim_order_reconsideration_request(
        claim=in_time, party=PartyRole.DEFENDANT, reason="I was not heard", actor=caseworker
    )
    in_time.refresh_from_db()
    assert in_time.status == ClaimStatus.RECONSIDERATION_REQUESTED
    assert (order.reconsideration_party, order.reconsideration_requested_by) == (
        PartyRole.DEFENDANT,
        caseworker,
    )
    assert _audited(in_time, "claim.reconsideration_requested", caseworker)
    assert len(_sent(in_time, "civil_claims.reconsideration_requested_by_defendant")) == 2
    with pytest.raises(TransitionNotAllowed):  # once
        claim_order_reconsideration_request(
            claim=in_time, party=PartyRole.CLAIMANT, reason="Me too", actor=caseworker
        )


def test_the_judge_confirms_the_order(caseworker):
    claim = _drawn(caseworker)
    claim_order_reconsideration_request(
        claim=claim, party=PartyRole.CLAIMANT, reason="Wrong track", actor=caseworker
    )
    order = claim_order_reconsider(
        claim=claim, result=ReconsiderationResult.CONFIRMED, actor=caseworker
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED
    assert claim.current_order == order and order.reconsidered_by == caseworker
    assert _audited(claim, "claim.order_reconsidered", caseworker)
    assert sorted(m.channel for m in _sent(claim, "civil_claims.order_confirmed")) == [
        "email",
        "letter",
    ]


def test_the_judge_makes_a_new_order_which_replaces_the_legal_advisers(caseworker):
    from django.core.exceptions import ValidationError

    claim = _drawn(caseworker)
    first = claim.current_order
    claim_order_reconsideration_request(
        claim=claim, party=PartyRole.DEFENDANT, reason="Wrong track", actor=caseworker
    )
    with pytest.raises(ValidationError):
        claim_order_reconsider(
            claim=claim, result=ReconsiderationResult.NEW_ORDER, actor=caseworker
        )
    new = claim_order_reconsider(
        claim=claim,
        result=ReconsiderationResult.NEW_ORDER,
        text="The claim is allocated to the fast track.",
        actor=caseworker,
    )
    claim.refresh_from_db()
    first.refresh_from_db()
    assert claim.status == ClaimStatus.ORDER_DRAWN
    assert (new.made_by, new.replaces, claim.current_order) == (OrderMadeBy.JUDGE, first, new)
    assert first.reconsideration_result == ReconsiderationResult.NEW_ORDER
    assert len(_sent(claim, "civil_claims.order_drawn_judge")) == 2


# The beat job ---------------------------------------------------------------------------


def test_the_transfer_job_is_in_the_beat_schedule():
    entry = BEAT_SCHEDULE["civil-claims-order-transfer-ready"]
    assert entry["task"] == "civil_claims.order_transfer_ready"


def test_19_days_after_the_order_the_claim_is_ready_for_transfer_once(caseworker, _now):
    drawn = _drawn(caseworker)  # 1 Dec 2026: ready on 20 Dec
    confirmed = _drawn(caseworker)
    claim_order_reconsideration_request(
        claim=confirmed, party=PartyRole.CLAIMANT, reason="No", actor=caseworker
    )
    claim_order_reconsider(
        claim=confirmed, result=ReconsiderationResult.CONFIRMED, actor=caseworker
    )
    waiting = _drawn(caseworker)
    claim_order_reconsideration_request(
        claim=waiting, party=PartyRole.CLAIMANT, reason="No", actor=caseworker
    )
    _now.move_to("2026-12-19 23:30 +0000")
    assert claims_order_transfer_ready_task.run() == 0
    _now.move_to("2026-12-20 06:25 +0000")
    assert claims_order_transfer_ready_task.run() == 2
    assert claims_order_transfer_ready_task.run() == 0  # once
    for claim in (drawn, confirmed):
        claim.refresh_from_db()
        assert claim.status == ClaimStatus.READY_FOR_TRANSFER
        assert claim.ready_for_transfer_at is not None
        event = AuditEvent.objects.get(object_id=str(claim.pk), action="claim.ready_for_transfer")
        assert event.actor is None
        assert sorted(m.channel for m in _sent(claim, "civil_claims.ready_for_transfer")) == [
            "email",
            "letter",
        ]
    # A reconsideration still waiting for the judge holds the claim.
    assert Claim.objects.get(pk=waiting.pk).status == ClaimStatus.RECONSIDERATION_REQUESTED
    # Then a caseworker transfers it.
    claim_transfer(claim=drawn, actor=caseworker, court="Leeds County Court")
    assert Claim.objects.get(pk=drawn.pk).status == ClaimStatus.TRANSFERRED


def test_the_transfer_job_leaves_a_claim_in_a_breathing_space(caseworker, _now):
    claim = _drawn(caseworker)
    claim_breathing_space_enter(
        claim=claim, actor=caseworker, kind="standard", started_on=dt.date(2026, 12, 1)
    )
    _now.move_to("2027-01-05 10:00 +0000")
    assert claims_order_transfer_ready_task.run() == 0
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.ORDER_DRAWN


# Dashboards -----------------------------------------------------------------------------


def test_both_dashboards_give_each_directions_state_with_its_next_step_and_date(caseworker, _now):
    claim = _drawn(caseworker)
    claim = Claim.objects.get(pk=claim.pk)
    words = claim_next_step(claim)
    assert "A legal adviser made an order on 1 December 2026" in words
    assert "by 20 December 2026" in words
    assert "On 20 December 2026 the claim will be ready to move" in words
    assert "A legal adviser made an order" in defendant_next_step(claim)
    claim_order_reconsideration_request(
        claim=claim, party=PartyRole.DEFENDANT, reason="No", actor=caseworker
    )
    claim = Claim.objects.get(pk=claim.pk)
    assert claim_next_step(claim).startswith("The defendant asked on 1 December 2026")
    assert defendant_next_step(claim).startswith("You asked on 1 December 2026")
    _now.move_to("2026-12-03 10:00 +0000")
    claim_order_reconsider(claim=claim, result=ReconsiderationResult.CONFIRMED, actor=caseworker)
    claim = Claim.objects.get(pk=claim.pk)
    assert "A judge confirmed the order on 3 December 2026" in claim_next_step(claim)
    assert "On 20 December 2026" in defendant_next_step(claim)
    _now.move_to("2026-12-20 07:00 +0000")
    claims_order_transfer_ready_task.run()
    claim = Claim.objects.get(pk=claim.pk)
    for words in (claim_next_step(claim), defendant_next_step(claim)):
        assert words.startswith("On 20 December 2026 the claim became ready to move")
    # After the 19 days, the words no longer offer a reconsideration.
    late = _drawn(caseworker)
    _now.move_to("2027-01-20 07:00 +0000")
    Claim.objects.filter(pk=late.pk).update(status=ClaimStatus.ORDER_DRAWN)
    assert "reconsider" not in claim_next_step(Claim.objects.get(pk=late.pk))


def test_the_orders_go_with_the_claim_at_the_end_of_its_retention(caseworker, _now):
    from civil_claims.retention import CLAIM_RETENTION_DAYS
    from digital_services.privacy.retention import retention_run

    claim = _drawn(caseworker)
    claim_order_reconsideration_request(
        claim=claim, party=PartyRole.CLAIMANT, reason="My own reasons", actor=caseworker
    )
    claim_order_reconsider(
        claim=claim, result=ReconsiderationResult.NEW_ORDER, text="New.", actor=caseworker
    )
    assert DirectionsOrder.objects.filter(claim=claim).count() == 2
    _now.move_to(timezone.now() + dt.timedelta(days=CLAIM_RETENTION_DAYS + 2))
    retention_run()
    assert not Claim.objects.filter(pk=claim.pk).exists()
    assert not DirectionsOrder.objects.filter(claim_id=claim.pk).exists()
