"""The GOV.UK Pay client against a local stub of the documented API."""

import json

import pytest

from digital_services.payments import services
from digital_services.payments.constants import PaymentStatus, RefundStatus
from digital_services.payments.govuk_pay import GovukPayProvider
from digital_services.payments.models import Payment
from digital_services.payments.providers import (
    ProviderError,
    TransientProviderError,
    provider_get,
)

from .factories import UserFactory
from .govuk_pay_stub import API_KEY

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_(pay_stub):
    return GovukPayProvider(api_url=pay_stub.url, api_key=API_KEY, timeout=0.5)


def _create(client_, key="key-1", amount=16000):
    return client_.create(
        amount=amount,
        reference="ET-7KQ-4MP",
        description="Employment tribunal issue fee",
        return_url="https://example.gov.uk/payments/return/abc/",
        idempotency_key=key,
    )


def test_create_posts_the_payment_with_the_key_and_idempotency_key(client_, pay_stub):
    result = _create(client_)

    request = pay_stub.requests_to("POST", "/v1/payments")[0]
    assert request["headers"]["Authorization"] == f"Bearer {API_KEY}"
    assert request["headers"]["Idempotency-Key"] == "key-1"
    assert json.loads(request["body"]) == {
        "amount": 16000,
        "reference": "ET-7KQ-4MP",
        "description": "Employment tribunal issue fee",
        "return_url": "https://example.gov.uk/payments/return/abc/",
        "language": "en",
    }
    assert result.status == "created" and result.finished is False
    assert result.next_url.startswith(f"{pay_stub.url}/secure/")


def test_the_same_idempotency_key_and_body_give_back_the_same_payment(client_, pay_stub):
    assert _create(client_).payment_id == _create(client_).payment_id
    assert len(pay_stub.payments) == 1


def test_the_same_idempotency_key_with_another_body_is_a_409_provider_error(client_):
    _create(client_)
    with pytest.raises(ProviderError) as exc:
        _create(client_, amount=25000)
    assert (exc.value.code, exc.value.status_code) == ("P0191", 409)


def test_get_maps_state_failure_code_and_card_details(client_, pay_stub):
    payment_id = _create(client_).payment_id
    pay_stub.set_state(payment_id, "success", card_brand="Mastercard", last4="4444")

    result = client_.get(payment_id=payment_id)

    assert (result.status, result.finished) == ("success", True)
    assert (result.card_brand, result.last_digits_card_number) == ("Mastercard", "4444")
    assert result.next_url == ""
    assert result.refund_amount_available == 16000

    pay_stub.payments[payment_id].status = "failed"
    pay_stub.payments[payment_id].code = "P0010"
    assert client_.get(payment_id=payment_id).failure_code == "P0010"


@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_5xx_and_429_are_transient(client_, pay_stub, status):
    pay_stub.fail_next(status, "P0999" if status != 429 else "P0900")
    with pytest.raises(TransientProviderError):
        _create(client_)


@pytest.mark.parametrize(("status", "code"), [(401, "P0920"), (422, "P0102"), (400, "P0101")])
def test_4xx_are_provider_errors_with_pay_s_code(client_, pay_stub, status, code):
    pay_stub.fail_next(status, code, "Refused")
    with pytest.raises(ProviderError) as exc:
        _create(client_)
    assert (exc.value.code, exc.value.status_code) == (code, status)


def test_a_wrong_api_key_is_a_401_provider_error(pay_stub):
    client_ = GovukPayProvider(api_url=pay_stub.url, api_key="wrong", timeout=0.5)
    with pytest.raises(ProviderError) as exc:
        _create(client_)
    assert exc.value.status_code == 401


def test_a_timeout_is_transient(client_, pay_stub):
    pay_stub.sleep_next = 1.5
    with pytest.raises(TransientProviderError, match="timed out"):
        _create(client_)


def test_an_unreachable_api_is_transient():
    client_ = GovukPayProvider(api_url="http://127.0.0.1:9", api_key=API_KEY, timeout=0.5)
    with pytest.raises(TransientProviderError):
        client_.get(payment_id="abc")


def test_an_unknown_payment_is_a_404_provider_error(client_):
    with pytest.raises(ProviderError) as exc:
        client_.get(payment_id="nosuchpayment")
    assert exc.value.code == "P0200"


def test_cancel_cancels_and_a_finished_payment_cannot_be_cancelled(client_, pay_stub):
    payment_id = _create(client_).payment_id

    client_.cancel(payment_id=payment_id)

    assert client_.get(payment_id=payment_id).status == "cancelled"
    with pytest.raises(ProviderError) as exc:
        client_.cancel(payment_id=payment_id)
    assert exc.value.code == "P0502"


def test_refunds_are_created_and_read_back(client_, pay_stub):
    payment_id = _create(client_).payment_id
    pay_stub.set_state(payment_id, "success")

    refund = client_.refund_create(
        payment_id=payment_id, amount=6000, refund_amount_available=16000
    )

    assert (refund.amount, refund.status) == (6000, "submitted")
    request = pay_stub.requests_to("POST", r"/v1/payments/\w+/refunds")[0]
    assert json.loads(request["body"]) == {"amount": 6000, "refund_amount_available": 16000}
    assert client_.refund_get(payment_id=payment_id, refund_id=refund.refund_id) == refund


def test_a_stale_refund_amount_available_is_refused_p0604(client_, pay_stub):
    payment_id = _create(client_).payment_id
    pay_stub.set_state(payment_id, "success")
    client_.refund_create(payment_id=payment_id, amount=6000, refund_amount_available=16000)

    with pytest.raises(ProviderError) as exc:
        client_.refund_create(payment_id=payment_id, amount=6000, refund_amount_available=16000)
    assert exc.value.code == "P0604"


# The payment service on GOV.UK Pay (the stub).


def test_settings_choose_gov_uk_pay_when_the_api_key_is_set(govuk_pay):
    assert isinstance(provider_get(), GovukPayProvider)


def test_payment_start_on_gov_uk_pay_sends_the_user_to_pay_s_next_url(start, govuk_pay):
    url = start()

    payment = Payment.objects.get()
    assert payment.provider == "govuk_pay"
    assert url.startswith(f"{govuk_pay.url}/secure/")
    body = json.loads(govuk_pay.requests_to("POST", "/v1/payments")[0]["body"])
    assert body["return_url"] == f"http://testserver/payments/return/{payment.return_token}/"
    assert govuk_pay.requests_to("POST", "/v1/payments")[0]["headers"]["Idempotency-Key"] == (
        payment.idempotency_key
    )


def test_staff_typing_the_card_details_start_a_telephone_moto_payment(start, govuk_pay):
    """Issue #12: an agent in an assisted-digital session takes the card over the phone."""
    from tests.accounts.factories import StaffUserFactory, UserFactory

    citizen, agent = UserFactory(), StaffUserFactory()
    start(started_by=citizen, entered_by=agent)

    payment = Payment.objects.get()
    assert (payment.moto, payment.started_by, payment.entered_by) == (True, citizen, agent)
    body = json.loads(govuk_pay.requests_to("POST", "/v1/payments")[0]["body"])
    assert body["moto"] is True


def test_a_citizen_paying_for_themselves_is_not_a_moto_payment(start, govuk_pay):
    start()
    assert Payment.objects.get().moto is False
    body = json.loads(govuk_pay.requests_to("POST", "/v1/payments")[0]["body"])
    assert "moto" not in body


def test_resuming_on_gov_uk_pay_gets_a_fresh_next_url_and_creates_nothing(start, govuk_pay):
    first = start()
    second = start()

    assert first != second  # next_url is single use on Pay
    assert len(govuk_pay.requests_to("POST", "/v1/payments")) == 1
    assert len(govuk_pay.requests_to("GET", r"/v1/payments/\w+")) == 1
    assert Payment.objects.count() == 1


def test_a_create_that_timed_out_is_retried_with_the_same_key_one_charge(start, govuk_pay):
    govuk_pay.sleep_next = 1.5  # Pay creates the payment, but answers too late

    with pytest.raises(services.PaymentProviderUnavailable):
        start()
    payment = Payment.objects.get()
    assert payment.provider_payment_id == ""

    url = start()

    payment.refresh_from_db()
    assert len(govuk_pay.payments) == 1
    assert payment.provider_payment_id in govuk_pay.payments
    assert url.startswith(f"{govuk_pay.url}/secure/")
    keys = {r["headers"]["Idempotency-Key"] for r in govuk_pay.requests_to("POST", "/v1/payments")}
    assert keys == {payment.idempotency_key}


def test_a_refused_create_ends_the_payment_in_error_so_a_later_attempt_can_start(start, govuk_pay):
    govuk_pay.fail_next(401, "P0920")

    with pytest.raises(services.PaymentProviderUnavailable):
        start()

    assert Payment.objects.get().status == PaymentStatus.ERROR
    start()
    assert Payment.objects.filter(status=PaymentStatus.CREATED).count() == 1


@pytest.mark.parametrize(
    ("status", "code"),
    [
        ("started", ""),
        ("submitted", ""),
        ("success", ""),
        ("failed", "P0010"),
        ("failed", "P0020"),
        ("failed", "P0030"),
        ("cancelled", "P0040"),
        ("error", "P0050"),
    ],
)
def test_the_return_page_shows_what_gov_uk_pay_says(client, start, govuk_pay, status, code):
    start()
    payment = Payment.objects.get()
    govuk_pay.set_state(payment.provider_payment_id, status, code)

    response = client.get(f"/payments/return/{payment.return_token}/")

    payment.refresh_from_db()
    assert (payment.status, payment.failure_code) == (status, code)
    expected = {
        "started": "Your payment is not finished",
        "submitted": "Your payment is not finished",
        "success": "Payment received",
        "P0010": "Your payment was declined",
        "P0020": "Your payment session has expired",
        "P0030": "Your payment has been cancelled",
        "P0040": "Your payment has been cancelled",
        "P0050": "Sorry, there is a problem with the payment service",
    }[code or status]
    assert expected in response.text


def test_the_return_page_says_wait_when_pay_does_not_answer(client, start, govuk_pay):
    start()
    payment = Payment.objects.get()
    govuk_pay.fail_next(503)

    response = client.get(f"/payments/return/{payment.return_token}/")

    assert response.status_code == 200
    assert "We cannot confirm your payment yet" in response.text
    assert "Do not pay again" in response.text


def test_try_again_when_pay_is_down_says_so_with_a_503(client, start, govuk_pay):
    govuk_pay.fail_next(503)
    with pytest.raises(services.PaymentProviderUnavailable):
        start()
    payment = Payment.objects.get()
    govuk_pay.fail_next(503)

    response = client.post(f"/payments/return/{payment.return_token}/try-again/")

    assert response.status_code == 503
    assert "Sorry, there is a problem with the payment service" in response.text


def test_a_refund_on_gov_uk_pay_is_submitted_then_reconciled_to_success(start, govuk_pay):
    start()
    payment = Payment.objects.get()
    govuk_pay.set_state(payment.provider_payment_id, "success")
    payment = services.payment_refresh(payment=payment)
    caseworker = UserFactory(is_staff=True)

    refund = services.refund_create(
        payment=payment, amount_pence=16000, requested_by=caseworker, reason="Fee abolished"
    )
    assert refund.status == RefundStatus.SUBMITTED
    govuk_pay.payments[payment.provider_payment_id].refunds[0]["status"] = "success"

    services.payments_reconcile()

    refund.refresh_from_db()
    assert refund.status == RefundStatus.SUCCESS


def test_a_refund_refused_by_gov_uk_pay_is_kept_in_error_with_the_code(start, govuk_pay):
    start()
    payment = Payment.objects.get()
    govuk_pay.set_state(payment.provider_payment_id, "success")
    payment = services.payment_refresh(payment=payment)
    govuk_pay.fail_next(412, "P0604")

    refund = services.refund_create(
        payment=payment, amount_pence=100, requested_by=UserFactory(), reason="x"
    )

    assert (refund.status, refund.error_code) == (RefundStatus.ERROR, "P0604")


def test_a_refund_when_gov_uk_pay_is_down_records_nothing(start, govuk_pay):
    start()
    payment = Payment.objects.get()
    govuk_pay.set_state(payment.provider_payment_id, "success")
    payment = services.payment_refresh(payment=payment)
    govuk_pay.fail_next(500)

    with pytest.raises(services.PaymentProviderUnavailable):
        services.refund_create(
            payment=payment, amount_pence=100, requested_by=UserFactory(), reason="x"
        )
    assert not payment.refunds.exists()


def test_cancel_from_the_service_on_gov_uk_pay(start, govuk_pay):
    start()
    payment = services.payment_cancel(payment=Payment.objects.get(), actor=None)
    assert (payment.status, payment.failure_code) == ("cancelled", "P0040")
