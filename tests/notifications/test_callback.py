import json

import pytest
from django.urls import reverse

from digital_services.notifications.constants import Status

from .factories import DeliveredMessageFactory, SendingMessageFactory, SentMessageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.notifications.urls")]
TOKEN = "callback-token-0123456789"


def _post(client, payload, token=TOKEN, **headers):
    if token is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    body = payload if isinstance(payload, str) else json.dumps(payload)
    return client.post(
        reverse("notifications:callback"), body, content_type="application/json", **headers
    )


def _receipt(message, status="delivered", **overrides):
    return {
        "id": message.provider_id,
        "reference": message.provider_reference,
        "to": message.recipient,
        "status": status,
        "created_at": "2026-03-02T10:00:00.000000Z",
        "completed_at": "2026-03-02T10:00:05.000000Z",
        "sent_at": "2026-03-02T10:00:01.000000Z",
        "notification_type": message.channel,
        **overrides,
    }


@pytest.mark.parametrize(
    ("provider_status", "status"),
    [
        ("delivered", Status.DELIVERED),
        ("permanent-failure", Status.PERMANENT_FAILURE),
        ("temporary-failure", Status.TEMPORARY_FAILURE),
        ("technical-failure", Status.TECHNICAL_FAILURE),
    ],
)
def test_a_receipt_with_the_right_token_updates_the_status(client, provider_status, status):
    message = SentMessageFactory()
    response = _post(client, _receipt(message, provider_status))
    assert response.status_code == 204
    message.refresh_from_db()
    assert message.status == status
    assert message.completed_at is not None


@pytest.mark.parametrize(
    "headers",
    [
        {"token": None},
        {"token": "wrong-token-0123456789"},
        {"token": TOKEN + "x"},
        {"token": None, "HTTP_AUTHORIZATION": f"Basic {TOKEN}"},
        {"token": ""},
    ],
    ids=["missing", "wrong", "longer", "not-bearer", "empty"],
)
def test_a_receipt_without_the_right_bearer_token_is_refused(client, headers):
    message = SentMessageFactory()
    response = _post(client, _receipt(message), **headers)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    message.refresh_from_db()
    assert message.status == Status.SENT


def test_receipts_are_refused_when_no_token_is_configured(client, settings):
    settings.NOTIFY_CALLBACK_TOKEN = ""
    message = SentMessageFactory()
    assert _post(client, _receipt(message), token="").status_code == 401
    assert _post(client, _receipt(message), token="anything").status_code == 401


def test_the_token_is_compared_in_constant_time(client, monkeypatch):
    import hmac

    from digital_services.notifications import views

    calls = []
    real_compare = hmac.compare_digest

    def compare(a, b):
        calls.append((a, b))
        return real_compare(a, b)

    monkeypatch.setattr(views.hmac, "compare_digest", compare)
    _post(client, _receipt(SentMessageFactory()))
    assert calls == [(TOKEN.encode(), TOKEN.encode())]


def test_a_receipt_for_an_id_that_is_not_ours_is_accepted_and_ignored(client):
    message = SentMessageFactory()
    response = _post(client, {"id": "someone-else", "reference": "", "status": "delivered"})
    assert response.status_code == 204
    message.refresh_from_db()
    assert message.status == Status.SENT


def test_a_receipt_that_arrives_before_we_stored_the_id_is_matched_by_reference(client):
    message = SendingMessageFactory(provider_id="")
    _post(client, _receipt(message, id="notify-77"))
    message.refresh_from_db()
    assert message.status == Status.DELIVERED
    assert message.provider_id == "notify-77"


def test_a_receipt_does_not_change_a_message_already_in_a_final_status(client):
    message = DeliveredMessageFactory()
    assert _post(client, _receipt(message, "permanent-failure")).status_code == 204
    message.refresh_from_db()
    assert message.status == Status.DELIVERED


def test_an_in_progress_receipt_changes_nothing(client):
    message = SentMessageFactory()
    _post(client, _receipt(message, "sending"))
    message.refresh_from_db()
    assert message.status == Status.SENT


@pytest.mark.parametrize(
    "body", ["not json", "[]", json.dumps({"id": "x"}), json.dumps({"status": "delivered"})]
)
def test_a_body_that_is_not_a_receipt_is_a_bad_request(client, body):
    assert _post(client, body).status_code == 400


def test_the_callback_only_accepts_post(client):
    response = client.get(reverse("notifications:callback"), HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 405


def test_the_callback_needs_no_csrf_token(client):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    message = SentMessageFactory()
    assert _post(csrf_client, _receipt(message)).status_code == 204
