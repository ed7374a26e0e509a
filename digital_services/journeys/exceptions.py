"""Domain errors of the journeys app. Views turn them into pages; nothing here is HTTP."""

from __future__ import annotations


class JourneyError(Exception):
    """Base class for the errors below."""


class DraftNotFound(JourneyError):
    """There is no unexpired draft of this journey for this owner (sent already, or expired)."""


class JourneyIncomplete(JourneyError):
    """A step still needs an answer, so the application cannot be sent yet."""

    def __init__(self, step_slug: str | None):
        super().__init__(f"Step {step_slug!r} needs an answer")
        self.step_slug = step_slug


class JourneySubmitError(JourneyError):
    """Raised by a journey's submit callable: the answers cannot be accepted as they are.

    ``messages`` are shown on the check page; ``step`` (a step slug) makes each one
    link to the page where the answer can be changed. The draft is kept.
    """

    def __init__(self, messages: str | list[str], *, step: str | None = None):
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        self.step = step
        super().__init__("; ".join(self.messages))


class ItemLimitReached(JourneyError):
    """A repeating step already has its maximum number of items."""


class ItemNotFound(JourneyError):
    """A repeating step has no item with that number."""


class ResumeLinkInvalid(JourneyError):
    """A resume link that cannot be used: ``reason`` is "expired", "used" or "invalid"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class TooManyResumeLinks(JourneyError):
    """Too many links were asked for this draft in the last hour."""
