"""core.queries.CompiledQuery: a list's SQL built once per process, run with each person's id.

It must give each person exactly what the queryset would (their own rows, read fresh, the
related rows and annotations made the same way) and refuse a query that changes with anything
but its ids."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Count
from django.utils import timezone

from digital_services.core.queries import CompiledQuery
from prison_visits.models import Visit
from tests.accounts.factories import UserFactory
from tests.prison_visits.factories import BookedVisitFactory, RequestedVisitFactory

pytestmark = pytest.mark.django_db


def _visits_of(*, user_id):
    return (
        Visit.objects.filter(user=user_id)
        .select_related("prison")
        .annotate(visitor_count=Count("visitors"))
        .order_by("-requested_at", "-id")
    )


def snapshot(instance) -> dict:
    """Everything an instance holds: its fields, annotations and the related rows read with
    it (``select_related``), not its ``_state`` object."""
    values = {name: value for name, value in vars(instance).items() if name != "_state"}
    related = {
        name: snapshot(other) if other is not None else None
        for name, other in instance._state.fields_cache.items()
    }
    return {**values, "related": related, "db": instance._state.db, "adding": False}


def test_it_gives_the_instances_the_queryset_gives():
    person = UserFactory()
    RequestedVisitFactory(user=person)
    BookedVisitFactory(user=person)
    RequestedVisitFactory(user=UserFactory())

    compiled = CompiledQuery(_visits_of).rows(user_id=person.pk)

    expected = list(_visits_of(user_id=person.pk))
    assert len(expected) == 2
    assert [snapshot(v) for v in compiled] == [snapshot(v) for v in expected]
    assert all(not v._state.adding for v in compiled)
    assert compiled[0].prison.name  # read with the visit, no query
    assert {v.visitor_count for v in compiled} == {v.visitor_count for v in expected}


def test_each_person_gets_only_their_own_rows_from_the_one_compiled_query(
    django_assert_num_queries,
):
    visits = CompiledQuery(_visits_of)
    first, second, nobody = UserFactory(), UserFactory(), UserFactory()
    mine = RequestedVisitFactory(user=first)
    theirs = BookedVisitFactory(user=second)

    assert [v.pk for v in visits.rows(user_id=first.pk)] == [mine.pk]
    with django_assert_num_queries(1):
        assert [v.pk for v in visits.rows(user_id=second.pk)] == [theirs.pk]
    assert visits.rows(user_id=nobody.pk) == []
    assert [v.pk for v in visits.rows(user_id=first.pk)] == [mine.pk]


def test_it_reads_the_rows_afresh_each_time():
    visits = CompiledQuery(_visits_of)
    person = UserFactory()
    assert visits.rows(user_id=person.pk) == []

    visit = RequestedVisitFactory(user=person, prisoner_first_name="Jo")
    assert [v.prisoner_first_name for v in visits.rows(user_id=person.pk)] == ["Jo"]

    Visit.objects.filter(pk=visit.pk).update(prisoner_first_name="Sam")
    assert [v.prisoner_first_name for v in visits.rows(user_id=person.pk)] == ["Sam"]

    Visit.objects.filter(pk=visit.pk).update(user=None)
    assert visits.rows(user_id=person.pk) == []


def test_the_query_is_built_once_per_process():
    built = []

    def build(*, user_id):
        built.append(user_id)
        return _visits_of(user_id=user_id)

    visits = CompiledQuery(build)
    people = [UserFactory() for _ in range(3)]
    for person in people:
        visits.rows(user_id=person.pk)

    # Twice with stand-ins the first time (to check only the id changes), never again.
    assert len(built) == 2
    assert not {person.pk for person in people} & set(built)


@pytest.mark.parametrize(
    "build",
    [
        # Something else changes between requests: the time.
        lambda *, user_id: Visit.objects.filter(user=user_id, requested_at__lt=timezone.now()),
        # The id is not in the query at all.
        lambda *, user_id: Visit.objects.all(),
        # The id goes in changed (here as text): it would not be found where it goes.
        lambda *, user_id: Visit.objects.filter(reference=str(user_id)),
        # Queries of their own after the rows: not supported.
        lambda *, user_id: Visit.objects.filter(user=user_id).prefetch_related("visitors"),
        # Not model instances.
        lambda *, user_id: Visit.objects.filter(user=user_id).values("pk"),
    ],
    ids=["time", "id-unused", "id-changed", "prefetch", "values"],
)
def test_a_query_that_changes_with_more_than_its_ids_is_refused(build):
    with pytest.raises(ImproperlyConfigured):
        CompiledQuery(build).rows(user_id=UserFactory().pk)


def test_it_is_run_with_the_ids_it_was_compiled_with():
    visits = CompiledQuery(_visits_of)
    visits.rows(user_id=UserFactory().pk)

    with pytest.raises(TypeError):
        visits.rows(person_id=1)


def _visit_by_reference(*, user_id, reference):
    return _visits_of(user_id=user_id).filter(reference=reference)


def test_a_text_id_goes_in_as_it_is_given():
    """A case's reference is an id too: each person finds their own visit by its reference,
    and nobody finds another's."""
    visits = CompiledQuery(_visit_by_reference)
    person, other = UserFactory(), UserFactory()
    mine, second = RequestedVisitFactory(user=person), BookedVisitFactory(user=person)
    theirs = RequestedVisitFactory(user=other)

    found = visits.rows(user_id=person.pk, reference=mine.reference)
    assert [snapshot(v) for v in found] == [
        snapshot(v) for v in _visit_by_reference(user_id=person.pk, reference=mine.reference)
    ]
    assert [v.pk for v in visits.rows(user_id=person.pk, reference=second.reference)] == [second.pk]
    assert visits.rows(user_id=person.pk, reference=theirs.reference) == []
    assert visits.rows(user_id=other.pk, reference=mine.reference) == []
    assert visits.rows(user_id=person.pk, reference="") == []


@pytest.mark.parametrize(
    "build",
    [
        # The text goes in changed: wrapped in % and escaped for LIKE.
        lambda *, user_id, reference: Visit.objects.filter(
            user=user_id, reference__contains=reference
        ),
        # The text is not in the query at all.
        lambda *, user_id, reference: Visit.objects.filter(user=user_id),
    ],
    ids=["text-changed", "text-unused"],
)
def test_a_text_id_changed_or_unused_is_refused(build):
    with pytest.raises(ImproperlyConfigured):
        CompiledQuery(build).rows(user_id=UserFactory().pk, reference="ABC123")


def test_each_id_keeps_the_type_it_was_compiled_with():
    visits = CompiledQuery(_visit_by_reference)
    person = UserFactory()
    visits.rows(user_id=person.pk, reference="ABC123")

    with pytest.raises(TypeError):
        visits.rows(user_id=str(person.pk), reference="ABC123")
    with pytest.raises(TypeError):
        visits.rows(user_id=person.pk, reference=123)
    with pytest.raises(TypeError):
        CompiledQuery(_visits_of).rows(user_id=1.5)


def _prepared_statements() -> dict[str, str]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT name, statement FROM pg_prepared_statements")
        return dict(cursor.fetchall())


def test_postgresql_plans_it_once_per_connection_and_the_page_sees_one_query(
    django_assert_num_queries,
):
    """The SQL is prepared on the connection the first time (not one of the page's queries:
    a page's query count does not depend on what ran on its connection before) and run with
    EXECUTE from then on."""
    visits = CompiledQuery(_visits_of)
    person = UserFactory()
    mine = RequestedVisitFactory(user=person)

    with django_assert_num_queries(1) as captured:
        assert [v.pk for v in visits.rows(user_id=person.pk)] == [mine.pk]
    name = visits._compiled.statement
    sql = captured.captured_queries[0]["sql"]
    assert sql.startswith(f"EXECUTE {name}(") and 'FROM "prison_visits_visit"' in sql
    assert "$1" in _prepared_statements()[name]
    nobody = UserFactory()
    with django_assert_num_queries(1):
        assert [v.pk for v in visits.rows(user_id=nobody.pk)] == []


def test_a_statement_the_session_has_already_is_used():
    from django.db import connection

    visits = CompiledQuery(_visits_of)
    person = UserFactory()
    mine = RequestedVisitFactory(user=person)
    visits.rows(user_id=person.pk)
    connection._compiled_queries_prepared = (None, set())  # as if the list were lost

    assert [v.pk for v in visits.rows(user_id=person.pk)] == [mine.pk]
    assert visits._compiled.preparable


def test_sql_postgresql_will_not_prepare_is_run_as_it_is(monkeypatch):
    """In the test's transaction too: the failed PREPARE is rolled back to its savepoint."""
    from digital_services.core import queries

    monkeypatch.setattr(queries, "_numbered", lambda sql: "SELECT FROM nowhere_at_all")
    visits = CompiledQuery(_visits_of)
    person = UserFactory()
    mine = RequestedVisitFactory(user=person)

    assert [v.pk for v in visits.rows(user_id=person.pk)] == [mine.pk]
    assert not visits._compiled.preparable
    assert visits._compiled.statement not in _prepared_statements()
    assert Visit.objects.filter(pk=mine.pk).exists()  # the transaction is still usable


def test_placeholders_are_numbered_and_literal_percent_signs_kept():
    from digital_services.core.queries import _numbered

    assert _numbered("SELECT %s, 'a%%b' WHERE x = %s OR y LIKE '%%%s'") == (
        "SELECT $1, 'a%b' WHERE x = $2 OR y LIKE '%$3'"
    )
