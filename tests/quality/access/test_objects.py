"""Object-level access, checked for every URL pattern that takes an argument, whatever the
matrix row says (a row that says ``everyone()`` cannot hide an open page).

Citizen pages (every pattern outside the staff area with a path argument, any converter):
the matrix row builds the URL for an object owned by citizen A. Citizen A must get in
(which proves the URL names A's object, not nobody's), citizen B must be refused and a
visitor who is not signed in must be sent to sign in (or to the page the row names in
``SIGNS_IN_AT``, where a visitor proves who they are another way). POST-only views are
checked with a POST. The only exception is a row in ``BEARER_TOKENS``: the argument is
a signed link or a secret only the owner was given, and the row says so, with a reason.
Only arguments named in ``BEARER_ARGUMENTS`` can be bearer tokens, so a reference or an
id can never be declared one. The journey engine's pages take no object argument (the
draft is the request's own; test_idor.py checks that) and are checked for just that.

Staff pages (the admin's object pages): a caseworker of one service never opens another
service's case, and a prison caseworker never opens a row of another prison, whatever
permissions the groups hold.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.urls import resolve, reverse

from digital_services.accounts.middleware import STAFF_PATH_PREFIXES

from .check import outcome_of
from .matrix import (
    ALLOW,
    BEARER_ARGUMENTS,
    BEARER_TOKENS,
    DENY,
    LOGIN,
    SIGNS_IN_AT,
    entries_for,
    is_journey_view,
)
from .patterns import CONVERTER, UrlPattern, url_patterns
from .world import (
    ANONYMOUS,
    CASEWORKER_SERVICE,
    CITIZEN_A,
    CITIZEN_B,
    PRISON_P,
    PRISON_Q,
    World,
)

ACCESS_URLS = "tests.quality.access.urls"
pytestmark = [pytest.mark.django_db, pytest.mark.urls(ACCESS_URLS)]

#: What a journey engine URL may carry: a step or section slug, an item's position in
#: the visitor's own draft, or an emailed resume token (a bearer token).
JOURNEY_ARGUMENTS = {"step", "section", "number", "token"}


def argument_names(pattern: UrlPattern) -> set[str]:
    if pattern.is_regex:
        import re

        return set(re.compile(pattern.route).groupindex)
    return {m.group("name") for m in CONVERTER.finditer(pattern.route)}


def _is_staff(pattern: UrlPattern) -> bool:
    return ("/" + pattern.route).startswith(STAFF_PATH_PREFIXES)


ALL = url_patterns(ACCESS_URLS)
CITIZEN_OBJECT_PATTERNS = [p for p in ALL if argument_names(p) and not _is_staff(p)]
JOURNEY_PATTERNS = [p for p in CITIZEN_OBJECT_PATTERNS if is_journey_view(p)]
OWNED_PATTERNS = [p for p in CITIZEN_OBJECT_PATTERNS if not is_journey_view(p)]
ADMIN_OBJECT_PATTERNS = [
    p for p in ALL if p.route.startswith("admin/") and argument_names(p) and p.name
]


def _label(pattern: UrlPattern) -> str:
    return pattern.name or pattern.route


def test_there_are_citizen_object_pages_and_admin_object_pages_to_check():
    assert len(OWNED_PATTERNS) >= 10
    assert len(ADMIN_OBJECT_PATTERNS) >= 20


def test_bearer_token_rows_give_a_reason_and_name_only_token_arguments():
    by_name = {p.name: p for p in ALL}
    problems = []
    for name, reason in BEARER_TOKENS.items():
        pattern = by_name.get(name)
        if pattern is None:
            problems.append(f"{name}: no such URL pattern")
            continue
        if len(reason.split()) < 4:
            problems.append(f"{name}: say why the argument grants access ({reason!r})")
        if not argument_names(pattern) <= BEARER_ARGUMENTS:
            problems.append(
                f"{name}: {sorted(argument_names(pattern))} are not token arguments "
                f"({sorted(BEARER_ARGUMENTS)}): a reference or an id is never a bearer token"
            )
    for name in SIGNS_IN_AT:
        if name not in by_name:
            problems.append(f"SIGNS_IN_AT: {name}: no such URL pattern")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("pattern", JOURNEY_PATTERNS, ids=_label)
def test_journey_pages_carry_no_object_argument(pattern):
    extra = argument_names(pattern) - JOURNEY_ARGUMENTS
    assert not extra, (
        f"{pattern.label}: a journey URL carries {sorted(extra)}; a draft is found from the "
        "request's user or session, never from the URL"
    )
    if "token" in argument_names(pattern):
        assert pattern.name in BEARER_TOKENS or pattern.route.endswith("resume/<str:token>/")


def _request(world: World, role: str, url: str, method: str):
    client = world.client(role)
    response = getattr(client, method)(url)
    return client, response


def _is_redirect_to(response, url_name: str) -> bool:
    return response.status_code in (301, 302, 303, 307, 308) and urlsplit(
        response["Location"]
    ).path == reverse(url_name)


@pytest.mark.parametrize("pattern", OWNED_PATTERNS, ids=_label)
def test_another_citizen_and_a_visitor_cannot_open_citizen_as_object(pattern):
    world = World(roles=(ANONYMOUS, CITIZEN_A, CITIZEN_B))
    rows = entries_for(pattern)
    assert rows, f"{pattern.label} has no matrix row (test_matrix.py lists it)"
    [(_label_text, entry)] = rows
    # A row may also say so itself (a rule a service declares, ``bearer_token="why"``).
    bearer = BEARER_TOKENS.get(pattern.name) or getattr(entry, "bearer_token", "")
    if bearer:
        assert argument_names(pattern) <= BEARER_ARGUMENTS, (
            f"{pattern.label}: {sorted(argument_names(pattern))} are not token arguments "
            f"({sorted(BEARER_ARGUMENTS)}): a reference or an id is never a bearer token"
        )
        assert len(bearer.split()) >= 4, f"{pattern.label}: say why ({bearer!r})"
        pytest.skip(f"bearer token: {bearer}")
    url = entry.build_url(world, pattern)
    method = "post" if entry.post is not None else "get"

    outcomes = {}
    for role in (CITIZEN_A, CITIZEN_B, ANONYMOUS):
        client, response = _request(world, role, url, method)
        outcomes[role] = (outcome_of(client, response), response)

    shown = {
        r: f"{o} ({resp.status_code} {resp.get('Location', '')})"
        for r, (o, resp) in outcomes.items()
    }
    assert outcomes[CITIZEN_A][0] == ALLOW, (
        f"{method.upper()} {url} [{pattern.label}]: citizen A got {shown[CITIZEN_A]}. The "
        "matrix row must build the URL for an object citizen A owns (World), so that the "
        "refusals below mean something; if the argument is a bearer token, add the row to "
        "BEARER_TOKENS with the reason"
    )
    assert outcomes[CITIZEN_B][0] == DENY, (
        f"{method.upper()} {url} [{pattern.label}]: citizen B opened citizen A's object "
        f"({shown[CITIZEN_B]})"
    )
    anonymous, response = outcomes[ANONYMOUS]
    if pattern.name in SIGNS_IN_AT:
        assert _is_redirect_to(response, SIGNS_IN_AT[pattern.name][0]), (
            f"{method.upper()} {url} [{pattern.label}]: a visitor who is not signed in got "
            f"{shown[ANONYMOUS]}, not a redirect to {SIGNS_IN_AT[pattern.name][0]}"
        )
    else:
        assert anonymous == LOGIN, (
            f"{method.upper()} {url} [{pattern.label}]: a visitor who is not signed in got "
            f"{shown[ANONYMOUS]}, not a redirect to sign in"
        )


# Staff: across services and prisons -------------------------------------------------


def _object_of(url: str, pattern: UrlPattern):
    """The model instance an admin URL is about (None when the row does not exist)."""
    from django.contrib import admin

    match = resolve(url)
    object_id = match.kwargs.get("object_id") or (match.args[0] if match.args else None)
    if object_id is None:
        return None
    for model in admin.site._registry:
        prefix = f"admin/{model._meta.app_label}/{model._meta.model_name}/"
        if pattern.route.startswith(prefix):
            return model._default_manager.filter(pk=object_id).first()
    return None


def _service_of(obj) -> str | None:
    """The service a row belongs to: its app, when that is a service, or its ``service``."""
    services = set(CASEWORKER_SERVICE.values())
    if obj._meta.app_label in services:
        return obj._meta.app_label
    value = getattr(obj, "service", None)
    return value if isinstance(value, str) and value in services else None


def _prison_of(obj):
    from prison_visits.models import Prison

    if isinstance(obj, Prison):
        return obj
    for field in obj._meta.get_fields():
        if getattr(field, "many_to_one", False) and field.related_model is Prison:
            return getattr(obj, field.name)
    return None


def _admin_rows(world: World):
    for pattern in ADMIN_OBJECT_PATTERNS:
        for _label_text, entry in entries_for(pattern):
            if entry.url is None and entry.kwargs is None:
                continue
            url = entry.build_url(world, pattern)
            obj = _object_of(url, pattern)
            if obj is not None:
                yield pattern, entry, url, obj


def test_a_caseworker_never_opens_another_services_case(db):
    world = World()
    problems, checked = [], 0
    for pattern, entry, url, obj in _admin_rows(world):
        service = _service_of(obj)
        if service is None:
            continue
        method = "post" if entry.post is not None else "get"
        for role, own_service in CASEWORKER_SERVICE.items():
            if own_service == service:
                continue
            checked += 1
            client, response = _request(world, role, url, method)
            got = outcome_of(client, response)
            if got != DENY:
                problems.append(
                    f"{role} ({own_service}) got {got} for {service}'s {obj._meta.label} at "
                    f"{method.upper()} {url} [{pattern.label}]"
                )
    assert checked >= 20
    assert not problems, "\n".join(problems)


def test_a_prison_caseworker_never_opens_another_prisons_rows(db):
    from prison_visits.models import PrisonStaffAssignment
    from tests.prison_visits.factories import AssignmentFactory

    world = World()
    problems, checked = [], 0
    for pattern, entry, url, obj in _admin_rows(world):
        prison = _prison_of(obj)
        if prison is None:
            continue
        # P works at the row's prison (as well as its own); Q never does.
        if not PrisonStaffAssignment.objects.filter(user=world.user(PRISON_P), prison=prison):
            AssignmentFactory(user=world.user(PRISON_P), prison=prison)
        assert not PrisonStaffAssignment.objects.filter(user=world.user(PRISON_Q), prison=prison)
        expected_p = entry.get.get(PRISON_P) if entry.get else None
        method = "post" if entry.post is not None else "get"
        client, response = _request(world, PRISON_Q, url, method)
        got_q = outcome_of(client, response)
        checked += 1
        if got_q != DENY:
            problems.append(
                f"prison Q's caseworker got {got_q} for prison {prison.pk}'s "
                f"{obj._meta.label} at {method.upper()} {url} [{pattern.label}]"
            )
        if expected_p is not None and expected_p != DENY:
            client, response = _request(world, PRISON_P, url, "get")
            got_p = outcome_of(client, response)
            if got_p != ALLOW and not (got_p == "HTTP 405" and entry.post is not None):
                problems.append(
                    f"prison P's caseworker, who works there, got {got_p} at {url} "
                    f"[{pattern.label}] (so Q's refusal proves nothing)"
                )
    assert checked >= 5
    assert not problems, "\n".join(problems)
