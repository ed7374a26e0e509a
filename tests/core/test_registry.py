from datetime import UTC, datetime

import pytest

from digital_services.core import registry
from digital_services.core.registry import CaseSummary, Service


@pytest.fixture
def example_service(monkeypatch):
    monkeypatch.setattr(registry, "_services", dict(registry._services))
    cases = [
        CaseSummary("A", "old", "Sent", "/a", datetime(2026, 1, 1, tzinfo=UTC)),
        CaseSummary("B", "undated", "Sent", "/b", None),
        CaseSummary("C", "new", "Sent", "/c", datetime(2026, 6, 1, tzinfo=UTC)),
        CaseSummary("", "draft", "Draft", "/d", datetime(2025, 1, 1, tzinfo=UTC), is_draft=True),
    ]
    return registry.service_register(
        Service(
            slug="example",
            name="Example",
            description="",
            start_url_name="core:start",
            list_cases=lambda user: cases,
        )
    )


def test_your_applications_lists_drafts_first_then_the_newest(example_service):
    groups = dict(registry.cases_for_user(user=None))
    titles = [case.title for case in groups[example_service]]
    assert titles == ["draft", "new", "old", "undated"]
