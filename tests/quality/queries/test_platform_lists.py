"""The audit log, outbox and KPI event lists build their filters without reading every row
(issue #13): no ``SELECT DISTINCT``, services from the registry, audit actions found through
their index, fixed outcome links. Plans and counts only; timings are in docs/performance.md."""

import pytest
from django.contrib import admin
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from digital_services.audit.admin import ActionFilter
from digital_services.audit.models import AuditEvent
from digital_services.core.admin_lists import ServiceAnyKeyFilter
from digital_services.notifications.models import OutboundMessage
from digital_services.performance.admin import OutcomeFilter
from digital_services.performance.models import PerformanceEvent

pytestmark = pytest.mark.django_db

LISTS = {
    "audit": "/admin/audit/auditevent/",
    "outbox": "/admin/notifications/outboundmessage/",
    "kpi events": "/admin/performance/performanceevent/",
}


def _audit(action: str, service: str = "") -> AuditEvent:
    return AuditEvent.objects.create(action=action, service=service, object_type="x.y")


def _filtered(filter_class, model, value: str) -> list:
    model_admin = admin.site._registry[model]
    params = {filter_class.parameter_name: [value]}
    list_filter = filter_class(None, params, model, model_admin)
    return list(list_filter.queryset(None, model._default_manager.all()))


@pytest.mark.parametrize("name", sorted(LISTS))
def test_the_list_makes_no_select_distinct(name, superuser_client):
    _audit("payments.payment.success", "tribunal_fees")
    PerformanceEvent.objects.create(kind="journey_started", service="prison-visits", journey="j")
    superuser_client.get(LISTS[name])
    with CaptureQueriesContext(connection) as captured:
        response = superuser_client.get(LISTS[name])

    assert response.status_code == 200
    distinct = [q["sql"] for q in captured.captured_queries if "DISTINCT" in q["sql"]]
    assert not distinct, distinct


def test_the_action_filter_lists_each_action_once_through_the_index():
    for action in ("b.updated", "a.created", "b.updated", "c.deleted", "a.created"):
        _audit(action)
    action_filter = ActionFilter(None, {}, AuditEvent, admin.site._registry[AuditEvent])

    assert [value for value, _ in action_filter.lookup_choices] == [
        "a.created",
        "b.updated",
        "c.deleted",
    ]
    with CaptureQueriesContext(connection) as captured:
        action_filter.values(AuditEvent)
    (query,) = captured.captured_queries
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + query["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Seq Scan" not in plan and "Index Only Scan" in plan, plan


def test_the_service_filter_finds_a_service_by_slug_and_by_app_label_and_the_platform():
    by_slug, by_label, platform = (
        _audit("x.done", "prison-visits"),
        _audit("x.done", "prison_visits"),
        _audit("x.done", ""),
    )
    _audit("x.done", "tribunal-fees")

    found = _filtered(ServiceAnyKeyFilter, AuditEvent, "prison-visits")
    assert {e.pk for e in found} == {by_slug.pk, by_label.pk}
    assert _filtered(ServiceAnyKeyFilter, AuditEvent, ServiceAnyKeyFilter.PLATFORM) == [platform]
    outbox = OutboundMessage.objects.create(
        service="prison_visits", channel="email", template_key="k", recipient="a@example.com"
    )
    assert _filtered(ServiceAnyKeyFilter, OutboundMessage, "prison-visits") == [outbox]


def test_the_outcome_filter_has_fixed_links():
    def event(kind, outcome=""):
        return PerformanceEvent.objects.create(
            kind=kind, service="prison-visits", journey="j", outcome=outcome
        )

    event("journey_started")
    sent = event("journey_completed", "submitted")
    other = event("journey_completed", "not_eligible")

    assert _filtered(OutcomeFilter, PerformanceEvent, "submitted") == [sent]
    assert _filtered(OutcomeFilter, PerformanceEvent, OutcomeFilter.OTHER) == [other]
