"""Returning a possession counterclaim whose fee was paid, through the real admin pages:
what was paid by card here is refunded to the card through the platform's payments
(a Refund row, audited, recorded on the counterclaim and shown on the case page) and the
tenant's message says so (in Welsh on a Welsh claim); a fee paid otherwise is for the
caseworker to send back by hand; after part remission only the card part is refunded.
Nothing is refunded twice, nor when the return is refused or cannot go through."""

from __future__ import annotations

import re

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from civil_claims.models import PossessionClaim
from civil_claims.possession_response_constants import (
    PAYMENT_PURPOSE_POSSESSION_COUNTERCLAIM_FEE,
    CounterclaimStatus,
)
from civil_claims.services.possession_decisions import REFUND_REASON, counterclaim_hwf_decide
from civil_claims.services.possession_response import CounterclaimDraft, tenant_payment_start
from digital_services.audit.models import AuditEvent
from digital_services.notifications.models import OutboundMessage
from digital_services.payments.models import Payment, Refund
from digital_services.payments.providers import TransientProviderError
from digital_services.payments.sandbox import (
    SandboxProvider,
    sandbox_card_submit,
    sandbox_payment_confirm,
)
from digital_services.payments.services import payment_refresh
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in

from .factories_possession_decisions import counterclaim_for_review, counterclaim_paid, responded
from .factories_possession_defendant import possession_claim_linked_to

pytestmark = pytest.mark.django_db
NOW = "2026-12-01 10:00:00+00:00"
CC = CounterclaimStatus
GOOD_CARD = "4444333322221111"
RETURN = {"reason": "It is not signed"}


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def staff_client(client, caseworker):
    sign_in(client, caseworker, second_factor=True)
    return client


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _url(row, slug: str) -> str:
    return reverse(f"admin:civil_claims_possessioncounterclaim_{slug}", args=[row.pk])


def _returned_messages(counterclaim):
    return OutboundMessage.objects.filter(
        content_type=ContentType.objects.get_for_model(PossessionClaim),
        object_id=str(counterclaim.response.claim_id),
        template_key="civil_claims.possession_counterclaim_returned",
    )


def _tenant_note(counterclaim) -> str:
    (tenant,) = [m for m in _returned_messages(counterclaim) if m.channel == "letter"]
    return tenant.personalisation["fee_note"]


def _pay_by_card(counterclaim, capture) -> Payment:
    """The tenant pays what is due on their counterclaim by card through the sandbox."""
    tenant_payment_start(row=counterclaim, return_to="/back/")
    payment = Payment.objects.filter(purpose=PAYMENT_PURPOSE_POSSESSION_COUNTERCLAIM_FEE).latest(
        "created_at"
    )
    sandbox_card_submit(payment_id=payment.provider_payment_id, card_number=GOOD_CARD)
    sandbox_payment_confirm(payment_id=payment.provider_payment_id)
    with capture(execute=True):
        payment_refresh(payment=payment)
    payment.refresh_from_db()
    counterclaim.refresh_from_db()
    assert counterclaim.status == CC.PENDING_REVIEW
    return payment


def _paid_by_card(capture, claim=None):
    response = responded(
        claim, counterclaim=CounterclaimDraft(kind="other", amount_pence=None, details="Repairs")
    )
    counterclaim = response.counterclaim
    assert counterclaim.status == CC.PENDING_ISSUE
    return counterclaim, _pay_by_card(counterclaim, capture)


def test_returning_a_counterclaim_paid_by_card_refunds_the_card(
    staff_client, caseworker, django_capture_on_commit_callbacks
):
    counterclaim, payment = _paid_by_card(django_capture_on_commit_callbacks)
    fee = counterclaim.fee_pence
    assert payment.amount_pence == fee > 0
    done = staff_client.post(_url(counterclaim, "return"), RETURN, follow=True)
    page = _text(done)
    assert f"£{fee / 100:,.2f} is refunded to the card" in page
    refund = Refund.objects.get(payment=payment)
    assert (refund.amount_pence, refund.reason, refund.requested_by) == (
        fee,
        REFUND_REASON,
        caseworker,
    )
    counterclaim.refresh_from_db()
    assert counterclaim.status == CC.RETURNED and counterclaim.refunded_pence == fee
    event = AuditEvent.objects.get(action="possession_claim.counterclaim_fee_returned")
    assert event.detail["refunded_pence"] == fee and event.detail["refund_ids"] == [refund.pk]
    assert AuditEvent.objects.filter(action="refund.requested").count() == 1
    # The tenant is told; the landlord's message says nothing about the tenant's money.
    assert _tenant_note(counterclaim) == (
        f"We are refunding the £{fee / 100:,.2f} you paid by card to that card."
    )
    (landlord,) = [m for m in _returned_messages(counterclaim) if m.channel == "email"]
    assert landlord.personalisation["fee_note"] == ""
    # The case pages show it.
    assert f"Refunded to the card £{fee / 100:,.2f}" in page
    claim_page = staff_client.get(
        reverse("admin:civil_claims_possessionclaim_change", args=[counterclaim.response.claim_id])
    )
    assert f"£{fee / 100:,.2f} refunded to the card" in _text(claim_page)
    # Returned once, refunded once: a second return is refused and refunds nothing more.
    again = staff_client.post(_url(counterclaim, "return"), RETURN)
    assert again.status_code == 302
    assert Refund.objects.count() == 1
    assert AuditEvent.objects.filter(action="possession_claim.counterclaim_returned").count() == 1


def test_a_welsh_claim_tells_the_tenant_about_the_refund_in_welsh(
    staff_client, django_capture_on_commit_callbacks
):
    counterclaim, payment = _paid_by_card(django_capture_on_commit_callbacks)
    PossessionClaim.objects.filter(pk=counterclaim.response.claim_id).update(language="cy")
    staff_client.post(_url(counterclaim, "return"), RETURN)
    note = _tenant_note(counterclaim)
    assert note.startswith("Rydym yn ad-dalu’r £") and "cerdyn" in note


def test_returning_a_counterclaim_with_nothing_paid_refunds_nothing(staff_client):
    counterclaim = counterclaim_for_review()
    counterclaim_hwf_decide(counterclaim=counterclaim, outcome="full", actor=None)
    done = staff_client.post(_url(counterclaim, "return"), RETURN, follow=True)
    page = _text(done)
    assert "Counterclaim returned. Every party has been told." in page
    assert "refunded to the card" not in page and "outside this service" not in page
    counterclaim.refresh_from_db()
    assert counterclaim.status == CC.RETURNED and counterclaim.refunded_pence == 0
    assert not Refund.objects.exists()
    assert not AuditEvent.objects.filter(
        action="possession_claim.counterclaim_fee_returned"
    ).exists()
    assert _tenant_note(counterclaim) == ""


def test_after_part_remission_only_the_card_part_is_refunded(
    staff_client, django_capture_on_commit_callbacks
):
    counterclaim = counterclaim_for_review()
    counterclaim_hwf_decide(
        counterclaim=counterclaim, outcome="part", remitted_pence=10000, actor=None
    )
    counterclaim.refresh_from_db()
    card_part = counterclaim.fee_pence - 10000
    payment = _pay_by_card(counterclaim, django_capture_on_commit_callbacks)
    assert payment.amount_pence == card_part
    staff_client.post(_url(counterclaim, "return"), RETURN)
    assert Refund.objects.get(payment=payment).amount_pence == card_part
    counterclaim.refresh_from_db()
    assert counterclaim.refunded_pence == card_part
    assert f"£{card_part / 100:,.2f}" in _tenant_note(counterclaim)


def test_a_fee_paid_otherwise_is_for_the_caseworker_to_send_back(staff_client):
    counterclaim = counterclaim_paid()  # recorded as paid, with no card payment here
    fee = counterclaim.fee_pence
    done = staff_client.post(_url(counterclaim, "return"), RETURN, follow=True)
    assert (
        f"£{fee / 100:,.2f} was paid other than by card: return it outside this service"
        in _text(done)
    )
    assert not Refund.objects.exists()
    event = AuditEvent.objects.get(action="possession_claim.counterclaim_fee_returned")
    assert event.detail["to_return_by_hand_pence"] == fee and event.detail["refunded_pence"] == 0
    assert _tenant_note(counterclaim) == (
        f"We will send back the £{fee / 100:,.2f} you paid for the counterclaim."
    )


def test_a_refused_return_refunds_nothing(staff_client, django_capture_on_commit_callbacks):
    counterclaim, payment = _paid_by_card(django_capture_on_commit_callbacks)
    bad = staff_client.post(_url(counterclaim, "return"), {"reason": ""})
    assert "Enter why the counterclaim is being returned" in _text(bad)
    assert not Refund.objects.exists()
    counterclaim.refresh_from_db()
    assert counterclaim.status == CC.PENDING_REVIEW


def test_when_gov_uk_pay_cannot_be_reached_the_counterclaim_is_not_returned(
    staff_client, monkeypatch, django_capture_on_commit_callbacks
):
    counterclaim, payment = _paid_by_card(django_capture_on_commit_callbacks)

    def unreachable(self, **kwargs):
        raise TransientProviderError("timed out")

    monkeypatch.setattr(SandboxProvider, "get", unreachable)
    done = staff_client.post(_url(counterclaim, "return"), RETURN, follow=True)
    assert "the counterclaim was not returned" in _text(done)
    counterclaim.refresh_from_db()
    assert counterclaim.status == CC.PENDING_REVIEW and counterclaim.refunded_pence == 0
    assert not Refund.objects.exists()
    assert not _returned_messages(counterclaim).exists()
    assert not AuditEvent.objects.filter(action="possession_claim.counterclaim_returned").exists()


def test_the_tenant_s_page_says_the_fee_is_refunded(
    client, staff_client, django_capture_on_commit_callbacks
):
    from django.test import Client

    tenant = UserFactory()
    claim = possession_claim_linked_to(tenant)
    counterclaim, payment = _paid_by_card(django_capture_on_commit_callbacks, claim)
    staff_client.post(_url(counterclaim, "return"), RETURN)
    tenant_client = Client()
    sign_in(tenant_client, tenant)
    page = tenant_client.get(
        reverse("civil_claims:possession-respond-claim", args=[claim.reference])
    )
    amount = f"£{counterclaim.fee_pence / 100:,.2f}"
    assert (
        f"We are refunding the {amount} you paid by card for your counterclaim to that card."
        in _text(page)
    )


def test_a_refund_gov_uk_pay_refuses_is_for_the_caseworker_to_make(
    staff_client, monkeypatch, django_capture_on_commit_callbacks
):
    from digital_services.payments.constants import RefundStatus
    from digital_services.payments.providers import ProviderError

    counterclaim, payment = _paid_by_card(django_capture_on_commit_callbacks)

    def refused(self, **kwargs):
        raise ProviderError("The payment is not available for refund", code="P0603")

    monkeypatch.setattr(SandboxProvider, "refund_create", refused)
    done = staff_client.post(_url(counterclaim, "return"), RETURN, follow=True)
    amount = f"£{counterclaim.fee_pence / 100:,.2f}"
    assert f"GOV.UK Pay refused the refund of {amount}: refund it from the payment" in _text(done)
    refund = Refund.objects.get(payment=payment)
    assert refund.status == RefundStatus.ERROR
    counterclaim.refresh_from_db()
    assert counterclaim.status == CC.RETURNED and counterclaim.refunded_pence == 0
    event = AuditEvent.objects.get(action="possession_claim.counterclaim_fee_returned")
    assert event.detail["refused_refund_ids"] == [refund.pk]
    assert _tenant_note(counterclaim) == ""  # not told of a refund that was not made
