"""The GOV.UK Pay client against a local stub of the documented API."""

import json
import time

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


def _create(client_, amount=16000, reference="ET-7KQ-4MP", **kwargs):
    return client_.create(
        amount=amount,
        reference=reference,
        description="Employment tribunal issue fee",
        return_url="https://example.gov.uk/payments/return/abc/",
        **kwargs,
    )


def test_create_posts_the_payment_with_the_key_and_no_idempotency_key(client_, pay_stub):
    """Issue #22 (1): Pay ignores Idempotency-Key outside recurring payments; we do not send it."""
    result = _create(client_, idempotency_key="key-1")

    request = pay_stub.requests_to("POST", "/v1/payments")[0]
    assert request["headers"]["Authorization"] == f"Bearer {API_KEY}"
    assert "Idempotency-Key" not in request["headers"]
    assert request["headers"]["Content-Type"] == "application/json"
    assert json.loads(request["body"]) == {
        "amount": 16000,
        "reference": "ET-7KQ-4MP",
        "description": "Employment tribunal issue fee",
        "return_url": "https://example.gov.uk/payments/return/abc/",
        "language": "en",
    }
    assert result.status == "created" and result.finished is False
    assert result.next_url.startswith(f"{pay_stub.url}/secure/")


def test_the_stub_ignores_an_idempotency_key_as_pay_does_two_creates_two_payments(
    client_, pay_stub
):
    first = _create(client_, idempotency_key="key-1")
    second = _create(client_, idempotency_key="key-1")
    assert first.payment_id != second.payment_id
    assert len(pay_stub.payments) == 2


def test_search_by_reference_finds_exactly_that_reference_whatever_its_case(client_, pay_stub):
    wanted = _create(client_, reference="ET-7KQ-4MP-AB12CD")
    _create(client_, reference="ET-7KQ-4MP-AB12CE")

    found = client_.search_by_reference(reference="et-7kq-4mp-ab12cd")

    assert [p.payment_id for p in found] == [wanted.payment_id]
    assert found[0].reference == "ET-7KQ-4MP-AB12CD"
    assert client_.search_by_reference(reference="nothing-like-it") == []


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
    assert (exc.value.code, exc.value.status_code) == ("P0502", 409)


def test_cancel_sends_no_body_and_no_content_type(client_, pay_stub):
    """Issue #22 (7): an empty body labelled JSON is not JSON (Pay's firewall: P0920)."""
    payment_id = _create(client_).payment_id

    client_.cancel(payment_id=payment_id)
    client_.get(payment_id=payment_id)

    for request in pay_stub.requests_to("POST", r"/v1/payments/\w+/cancel") + pay_stub.requests_to(
        "GET", r"/v1/payments/\w+"
    ):
        assert request["body"] == b""
        assert "Content-Type" not in request["headers"]


def test_the_stub_blocks_an_empty_body_labelled_json_as_pay_does(pay_stub):
    import requests

    response = requests.post(
        f"{pay_stub.url}/v1/payments/abc/cancel",
        headers={"Authorization": f"Bearer {API_KEY}", "Content-Type": "application/json"},
        timeout=2,
    )
    assert (response.status_code, response.json()["code"]) == (400, "P0920")


@pytest.mark.parametrize(
    ("call", "status", "code"),
    [
        ("refund_not_success", 400, "P0603"),
        ("refund_too_much", 400, "P0603"),
        ("refund_stale", 412, "P0604"),
        ("refund_unknown", 404, "P0700"),
        ("refunds_unknown_payment", 404, "P0800"),
        ("get_unknown", 404, "P0200"),
    ],
)
def test_error_shapes_are_pay_s(client_, pay_stub, call, status, code):
    """Issue #22 (6): the status and code each documented error has on Pay."""
    payment_id = _create(client_).payment_id
    if call != "refund_not_success":
        pay_stub.set_state(payment_id, "success")
    with pytest.raises(ProviderError) as exc:
        if call == "refund_not_success" or call == "refund_too_much":
            amount = 100 if call == "refund_not_success" else 16001
            client_.refund_create(
                payment_id=payment_id, amount=amount, refund_amount_available=16000
            )
        elif call == "refund_stale":
            client_.refund_create(payment_id=payment_id, amount=100, refund_amount_available=15000)
        elif call == "refund_unknown":
            client_.refund_get(payment_id=payment_id, refund_id="nosuchrefund")
        elif call == "refunds_unknown_payment":
            client_.refunds_list(payment_id="nosuchpayment")
        else:
            client_.get(payment_id="nosuchpayment")
    assert (exc.value.status_code, exc.value.code) == (status, code)


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
    assert body["reference"] == payment.provider_reference
    assert payment.provider_reference.startswith("ET-7KQ-4MP-")
    assert body["language"] == "en"


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


def test_a_create_that_timed_out_is_found_by_its_reference_not_made_twice(start, govuk_pay):
    """Issue #22 (1): Pay made the payment but answered too late; the retry searches first."""
    govuk_pay.sleep_next = 1.5

    with pytest.raises(services.PaymentProviderUnavailable):
        start()
    payment = Payment.objects.get()
    assert payment.provider_payment_id == ""
    for _ in range(50):  # the stub finishes the request after the client gave up
        if govuk_pay.payments:
            break
        time.sleep(0.1)
    assert len(govuk_pay.payments) == 1  # Pay made it anyway

    url = start()

    payment.refresh_from_db()
    assert len(govuk_pay.payments) == 1
    assert len(govuk_pay.requests_to("POST", "/v1/payments")) == 1
    assert payment.provider_payment_id in govuk_pay.payments
    searches = govuk_pay.requests_to("GET", r"/v1/payments\?.*")
    assert len(searches) == 1 and payment.provider_reference in searches[0]["path"]
    assert url.startswith(f"{govuk_pay.url}/secure/")


def test_a_create_that_never_reached_pay_is_made_after_the_search_finds_nothing(start, govuk_pay):
    govuk_pay.fail_next(503)
    with pytest.raises(services.PaymentProviderUnavailable):
        start()

    start()

    assert len(govuk_pay.payments) == 1
    assert len(govuk_pay.requests_to("GET", r"/v1/payments\?.*")) == 1


def test_each_attempt_has_its_own_reference_at_pay(start, govuk_pay):
    start()
    first = Payment.objects.get()
    govuk_pay.set_state(first.provider_payment_id, "failed", "P0010")
    services.payment_refresh(payment=first)

    start()

    second = Payment.objects.exclude(pk=first.pk).get()
    assert first.provider_reference != second.provider_reference
    references = [p.body["reference"] for p in govuk_pay.payments.values()]
    assert sorted(references) == sorted([first.provider_reference, second.provider_reference])


def test_a_refused_create_ends_the_payment_in_error_so_a_later_attempt_can_start(start, govuk_pay):
    govuk_pay.fail_next(422, "P0102")

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
    govuk_pay.fail_next(400, "P0603", method="POST", path=r"/v1/payments/\w+/refunds")

    refund = services.refund_create(
        payment=payment, amount_pence=100, requested_by=UserFactory(), reason="x"
    )

    assert (refund.status, refund.error_code) == (RefundStatus.ERROR, "P0603")


def test_a_refund_when_gov_uk_pay_is_down_records_nothing(start, govuk_pay):
    start()
    payment = Payment.objects.get()
    govuk_pay.set_state(payment.provider_payment_id, "success")
    payment = services.payment_refresh(payment=payment)
    govuk_pay.fail_next(500, method="POST", path=r"/v1/payments/\w+/refunds")

    with pytest.raises(services.PaymentProviderUnavailable):
        services.refund_create(
            payment=payment, amount_pence=100, requested_by=UserFactory(), reason="x"
        )
    assert not payment.refunds.exists()


def test_cancel_from_the_service_on_gov_uk_pay(start, govuk_pay):
    start()
    payment = services.payment_cancel(payment=Payment.objects.get(), actor=None)
    assert (payment.status, payment.failure_code) == ("cancelled", "P0040")
