"""The indexes the staff pages rely on exist, under the names docs/performance.md gives them,
and the queries they serve can use them (a plan, not a timing: PostgreSQL is told not to scan
the table when it has another way, so a query that no longer matches its index shows up)."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from prison_visits import selectors
from tests.accounts.factories import StaffUserFactory

pytestmark = pytest.mark.django_db

#: Index name -> (table, the query it serves).
INDEXES = {
    "pv_visit_inbox_idx": ("prison_visits_visit", "the inbox of a prison's staff, oldest first"),
    "pv_visit_slot_idx": ("prison_visits_visit", "booked visits per slot, the day sheet"),
    "pv_visit_inbox_counts_idx": ("prison_visits_visit", "selectors.inbox_counts"),
    "tf_feecase_status_idx": ("tribunal_fees_feecase", "payment exceptions"),
    "tf_hwf_status_idx": ("tribunal_fees_helpwithfeesapplication", "Help with Fees queues"),
    "tf_refund_status_idx": ("tribunal_fees_refundapplication", "refunds to check"),
    "audit_service_newest_idx": ("audit_auditevent", "the audit log of a service, newest first"),
    "audit_action_newest_idx": ("audit_auditevent", "the audit log of an action, its filter"),
    "perf_event_newest_idx": ("performance_performanceevent", "the KPI events, newest first"),
}


@pytest.mark.parametrize("name", sorted(INDEXES))
def test_the_index_exists_on_its_table(name):
    table, _ = INDEXES[name]
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)

    assert name in constraints and constraints[name]["index"], f"{name} missing on {table}"


def test_the_inbox_counts_read_only_their_partial_index():
    admin = StaffUserFactory(is_superuser=True)
    with CaptureQueriesContext(connection) as captured:
        selectors.inbox_counts(user=admin)
    (query,) = captured.captured_queries

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + query["sql"].replace("%", "%%"))
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "Index Only Scan using pv_visit_inbox_counts_idx" in plan, plan
