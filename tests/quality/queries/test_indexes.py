"""The indexes the staff pages rely on exist, under the names docs/performance.md gives them,
and the queries they serve can use them (a plan, not a timing: PostgreSQL is told not to scan
the table when it has another way, so a query that no longer matches its index shows up)."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from prison_visits import selectors
from tests.accounts.factories import StaffUserFactory
from tests.prison_visits.factories import RequestedVisitFactory

pytestmark = pytest.mark.django_db

#: Index name -> (table, the query it serves).
INDEXES = {
    "pv_visit_inbox_idx": ("prison_visits_visit", "the inbox of a prison's staff, oldest first"),
    "pv_visit_slot_idx": ("prison_visits_visit", "booked visits per slot, the day sheet"),
    "pv_visit_inbox_counts_idx": ("prison_visits_visit", "selectors.inbox_counts"),
    "pv_visit_list_idx": ("prison_visits_visit", "the visits list in its order"),
    "tf_feecase_status_idx": ("tribunal_fees_feecase", "payment exceptions"),
    "tf_hwf_status_idx": ("tribunal_fees_helpwithfeesapplication", "Help with Fees queues"),
    "tf_refund_status_idx": ("tribunal_fees_refundapplication", "refunds to check"),
    "audit_service_newest_idx": ("audit_auditevent", "the audit log of a service, newest first"),
    "audit_action_newest_idx": ("audit_auditevent", "the audit log of an action, its filter"),
    "perf_event_newest_idx": ("performance_performanceevent", "the KPI events, newest first"),
    "cc_claim_admin_list_idx": ("civil_claims_claim", "the money claims list, newest first"),
    "cc_claim_queue_idx": ("civil_claims_claim", "Help with Fees to decide, oldest first"),
    "cc_claim_issued_today_idx": ("civil_claims_claim", "claims issued today, newest first"),
    "cc_correspondence_queue_idx": (
        "civil_claims_papercorrespondence",
        "paper correspondence to review, oldest first",
    ),
    "cc_correspondence_list_idx": ("civil_claims_papercorrespondence", "all correspondence"),
    "lpa_admin_list_idx": ("lasting_power_lpa", "the LPA list, newest first"),
    "lpa_admin_status_idx": ("lasting_power_lpa", "the LPA list of one status, and its count"),
}

#: Staff list -> the index its page of rows is read through, in the list's own order.
LIST_PLANS = {
    "/admin/civil_claims/claim/": ("civil_claims_claim", "cc_claim_admin_list_idx"),
    "/admin/civil_claims/claim/?queue=hwf": ("civil_claims_claim", "cc_claim_queue_idx"),
    "/admin/civil_claims/claim/?queue=issued_today": (
        "civil_claims_claim",
        "cc_claim_issued_today_idx",
    ),
    "/admin/civil_claims/papercorrespondence/?status__exact=received": (
        "civil_claims_papercorrespondence",
        "cc_correspondence_",
    ),
    "/admin/lasting_power/lpa/": ("lasting_power_lpa", "lpa_admin_"),
    "/admin/prison_visits/visit/": ("prison_visits_visit", "pv_visit_list_idx"),
    "/admin/lasting_power/lpa/?status__exact=completed": ("lasting_power_lpa", "lpa_admin_"),
    # django-axes's sign-in logs list newest id first (its models' Meta drops the abstract
    # base's attempt-time ordering): the primary key is their index.
    "/admin/axes/accessattempt/": ("axes_accessattempt", "axes_accessattempt_pkey"),
    "/admin/axes/accesslog/": ("axes_accesslog", "axes_accesslog_pkey"),
    "/admin/axes/accessfailurelog/": ("axes_accessfailurelog", "axes_accessfailurelog_pkey"),
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


def _plan(sql: str, *settings: str) -> str:
    with transaction.atomic(), connection.cursor() as cursor:
        # A prepared statement (core.queries.CompiledQuery) run often on this connection has a
        # generic plan cached, made without the settings below: plan it afresh, as plain SQL is.
        cursor.execute("SET LOCAL plan_cache_mode = force_custom_plan")
        for setting in settings:
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute("EXPLAIN " + sql.replace("%", "%%"))
        return "\n".join(row[0] for row in cursor.fetchall())


def _sign_in_logs():
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    seen = {"username": "someone@example.com", "ip_address": "192.0.2.1", "user_agent": "UA"}
    AccessAttempt.objects.create(**seen, path_info="/accounts/login/", failures_since_start=1)
    AccessLog.objects.create(**seen, path_info="/accounts/login/")
    AccessFailureLog.objects.create(**seen, path_info="/accounts/login/", locked_out=False)


#: Queues whose plan cannot be told apart on a handful of rows: on one claim the queue's index
#: and the claims list's general index (read backward, filtering the status) cost the same, and
#: PostgreSQL's pick then followed whatever statistics autovacuum had gathered in the worker's
#: database (two clean-clone runs on 6 December failed on them). These get many claims that are
#: not in the queue, and fresh statistics, so that the costs differ as they do at the bench's size.
QUEUES_NEEDING_ROWS = {
    "/admin/civil_claims/claim/?queue=hwf",
    "/admin/civil_claims/claim/?queue=issued_today",
}
OTHER_CLAIMS = 2000


def _claims_outside_the_queues(claim):
    """``OTHER_CLAIMS`` copies of ``claim``, issued a month ago: in neither queue."""
    from datetime import timedelta

    from django.utils import timezone

    from civil_claims.constants import ClaimStatus
    from civil_claims.models import Claim

    issued = timezone.localdate() - timedelta(days=30)
    original = Claim.objects.get(pk=claim.pk)
    copies = []
    for n in range(OTHER_CLAIMS):
        copy = Claim(
            **{f.attname: getattr(original, f.attname) for f in Claim._meta.concrete_fields}
        )
        copy.pk = copy.id = None
        copy.reference = f"PLAN{n:08d}"
        copy.claim_number = None
        copy.status, copy.issue_date = ClaimStatus.OPEN, issued
        copy.submitted_at = claim.submitted_at - timedelta(minutes=n)
        copies.append(copy)
    Claim.objects.bulk_create(copies)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE civil_claims_claim")


@pytest.mark.parametrize("url", sorted(LIST_PLANS))
def test_a_staff_list_reads_its_page_of_rows_in_order_from_its_index(url, client):
    """The page of rows comes off the index in the list's order: no sort of the whole table
    (or queue), which is what made these lists slow down as the cases grew. (With one page of
    rows Django reads them without a LIMIT; the plan for the order is the same.)"""
    from django.utils import timezone

    from civil_claims.models import PaperCorrespondence
    from lasting_power.models import Lpa
    from tests.civil_claims.factories import claim_issued
    from tests.conftest import sign_in
    from tests.lasting_power.factories import lpa_answered

    claim = claim_issued()
    if url in QUEUES_NEEDING_ROWS:
        _claims_outside_the_queues(claim)
    PaperCorrespondence.objects.create(
        claim=claim,
        kind=PaperCorrespondence._meta.get_field("kind").choices[0][0],
        received_on=timezone.localdate(),
    )
    lpa_answered()
    assert Lpa.objects.exists()
    RequestedVisitFactory()
    _sign_in_logs()
    table, index = LIST_PLANS[url]
    sign_in(client, StaffUserFactory(is_superuser=True), second_factor=True)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    rows_query = next(
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].startswith("SELECT")
        and f'FROM "{table}"' in q["sql"]
        and "ORDER BY" in q["sql"]
        and "COUNT(" not in q["sql"]
    )

    plan = _plan(rows_query, "enable_seqscan", "enable_sort", "enable_bitmapscan")

    assert f"Index Scan using {index}" in plan or f"Index Scan Backward using {index}" in plan, plan
    assert "Sort" not in plan, plan


def test_your_applications_finds_a_persons_cases_through_indexes(client):
    """ "Their own, or linked to them" as one ``OR`` with a sub-query made PostgreSQL read
    every claim and LPA (250 ms at 200,000 of each): each side is now its own indexed
    look-up (``core.queries.ids_of_any``)."""
    from tests.accounts.factories import UserFactory
    from tests.civil_claims.factories import claim_issued
    from tests.conftest import sign_in
    from tests.lasting_power.factories import lpa_answered

    person = UserFactory()
    claim_issued(user=person)
    lpa_answered(person)
    sign_in(client, person)
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/accounts/your-applications/").status_code == 200
    tables = ("civil_claims_claim", "civil_claims_possessionclaim", "lasting_power_lpa")
    lists = [
        q["sql"]
        for q in captured.captured_queries
        # A list's SQL is prepared once per connection (core.queries.CompiledQuery): its
        # EXECUTE carries the SQL as a comment, and EXPLAIN EXECUTE plans it.
        if q["sql"].startswith(("SELECT", "EXECUTE"))
        and any(f'FROM "{t}"' in q["sql"] for t in tables)
    ]

    assert len(lists) == 3
    for sql in lists:
        plan = _plan(sql, "enable_seqscan")
        assert "OR (hashed SubPlan" not in plan and "OR (SubPlan" not in plan, plan
        assert not any(f"Seq Scan on {t} " in plan for t in tables), plan
