"""core.queries.shaped_rows and shaped_sql: a list's SQL compiled once per query shape.

Two queries share a shape when only the values in their ``WHERE`` differ. Each must still
give exactly what Django gives (its own rows, the related rows made the same way), and any
difference in the query's structure (an ``IN`` list's length, the order, the page, a join)
must be another shape, compiled afresh."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import F, Q, Value
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext

from digital_services.core import queries
from digital_services.core.admin_lists import counts_at_most
from digital_services.core.queries import shaped_first, shaped_get, shaped_rows, shaped_sql
from prison_visits.constants import VisitStatus
from prison_visits.models import Visit
from tests.core.test_compiled_query import snapshot
from tests.prison_visits.factories import BookedVisitFactory, RequestedVisitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_shapes_kept(monkeypatch):
    monkeypatch.setattr(queries, "_SHAPES", queries.BoundedMemo(1_000))


@pytest.fixture
def compiles(monkeypatch):
    """How many times Django compiled a whole query (not a ``WHERE`` alone)."""
    counted = []
    as_sql = SQLCompiler.as_sql

    def counting(self, *args, **kwargs):
        counted.append(self.query.model)
        return as_sql(self, *args, **kwargs)

    monkeypatch.setattr(SQLCompiler, "as_sql", counting)
    return counted


def _visits(*statuses):
    return (
        Visit.objects.filter(status__in=statuses)
        .select_related("prison", "user")
        .order_by("-requested_at", "-id")
    )


def _same(rows, expected):
    assert [snapshot(row) for row in rows] == [snapshot(row) for row in expected]


def test_the_rows_are_djangos_and_a_shape_is_compiled_once(compiles):
    requested = RequestedVisitFactory.create_batch(3)
    booked = BookedVisitFactory.create_batch(2)

    first = shaped_rows(_visits(VisitStatus.REQUESTED)[:2])
    second = shaped_rows(_visits(VisitStatus.BOOKED)[:2])

    assert len(compiles) == 1  # the second list's SQL was the first's
    compiles.clear()
    _same(first, list(_visits(VisitStatus.REQUESTED)[:2]))
    _same(second, list(_visits(VisitStatus.BOOKED)[:2]))
    assert {v.pk for v in first} <= {v.pk for v in requested}
    assert {v.pk for v in second} == {v.pk for v in booked}
    assert all(v._state.fields_cache["prison"] is not None for v in first)  # joined, no query


def test_a_different_structure_is_another_shape(compiles):
    visits = RequestedVisitFactory.create_batch(4)
    ids = [v.pk for v in visits]
    base = Visit.objects.select_related("prison")

    cases = [
        base.filter(pk__in=ids[:1]).order_by("id"),
        base.filter(pk__in=ids[:3]).order_by("id"),  # a longer IN list
        base.filter(pk__in=ids[:3]).order_by("-id"),  # the other order
        base.filter(pk__in=ids[:3]).order_by("-id")[1:3],  # a page of it
        base.filter(pk__in=ids[:3]).order_by("-id")[2:3],  # another page
        base.filter(Q(pk__in=ids[:1]) | Q(pk=ids[3])).order_by("id"),  # an OR
        base.filter(pk__in=ids).exclude(prison__name="nowhere").order_by("id"),  # a join
        Visit.objects.filter(pk__in=ids[:1]).order_by("id"),  # no select_related
        base.filter(pk__in=ids[:3]).order_by(F("id").desc()),
        base.filter(pk__in=ids[:3]).order_by(F("id").asc()),
    ]
    for queryset in cases:
        _same(shaped_rows(queryset), list(queryset._chain()))
    assert len(compiles) == 2 * len(cases)  # each compiled by shaped_rows, then by Django

    compiles.clear()
    for queryset in cases:
        _same(shaped_rows(queryset._chain()), list(queryset._chain()))
    assert len(compiles) == len(cases)  # only Django's own this time


def test_an_order_turned_round_after_it_was_made_is_another_shape():
    """The admin copies an ``OrderBy`` and turns it round (``reverse_ordering``), which its
    ``identity`` (its constructor's arguments) does not show."""
    visits = RequestedVisitFactory.create_batch(3)
    ascending = F("id").asc()
    descending = ascending.copy()
    descending.reverse_ordering()
    ids = [v.pk for v in visits]

    up = shaped_rows(Visit.objects.filter(pk__in=ids).order_by(ascending))
    down = shaped_rows(Visit.objects.filter(pk__in=ids).order_by(descending))

    assert [v.pk for v in up] == sorted(ids)
    assert [v.pk for v in down] == sorted(ids, reverse=True)


def test_queries_it_cannot_compare_or_reuse_are_djangos_every_time(compiles):
    visit = RequestedVisitFactory()
    annotated = Visit.objects.filter(pk=visit.pk).annotate(one=Value(1))
    with_param = Visit.objects.filter(pk=visit.pk).extra(select={"two": "%s"}, select_params=[2])
    prefetched = Visit.objects.filter(pk=visit.pk).prefetch_related("visitors")

    for _ in range(2):
        assert [v.one for v in shaped_rows(annotated._chain())] == [1]
    assert compiles == [Visit, Visit]  # an annotation's expression: Django's on every call
    compiles.clear()
    for _ in range(2):
        assert [v.two for v in shaped_rows(with_param._chain())] == [2]
    assert compiles == [Visit, Visit, Visit]  # tried once, found a parameter outside WHERE
    compiles.clear()
    for _ in range(2):
        assert [v.pk for v in shaped_rows(prefetched._chain())] == [visit.pk]
        assert prefetched._chain()._prefetch_related_lookups == ("visitors",)
    assert compiles.count(Visit) == 2


def test_a_where_that_can_match_nothing_reads_nothing():
    RequestedVisitFactory()
    with CaptureQueriesContext(connection) as ran:
        assert shaped_rows(Visit.objects.filter(pk__in=[])) == []
    assert ran.captured_queries == []


def test_shaped_sql_is_djangos_with_each_querys_values(compiles):
    queryset = Visit.objects.filter(status=VisitStatus.REQUESTED, prison__name="HMP A")
    other = Visit.objects.filter(status=VisitStatus.BOOKED, prison__name="HMP B")

    sql, params = shaped_sql(queryset.query, "default")
    other_sql, other_params = shaped_sql(other.query, "default")

    assert (sql, tuple(params)) == queryset.query.get_compiler("default").as_sql()
    assert (other_sql, tuple(other_params)) == other.query.get_compiler("default").as_sql()
    assert len(compiles) == 3  # once for the shape, then twice in the assertions
    assert "HMP A" not in other_params and VisitStatus.REQUESTED not in other_params


def test_counts_at_most_counts_each_querys_own_rows():
    RequestedVisitFactory.create_batch(3)
    BookedVisitFactory.create_batch(2)
    for _ in range(2):
        counted = counts_at_most(
            requested=Visit.objects.filter(status=VisitStatus.REQUESTED),
            booked=Visit.objects.filter(status=VisitStatus.BOOKED),
            none=Visit.objects.filter(pk__in=[]),
        )
        assert counted == {"requested": 3, "booked": 2, "none": 0}


def test_shaped_get_is_querysets_get(compiles):
    visits = RequestedVisitFactory.create_batch(3)
    base = Visit.objects.select_related("prison").order_by("-id")

    for visit in visits:
        _same([shaped_get(base, pk=visit.pk)], [base.get(pk=visit.pk)])
    assert compiles.count(Visit) == 1 + len(visits)  # the shape once, then each Django get
    with pytest.raises(Visit.DoesNotExist, match="Visit matching query does not exist"):
        shaped_get(base, pk=-1)
    with pytest.raises(Visit.MultipleObjectsReturned, match="it returned 3!"):
        shaped_get(base, pk__in=[v.pk for v in visits])
    with pytest.raises(Visit.DoesNotExist):
        shaped_get(base.filter(status=VisitStatus.BOOKED), pk=visits[0].pk)


def test_shaped_first_is_querysets_first(compiles):
    visits = RequestedVisitFactory.create_batch(3)
    ordered = Visit.objects.select_related("prison").order_by("-id")
    unordered = Visit.objects.filter(status=VisitStatus.REQUESTED).order_by()

    for visit in visits:
        mine = ordered.filter(reference=visit.reference)
        assert shaped_first(mine) == mine.first() == visit
    _same([shaped_first(ordered)], [ordered.first()])
    assert shaped_first(unordered) == unordered.first() == min(visits, key=lambda v: v.pk)
    assert shaped_first(ordered.filter(pk=-1)) is None
    # Each first() above (5), and each shape once: by reference, all, unordered, by id.
    assert compiles.count(Visit) == len(visits) + 2 + 4
