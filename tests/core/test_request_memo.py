"""``core.memo.request_memo``: reference data read once per request, and afresh in the next
one (issue #13: the Help with Fees check page read the same fee schedule rows six times)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext

from digital_services.core.memo import request_memo
from tribunal_fees.constants import FeeKind, Jurisdiction
from tribunal_fees.fees import fee_lookup
from tribunal_fees.models import FeeSchedule

pytestmark = pytest.mark.django_db

IN_FORCE = dt.date(2016, 1, 4)


def _lookup():
    return fee_lookup(
        jurisdiction=Jurisdiction.ET, kind=FeeKind.ISSUE, claim_type="A", on_date=IN_FORCE
    )


def _send(signal, **kwargs):
    """As Django's test client does: without closing the test's database connection."""
    signal.disconnect(close_old_connections)
    try:
        signal.send(sender=None, **kwargs)
    finally:
        signal.connect(close_old_connections)


def _in_a_request():
    _send(request_started, environ={})


def _request_ends():
    _send(request_finished)


def test_outside_a_request_nothing_is_remembered():
    calls = []
    assert request_memo("k", lambda: calls.append(1) or len(calls)) == 1
    assert request_memo("k", lambda: calls.append(1) or len(calls)) == 2


def test_in_a_request_each_key_is_worked_out_once_and_forgotten_when_it_ends():
    calls = []
    _in_a_request()
    try:
        assert request_memo("k", lambda: calls.append("k") or "first") == "first"
        assert request_memo("k", lambda: calls.append("k") or "second") == "first"
        assert request_memo("other", lambda: calls.append("other") or "o") == "o"
    finally:
        _request_ends()
    assert calls == ["k", "other"]
    assert request_memo("k", lambda: "after") == "after"


def test_a_fee_is_read_once_a_request_and_a_change_is_seen_in_the_next():
    fee = _lookup()
    _in_a_request()
    try:
        with CaptureQueriesContext(connection) as queries:
            assert _lookup() == fee
            assert _lookup() == fee
        assert len(queries) == 1
    finally:
        _request_ends()

    FeeSchedule.objects.filter(pk=fee.schedule_id).update(amount_pence=fee.amount_pence + 100)
    _in_a_request()
    try:
        assert _lookup().amount_pence == fee.amount_pence + 100
    finally:
        _request_ends()


def test_the_help_with_fees_check_page_reads_the_fee_schedule_once(client):
    """Through the real page: the journey's check page, with a fee quoted by several steps."""
    from tests.quality.harness import ClientDriver, JourneyWalker, journeys_list

    journey = next(j for j in journeys_list() if j.service == "tribunal-fees" and "help" in j.slug)
    walker = JourneyWalker(journey, ClientDriver(client), stop_at=lambda v: v.kind == "check")
    check = walker.walk()

    with CaptureQueriesContext(connection) as queries:
        response = client.get(check)

    assert response.status_code == 200
    reads = [q for q in queries.captured_queries if "tribunal_fees_feeschedule" in q["sql"]]
    assert len(reads) == 1


def test_possession_fees_are_read_once_a_request_and_a_change_is_seen_in_the_next():
    from civil_claims.models import PossessionFee
    from civil_claims.possession_fees import possession_fee_for

    on = dt.date(2026, 12, 5)
    _in_a_request()
    try:
        with CaptureQueriesContext(connection) as queries:
            assert possession_fee_for("warrant", on=on).fee_pence == 14800
            assert possession_fee_for("warrant", on=on).fee_pence == 14800
        assert len(queries) == 1
    finally:
        _request_ends()

    PossessionFee.objects.filter(kind="warrant").update(fee_pence=15000)
    _in_a_request()
    try:
        assert possession_fee_for("warrant", on=on).fee_pence == 15000
    finally:
        _request_ends()


def test_the_possession_response_check_page_reads_the_possession_fees_once(client):
    """Through the real page: its counterclaim fee is worked out for the step and for what
    you pay."""
    from tests.quality.harness import ClientDriver, JourneyWalker, journeys_list

    journey = next(j for j in journeys_list() if j.slug == "possession-response")
    walker = JourneyWalker(journey, ClientDriver(client), stop_at=lambda v: v.kind == "check")
    check = walker.walk()

    with CaptureQueriesContext(connection) as queries:
        response = client.get(check)

    assert response.status_code == 200
    assert "Counterclaim fee" in response.content.decode()
    reads = [q for q in queries.captured_queries if "civil_claims_possessionfee" in q["sql"]]
    assert len(reads) == 1
