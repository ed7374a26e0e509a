"""Performance events are read-only in the admin; satisfaction answers can be exported."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from digital_services.performance.admin import csv_safe
from digital_services.performance.models import PerformanceEvent, SatisfactionResponse

from .factories import JourneyCompletedFactory, SatisfactionResponseFactory

pytestmark = pytest.mark.django_db


def test_performance_events_are_listed_but_cannot_be_changed_or_deleted(admin_client_with_mfa):
    event = JourneyCompletedFactory()

    listing = admin_client_with_mfa.get(reverse("admin:performance_performanceevent_changelist"))
    change = admin_client_with_mfa.post(
        reverse("admin:performance_performanceevent_change", args=[event.pk]),
        {"outcome": "paid", "_save": "Save"},
    )
    delete = admin_client_with_mfa.post(
        reverse("admin:performance_performanceevent_delete", args=[event.pk]), {"post": "yes"}
    )

    assert listing.status_code == 200
    assert list(listing.context_data["cl"].result_list) == [event]
    assert (change.status_code, delete.status_code) == (403, 403)
    assert PerformanceEvent.objects.get(pk=event.pk).outcome == "submitted"


def test_satisfaction_responses_cannot_be_edited_in_the_admin(admin_client_with_mfa):
    answer = SatisfactionResponseFactory(comment="Fine")
    response = admin_client_with_mfa.post(
        reverse("admin:performance_satisfactionresponse_change", args=[answer.pk]),
        {"rating": "1", "comment": "Changed", "_save": "Save"},
    )
    assert response.status_code == 403
    assert SatisfactionResponse.objects.get(pk=answer.pk).comment == "Fine"


def test_satisfaction_responses_export_as_csv_without_formulas(admin_client_with_mfa):
    first = SatisfactionResponseFactory(
        rating=5, comment="Clear and quick", created_at=datetime(2026, 10, 1, 9, 30, tzinfo=UTC)
    )
    second = SatisfactionResponseFactory(
        rating=2,
        comment='=HYPERLINK("http://evil.example","click")',
        service="",
        journey="",
        page="/",
        created_at=datetime(2026, 12, 1, 9, 30, tzinfo=UTC),
    )

    response = admin_client_with_mfa.post(
        reverse("admin:performance_satisfactionresponse_changelist"),
        {"action": "export_csv", "_selected_action": [first.pk, second.pk]},
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="satisfaction-')
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [
        ["Date", "Rating", "Rating (1-5)", "Service", "Journey", "Page", "Comment"],
        [
            "2026-10-01 10:30",
            "Very satisfied",
            "5",
            "prison-visits",
            "book-a-visit",
            "",
            "Clear and quick",
        ],
        [
            "2026-12-01 09:30",
            "Dissatisfied",
            "2",
            "",
            "",
            "/",
            '\'=HYPERLINK("http://evil.example","click")',
        ],
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+44", "'+44"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("fine", "fine"),
        (None, ""),
    ],
)
def test_csv_safe_stops_spreadsheets_running_a_cell_as_a_formula(value, expected):
    assert csv_safe(value) == expected
