"""Citizen pages: a fee, its receipt (page and PDF), Help with Fees and refund status;
only for the signed-in owner; "Your applications" lists them."""

import pytest
from django.urls import reverse

from digital_services.notifications.registry import template_problems, templates_all
from tests.conftest import sign_in

from .factories import (
    FeeCaseFactory,
    HwfApplicationFactory,
    PaidFeeCaseFactory,
    RefundApplicationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_the_owner_sees_their_fee_with_a_pay_button(client):
    fee_case = FeeCaseFactory()
    sign_in(client, fee_case.user)
    response = client.get(reverse("tribunal_fees:fee-detail", args=[fee_case.reference]))
    body = response.content.decode()
    assert response.status_code == 200
    assert fee_case.reference in body
    assert "Pay £160.00 by card" in body
    assert body.count("<h1") == 1


def test_the_pay_button_sends_the_owner_to_the_card_page(client):
    fee_case = FeeCaseFactory()
    sign_in(client, fee_case.user)
    response = client.post(reverse("tribunal_fees:fee-pay", args=[fee_case.reference]))
    assert response.status_code == 302
    assert response["Location"].startswith("http://testserver/payments/sandbox/")


def test_paying_a_paid_fee_again_shows_a_message_and_takes_nothing(client):
    fee_case = PaidFeeCaseFactory()
    sign_in(client, fee_case.user)
    response = client.post(reverse("tribunal_fees:fee-pay", args=[fee_case.reference]), follow=True)
    assert "nothing left to pay" in response.content.decode()


@pytest.mark.parametrize("name", ["fee-detail", "fee-receipt", "fee-receipt-pdf"])
def test_another_user_gets_not_found(client, name):
    fee_case = PaidFeeCaseFactory()
    sign_in(client, UserFactory())
    assert (
        client.get(reverse(f"tribunal_fees:{name}", args=[fee_case.reference])).status_code == 404
    )


def test_signed_out_users_are_sent_to_sign_in(client):
    fee_case = FeeCaseFactory()
    response = client.get(reverse("tribunal_fees:fee-detail", args=[fee_case.reference]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_receipt_page_and_pdf_for_a_paid_fee(client):
    fee_case = PaidFeeCaseFactory()
    sign_in(client, fee_case.user)
    page = client.get(reverse("tribunal_fees:fee-receipt", args=[fee_case.reference]))
    assert page.status_code == 200
    assert "£160.00" in page.content.decode()
    pdf = client.get(reverse("tribunal_fees:fee-receipt-pdf", args=[fee_case.reference]))
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")  # from the document store


def test_an_unpaid_fee_has_no_receipt_page(client):
    fee_case = FeeCaseFactory()
    sign_in(client, fee_case.user)
    assert (
        client.get(reverse("tribunal_fees:fee-receipt", args=[fee_case.reference])).status_code
        == 404
    )


def test_help_with_fees_and_refund_pages_for_their_owner(client):
    hwf = HwfApplicationFactory()
    refund = RefundApplicationFactory(user=hwf.user)
    sign_in(client, hwf.user)
    response = client.get(reverse("tribunal_fees:hwf-detail", args=[hwf.reference]))
    assert response.status_code == 200 and hwf.reference in response.content.decode()
    response = client.get(reverse("tribunal_fees:refund-detail", args=[refund.reference]))
    assert response.status_code == 200
    assert "0.5% a year" in response.content.decode()
    sign_in(client, UserFactory())
    assert client.get(reverse("tribunal_fees:hwf-detail", args=[hwf.reference])).status_code == 404
    assert (
        client.get(reverse("tribunal_fees:refund-detail", args=[refund.reference])).status_code
        == 404
    )


def test_your_applications_lists_fees_hwf_and_refunds(client):
    hwf = HwfApplicationFactory()
    refund = RefundApplicationFactory(user=hwf.user)
    sign_in(client, hwf.user)
    body = client.get(reverse("accounts:your-applications")).content.decode()
    for reference in (hwf.fee_case.reference, hwf.reference, refund.reference):
        assert reference in body
    assert reverse("tribunal_fees:fee-detail", args=[hwf.fee_case.reference]) in body


def test_our_message_templates_are_sound_in_english_and_welsh():
    ours = [t for t in templates_all() if t.key.startswith("tribunal_fees.")]
    assert len(ours) == 8
    for template in ours:
        assert template_problems(template) == [], template.key
