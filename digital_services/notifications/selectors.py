"""Reads for the outbox."""

from __future__ import annotations

from .constants import Channel
from .models import OutboundMessage
from .registry import RenderedMessage, TemplateError, template_get, template_render


def outbound_message_list_recent(
    *, channel: str = Channel.EMAIL, limit: int = 50
) -> list[OutboundMessage]:
    return list(
        OutboundMessage.objects.filter(channel=channel).order_by("-created_at", "-id")[:limit]
    )


def outbound_message_render(*, message: OutboundMessage) -> RenderedMessage | None:
    """The message as the recipient sees it, or None when its template is gone."""
    try:
        template = template_get(message.template_key)
    except TemplateError:
        return None
    return template_render(
        template,
        language=message.language,
        personalisation=message.personalisation,
        channel=message.channel,
    )


def returned_letters_for_staff(*, user):
    """The letters we could not deliver that this member of staff deals with.

    Those with ``notifications.view_returnedletter`` (administrators) see them all. A
    caseworker sees those of each service whose ``staff_case_permission`` they hold, and
    only about the cases that service's ``staff_cases(user)`` lets them see (prison staff:
    their own prisons' visits). Everyone else sees none.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import CharField, Q
    from django.db.models.functions import Cast

    from digital_services.core.registry import services_list

    from .models import DeliveryProblem

    letters = DeliveryProblem.objects.filter(kind=DeliveryProblem.Kind.RETURNED_LETTER)
    if not user or not user.is_authenticated or not user.is_active:
        return letters.none()
    if user.has_perm("notifications.view_returnedletter"):
        return letters
    visible = Q(pk__in=[])
    for service in services_list():
        if not service.staff_case_permission or not user.has_perm(service.staff_case_permission):
            continue
        mine = Q(service=service.label)
        if service.staff_cases is not None:
            cases = service.staff_cases(user)
            mine &= Q(
                content_type=ContentType.objects.get_for_model(cases.model),
                object_id__in=cases.annotate(_id=Cast("pk", CharField())).values("_id"),
            )
        visible |= mine
    return letters.filter(visible)


def returned_letters_staff_may_see(*, user) -> bool:
    """Whether the queue of letters we could not deliver is open to this member of staff."""
    from digital_services.core.registry import services_list

    if not user or not user.is_authenticated or not user.is_active or not user.is_staff:
        return False
    return user.has_perm("notifications.view_returnedletter") or any(
        service.staff_case_permission and user.has_perm(service.staff_case_permission)
        for service in services_list()
    )
