"""The outcomes an entry expects per role, and the entry itself."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..patterns import UrlPattern
from ..world import (
    ANONYMOUS,
    ROLES,
    World,
)


class Outcome(enum.Enum):
    ALLOW = "allow"
    LOGIN = "redirect to sign in"
    SECOND_FACTOR = "redirect to the second factor"
    DENY = "deny (401/403/404)"


ALLOW = Outcome.ALLOW
#: Either is right (say why where it is used).
ALLOW_OR_DENY = (Outcome.ALLOW, Outcome.DENY)
LOGIN = Outcome.LOGIN
SECOND_FACTOR = Outcome.SECOND_FACTOR
DENY = Outcome.DENY

Outcomes = Mapping[str, Outcome | tuple[Outcome, ...]]


def everyone(outcome: Outcome = ALLOW) -> dict[str, Outcome]:
    return {role: outcome for role in ROLES}


def signed_in_only() -> dict[str, Outcome]:
    """login_required: anonymous users are sent to sign in, everyone signed in gets in."""
    return {**everyone(ALLOW), ANONYMOUS: LOGIN}


def only(*roles: str, others: Outcome = DENY) -> dict[str, Outcome]:
    """Only ``roles`` get in; anonymous users are sent to sign in, everyone else ``others``."""
    return {**everyone(others), ANONYMOUS: LOGIN, **{role: ALLOW for role in roles}}


@dataclass(frozen=True)
class Entry:
    get: Outcomes
    #: For POST-only views: the outcome of a POST (with a CSRF token), per role.
    post: Outcomes | None = None
    #: Builds the concrete URL; by default the route with ``kwargs`` filled in.
    url: Callable[[World, UrlPattern], str] | None = None
    kwargs: Callable[[World], dict] | None = None
    #: Why a POST needs no CSRF token, and what authenticates it instead.
    csrf_exempt: str = ""
    #: Why a POST without a token is answered before the view (so never reaches it).
    csrf_answered_by_middleware: str = ""
    #: Why a page open to staff only may live outside STAFF_PATH_PREFIXES.
    second_factor_exempt: str = ""
    #: Finds a case by its reference: must be rate limited (``RATE_LIMITS``).
    reference_lookup: bool = False
    note: str = field(default="", compare=False)

    def build_url(self, world: World, pattern: UrlPattern) -> str:
        if self.url is not None:
            return self.url(world, pattern)
        return pattern.url(**(self.kwargs(world) if self.kwargs else {}))
