import re

import pytest
from django.urls import reverse

from digital_services.payments.constants import PaymentStatus
from digital_services.payments.models import Payment, SandboxPayment

pytestmark = pytest.mark.django_db

GOOD_CARD = {
    "card_no": "4444 3333 2222 1111",
    "expiry_month": "12",
    "expiry_year": "40",
    "cardholder_name": "Sam Smith",
    "cvc": "123",
    "address_postcode": "",
}


def _card_page_path(url: str) -> str:
    return url.removeprefix("http://testserver")


def _return_path(payment) -> str:
    return reverse("payments:return", args=[payment.return_token])


def test_paying_with_a_good_test_card_ends_on_the_confirmation_page(client, start):
    card_page = _card_page_path(start())

    response = client.get(card_page)
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-l">Enter card details</h1>' in response.text
    assert "£160.00" in response.text

    response = client.post(card_page, GOOD_CARD)
    payment = Payment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{card_page}confirm/"

    response = client.post(response["Location"])
    assert response["Location"] == f"http://testserver{_return_path(payment)}"

    response = client.get(_return_path(payment))
    assert response.status_code == 200
    assert "Payment received" in response.text
    assert "ET-7KQ-4MP" in response.text
    assert "£160.00" in response.text
    assert "Employment tribunal issue fee" in response.text
    assert "What happens next" in response.text
    assert "Visa ending 1111" in response.text
    assert 'href="/tribunal-fees/claims/1/"' in response.text
    assert (
        '<a href="/tribunal-fees/" class="govuk-service-navigation__link">Pay tribunal fees</a>'
        in (response.text)
    )
    assert "service=tribunal-fees" in response.text  # the feedback prompt names the service
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCESS


def test_refreshing_the_return_page_creates_nothing(client, start):
    card_page = _card_page_path(start())
    client.post(card_page, GOOD_CARD)
    client.post(f"{card_page}confirm/")
    payment = Payment.objects.get()

    for _ in range(3):
        assert client.get(_return_path(payment)).status_code == 200

    assert Payment.objects.count() == 1
    assert SandboxPayment.objects.count() == 1


def test_the_return_page_asks_the_provider_not_the_browser(client, start):
    start()
    payment = Payment.objects.get()

    response = client.get(_return_path(payment) + "?status=success")

    assert "Your payment is not finished" in response.text
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.CREATED


def test_an_unknown_return_token_is_not_found(client):
    assert client.get(reverse("payments:return", args=["not-a-token"])).status_code == 404


@pytest.mark.parametrize(
    ("card", "title"),
    [
        ("4000000000000002", "Your payment was declined"),
        ("4000000000000069", "Your payment was declined"),
        ("4000000000000119", "Sorry, there is a problem with the payment service"),
    ],
)
def test_a_failed_card_goes_back_to_a_failure_page_with_try_again(client, start, card, title):
    card_page = _card_page_path(start())

    response = client.post(card_page, {**GOOD_CARD, "card_no": card})

    payment = Payment.objects.get()
    assert response["Location"] == f"http://testserver{_return_path(payment)}"
    response = client.get(_return_path(payment))
    assert title in response.text
    assert "No money has been taken" in response.text
    assert "Try again" in response.text


def test_cancelling_on_the_card_page_shows_the_cancelled_page(client, start):
    card_page = _card_page_path(start())

    response = client.post(f"{card_page}cancel/")

    payment = Payment.objects.get()
    assert response["Location"] == f"http://testserver{_return_path(payment)}"
    response = client.get(_return_path(payment))
    assert "Your payment has been cancelled" in response.text
    payment.refresh_from_db()
    assert (payment.status, payment.failure_code) == ("failed", "P0030")


def test_try_again_after_a_decline_starts_a_new_payment(client, start):
    card_page = _card_page_path(start())
    client.post(card_page, {**GOOD_CARD, "card_no": "4000000000000002"})
    first = Payment.objects.get()
    client.get(_return_path(first))

    response = client.post(reverse("payments:retry", args=[first.return_token]))

    second = Payment.objects.exclude(pk=first.pk).get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/payments/sandbox/{second.provider_payment_id}/")
    assert second.amount_pence == first.amount_pence
    assert second.return_to == first.return_to


def test_try_again_pressed_twice_makes_one_new_payment(client, start):
    card_page = _card_page_path(start())
    client.post(card_page, {**GOOD_CARD, "card_no": "4000000000000002"})
    first = Payment.objects.get()

    one = client.post(reverse("payments:retry", args=[first.return_token]))
    two = client.post(reverse("payments:retry", args=[first.return_token]))

    assert one["Location"] == two["Location"]
    assert Payment.objects.count() == 2


def test_try_again_after_success_goes_to_the_confirmation_not_a_new_charge(client, start):
    card_page = _card_page_path(start())
    client.post(card_page, GOOD_CARD)
    client.post(f"{card_page}confirm/")
    payment = Payment.objects.get()

    response = client.post(reverse("payments:retry", args=[payment.return_token]))

    assert response["Location"] == _return_path(payment)
    assert Payment.objects.count() == 1


def test_try_again_needs_a_post(client, start):
    start()
    payment = Payment.objects.get()
    assert client.get(reverse("payments:retry", args=[payment.return_token])).status_code == 405


def test_a_payment_in_progress_offers_to_continue(client, start):
    start()
    payment = Payment.objects.get()

    response = client.get(_return_path(payment))

    assert "Your payment is not finished" in response.text
    assert "Continue with your payment" in response.text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("card_no", "", "Enter your card number"),
        ("card_no", "4444333322221112", "Enter a valid card number"),
        ("card_no", "4444abcd22221111", "Enter a valid card number"),
        ("card_no", "4111111111111111", "use a test card number"),
        ("expiry_month", "13", "Enter a valid expiry date"),
        ("expiry_year", "20", "the card has expired"),
        ("expiry_month", "", "Enter the expiry date"),
        ("cardholder_name", "  ", "Enter the name as it appears on the card"),
        ("cvc", "12", "Enter a valid card security code"),
        ("cvc", "12345", "Enter a valid card security code"),
        ("cvc", "", "Enter your card security code"),
    ],
)
def test_the_card_page_rejects_bad_details_with_a_clear_message(
    client, start, field, value, message
):
    card_page = _card_page_path(start())
    client.get(card_page)

    response = client.post(card_page, {**GOOD_CARD, field: value})

    assert response.status_code == 200
    assert message in response.text
    assert "There is a problem" in response.text
    assert response.text.count("<h1") == 1
    assert re.search(r"<title>\s*Error:", response.text)
    assert Payment.objects.get().status == PaymentStatus.CREATED
    assert SandboxPayment.objects.get().status == PaymentStatus.STARTED


def test_the_card_page_keeps_what_was_typed_except_the_security_code(client, start):
    card_page = _card_page_path(start())

    response = client.post(card_page, {**GOOD_CARD, "cvc": "1", "cardholder_name": "Ann Other"})

    assert 'value="Ann Other"' in response.text
    assert 'value="4444 3333 2222 1111"' in response.text
    cvc_input = re.search(r"<input[^>]*name=\"cvc\"[^>]*>", response.text).group(0)
    assert "value=" not in cvc_input


def test_the_sandbox_pages_are_off_when_gov_uk_pay_is_configured(client, start, settings):
    card_page = _card_page_path(start())
    settings.PAYMENTS_PROVIDER = "govuk_pay"
    assert client.get(card_page).status_code == 404


def test_a_finished_sandbox_payment_sends_the_card_page_back_to_the_service(client, start):
    card_page = _card_page_path(start())
    client.post(f"{card_page}cancel/")
    payment = Payment.objects.get()

    response = client.get(card_page)

    assert response["Location"] == f"http://testserver{_return_path(payment)}"


def test_the_return_page_is_a_404_for_a_signed_in_user_who_did_not_start_the_payment(
    client, start, django_user_model
):
    payer = django_user_model.objects.create_user(email="payer@example.com", password="x" * 12)
    stranger = django_user_model.objects.create_user(
        email="stranger@example.com", password="x" * 12
    )
    start(started_by=payer)
    payment = Payment.objects.get()

    client.force_login(stranger)
    assert client.get(_return_path(payment)).status_code == 404
    assert client.post(reverse("payments:retry", args=[payment.return_token])).status_code == 404

    client.force_login(payer)
    assert client.get(_return_path(payment)).status_code == 200
    client.logout()  # coming back with an expired session still works: the token is the secret
    assert client.get(_return_path(payment)).status_code == 200
