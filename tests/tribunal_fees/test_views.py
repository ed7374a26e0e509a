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


# References as typed: the platform's generator, and the older alphabet still found.


@pytest.mark.parametrize(
    "typed",
    ["{stored}", "{stored_lower}", "{plain}", "{spaced}"],
)
def test_find_your_fee_takes_an_older_reference_however_it_is_typed(client, typed):
    fee_case = FeeCaseFactory(user=None, email="payer@example.com", reference="TF-LAB-UVW")
    term = typed.format(
        stored=fee_case.reference,
        stored_lower=fee_case.reference.lower(),
        plain="TFLABUVW",
        spaced="tf lab uvw",
    )
    response = client.post(
        reverse("tribunal_fees:fee-find"), {"reference": term, "email": "payer@example.com"}
    )
    assert response["Location"] == reverse("tribunal_fees:fee-detail", args=[fee_case.reference])


def test_find_your_fee_reads_look_alikes_in_a_new_reference():
    from django.test import Client

    from digital_services.core.references import reference_check_character

    body = "10A0B"
    reference = f"TF-{body[:3]}-{body[3:]}{reference_check_character(body)}"
    fee_case = FeeCaseFactory(user=None, email="payer@example.com", reference=reference)
    typed = reference.lower().replace("0", "o").replace("1", "i")
    response = Client().post(
        reverse("tribunal_fees:fee-find"), {"reference": typed, "email": "payer@example.com"}
    )
    assert response["Location"] == reverse("tribunal_fees:fee-detail", args=[fee_case.reference])


def test_find_your_fee_catches_a_mistyped_new_reference(client):
    from digital_services.core.references import reference_check_character

    # A 2 cannot be in an older reference, so the check character must be right (a
    # reference wholly in the older alphabet may be an older one, and goes to the look-up).
    body = "4Q2ZM"
    good = body + reference_check_character(body)
    typo = good[:2] + good[3] + good[2] + good[4:]  # two characters swapped
    response = client.post(
        reverse("tribunal_fees:fee-find"),
        {"reference": f"TF-{typo[:3]}-{typo[3:]}", "email": "payer@example.com"},
    )
    assert "Check your fee reference: one of its characters is not right" in (
        response.content.decode()
    )
