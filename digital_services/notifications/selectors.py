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
