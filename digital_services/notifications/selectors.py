"""Reads for the outbox."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet

from .constants import Channel
from .models import OutboundMessage
from .registry import RenderedMessage, TemplateError, template_get, template_render


def outbound_message_list_about(*, obj: Model) -> QuerySet[OutboundMessage]:
    """The messages sent about one case, newest first."""
    return OutboundMessage.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    )


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
        template, language=message.language, personalisation=message.personalisation
    )
