"""The drafts list filters by service and journey from the registries (no SELECT DISTINCT)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from digital_services.journeys.definitions import journeys_list
from digital_services.journeys.models import Draft
from tests.accounts.factories import StaffUserFactory
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def _draft(journey, step):
    return Draft.objects.create(
        service=journey.service,
        journey=journey.slug,
        answers={},
        current_step=step,
        expires_at=timezone.now() + dt.timedelta(days=1),
        session_key=f"k-{journey.slug}",
    )


def test_a_journey_link_lists_that_journeys_drafts_only(client):
    first, second = sorted(journeys_list(), key=lambda j: (j.service, j.slug))[:2]
    _draft(first, "first-step-marker")
    _draft(second, "second-step-marker")
    sign_in(client, StaffUserFactory(is_superuser=True), second_factor=True)

    with CaptureQueriesContext(connection) as captured:
        page = client.get(
            "/admin/journeys/draft/", {"journey": f"{first.service}/{first.slug}"}
        ).content.decode()

    assert "first-step-marker" in page and "second-step-marker" not in page
    assert f"?journey={first.service}%2F{second.slug}" in page or second.title in page
    assert not any("DISTINCT" in q["sql"] for q in captured.captured_queries)

    by_service = client.get("/admin/journeys/draft/", {"service": second.service}).content
    assert b"second-step-marker" in by_service
