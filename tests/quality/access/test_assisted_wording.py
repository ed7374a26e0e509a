"""Issue #12 point 4 for every service, present and future: in an assisted-digital session
every citizen page about a case speaks of the citizen being helped ("Citizen A’s claim"),
never of the member of staff ("your claim"). Each page the access matrix builds for an
object citizen A owns is opened by an agent helping citizen A."""

from __future__ import annotations

import re

import pytest

from .matrix import BEARER_TOKENS, entries_for
from .test_objects import OWNED_PATTERNS, _label
from .world import CITIZEN_A, World

ACCESS_URLS = "tests.quality.access.urls"
pytestmark = [pytest.mark.django_db, pytest.mark.urls(ACCESS_URLS)]

#: "your" before what a case page is about: the member of staff has none of these.
SECOND_PERSON = re.compile(
    r"\b[Yy]our (visit|request|application|applications|reference|refund|payment|receipt|"
    r"account|claim|claims|LPA|LPAs|lasting power|documents?|fee|case)\b"
)

GET_PAGES = [p for p in OWNED_PATTERNS if p.name not in BEARER_TOKENS]


def test_there_are_case_pages_of_every_kind_to_check():
    assert len(GET_PAGES) >= 10


@pytest.fixture
def agent_world():
    from tests.assisted_digital.factories import agent_helping

    world = World(roles=(CITIZEN_A,))
    citizen = world.user(CITIZEN_A)
    return world, agent_helping(citizen), citizen


@pytest.mark.parametrize("pattern", GET_PAGES, ids=_label)
def test_case_pages_speak_of_the_citizen_being_helped(pattern, agent_world):
    world, client, citizen = agent_world
    [(_text, entry)] = entries_for(pattern)
    if entry.post is not None or getattr(entry, "bearer_token", ""):
        pytest.skip("a POST-only view or a bearer-token page")
    url = entry.build_url(world, pattern)
    response = client.get(url)
    if response.status_code in (301, 302, 303):
        pytest.skip(f"{url} redirects (checked where it lands)")
    assert response.status_code == 200, f"{url}: the agent got {response.status_code}"
    if "pdf" in response.get("Content-Type", "") or "html" not in response.get("Content-Type", ""):
        pytest.skip(f"{url} is a file, not a page")
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    found = SECOND_PERSON.search(main)
    assert not found, f"{url} says {found.group(0)!r} to the agent helping {citizen.full_name}"
