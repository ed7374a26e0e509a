"""Writing audit events. Call ``audit_record`` inside the service function that
made the change, in the same transaction, so the event and the change commit
(or roll back) together."""

import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from digital_services.core.registry import service_for_namespace

from .http import client_ip_get
from .models import AuditEvent

ACTION_PATTERN = re.compile(r"^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$")
DETAIL_MAX_BYTES = 2000
USER_AGENT_MAX_LENGTH = AuditEvent._meta.get_field("user_agent").max_length


def _user_or_none(user):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def _service_from_request(request) -> str:
    match = getattr(request, "resolver_match", None)
    if match and match.namespaces:
        service = service_for_namespace(match.namespaces[0])
        if service:
            return service.slug
    return ""


def audit_record(
    *,
    action: str,
    obj: models.Model | None = None,
    actor=None,
    on_behalf_of=None,
    request=None,
    service: str | None = None,
    detail: dict | None = None,
) -> AuditEvent:
    """Record one business event and return it.

    ``action`` is a short dotted slug such as ``"visit.booked"``. ``obj`` is the
    saved model instance the event is about. From ``request`` (when given) come
    the IP address (see ``client_ip_get``), the user agent, the actor (the
    signed-in user, unless ``actor`` is given), the citizen being helped
    (``request.assisted_session.citizen``, when an assisted-digital session is
    active and ``on_behalf_of`` is not given) and the service (from the URL
    namespace, unless ``service`` is given). ``detail`` is a small JSON object:
    ids and codes, not names, addresses or free text.

    Raises ValueError for a malformed action, an unsaved ``obj``, or a
    ``detail`` that is not a dict or is larger than 2,000 bytes as JSON.
    """
    if not isinstance(action, str) or len(action) > 100 or not ACTION_PATTERN.match(action):
        raise ValueError(
            f"Audit action {action!r} must be a lower-case dotted slug such as 'visit.booked'."
        )
    detail = {} if detail is None else detail
    if not isinstance(detail, dict):
        raise ValueError("Audit detail must be a dict.")
    size = len(json.dumps(detail, cls=DjangoJSONEncoder).encode())
    if size > DETAIL_MAX_BYTES:
        raise ValueError(f"Audit detail is {size} bytes; keep it under {DETAIL_MAX_BYTES}.")

    object_type = object_id = ""
    if obj is not None:
        if obj.pk is None:
            raise ValueError("Save the object before recording an audit event about it.")
        object_type = obj._meta.label_lower
        object_id = str(obj.pk)

    ip = None
    user_agent = ""
    if request is not None:
        ip = client_ip_get(request)
        user_agent = request.META.get("HTTP_USER_AGENT", "")[:USER_AGENT_MAX_LENGTH]
        if actor is None:
            actor = _user_or_none(getattr(request, "user", None))
        if on_behalf_of is None:
            assisted_session = getattr(request, "assisted_session", None)
            on_behalf_of = _user_or_none(getattr(assisted_session, "citizen", None))
        if service is None:
            service = _service_from_request(request)

    return AuditEvent.objects.create(
        action=action,
        object_type=object_type,
        object_id=object_id,
        actor=_user_or_none(actor),
        on_behalf_of=_user_or_none(on_behalf_of),
        service=service or "",
        ip=ip,
        user_agent=user_agent,
        detail=detail,
    )
