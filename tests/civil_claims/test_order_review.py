"""A draft directions order sent to a judge or a legal adviser to review (the notes'
ORDER_FOR_JUDGE_REVIEW / ORDER_FOR_LA_REVIEW): the draft kept with who drafted it, audited,
no message to the parties; approved as drafted or with changed wording it is drawn and sent
to each party by their route exactly as an order drawn at once (the 19 days start from the
approval); sent back, the claim waits for directions again with the reason. A stay, a
breathing space, a settlement and a transfer from the review states; both dashboards' words;
the admin pages and the "orders to review" queue with its Due column."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from civil_claims.constants import ClaimStatus, OrderMadeBy, OrderReviewResult
from civil_claims.models import Claim, DirectionsOrder
from civil_claims.selectors import claim_next_step
from civil_claims.selectors_defendant import defendant_next_step
from civil_claims.services import claim_breathing_space_enter, claim_transfer
from civil_claims.services.casework import claim_stay
from civil_claims.services.orders import (
    claim_order_draft,
    claim_order_review,
    order_review_due_on,
)
from civil_claims.services.outcomes import claim_paid_in_full
from digital_services.audit.models import AuditEvent
from tests.conftest import sign_in

from .factories_defendant import messages_about
from .test_orders import ORDER, ready_for_directions

pytestmark = pytest.mark.django_db

PREPARING = "The court is preparing an order about what happens next with the claim."


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False) as traveller:
        yield traveller


@pytest.fixture
def staff_client(client, caseworker):
    sign_in(client, caseworker, second_factor=True)
    return client


def _audited(claim, action, actor):
    return AuditEvent.objects.filter(object_id=str(claim.pk), action=action, actor=actor).exists()


def _order_messages(claim):
    return [m for m in messages_about(claim) if m.template_key.startswith("civil_claims.order_")]


def _drafted(caseworker, review_by=OrderMadeBy.JUDGE) -> Claim:
    claim = ready_for_directions()
    claim_order_draft(claim=claim, review_by=review_by, text=ORDER, actor=caseworker)
    claim.refresh_from_db()
    return claim


@pytest.mark.parametrize(
    "review_by, status",
    [
        (OrderMadeBy.JUDGE, ClaimStatus.ORDER_FOR_JUDGE_REVIEW),
        (OrderMadeBy.LEGAL_ADVISER, ClaimStatus.ORDER_FOR_LA_REVIEW),
    ],
)
def test_a_draft_is_kept_with_who_drafted_it_and_nobody_is_told(caseworker, review_by, status):
    claim = _drafted(caseworker, review_by)
    assert claim.status == status
    draft = claim.current_order
    assert (draft.draft_text, draft.drafted_by, draft.made_by) == (ORDER, caseworker, review_by)
    assert draft.is_draft and draft.drafted_at is not None
    assert _audited(claim, "claim.order_drafted", caseworker)
    assert _order_messages(claim) == []
    # Both dashboards say the court is preparing an order, without the draft's wording.
    for words in (claim_next_step(claim), defendant_next_step(claim)):
        assert words.startswith(PREPARING) and "small claims track" not in words


def test_approved_as_drafted_it_is_drawn_and_sent_by_each_route(caseworker, _now):
    claim = _drafted(caseworker, OrderMadeBy.LEGAL_ADVISER)
    reviewer = caseworker
    _now.move_to("2026-12-03 10:00 +0000")
    order = claim_order_review(claim=claim, result=OrderReviewResult.APPROVED, actor=reviewer)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.ORDER_DRAWN and claim.current_order == order
    assert DirectionsOrder.objects.filter(claim=claim).count() == 1  # the draft became the order
    assert (order.text, order.review_result, order.reviewed_by) == (
        ORDER,
        OrderReviewResult.APPROVED,
        reviewer,
    )
    assert order.drawn_on == dt.date(2026, 12, 3)  # the 19 days start from the approval
    assert order.reconsider_by == dt.date(2026, 12, 22)
    assert _audited(claim, "claim.order_drawn", reviewer)
    sent = [m for m in messages_about(claim) if m.template_key.startswith("civil_claims.order_")]
    assert {m.template_key for m in sent} == {"civil_claims.order_drawn_legal_adviser"}
    assert sorted(m.channel for m in sent) == ["email", "letter"]
    assert all(m.personalisation["transfer_on"] == "22 December 2026" for m in sent)
    assert "A legal adviser made an order on 3 December 2026" in claim_next_step(claim)


def test_changed_wording_is_what_is_sent_and_the_draft_is_kept(caseworker):
    claim = _drafted(caseworker, OrderMadeBy.JUDGE)
    with pytest.raises(ValidationError) as raised:
        claim_order_review(claim=claim, result=OrderReviewResult.AMENDED, text=" ", actor=None)
    assert "text" in raised.value.message_dict
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.ORDER_FOR_JUDGE_REVIEW
    order = claim_order_review(
        claim=claim, result=OrderReviewResult.AMENDED, text="Fast track.", actor=caseworker
    )
    assert (order.text, order.draft_text) == ("Fast track.", ORDER)
    assert order.review_result == OrderReviewResult.AMENDED
    sent = _order_messages(claim)
    assert {m.template_key for m in sent} == {"civil_claims.order_drawn_judge"}
    assert all(m.personalisation["order_text"] == "Fast track." for m in sent)


def test_sent_back_the_claim_waits_for_directions_again_with_the_reason(caseworker):
    claim = _drafted(caseworker)
    with pytest.raises(ValidationError) as raised:
        claim_order_review(claim=claim, result=OrderReviewResult.RETURNED, actor=caseworker)
    assert "reason" in raised.value.message_dict
    claim_order_review(
        claim=claim, result=OrderReviewResult.RETURNED, reason="Wrong track", actor=caseworker
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.READY_FOR_DIRECTIONS and claim.current_order is None
    draft = DirectionsOrder.objects.get(claim=claim)
    assert (draft.review_result, draft.return_reason) == (OrderReviewResult.RETURNED, "Wrong track")
    assert _audited(claim, "claim.order_returned", caseworker)
    assert _order_messages(claim) == []
    # A new draft may follow.
    claim_order_draft(claim=claim, review_by=OrderMadeBy.JUDGE, text="Again.", actor=caseworker)
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.ORDER_FOR_JUDGE_REVIEW


@pytest.mark.parametrize("review_by", [OrderMadeBy.JUDGE, OrderMadeBy.LEGAL_ADVISER])
def test_stay_breathing_space_settlement_and_transfer_from_a_review(caseworker, review_by):
    stayed = _drafted(caseworker, review_by)
    claim_stay(claim=stayed, actor=caseworker, reason="Court's own motion")
    assert Claim.objects.get(pk=stayed.pk).status == ClaimStatus.STAYED
    paused = _drafted(caseworker, review_by)
    claim_breathing_space_enter(
        claim=paused, actor=caseworker, kind="standard", started_on=dt.date(2026, 12, 1)
    )
    assert paused.breathing_spaces.count() == 1
    settled = _drafted(caseworker, review_by)
    claim_paid_in_full(claim=settled, received_on=dt.date(2026, 11, 30), actor=None)
    assert Claim.objects.get(pk=settled.pk).status == ClaimStatus.SETTLED
    moved = _drafted(caseworker, review_by)
    claim_transfer(claim=moved, actor=caseworker, court="Leeds County Court")
    assert Claim.objects.get(pk=moved.pk).status == ClaimStatus.TRANSFERRED


def test_a_review_is_due_10_working_days_after_the_draft(caseworker):
    claim = _drafted(caseworker)
    # Tuesday 1 December 2026 + 10 working days = Tuesday 15 December 2026.
    assert order_review_due_on(claim.current_order) == dt.date(2026, 12, 15)
    claim_order_review(claim=claim, result=OrderReviewResult.APPROVED, actor=caseworker)
    claim.refresh_from_db()
    assert order_review_due_on(claim.current_order) is None


# The admin pages -------------------------------------------------------------------------


def _action(claim, slug):
    return reverse(f"admin:civil_claims_claim_{slug.replace('-', '_')}", args=[claim.pk])


def _get(client, url) -> str:
    return client.get(url).content.decode()


def test_drafting_and_approving_through_the_admin_pages(staff_client, caseworker):
    claim = ready_for_directions()
    case = _get(staff_client, reverse("admin:civil_claims_claim_change", args=[claim.pk]))
    assert _action(claim, "order-draft") in case
    url = _action(claim, "order-draft")
    errors = staff_client.post(url, {"text": "Kept wording"}).content.decode()
    assert "Choose who will review the draft order" in errors and "Kept wording" in errors
    response = staff_client.post(url, {"review_by": "legal_adviser", "text": ORDER})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.ORDER_FOR_LA_REVIEW
    assert claim.current_order.drafted_by == caseworker
    assert _audited(claim, "claim.order_drafted", caseworker)
    assert _order_messages(claim) == []
    review = _action(claim, "order-review")
    form = _get(staff_client, review)
    assert "small claims track" in form and "15 December 2026" in form
    missing = staff_client.post(review, {"result": "amended"}).content.decode()
    assert "Enter the changed wording of the order" in missing
    no_reason = staff_client.post(review, {"result": "returned"}).content.decode()
    assert "Enter why the draft order was sent back" in no_reason
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.ORDER_FOR_LA_REVIEW
    staff_client.post(review, {"result": "amended", "text": "Fast track."})
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.ORDER_DRAWN
    assert claim.current_order.text == "Fast track."
    assert _audited(claim, "claim.order_drawn", caseworker)
    sent = _order_messages(claim)
    assert sorted(m.channel for m in sent) == ["email", "letter"]
    case = _get(staff_client, reverse("admin:civil_claims_claim_change", args=[claim.pk]))
    assert "Wording changed, then approved" in case
    # Drawn already: the review page sends the caseworker back, nothing written.
    again = staff_client.post(review, {"result": "approved"})
    assert again.status_code == 302
    assert len(_order_messages(claim)) == 2


def test_sending_back_through_the_admin_page(staff_client, caseworker):
    claim = _drafted(caseworker)
    staff_client.post(_action(claim, "order-review"), {"result": "returned", "reason": "Redo"})
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.READY_FOR_DIRECTIONS
    assert _audited(claim, "claim.order_returned", caseworker)
    assert _order_messages(claim) == []


def test_the_orders_to_review_queue_is_oldest_first_with_a_due_column(
    staff_client, caseworker, _now
):
    older = _drafted(caseworker, OrderMadeBy.LEGAL_ADVISER)
    _now.move_to("2026-12-02 10:00 +0000")
    newer = _drafted(caseworker, OrderMadeBy.JUDGE)
    waiting = ready_for_directions()
    _now.move_to("2026-12-16 10:00 +0000")
    sign_in(staff_client, caseworker, second_factor=True)
    url = reverse("admin:civil_claims_claim_changelist") + "?queue=order_review"
    page = _get(staff_client, url)
    assert "Orders to review" in page and ">Due<" in page
    assert page.index(older.claim_number) < page.index(newer.claim_number)
    assert waiting.claim_number not in page
    assert "15 December 2026 (overdue)" in page and "16 December 2026" in page
    other = _get(staff_client, reverse("admin:civil_claims_claim_changelist") + "?queue=directions")
    assert ">Due<" not in other and waiting.claim_number in other
