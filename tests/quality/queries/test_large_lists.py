"""Admin lists of tables that grow with the cases stay cheap as they grow (issue #13).

What made the staff pages slow down from 10,000 to 200,000 cases without making more queries
(docs/performance.md): a ``date_hierarchy`` (``SELECT DISTINCT date_trunc(...)`` over every
row), a list filter on a column without choices (``SELECT DISTINCT`` over every row), a second
count of the whole table beside a filtered list's count, and ``COUNT(*)`` of a whole table.
These tests check the admins' shape and the paginator's queries, not timings.
"""

import pytest
from django.contrib import admin
from django.contrib.admin.filters import AllValuesFieldListFilter, FieldListFilter
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from digital_services.core import admin_lists
from digital_services.core.admin_lists import LargeListAdminMixin, LargeTablePaginator
from digital_services.payments.models import Payment
from prison_visits.models import Prison
from tests.payments.factories import PaymentFactory

#: Our own apps' admins (third-party ones, such as django-axes, are theirs to shape).
OURS = (
    "digital_services.",
    "prison_visits.",
    "tribunal_fees.",
    "assisted_digital.",
    "civil_claims.",
    "lasting_power.",
)
OUR_ADMINS = sorted(
    (
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if type(model_admin).__module__.startswith(OURS)
    ),
    key=lambda kv: kv[0]._meta.label,
)
IDS = [model._meta.label for model, _ in OUR_ADMINS]

#: Tables that grow with the cases: their admins must take LargeListAdminMixin.
LARGE = {
    "prison_visits.Visit",
    "tribunal_fees.FeeCase",
    "tribunal_fees.HelpWithFeesApplication",
    "tribunal_fees.RefundApplication",
    "payments.Payment",
    "payments.Refund",
    "notifications.OutboundMessage",
    "audit.AuditEvent",
    "performance.PerformanceEvent",
    "civil_claims.Claim",
    "civil_claims.PossessionClaim",
    "civil_claims.PaperCorrespondence",
    "lasting_power.Lpa",
    "accounts.User",
    "journeys.Draft",
    # django-axes's sign-in logs, a row per sign-in or failure (accounts/admin_axes.py)
    "axes.AccessAttempt",
    "axes.AccessLog",
    "axes.AccessFailureLog",
}

#: AllValuesFieldListFilter left on a large table, and why it is cheap there (none now: the
#: audit, outbox and KPI lists take ServiceAnyKeyFilter, IndexedValuesFilter, OutcomeFilter).
DISTINCT_FILTER_ALLOWED: dict[tuple[str, str], str] = {}


def _filter_class(model, spec):
    if isinstance(spec, (list, tuple)):
        return spec[0], spec[1]
    if isinstance(spec, str):
        field = get_fields_from_path(model, spec)[-1]
        for test, factory in FieldListFilter._field_list_filters:
            if test(field):
                return spec, factory
    return None, spec


@pytest.mark.parametrize(("model", "model_admin"), OUR_ADMINS, ids=IDS)
def test_no_admin_list_has_a_date_hierarchy(model, model_admin):
    assert not model_admin.date_hierarchy, (
        f"{model._meta.label}: date_hierarchy reads every row of the list to find its years or "
        "months; use list_filter = (..., (field, admin.DateFieldListFilter))"
    )


@pytest.mark.parametrize("label", sorted(LARGE))
def test_the_admin_of_a_large_table_counts_it_cheaply(label):
    model_admin = next(ma for m, ma in OUR_ADMINS if m._meta.label == label)

    assert isinstance(model_admin, LargeListAdminMixin)
    assert model_admin.paginator is LargeTablePaginator
    assert model_admin.show_full_result_count is False


@pytest.mark.parametrize("label", sorted(LARGE))
def test_the_admin_of_a_large_table_has_no_select_distinct_filter(label):
    model, model_admin = next((m, ma) for m, ma in OUR_ADMINS if m._meta.label == label)
    distinct = []
    for spec in model_admin.list_filter:
        path, cls = _filter_class(model, spec)
        if isinstance(cls, type) and issubclass(cls, AllValuesFieldListFilter):
            if (label, path) not in DISTINCT_FILTER_ALLOWED:
                distinct.append(path)

    assert not distinct, (
        f"{label}: these filters read every row with SELECT DISTINCT to list their values: "
        f"{distinct}; give the field choices or use a SimpleListFilter with fixed lookups"
    )


@pytest.mark.django_db
def test_a_filtered_list_is_counted_exactly():
    PaymentFactory.create_batch(3, service="tribunal_fees")
    PaymentFactory(service="prison_visits")

    paginator = LargeTablePaginator(
        Payment.objects.filter(service="tribunal_fees").order_by("pk"), 50
    )

    assert paginator.count == 3


@pytest.mark.django_db
def test_a_filtered_list_is_counted_only_up_to_the_limit_in_one_query(monkeypatch):
    """Counting reads every matching row: a queue is counted up to COUNT_AT_MOST + 1 rows."""
    monkeypatch.setattr(admin_lists, "COUNT_AT_MOST", 2)
    PaymentFactory.create_batch(2, service="tribunal_fees")
    exact = LargeTablePaginator(Payment.objects.filter(service="tribunal_fees"), 50)
    assert (exact.count, exact.count_capped) == (2, False)

    PaymentFactory.create_batch(3, service="tribunal_fees")
    capped = LargeTablePaginator(Payment.objects.filter(service="tribunal_fees"), 50)
    with CaptureQueriesContext(connection) as captured:
        count = capped.count

    assert (count, capped.count_capped) == (3, True)
    assert capped.count_at_most_text == "2"
    (query,) = captured.captured_queries
    assert "LIMIT 3" in query["sql"]


@pytest.mark.django_db
def test_a_small_whole_table_is_counted_exactly_in_one_query():
    PaymentFactory.create_batch(3)
    paginator = LargeTablePaginator(Payment.objects.order_by("pk"), 50)

    with CaptureQueriesContext(connection) as captured:
        count = paginator.count

    assert count == 3
    assert len(captured.captured_queries) == 1


@pytest.mark.django_db(transaction=True)
def test_a_large_whole_table_is_counted_from_the_planners_estimate(monkeypatch):
    monkeypatch.setattr(admin_lists, "EXACT_COUNT_BELOW", 2)
    Prison.objects.bulk_create(
        [
            Prison(name=f"HMP Count {n}", slug=f"count-{n}", email_address="c@example.com")
            for n in range(5)
        ]
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE prison_visits_prison")
    estimated = Prison.objects.count()
    Prison.objects.create(name="HMP Count 5", slug="count-5", email_address="c@example.com")
    paginator = LargeTablePaginator(Prison.objects.order_by("pk"), 2)

    with CaptureQueriesContext(connection) as captured:
        count = paginator.count

    assert count == estimated  # the estimate from the ANALYZE, not the rows now
    assert Prison.objects.count() == estimated + 1
    assert len(captured.captured_queries) == 1


@pytest.mark.parametrize("label", sorted(LARGE))
def test_the_admin_of_a_large_table_shows_few_rows_a_page(label):
    model_admin = next(ma for m, ma in OUR_ADMINS if m._meta.label == label)
    assert model_admin.list_per_page <= 25  # rendering rows is what a list page costs


@pytest.mark.django_db
def test_the_lighter_row_checkbox_is_djangos_own_markup():
    prison = Prison.objects.create(name="HMP <Test> & Co", slug="hmp-test")
    model_admin = admin.site._registry[Payment]

    ours = model_admin.action_checkbox(prison)

    assert ours == admin.ModelAdmin.action_checkbox(model_admin, prison)
    assert "&lt;Test&gt; &amp; Co" in ours


def test_every_admin_draws_its_row_checkbox_without_the_widget_templates():
    """Groups, login attempts, email addresses and second factors included (other packages'
    admins): StaffAdminSite.register gives each the direct markup, unless it has its own."""
    from digital_services.core.admin_lists import action_checkbox_html

    kept_djangos = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if getattr(model_admin.action_checkbox, "__func__", None)
        is admin.ModelAdmin.action_checkbox
    ]
    assert kept_djangos == []
    assert admin.site._registry[Group].action_checkbox is action_checkbox_html


@pytest.mark.django_db
def test_a_group_list_row_has_djangos_checkbox(client, django_user_model):
    from tests.conftest import sign_in

    group = Group.objects.create(name="Caseworkers <north>")
    superuser = django_user_model.objects.create_superuser(
        email="admin@justice.example", password="a-long-password-1"
    )
    sign_in(client, superuser, second_factor=True)

    page = client.get("/admin/auth/group/").content.decode()

    expected = admin.ModelAdmin.action_checkbox(admin.site._registry[Group], group)
    assert expected in page
