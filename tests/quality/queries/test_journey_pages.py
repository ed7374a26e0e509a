"""Every service journey's pages make at most 12 queries, however much data there is.

The example-journey tests in test_pages.py hold the engine's own cost; these walk each
registered service journey with its example answers (the quality harness, as `make bench`
does) and count what production would run on its first question, its last question and
its check-your-answers page: at most the citizen ceiling, and the same with more rows in
the tables a page might read by accident.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.quality.harness import (
    ClientDriver,
    JourneyWalker,
    journey_is_test_only,
    journeys_list,
)

from .conftest import TEST_ONLY
from .seed import drafts_seed, payments_seed, users_seed

pytestmark = pytest.mark.django_db

#: The issue's ceiling for a citizen page.
CITIZEN_CEILING = 12

JOURNEYS = {
    journey.key: journey for journey in journeys_list() if not journey_is_test_only(journey)
}


def production_queries(client, url: str) -> tuple[list[str], object]:
    """The statements one GET of ``url`` runs as production would (after a warm-up GET)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    sql = [q["sql"] for q in captured.captured_queries]
    return [s for s in sql if not s.startswith(TEST_ONLY)], response


@pytest.mark.parametrize("key", sorted(JOURNEYS))
def test_journey_pages_stay_under_the_citizen_ceiling_whatever_the_data(key, client):
    journey = JOURNEYS[key]
    walker = JourneyWalker(
        journey, ClientDriver(client), stop_at=lambda visit: visit.kind == "check"
    )
    check = walker.walk()
    steps = [visit.path for visit in walker.visits if visit.kind == "step"]
    pages = {"first question": steps[0], "last question": steps[-1], "check": check}

    few = {}
    for name, url in pages.items():
        sql, response = production_queries(client, url)
        assert response.status_code == 200, f"{name} {url} answered {response.status_code}"
        few[name] = sql
    users_seed(20)
    drafts_seed(20)
    payments_seed(5)

    for name, url in pages.items():
        many, response = production_queries(client, url)
        assert response.status_code == 200
        assert len(many) <= CITIZEN_CEILING, f"{key} {name}: {len(many)} queries\n" + "\n".join(
            many
        )
        assert len(many) == len(few[name]), f"{key} {name}: {len(few[name])} → {len(many)}"
