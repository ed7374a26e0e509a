import json

import pytest
from django.urls import reverse

from digital_services.payments.constants import PaymentStatus
from digital_services.payments.models import Payment, WebhookMessage
from digital_services.payments.sandbox import sandbox_card_submit, sandbox_payment_confirm
from digital_services.payments.tasks import payment_refresh_task

from .conftest import sign

pytestmark = pytest.mark.django_db

URL = reverse("payments:webhook")


def _message(payment_id: str, message_id: str = "msg-1", status: str = "success") -> bytes:
    return json.dumps(
        {
            "webhook_message_id": message_id,
            "created_date": "2026-11-26T10:00:00.000Z",
            "resource_id": payment_id,
            "api_version": 1,
            "resource_type": "payment",
            "event_type": "card_payment_succeeded",
            "resource": {"payment_id": payment_id, "state": {"status": status, "finished": True}},
        }
    ).encode()


def _post(client, body: bytes, signature: str | None):
    headers = {} if signature is None else {"HTTP_PAY_SIGNATURE": signature}
    return client.post(URL, data=body, content_type="application/json", **headers)


@pytest.fixture
def paid_at_provider(start):
    """A payment the user paid for on the provider's page but never came back from."""
    start()
    payment = Payment.objects.get()
    sandbox_card_submit(payment_id=payment.provider_payment_id, card_number="4444333322221111")
    sandbox_payment_confirm(payment_id=payment.provider_payment_id)
    return payment


def test_a_signed_webhook_is_answered_200_and_refreshes_the_payment_from_the_provider(
    client, paid_at_provider, django_capture_on_commit_callbacks
):
    body = _message(paid_at_provider.provider_payment_id)

    with django_capture_on_commit_callbacks() as callbacks:
        response = _post(client, body, sign(body))

    assert response.status_code == 200
    assert WebhookMessage.objects.get().payment == paid_at_provider
    assert len(callbacks) == 1
    # The task the callback enqueues, run here: it asks the provider, not the message.
    payment_refresh_task.run(paid_at_provider.pk)
    paid_at_provider.refresh_from_db()
    assert paid_at_provider.status == PaymentStatus.SUCCESS


def test_a_webhook_body_claiming_success_is_not_believed(
    client, start, django_capture_on_commit_callbacks
):
    start()
    payment = Payment.objects.get()
    body = _message(payment.provider_payment_id, status="success")

    with django_capture_on_commit_callbacks(execute=False):
        _post(client, body, sign(body))
    payment_refresh_task.run(payment.pk)

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.CREATED


@pytest.mark.parametrize(
    "signature",
    [None, "", "0" * 64, sign(b"something else"), sign(b"x", secret="another-secret")],
)
def test_a_webhook_with_a_bad_signature_is_refused_401(client, paid_at_provider, signature):
    body = _message(paid_at_provider.provider_payment_id)

    response = _post(client, body, signature)

    assert response.status_code == 401
    assert not WebhookMessage.objects.exists()


def test_a_webhook_signed_over_a_different_body_is_refused(client, paid_at_provider):
    body = _message(paid_at_provider.provider_payment_id)
    tampered = body.replace(b"card_payment_succeeded", b"card_payment_refunded")

    assert _post(client, tampered, sign(body)).status_code == 401


def test_webhooks_are_refused_when_no_signing_secret_is_configured(
    client, paid_at_provider, settings
):
    settings.GOVUK_PAY_WEBHOOK_SECRET = ""
    body = _message(paid_at_provider.provider_payment_id)

    assert _post(client, body, sign(body, secret="")).status_code == 401


def test_a_replayed_webhook_is_answered_200_and_ignored(
    client, paid_at_provider, django_capture_on_commit_callbacks
):
    body = _message(paid_at_provider.provider_payment_id)

    with django_capture_on_commit_callbacks() as first:
        assert _post(client, body, sign(body)).status_code == 200
    with django_capture_on_commit_callbacks() as replay:
        assert _post(client, body, sign(body)).status_code == 200

    assert WebhookMessage.objects.count() == 1
    assert len(first) == 1
    assert replay == []


def test_a_webhook_for_an_unknown_payment_is_recorded_and_answered_200(
    client, django_capture_on_commit_callbacks
):
    body = _message("no-such-payment")

    with django_capture_on_commit_callbacks() as callbacks:
        response = _post(client, body, sign(body))

    assert response.status_code == 200
    assert WebhookMessage.objects.get().payment is None
    assert callbacks == []


def test_a_signed_body_that_is_not_a_webhook_message_is_400(client):
    body = b'{"hello": "world"}'
    assert _post(client, body, sign(body)).status_code == 400


def test_the_webhook_does_not_need_a_csrf_token(paid_at_provider):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    body = _message(paid_at_provider.provider_payment_id)
    assert _post(client, body, sign(body)).status_code == 200


def test_the_webhook_only_accepts_post(client):
    assert client.get(URL).status_code == 405
