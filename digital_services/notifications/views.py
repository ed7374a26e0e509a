"""GOV.UK Notify delivery receipts."""

import hmac
import json
import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .services import outbound_message_receipt_record

logger = logging.getLogger(__name__)


def _bearer_token_valid(request) -> bool:
    expected = settings.NOTIFY_CALLBACK_TOKEN
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if not expected or scheme.lower() != "bearer" or not token:
        return False
    return hmac.compare_digest(token.strip().encode(), expected.encode())


@csrf_exempt
@require_POST
def notify_callback(request):
    """Notify POSTs a JSON receipt (id, reference, status, ...) with our bearer token.

    401 without the right token (and always when NOTIFY_CALLBACK_TOKEN is unset);
    400 for a body that is not a receipt; 204 otherwise, including for ids that
    are not ours, so Notify does not keep retrying them.
    """
    if not _bearer_token_valid(request):
        response = JsonResponse({"error": "Unauthorised"}, status=401)
        response["WWW-Authenticate"] = 'Bearer realm="notify-callback"'
        return response
    try:
        payload = json.loads(request.body or b"")
    except ValueError:
        return HttpResponseBadRequest("The body is not JSON")
    if not isinstance(payload, dict) or not isinstance(payload.get("status"), str):
        return HttpResponseBadRequest("A receipt needs a status")
    provider_id = payload.get("id") or ""
    reference = payload.get("reference") or ""
    if (
        not isinstance(provider_id, str)
        or not isinstance(reference, str)
        or not (provider_id or reference)
    ):
        return HttpResponseBadRequest("A receipt needs an id or a reference")
    message = outbound_message_receipt_record(
        provider_id=provider_id, reference=reference, provider_status=payload["status"]
    )
    if message is None:
        logger.info("Receipt for a notification that is not ours: %s", provider_id)
    return HttpResponse(status=204)
