"""Query shapes the services share."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

from django.core.exceptions import EmptyResultSet, FullResultSet, ImproperlyConfigured
from django.db import connections
from django.db.models import F, Field, ForeignObjectRel, JSONField, Model, QuerySet, Subquery
from django.db.models.expressions import Col, OrderBy
from django.db.models.fields.related_descriptors import ReverseManyToOneDescriptor
from django.db.models.functions import JSONObject
from django.db.models.query import (
    MAX_GET_RESULTS,
    FlatValuesListIterable,
    ModelIterable,
    ValuesListIterable,
    get_related_populators,
)
from django.db.models.sql import Query
from django.db.models.sql.datastructures import BaseTable, Join

from .memo import BoundedMemo


def ids_of_any(*querysets: QuerySet) -> QuerySet:
    """The ids several look-ups find, as one sub-query for ``pk__in`` (a ``UNION ALL``).

    "The account's own cases, or the ones it was linked to" written as
    ``Q(user=user) | Q(pk__in=linked)`` makes PostgreSQL read the whole table: it cannot
    use an index for either side of an ``OR`` whose other side is a sub-query. Each
    look-up here (a ``values("pk")`` or ``values("<fk>_id")`` queryset) uses its own
    index, and the outer query reads only the rows they found, whatever the table's size.
    """
    first, *rest = (queryset.order_by() for queryset in querysets)
    return first.union(*rest, all=True)


def first_row_values(queryset: QuerySet, columns: tuple[str, ...]) -> Subquery:
    """The first row of ``queryset`` (a correlated look-up, ``OuterRef`` in its filter) as a
    dict of ``columns`` (None when there is no row), for ``annotate``.

    One sub-query for all the columns: Django compiles every sub-query on every request, so
    one per column made a list page's SQL cost more to build than to run. Values come back
    as JSON gives them: text, numbers, booleans and None (not dates).
    """
    return Subquery(
        queryset.values(row=JSONObject(**{column: column for column in columns}))[:1],
        output_field=JSONField(),
    )


class CompiledQuery:
    """A list's queryset whose SQL Django builds once per process, run with each request's ids.

    Building a queryset with sub-query annotations and compiling it to SQL costs Django
    milliseconds of CPU on every request, although only the ids in it change ("Your
    applications" spent half its time compiling the claims lists for people with no claim).
    ``CompiledQuery(build)`` calls ``build(**ids)`` with stand-in ids the first time it is run
    and keeps the SQL; ``rows(**ids)`` runs that SQL with the real ids and makes the model
    instances as the queryset would (``select_related`` and annotations included). The rows
    are read fresh every time: only the SQL is kept.

    The first run checks that the ids are the only thing that changes: it builds the query
    twice with different stand-ins and refuses (``ImproperlyConfigured``) if the SQL or any
    other parameter differs, as it would with ``timezone.now()`` inside ``build``. That check
    cannot see a value that changes more slowly than two builds a microsecond apart: today's
    date, a setting, the request's language. ``build`` must use nothing but its ids and
    constants (the lists that use it filter on ids, enum values and columns), or that value
    stays as it was when the process first built the query. Ids are whole numbers, text (a
    case's reference) or dates (a window's first and last day), each always of the type it
    had on the first run, and each must go into the SQL's parameters unchanged (a
    ``__iexact`` or ``__contains`` that escapes or wraps it is refused). ``build`` gives a
    queryset of model instances without ``prefetch_related`` (also refused), or of
    ``values_list`` rows (a ``UNION`` of them too): then ``rows`` gives the tuples, or the
    values with ``flat=True``, as the queryset would.
    It uses the compiler's results the way Django's ``ModelIterable`` does; the tests compare
    its instances with the queryset's own.

    On PostgreSQL the SQL is also prepared once per database connection (``PREPARE``, then
    ``EXECUTE`` with each request's ids), so that PostgreSQL plans it once per connection
    rather than on every request: "Your applications" spent 1.9 ms planning the money claims'
    query, for 0.3 ms running it (docs/performance.md, "Query plans kept per connection"). A
    query PostgreSQL cannot prepare (a parameter whose type it cannot work out) is run as SQL.
    The ``PREPARE`` goes to the database connection directly, under a savepoint inside a
    transaction: it is not one of the page's queries, and a connection prepares each query
    once whatever ran on it before. A pooler that resets sessions between transactions
    (PgBouncer's transaction mode) would lose the statements: set ``PREPARE`` false then.
    """

    #: Stand-ins no real id or other parameter of a list query is.
    _STAND_INS = (-1_000_000_007, -1_000_000_009)

    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self._compiled: _Statement | None = None

    def rows(self, **ids: int | str | dt.date) -> list:
        kinds = {name: type(value) for name, value in ids.items()}
        compiled = self._compiled
        if compiled is None:
            if not set(kinds.values()) <= _ID_KINDS:
                raise TypeError("CompiledQuery.rows() takes whole-number, text or date ids")
            compiled = self._compiled = _compiled_of(self.build, kinds, self._STAND_INS)
        elif compiled.kinds != kinds:
            expected = {name: kind.__name__ for name, kind in compiled.kinds.items()}
            raise TypeError(f"CompiledQuery.rows() takes the ids {expected}")
        return compiled.run(ids)


#: Prepare each compiled query's SQL once per PostgreSQL connection (see CompiledQuery).
PREPARE = True
#: The types an id of a CompiledQuery may have (exactly: a datetime is not a date here).
_ID_KINDS = frozenset({int, str, dt.date})
_NAMES = itertools.count(1)
_ALREADY_PREPARED = "42P05"  # duplicate_prepared_statement: this session has it already


def _numbered(sql: str) -> str:
    """Django's SQL with its ``%s`` placeholders as ``$1``, ``$2``... and ``%%`` as ``%``."""
    parts = sql.split("%%")
    count = itertools.count(1)
    numbered = []
    for part in parts:
        pieces = part.split("%s")
        numbered.append(
            "".join(piece if n == 0 else f"${next(count)}{piece}" for n, piece in enumerate(pieces))
        )
    return "%".join(numbered)


def _stand_in(kind: type, stand_in: int, n: int):
    """The ``n``-th id's stand-in of a kind (no real id, text or date of a list query)."""
    if kind is int:
        return stand_in - 100 * n
    if kind is str:
        return f"stand-in {stand_in - 100 * n}"
    return dt.date(1901, 1, 1) + dt.timedelta(days=-stand_in % 1000 + 50 * n)


def _compiled_of(build, kinds: dict[str, type], stand_ins: tuple[int, int]) -> _Statement:
    """Build and compile the query with each set of stand-ins (``kinds``: each id's type);
    check they differ only where the ids go."""
    compiled = []
    for stand_in in stand_ins:
        values = {name: _stand_in(kinds[name], stand_in, n) for n, name in enumerate(sorted(kinds))}
        queryset = build(**values)
        compiler = queryset.query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        if (
            queryset._iterable_class not in _ROWS_OF
            or queryset._prefetch_related_lookups
            or queryset._known_related_objects
            or compiler.has_composite_fields([column for column, *_ in compiler.select])
        ):
            raise ImproperlyConfigured(
                "CompiledQuery: model instances or values_list rows, no prefetch_related"
            )
        compiled.append((values, queryset, compiler, sql, list(params)))
    (first, queryset, compiler, sql, params), (second, *_, other_sql, other_params) = compiled
    name_of = {value: name for name, value in first.items()}
    slots = [
        (position, name_of[value])
        for position, value in enumerate(params)
        if type(value) in _ID_KINDS and value in name_of
    ]
    expected = list(params)
    for position, name in slots:
        expected[position] = second[name]
    if sql != other_sql or other_params != expected or {n for _, n in slots} != kinds.keys():
        raise ImproperlyConfigured(
            "CompiledQuery: the query must change with its ids and nothing else"
        )
    return _ROWS_OF[queryset._iterable_class](
        kinds=kinds, queryset=queryset, compiler=compiler, sql=sql, params=params, slots=slots
    )


class _Statement:
    """A compiled query's SQL, where each id goes in its parameters, and how it is run (each
    kind of row it gives has its own ``_made``)."""

    def __init__(self, *, kinds, queryset, compiler, sql, params, slots):
        self.kinds = kinds
        self.sql = sql
        self.params = params
        self.slots = slots
        self.statement = f"compiled_query_{next(_NAMES)}"
        self.numbered = _numbered(sql)  # the SQL as PREPARE takes it
        # The SQL rides along as a comment: a page's captured queries and the logs still say
        # what ran (``%`` doubled for the driver, which fills in the ``%s`` before it).
        self.execute = (
            f"EXECUTE {self.statement}"
            + (f"({', '.join(['%s'] * len(params))})" if params else "")
            + f" /* {self.numbered.replace('*/', '* /').replace('%', '%%')} */"
        )
        self.preparable = True
        self.db = queryset.db
        select = compiler.select
        self.converters = list(compiler.get_converters([s[0] for s in select]).items())
        self.width = compiler.col_count if compiler.has_extra_select else None

    def run(self, ids: dict[str, int | str | dt.date]) -> list:
        params = list(self.params)
        for position, name in self.slots:
            params[position] = ids[name]
        return self.fetch(params)

    def fetch(self, params: list) -> list:
        """What the SQL finds with these parameters (all of it, in order)."""
        connection = connections[self.db]
        with connection.cursor() as cursor:
            if self._prepared(connection):
                cursor.execute(self.execute, params)
            else:
                cursor.execute(self.sql, params)
            fetched = cursor.fetchall()
        converters = self.converters
        rows = []
        for row in fetched:
            row = list(row[: self.width] if self.width else row)
            for position, (functions, expression) in converters:
                value = row[position]
                for converter in functions:
                    value = converter(value, expression, connection)
                row[position] = value
            rows.append(row)
        return self._made(rows)

    def _made(self, rows: list[list]) -> list:
        raise NotImplementedError

    def _prepared(self, connection) -> bool:
        """Whether the statement is prepared on the connection's session (preparing it the
        first time): not on another database, nor when PostgreSQL refused it once."""
        if not (PREPARE and self.preparable and connection.vendor == "postgresql"):
            return False
        raw = connection.connection
        done = getattr(connection, "_compiled_queries_prepared", None)
        if done is None or done[0] is not raw:  # a new session: nothing prepared on it yet
            done = (raw, set())
            connection._compiled_queries_prepared = done
        if self.statement in done[1]:
            return True
        savepoint = not connection.get_autocommit()  # in a transaction: keep it usable
        with raw.cursor() as cursor:
            try:
                if savepoint:
                    cursor.execute("SAVEPOINT compiled_query_prepare")
                cursor.execute(f"PREPARE {self.statement} AS {self.numbered}")
            except connection.Database.Error as exc:
                if savepoint:
                    cursor.execute("ROLLBACK TO SAVEPOINT compiled_query_prepare")
                    cursor.execute("RELEASE SAVEPOINT compiled_query_prepare")
                if exc.pgcode != _ALREADY_PREPARED:
                    self.preparable = False
                    return False
            else:
                if savepoint:
                    cursor.execute("RELEASE SAVEPOINT compiled_query_prepare")
        done[1].add(self.statement)
        return True


class _Compiled(_Statement):
    """A compiled query of model instances, made as ``ModelIterable`` makes them (its steps
    worked out once)."""

    def __init__(self, *, queryset, compiler, **kwargs):
        super().__init__(queryset=queryset, compiler=compiler, **kwargs)
        select, klass_info = compiler.select, compiler.klass_info
        fields = klass_info["select_fields"]
        self.model = klass_info["model"]
        self.model_slice = slice(fields[0], fields[-1] + 1)
        self.init_list = [f[0].target.attname for f in select[self.model_slice]]
        self.populators = get_related_populators(klass_info, select, self.db)
        self.annotations = list(compiler.annotation_col_map.items())

    def _made(self, rows: list[list]) -> list[Model]:
        instances = []
        for row in rows:
            instance = self.model.from_db(self.db, self.init_list, row[self.model_slice])
            for populator in self.populators:
                populator.populate(row, instance)
            for name, position in self.annotations:
                setattr(instance, name, row[position])
            instances.append(instance)
        return instances


class _CompiledTuples(_Statement):
    """A compiled ``values_list`` query: each row a tuple, as ``ValuesListIterable`` gives."""

    def _made(self, rows: list[list]) -> list[tuple]:
        return [tuple(row) for row in rows]


class _CompiledFlat(_Statement):
    """A compiled ``values_list(..., flat=True)`` query: each row's one value."""

    def _made(self, rows: list[list]) -> list:
        return [row[0] for row in rows]


#: The kind of compiled query for each kind of queryset CompiledQuery takes.
_ROWS_OF = {
    ModelIterable: _Compiled,
    ValuesListIterable: _CompiledTuples,
    FlatValuesListIterable: _CompiledFlat,
}


class Related:
    """A one-to-many relation for :func:`related_rows` and :func:`prefetch_compiled`: its
    name on the instance (the foreign key's ``related_name``), the relations each of its
    rows joins in (``select_related``) and, when not the model's own, their order."""

    __slots__ = ("name", "select_related", "order_by")

    def __init__(self, name: str, *select_related: str, order_by: tuple[str, ...] = ()):
        self.name = name
        self.select_related = select_related
        self.order_by = order_by


#: Each relation's query, built once per process: (model, name, select_related, order_by) to
#: the CompiledQuery, the foreign key and the key's column on the instance.
_RELATIONS: dict[tuple, tuple[CompiledQuery, object, str]] = {}


def _relation(model: type[Model], spec: Related):
    name, select_related, order_by = spec.name, spec.select_related, spec.order_by
    key = (model, name, select_related, order_by)
    found = _RELATIONS.get(key)
    if found is None:
        descriptor = getattr(model, name, None)
        if type(descriptor) is not ReverseManyToOneDescriptor:
            raise ImproperlyConfigured(f"{model.__name__}.{name} is not a one-to-many relation")
        field = descriptor.rel.field  # the foreign key, on the related model
        related_model = descriptor.rel.related_model

        def build(*, key):
            queryset = related_model._default_manager.filter(**{field.attname: key})
            if select_related:
                queryset = queryset.select_related(*select_related)
            return queryset.order_by(*order_by) if order_by else queryset

        found = _RELATIONS[key] = (CompiledQuery(build), field, field.target_field.attname)
    return found


def related_rows(instance: Model, relation: str | Related) -> list[Model]:
    """``list(instance.<relation>.all())`` for a saved instance's one-to-many relation (a
    reverse foreign key), its query's SQL built once per process (:class:`CompiledQuery`).

    A case page reads a dozen of its case's relations, and Django builds and compiles each
    one's SQL again on every request (0.2-0.6 ms of CPU each, more than running it). The
    rows are what the related manager gives: its model's default manager and ordering, each
    row's foreign key pointing at ``instance`` without a query. They are kept as Django's
    ``prefetch_related`` keeps them, so ``instance.<relation>.all()`` afterwards reads them
    without a query, and a relation already prefetched is not read again. ``Related(name,
    *select_related)`` joins in the rows' own relations the page reads; with ``order_by``
    the rows come in that order and are neither kept nor taken from what is kept (the
    relation's ``all()`` keeps the model's order).
    """
    spec = relation if isinstance(relation, Related) else Related(relation)
    cache = instance.__dict__.setdefault("_prefetched_objects_cache", {})
    compiled, field, key_column = _relation(type(instance), spec)
    cache_name = field.remote_field.cache_name
    if cache_name in cache and not spec.order_by:
        return list(cache[cache_name])
    key = getattr(instance, key_column)
    if key is None:
        # The model's name, not the instance: its text may be someone's name.
        raise ValueError(
            f"A {type(instance).__name__} needs its {key_column} to read its {spec.name}"
        )
    rows = compiled.rows(key=key)
    for row in rows:
        if not field.is_cached(row):
            field.set_cached_value(row, instance)
    if spec.order_by:
        return rows
    queryset = getattr(instance, spec.name).get_queryset()
    queryset._result_cache = rows
    queryset._prefetch_done = True
    cache[cache_name] = queryset
    return list(rows)


def prefetch_compiled(instance: Model, *relations: str | Related) -> None:
    """``prefetch_related_objects([instance], *relations)`` for one instance's one-to-many
    relations, each read by :func:`related_rows` (its SQL built once per process)."""
    for relation in relations:
        related_rows(instance, relation)


# ------------------------------------------------------------------ query shapes

#: Each query shape's compiled SQL (``shaped_sql``) or rows' recipe (``shaped_rows``); None
#: for a shape whose SQL has parameters outside its ``WHERE``. A process keeps at most this
#: many: a list's filters, orderings and page make a few shapes each.
_SHAPES = BoundedMemo(1_000)


class _Unshaped(Exception):
    """The query holds something ``_frozen`` does not know how to compare."""


_SCALARS = frozenset({str, int, bool, float, type(None)})


def _frozen(value):
    """A hashable value equal for two parts of queries exactly when Django compiles them to
    the same SQL: the part's own types and values, nothing taken on trust but Django's own
    equality of fields. Of expressions it knows ``F``, ``Col`` and ``OrderBy``: any other
    (an annotation's) makes the query one it does not compare."""
    kind = value.__class__
    if kind in _SCALARS:
        return (kind, value)  # True == 1, but they are not the same SQL
    if kind is tuple or kind is list:
        return (kind, *map(_frozen, value))
    if kind is dict:
        return (kind, *((_frozen(key), _frozen(item)) for key, item in value.items()))
    if kind is set or kind is frozenset:
        return (frozenset, frozenset(map(_frozen, value)))
    if kind is Join:
        return (
            kind,
            value.table_name,
            value.parent_alias,
            value.table_alias,
            value.join_type,
            _frozen(value.join_field),
            value.nullable,
            _frozen(value.filtered_relation),
        )
    if kind is BaseTable:
        return (kind, value.table_name, value.table_alias)
    if kind is F:
        return (kind, value.name)
    if isinstance(value, (Field, ForeignObjectRel)) or (
        isinstance(value, type) and issubclass(value, Model)
    ):
        return (kind, value)
    if kind is Col:  # a column a values() query selects
        return (kind, value.alias, _frozen(value.target), _frozen(value.output_field))
    if kind is OrderBy:
        # Not its ``identity``: that is its constructor's arguments, and the admin's list
        # turns a copy round (``reverse_ordering``) after making it.
        return (
            kind,
            _frozen(value.expression),
            value.descending,
            value.nulls_first,
            value.nulls_last,
        )
    raise _Unshaped(kind.__name__)


#: A query's attributes that are worked out from others (and rebuilt when those change).
_DERIVED = frozenset({"where", "_annotation_select_cache", "_extra_select_cache"})


def _shape(query: Query, using: str):
    """The query's shape: everything in it but the values its ``WHERE`` sends as parameters,
    with those values (or None when it has a part ``_frozen`` cannot compare, or its
    ``WHERE`` can match nothing)."""
    try:
        state = tuple(
            (name, _frozen(value))
            for name, value in sorted(vars(query).items())
            if name not in _DERIVED
        )
    except _Unshaped:
        return None
    try:
        where, params = query.get_compiler(using=using).compile(query.where)
    except FullResultSet:
        where, params = "", []
    except EmptyResultSet:
        return None
    return (type(query), using, state, where), list(params)


def _kept_for_shape(kind: str, query: Query, using: str, make):
    """What is kept for the query's shape (``make(params)`` works it out the first time; None
    marks a shape left to Django) and the query's own parameters; (None, None) for a query
    with no shape."""
    shape = _shape(query, using)
    if shape is None:
        return None, None
    key, params = shape
    key = (kind, *key)
    kept = _SHAPES.get(key, False)
    if kept is False:
        kept = make(params)
        _SHAPES.get_or_set(key, lambda: kept)
    return kept, params


def shaped_sql(query: Query, using: str) -> tuple[str, list]:
    """``query.get_compiler(using=using).as_sql()``, compiled once per shape in a process.

    Compiling a list's query (its columns, joins, order, limit) costs Django about a
    millisecond of CPU on every staff list page, though from one request to the next only
    the values in its ``WHERE`` change (a status, a prison, today's date). Two queries have
    the same shape when every part of them is the same but those values: the same model,
    joins, columns, order, limit and the same ``WHERE`` SQL. The ``WHERE`` is compiled
    every time (it holds the values, and the user's own scope), the rest once. A shape whose
    SQL has parameters anywhere else (an annotation's value) is compiled every time, as is a
    query with a part whose equality this cannot judge."""

    def make(params):
        sql, full_params = query.get_compiler(using=using).as_sql()
        return sql if sql and list(full_params) == params else None

    sql, params = _kept_for_shape("sql", query, using, make)
    if sql is None:
        return query.get_compiler(using=using).as_sql()
    return sql, params


def shaped_rows(queryset: QuerySet) -> list[Model]:
    """``list(queryset)`` for a queryset of model instances, its SQL compiled once per shape
    in a process (see :func:`shaped_sql`), the instances made as :class:`CompiledQuery` makes
    them. A queryset with ``prefetch_related``, of values or of rows, or already read, is
    Django's."""
    if (
        queryset._result_cache is not None
        or queryset._iterable_class is not ModelIterable
        or queryset._prefetch_related_lookups
        or queryset._known_related_objects
    ):
        return list(queryset)

    def make(params):
        compiler = queryset.query.chain().get_compiler(using=queryset.db)
        sql, full_params = compiler.as_sql()
        if (
            not sql
            or list(full_params) != params
            or compiler.has_composite_fields([column for column, *_ in compiler.select])
        ):
            return None
        compiled = _Compiled(
            kinds={}, queryset=queryset, compiler=compiler, sql=sql, params=params, slots=[]
        )
        compiled.preparable = False  # each list's SQL planned afresh: its values vary more
        return compiled

    compiled, params = _kept_for_shape("rows", queryset.query, queryset.db, make)
    if compiled is None:
        return list(queryset)
    return compiled.fetch(params)


def shaped_first(queryset: QuerySet) -> Model | None:
    """``queryset.first()`` (the same query: by primary key unless ordered), its SQL compiled
    once per shape (:func:`shaped_rows`): a case page's latest payment or decision."""
    if not queryset.ordered:
        queryset = queryset.order_by("pk")
    found = shaped_rows(queryset[:1])
    return found[0] if found else None


def read_shaped(queryset: QuerySet) -> QuerySet:
    """The queryset, its rows read through :func:`shaped_rows` into its own cache, as
    evaluating it would leave them (unless it was read already): for a queryset Django's code
    reads afterwards (an admin list's page, an inline formset's rows)."""
    if queryset._result_cache is None:
        queryset._result_cache = shaped_rows(queryset)
        # Any prefetches were Django's: shaped_rows leaves such a queryset to it.
        queryset._prefetch_done = True
    return queryset


def shaped_get(queryset: QuerySet, **filters) -> Model:
    """``queryset.get(**filters)`` (the same query, the same exceptions), its SQL compiled
    once per shape (:func:`shaped_rows`): a case page's read of its case by id. A union, or
    a query that locks its rows, is Django's."""
    query = queryset.query
    if query.combinator or query.select_for_update:
        return queryset.get(**filters)
    found = queryset.filter(**filters)
    if query.can_filter() and not query.distinct_fields:
        found = found.order_by()
    rows = shaped_rows(found[:MAX_GET_RESULTS])
    if len(rows) == 1:
        return rows[0]
    name = queryset.model._meta.object_name
    if not rows:
        raise queryset.model.DoesNotExist(f"{name} matching query does not exist.")
    count = len(rows) if len(rows) < MAX_GET_RESULTS else f"more than {MAX_GET_RESULTS - 1}"
    raise queryset.model.MultipleObjectsReturned(
        f"get() returned more than one {name} -- it returned {count}!"
    )
