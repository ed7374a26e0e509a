"""Requests the matrix makes, and what their responses count as."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.urls import reverse

from .matrix import ALLOW, DENY, LOGIN, SECOND_FACTOR, Entry, Outcome
from .patterns import UrlPattern
from .world import World

REDIRECTS = (301, 302, 303, 307, 308)


def outcome_of(client, response) -> Outcome | str:
    """What ``response`` counts as; a string ("HTTP 500", "HTTP 405") when it is none of them.

    The admin's own sign-in page only redirects to the site's (or refuses a citizen),
    so a redirect there is followed once to see which. A redirect from an admin object
    page to the admin index is Django's "does not exist" answer, so it counts as DENY.
    """
    status = response.status_code
    if status in REDIRECTS:
        path = urlsplit(response["Location"]).path
        if path == reverse("admin:login"):
            return outcome_of(client, client.get(response["Location"]))
        if path == reverse("account_login"):
            return LOGIN
        if path == reverse("accounts:staff-second-factor"):
            return SECOND_FACTOR
        asked = response.request["PATH_INFO"]
        if path == reverse("admin:index") and asked.startswith("/admin/") and asked.count("/") >= 5:
            # The admin's "this object does not exist" redirect (also what a caseworker
            # gets for a case outside their prison): nothing of the object is shown.
            return DENY
        return ALLOW
    if 200 <= status < 300:
        return ALLOW
    if status in (401, 403, 404):
        return DENY
    return f"HTTP {status}"


def still_signed_in(client, user) -> bool:
    return user is None or client.session.get("_auth_user_id") == str(user.pk)


def check_role(world: World, role: str, rows, *, method: str = "get") -> list[str]:
    """Request every row as ``role``; one line per row whose outcome is not the expected one.

    ``rows`` are ``(label, pattern, entry)``. A page that signs the user out (the
    signed-out page) is followed by a fresh sign-in, so later rows are unaffected.
    """
    problems = []
    client = world.client(role)
    user = world.user(role)
    for label, pattern, entry in rows:
        expected_map = entry.get if method == "get" else entry.post
        if expected_map is None:
            continue
        expected = expected_map[role]
        try:
            url = entry.build_url(world, pattern)
            response = getattr(client, method)(url)
            got = outcome_of(client, response)
        except Exception as exc:  # noqa: BLE001 - reported as a row that failed
            problems.append(f"{method.upper()} {label}: raised {exc.__class__.__name__}: {exc}")
            client = world.client(role)
            continue
        if got == "HTTP 405" and method == "get" and entry.post is not None:
            got = ALLOW  # a POST-only view: its POST outcomes are checked separately
        acceptable = expected if isinstance(expected, tuple) else (expected,)
        if got not in acceptable:
            shown = got.value if isinstance(got, Outcome) else got
            wanted = " or ".join(o.value for o in acceptable)
            problems.append(
                f"{method.upper()} {url} [{label}]: expected {wanted}, got {shown}"
                f" ({response.status_code} {response.get('Location', '')})".rstrip()
            )
        if not still_signed_in(client, user):
            client = world.client(role)
    return problems


def rows_for(patterns: list[UrlPattern]) -> tuple[list[tuple[str, UrlPattern, Entry]], list[str]]:
    """Matrix rows for ``patterns``, and the labels of patterns that have none."""
    from .matrix import entries_for

    rows, missing = [], []
    for pattern in patterns:
        found = entries_for(pattern)
        if not found:
            missing.append(pattern.label)
        rows += [(label, pattern, entry) for label, entry in found]
    return rows, missing
