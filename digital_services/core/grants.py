"""Grants: how someone without an account gets back to what they sent.

Every service uses this one mechanism. A grant says "whoever holds this may see the case
with this reference, in this scope (``"prison_visits.visit"``, ``"tribunal_fees.fee"``...),
until then". It travels as a signed token (``grant_issue``), in a confirmation address or a
link in an email, and is kept in the browser's session once used (``grant_hold``), so the
case's pages can ask ``grant_held``. Tokens cannot be changed without breaking the
signature (the project's SECRET_KEY, its own salt), name one scope and expire.

The link in an email is ``grant_url``: the platform's ``core:grant`` address, which holds the
grant in the session and then opens the page the grant was issued for (the page is inside
the signed token, so the link cannot be pointed elsewhere).

Signing in is not needed, but an account is better: when someone confirms an email address
(or signs in with a confirmed one), the cases sent with that address without an account are
attached to the account (``digital_services.core.registry.cases_claim_for_user``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

SALT = "digital_services.core.grants"
SESSION_KEY = "grants"
SESSION_MAX = 50
#: A confirmation page's grant: long enough to come back to it the same week.
TTL_CONFIRMATION = timedelta(days=7)
#: A link in an email: as long as the case is likely to be followed.
TTL_EMAIL = timedelta(days=180)


@dataclass(frozen=True)
class Grant:
    scope: str
    reference: str
    expires_at: int  # seconds since the epoch
    next_url: str = ""

    @property
    def expired(self) -> bool:
        return self.expires_at <= time.time()


def grant_issue(
    *, scope: str, reference: str, ttl: timedelta = TTL_CONFIRMATION, next_url: str = ""
) -> str:
    """A signed token granting the case ``reference`` in ``scope`` for ``ttl``.

    ``next_url`` (a path on this site) is where ``grant_url``'s link goes once used.
    """
    payload = {
        "s": scope,
        "r": reference,
        "x": int(time.time() + ttl.total_seconds()),
    }
    if next_url:
        payload["n"] = next_url
    return signing.dumps(payload, salt=SALT, compress=True)


def grant_read(token: str, *, scope: str | None = None) -> Grant | None:
    """The grant in ``token``; None when it was changed, has expired or is for another
    scope than ``scope`` (when given)."""
    try:
        payload = signing.loads(token or "", salt=SALT)
        grant = Grant(
            scope=str(payload["s"]),
            reference=str(payload["r"]),
            expires_at=int(payload["x"]),
            next_url=str(payload.get("n", "")),
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if grant.expired or (scope is not None and grant.scope != scope):
        return None
    return grant


def grant_check(token: str, *, scope: str, reference: str) -> bool:
    """Whether ``token`` grants exactly this case in this scope, now."""
    grant = grant_read(token, scope=scope)
    return grant is not None and grant.reference == reference


def _held(request) -> list[list]:
    value = request.session.get(SESSION_KEY, [])
    if not isinstance(value, list):
        return []
    now = time.time()
    return [
        g
        for g in value
        if isinstance(g, list) and len(g) == 3 and isinstance(g[2], int) and g[2] > now
    ]


def grant_hold(request, grant: Grant) -> None:
    """Keep ``grant`` in this browser's session (the newest ``SESSION_MAX``, unexpired)."""
    held = [g for g in _held(request) if g[:2] != [grant.scope, grant.reference]]
    held.append([grant.scope, grant.reference, grant.expires_at])
    request.session[SESSION_KEY] = held[-SESSION_MAX:]


def grant_hold_new(request, *, scope: str, reference: str, ttl: timedelta = TTL_CONFIRMATION):
    """Give this browser a grant straight away (it just sent the case, or proved it may see
    it on a look-up page)."""
    grant_hold(
        request,
        Grant(scope=scope, reference=reference, expires_at=int(time.time() + ttl.total_seconds())),
    )


def grant_held(request, *, scope: str, reference: str) -> bool:
    """Whether this browser's session holds an unexpired grant for this case."""
    return any(g[0] == scope and g[1] == reference for g in _held(request))


def grant_references(request, *, scope: str) -> list[str]:
    """The references this browser holds grants for in ``scope``."""
    return [g[1] for g in _held(request) if g[0] == scope]


def grant_url(
    *, scope: str, reference: str, next_url: str, ttl: timedelta = TTL_EMAIL, absolute=False
) -> str:
    """The link that grants this case to whoever opens it, then shows ``next_url``.
    ``absolute`` puts ``SITE_URL`` in front (for emails)."""
    token = grant_issue(scope=scope, reference=reference, ttl=ttl, next_url=next_url)
    path = reverse("core:grant", args=[token])
    return f"{settings.SITE_URL}{path}" if absolute else path


@never_cache
@require_GET
def grant_redeem(request, token: str):
    """The ``core:grant`` page: hold the grant in this session, then open its page.
    A changed, expired or unknown token is a 404, the same for every one."""
    grant = grant_read(token)
    if grant is None:
        raise Http404("This link does not work any more")
    grant_hold(request, grant)
    target = grant.next_url
    if not (
        target.startswith("/")
        and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    ):
        target = reverse("core:start")
    return redirect(target)
