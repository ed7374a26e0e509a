"""GOV.UK Notify callbacks: delivery receipts, returned letters and complaints."""

import hmac
import json
import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .services import (
    outbound_message_complaint_record,
    outbound_message_receipt_record,
    outbound_message_returned_record,
)

logger = logging.getLogger(__name__)


def _bearer_token_valid(request) -> bool:
    expected = settings.NOTIFY_CALLBACK_TOKEN
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if not expected or scheme.lower() != "bearer" or not token:
        return False
    return hmac.compare_digest(token.strip().encode(), expected.encode())


def _text(payload: dict, name: str) -> str | None:
    """A text field of the callback ('' when absent), or None when it is not text."""
    value = payload.get(name) or ""
    return value if isinstance(value, str) else None


@csrf_exempt
@require_POST
def notify_callback(request):
    """Notify POSTs JSON with our bearer token; we tell its three kinds by their shape.

    - a delivery receipt has a ``status`` (and ``id``, ``reference``);
    - a complaint has a ``complaint_id`` (and ``notification_id``, ``reference``);
    - a returned letter has a ``notification_id`` and no ``status``.

    Returned letters and complaints have no ``status``: Notify does not retry a 4xx,
    so refusing them would lose them. 401 without the right token (and always when
    NOTIFY_CALLBACK_TOKEN is unset); 400 for a body that is none of these; 204
    otherwise, including for ids that are not ours, so Notify does not keep retrying.
    """
    if not _bearer_token_valid(request):
        response = JsonResponse({"error": "Unauthorised"}, status=401)
        response["WWW-Authenticate"] = 'Bearer realm="notify-callback"'
        return response
    try:
        payload = json.loads(request.body or b"")
    except ValueError:
        return HttpResponseBadRequest("The body is not JSON")
    if not isinstance(payload, dict):
        return HttpResponseBadRequest("The body is not a callback")
    reference = _text(payload, "reference")
    if "status" in payload:
        provider_id = _text(payload, "id")
        if not isinstance(payload["status"], str):
            return HttpResponseBadRequest("A receipt needs a status")
        if provider_id is None or reference is None or not (provider_id or reference):
            return HttpResponseBadRequest("A receipt needs an id or a reference")
        found = outbound_message_receipt_record(
            provider_id=provider_id, reference=reference, provider_status=payload["status"]
        )
    elif "complaint_id" in payload:
        complaint_id = _text(payload, "complaint_id")
        notification_id = _text(payload, "notification_id")
        if not complaint_id or notification_id is None or reference is None:
            return HttpResponseBadRequest("A complaint needs a complaint_id and a notification_id")
        found = outbound_message_complaint_record(
            complaint_id=complaint_id,
            notification_id=notification_id,
            reference=reference,
            complained_at=payload.get("complaint_date"),
        )
    elif "notification_id" in payload:
        notification_id = _text(payload, "notification_id")
        if not notification_id or reference is None:
            return HttpResponseBadRequest("A returned letter needs a notification_id")
        found = outbound_message_returned_record(
            notification_id=notification_id, reference=reference
        )
    else:
        return HttpResponseBadRequest("A receipt needs a status")
    if found is None:
        logger.info("Callback for a notification that is not ours")
    return HttpResponse(status=204)
