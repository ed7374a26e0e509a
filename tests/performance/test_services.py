"""Recording journey events and satisfaction answers."""

import pytest
from django.db import IntegrityError, transaction

from digital_services.performance.models import PerformanceEvent, SatisfactionResponse
from digital_services.performance.services import (
    local_path_clean,
    performance_event_record,
    satisfaction_record,
)

pytestmark = pytest.mark.django_db


def test_performance_event_record_records_a_digital_journey_start():
    event = performance_event_record(
        kind="journey_started", service="prison-visits", journey="book-a-visit"
    )
    event.refresh_from_db()
    assert (event.kind, event.service, event.journey) == (
        "journey_started",
        "prison-visits",
        "book-a-visit",
    )
    assert (event.channel, event.channel_detail, event.outcome) == ("digital", "", "")
    assert event.occurred_at is not None


def test_performance_event_record_records_an_assisted_completion_with_its_outcome():
    event = performance_event_record(
        kind=PerformanceEvent.Kind.JOURNEY_COMPLETED,
        service="tribunal-fees",
        journey="help-with-fees",
        channel="assisted",
        channel_detail="face_to_face",
        outcome="not_eligible",
        journey_key="3f2b9c1e-0c8a-4a43-9b9e-2f6d7a1c5e11",
    )
    event.refresh_from_db()
    assert (event.channel, event.channel_detail, event.outcome) == (
        "assisted",
        "face_to_face",
        "not_eligible",
    )
    assert event.journey_key == "3f2b9c1e-0c8a-4a43-9b9e-2f6d7a1c5e11"


@pytest.mark.parametrize(
    ("kind", "outcome", "stored"),
    [("started", "", "journey_started"), ("completed", "submitted", "journey_completed")],
)
def test_performance_event_record_accepts_the_short_kind_names(kind, outcome, stored):
    event = performance_event_record(
        kind=kind,
        service="lasting-power",
        journey="make-an-lpa",
        channel="digital",
        outcome=outcome,
    )
    assert event.kind == stored


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "journey_abandoned"}, "kind"),
        ({"channel": "carrier_pigeon"}, "channel"),
        ({"channel_detail": "phone"}, "assisted-digital"),
        ({"channel": "assisted", "channel_detail": "fax"}, "channel detail"),
        ({"service": "Prison Visits"}, "service"),
        ({"service": ""}, "service is required"),
        ({"journey": "book a visit"}, "journey"),
        ({"outcome": "submitted"}, "no outcome"),
        ({"kind": "journey_completed"}, "outcome is required"),
        ({"kind": "journey_completed", "outcome": "Sent!"}, "outcome"),
        ({"journey_key": "jane@example.com"}, "journey_key"),
    ],
)
def test_performance_event_record_rejects_bad_values(kwargs, message):
    values = {"kind": "journey_started", "service": "prison-visits", "journey": "book-a-visit"}
    with pytest.raises(ValueError, match=message):
        performance_event_record(**{**values, **kwargs})
    assert not PerformanceEvent.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": "journey_completed", "outcome": ""},
        {"kind": "journey_started", "outcome": "submitted"},
        {"kind": "journey_started", "channel_detail": "phone"},
        {"kind": "journey_paused"},
    ],
)
def test_the_database_refuses_inconsistent_performance_events(fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        PerformanceEvent.objects.create(service="prison-visits", journey="book-a-visit", **fields)


def test_satisfaction_record_saves_an_answer():
    response = satisfaction_record(
        rating=5,
        comment="  Quick and clear.  ",
        service="money-claims",
        journey="make-a-claim",
        page="/money-claims/confirmation/",
    )
    response.refresh_from_db()
    assert response.rating == SatisfactionResponse.Rating.VERY_SATISFIED
    assert response.comment == "Quick and clear."
    assert (response.service, response.journey, response.page) == (
        "money-claims",
        "make-a-claim",
        "/money-claims/confirmation/",
    )


def test_satisfaction_record_counts_a_windows_line_break_as_one_character():
    comment = ("a" * 99 + "\r\n") * 12  # 1,200 characters once each CRLF is one LF
    response = satisfaction_record(rating=3, comment=comment)
    assert len(response.comment) == 1199  # the last line break is trimmed
    assert "\r" not in response.comment


def test_satisfaction_record_rejects_a_comment_over_1200_characters():
    with pytest.raises(ValueError, match="1,200"):
        satisfaction_record(rating=3, comment="a" * 1201)
    assert not SatisfactionResponse.objects.exists()


@pytest.mark.parametrize("rating", [0, 6, "5", None])
def test_satisfaction_record_rejects_a_rating_outside_one_to_five(rating):
    with pytest.raises(ValueError, match="1 to 5"):
        satisfaction_record(rating=rating)


def test_satisfaction_record_drops_a_page_that_is_not_on_this_site():
    assert satisfaction_record(rating=4, page="https://evil.example/").page == ""


def test_the_database_refuses_a_comment_over_1200_characters():
    with pytest.raises(IntegrityError), transaction.atomic():
        SatisfactionResponse.objects.create(rating=4, comment="a" * 1201)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/prison-visits/", "/prison-visits/"),
        ("/money-claims/claim/abc/?name=Jane+Doe#top", "/money-claims/claim/abc/"),
        ("/", "/"),
        ("", ""),
        (None, ""),
        ("//evil.example/", ""),
        ("/\\evil.example/", ""),
        ("https://evil.example/", ""),
        ("http:/evil.example", ""),
        ("javascript:alert(1)", ""),
        ("evil.example/path", ""),
        ('/a"><script>alert(1)</script>', ""),
        ("/a b", ""),
        ("/a\tb", ""),
        ("/" + "a" * 500, ""),
    ],
)
def test_local_path_clean_keeps_only_paths_on_this_site(value, expected):
    assert local_path_clean(value) == expected
