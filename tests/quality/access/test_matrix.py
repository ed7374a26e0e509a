"""Every URL pattern against every role: allow, sign in, second factor, or deny."""

import pytest

from .check import check_role, rows_for
from .matrix import ENTRIES
from .patterns import url_patterns
from .world import ROLES, World

ACCESS_URLS = "tests.quality.access.urls"


def test_every_url_pattern_of_the_project_has_a_matrix_entry(db):
    rows, missing = rows_for(url_patterns())

    assert not missing, (
        "These URL patterns have no entry in tests/quality/access/matrix/ (say who may "
        "open them):\n  " + "\n  ".join(missing)
    )
    assert len(rows) > 100  # the admin's generated pages are in


def test_every_named_matrix_entry_is_a_url_pattern_of_the_project():
    names = {p.name for p in url_patterns()} | {p.route for p in url_patterns()}

    stale = sorted(set(ENTRIES) - names)

    assert not stale, f"Matrix entries for URL patterns that no longer exist: {stale}"


@pytest.mark.urls(ACCESS_URLS)
@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_what_the_matrix_says_on_every_page(db, role):
    world = World()
    rows, _ = rows_for(url_patterns(ACCESS_URLS))  # missing ones fail the first test

    problems = check_role(world, role, rows)

    assert not problems, f"{role}:\n  " + "\n  ".join(problems)


@pytest.mark.urls(ACCESS_URLS)
@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_what_the_matrix_says_when_posting_to_post_only_views(db, role):
    world = World()
    rows, _ = rows_for(url_patterns(ACCESS_URLS))
    post_rows = [row for row in rows if row[2].post is not None]
    assert post_rows

    problems = check_role(world, role, post_rows, method="post")

    assert not problems, f"{role}:\n  " + "\n  ".join(problems)
