"""Staff pages: second factor first, under the guarded prefixes, and admin permissions as the matrix says."""

import pytest
from django.contrib.auth.models import Group

from digital_services.accounts.constants import ROLE_PERMISSIONS
from digital_services.accounts.middleware import STAFF_PATH_PREFIXES

from .check import outcome_of, rows_for
from .matrix import ALLOW, LOGIN, SECOND_FACTOR, admin_permissions, permissions_held
from .patterns import url_patterns
from .world import CASEWORKER_SERVICE, CITIZENS, ROLE_GROUPS, STAFF, World

ACCESS_URLS = "tests.quality.access.urls"


def _is_staff_path(route: str) -> bool:
    return ("/" + route).startswith(STAFF_PATH_PREFIXES)


@pytest.mark.urls(ACCESS_URLS)
@pytest.mark.parametrize("role", STAFF)
def test_staff_without_a_second_factor_are_sent_to_it_from_every_staff_page(db, role):
    world = World(roles=(role,))
    client = world.client(role, second_factor=False)
    rows, _ = rows_for([p for p in url_patterns(ACCESS_URLS) if _is_staff_path(p.route)])
    assert len(rows) > 100

    problems = []
    for label, pattern, entry in rows:
        url = entry.build_url(world, pattern)
        # The admin's own sign-in page only sends everyone to the site's sign-in.
        expected = LOGIN if pattern.name == "admin:login" else SECOND_FACTOR
        got = outcome_of(client, client.get(url))
        if got != expected:
            problems.append(f"GET {url} [{label}]: expected {expected.value}, got {got}")

    assert not problems, "\n".join(problems)


def test_every_page_open_only_to_staff_is_under_the_second_factor_prefixes(db):
    rows, _ = rows_for(url_patterns())
    outside = []
    for label, pattern, entry in rows:
        citizens_refused = all(entry.get[role] != ALLOW for role in CITIZENS)
        staff_allowed = any(entry.get[role] == ALLOW for role in STAFF)
        if citizens_refused and staff_allowed and not _is_staff_path(pattern.route):
            if not entry.second_factor_exempt and not pattern.view_module.startswith("allauth."):
                outside.append(label)

    assert not outside, (
        f"Staff-only pages outside {STAFF_PATH_PREFIXES}, so no second factor is asked "
        f"for them: {outside}"
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", [r for r, g in ROLE_GROUPS.items() if g])
def test_each_roles_group_holds_the_permissions_accounts_constants_give_it(role):
    group = ROLE_GROUPS[role]

    held = permissions_held(Group.objects.get(name=group))

    assert held >= ROLE_PERMISSIONS[group]
    assert admin_permissions(role) == held  # what the matrix expects the admin to allow


@pytest.mark.django_db
@pytest.mark.parametrize("role", CITIZENS)
def test_citizens_hold_no_permissions(role):
    assert permissions_held(Group.objects.get(name=ROLE_GROUPS[role])) == frozenset()


@pytest.mark.django_db
@pytest.mark.parametrize("role", sorted(CASEWORKER_SERVICE))
def test_caseworkers_hold_permissions_of_their_own_service_only(role):
    """A permission on a shared platform model (payments, notifications...) would show
    every service's rows: caseworkers get only their own service's models."""
    held = permissions_held(Group.objects.get(name=ROLE_GROUPS[role]))

    others = {p for p in held if p.split(".")[0] != CASEWORKER_SERVICE[role]}

    assert not others, f"{role} holds permissions outside {CASEWORKER_SERVICE[role]}: {others}"
