"""Directions through the real admin pages: the queues (orders to draw, reconsiderations,
ready for transfer), recording the order drawn, a request for a judge to reconsider it and
the judge's decision, each audited with bad input shown on the form, a refused move sent back
with the reason; and the case page's orders table. Another service's caseworker cannot act."""

import pytest
import time_machine
from django.urls import reverse

from civil_claims.constants import ClaimStatus, OrderMadeBy, ReconsiderationResult
from civil_claims.models import Claim, DirectionsOrder
from civil_claims.services.orders import claim_order_draw
from digital_services.audit.models import AuditEvent
from tests.accounts.factories import StaffWithTotpFactory
from tests.conftest import sign_in

from .factories_defendant import messages_about
from .test_orders import ORDER, ready_for_directions

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False) as traveller:
        yield traveller


@pytest.fixture
def staff_client(client, caseworker):
    sign_in(client, caseworker, second_factor=True)
    return client


def _action(claim, slug):
    return reverse(f"admin:civil_claims_claim_{slug.replace('-', '_')}", args=[claim.pk])


def _case(client, claim) -> str:
    return client.get(reverse("admin:civil_claims_claim_change", args=[claim.pk])).content.decode()


def _audited(claim, action, actor):
    return AuditEvent.objects.filter(object_id=str(claim.pk), action=action, actor=actor).exists()


def _queue(client, name) -> str:
    url = reverse("admin:civil_claims_claim_changelist") + f"?queue={name}"
    return client.get(url).content.decode()


def test_the_directions_queues_list_only_their_claims(staff_client, caseworker, _now):
    to_draw = ready_for_directions()
    drawn = ready_for_directions()
    claim_order_draw(claim=drawn, made_by=OrderMadeBy.LEGAL_ADVISER, text=ORDER, actor=caseworker)
    assert to_draw.claim_number in _queue(staff_client, "directions")
    assert drawn.claim_number not in _queue(staff_client, "directions")
    _now.move_to("2026-12-20 07:00 +0000")
    from civil_claims.tasks import claims_order_transfer_ready_task

    assert claims_order_transfer_ready_task.run() == 1
    sign_in(staff_client, caseworker, second_factor=True)  # the session ended in 19 days
    transfer = _queue(staff_client, "transfer")
    assert drawn.claim_number in transfer and to_draw.claim_number not in transfer


def test_recording_the_order_drawn_through_its_page(staff_client, caseworker):
    claim = ready_for_directions()
    assert "Record the order drawn" in _case(staff_client, claim)
    url = _action(claim, "order-draw")
    errors = staff_client.post(url, {}).content.decode()
    assert "Choose who made the order" in errors and "Enter the order" in errors
    kept = staff_client.post(url, {"made_by": "legal_adviser", "text": "   "}).content.decode()
    assert "Enter the order" in kept or "Enter the wording of the order" in kept
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.READY_FOR_DIRECTIONS
    response = staff_client.post(url, {"made_by": "legal_adviser", "text": ORDER})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.ORDER_DRAWN
    assert claim.current_order.text == ORDER and claim.current_order.drawn_by == caseworker
    assert _audited(claim, "claim.order_drawn", caseworker)
    channels = sorted(
        m.channel
        for m in messages_about(claim)
        if m.template_key == "civil_claims.order_drawn_legal_adviser"
    )
    assert channels == ["email", "letter"]
    case = _case(staff_client, claim)
    assert "small claims track" in case and "A legal adviser" in case
    assert _action(claim, "reconsideration-request") in case  # the next action's button
    # Drawn already: the page sends the caseworker back with the reason, nothing written.
    again = staff_client.post(url, {"made_by": "judge", "text": "Another"})
    assert again.status_code == 302
    assert DirectionsOrder.objects.filter(claim=claim).count() == 1


def test_a_reconsideration_and_the_judges_new_order_through_their_pages(staff_client, caseworker):
    claim = ready_for_directions()
    claim_order_draw(claim=claim, made_by=OrderMadeBy.LEGAL_ADVISER, text=ORDER, actor=caseworker)
    url = _action(claim, "reconsideration-request")
    form = staff_client.get(url).content.decode()
    assert "small claims track" in form and "20 December 2026" in form
    errors = staff_client.post(url, {}).content.decode()
    assert "Choose who asked for the reconsideration" in errors
    staff_client.post(url, {"party": "claimant", "reason": "The track is wrong"})
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.RECONSIDERATION_REQUESTED
    assert _audited(claim, "claim.reconsideration_requested", caseworker)
    queue = _queue(staff_client, "reconsideration")
    assert claim.claim_number in queue
    decide = _action(claim, "reconsider")
    assert "The track is wrong" in staff_client.get(decide).content.decode()
    missing = staff_client.post(decide, {"result": "new_order"}).content.decode()
    assert "Enter the wording of the judge" in missing
    staff_client.post(decide, {"result": "new_order", "text": "Allocated to the fast track."})
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.ORDER_DRAWN
    assert claim.current_order.made_by == OrderMadeBy.JUDGE
    assert claim.current_order.replaces.reconsideration_result == ReconsiderationResult.NEW_ORDER
    assert _audited(claim, "claim.order_reconsidered", caseworker)
    case = _case(staff_client, claim)
    assert "Allocated to the fast track." in case and "small claims track" in case
    # A judge's order is not reconsidered: no button for it.
    assert _action(claim, "reconsideration-request") not in case


def test_the_judge_confirming_the_order_through_its_page(staff_client, caseworker):
    claim = ready_for_directions()
    claim_order_draw(claim=claim, made_by=OrderMadeBy.LEGAL_ADVISER, text=ORDER, actor=caseworker)
    staff_client.post(
        _action(claim, "reconsideration-request"), {"party": "defendant", "reason": "Unfair"}
    )
    staff_client.post(_action(claim, "reconsider"), {"result": "confirmed"})
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED
    assert claim.current_order.reconsidered_by == caseworker


def test_a_caseworker_of_another_service_cannot_draw_an_order(client):
    from digital_services.accounts.services import user_role_add
    from prison_visits.service import CASEWORKER_ROLE as PRISON_ROLE

    claim = ready_for_directions()
    other = StaffWithTotpFactory()
    user_role_add(user=other, role=PRISON_ROLE)
    sign_in(client, other, second_factor=True)
    response = client.post(_action(claim, "order-draw"), {"made_by": "judge", "text": ORDER})
    assert response.status_code in (302, 403)
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.READY_FOR_DIRECTIONS
