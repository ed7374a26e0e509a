"""Admin lists of tables that grow to hundreds of thousands of rows (docs/performance.md).

``LargeListAdminMixin`` is what a ModelAdmin of such a table takes: its paginator, and no second
count of the whole table beside a filtered list's own (``show_full_result_count``). A list
filter on a column without choices (Django's ``AllValuesFieldListFilter``) reads every row with
``SELECT DISTINCT`` to build its links; ``RegisteredServiceFilter`` and ``ServiceAnyKeyFilter``
take the choices from the service registry instead, and ``IndexedValuesFilter`` finds a column's
values by jumping through its index (a few ms for tens of values, at any number of rows). Nor should such an admin have a ``date_hierarchy``: with no date
picked it runs ``SELECT DISTINCT date_trunc(...)`` over the whole list (189 ms at 200,000
payments); a ``DateFieldListFilter`` gives the same "today / past 7 days / this month" links with
no query.

Paginating:

Django's admin counts every list it shows (``COUNT(*)``), and PostgreSQL counts by reading every
row: the whole visits list at 200,000 visits spent 46 ms of its 60 ms of SQL counting
(docs/performance.md). A filtered list (a queue, a search, a prison's visits) is narrowed by an
index and is counted exactly. Only the list of a whole large table is counted from PostgreSQL's
own estimate of its rows (``pg_class.reltuples``, refreshed by autovacuum's ``ANALYZE``), which
is within a few per cent of the truth: enough to page through, and nobody reads a total of
200,000 to the unit.
"""

from __future__ import annotations

import functools

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.templatetags.admin_list import _boolean_icon
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import EmptyResultSet
from django.core.paginator import EmptyPage, Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from digital_services.core.escaping import escape

from .memo import BoundedMemo
from .queries import CompiledQuery, read_shaped, shaped_sql


def admin_table(rows, *, empty: str = "–") -> str:
    """Rows of cells as a plain table for a read-only field of a case page (each cell
    escaped); ``empty`` when there are none."""
    if not rows:
        return empty
    return format_html(
        "<table><tbody>{}</tbody></table>",
        format_html_join(
            "",
            "<tr>{}</tr>",
            ((format_html_join("", "<td>{}</td>", ((c,) for c in row)),) for row in rows),
        ),
    )


def _messages_sent(*, content_type_id: int, object_id: str):
    from digital_services.notifications.models import OutboundMessage  # it imports this module

    return OutboundMessage.objects.filter(
        content_type_id=content_type_id, object_id=object_id
    ).order_by("created_at")


#: ``messages_sent_table``'s query, built once per process.
_MESSAGES_SENT = CompiledQuery(_messages_sent)


def messages_sent_table(case, *, empty: str = "–") -> str:
    """The emails, texts and letters sent about ``case``, oldest first: date, message
    (its template key without the service's prefix), channel and status."""
    from django.contrib.contenttypes.models import ContentType

    from digital_services.core.dates import date_format

    sent = _MESSAGES_SENT.rows(
        content_type_id=ContentType.objects.get_for_model(type(case)).pk, object_id=str(case.pk)
    )
    return admin_table(
        [
            (
                date_format(m.created_at),
                m.template_key.split(".", 1)[-1],
                m.get_channel_display(),
                m.get_status_display(),
            )
            for m in sent
        ],
        empty=empty,
    )


#: Tables PostgreSQL estimates at fewer rows than this are counted exactly, filtered or not.
EXACT_COUNT_BELOW = 10_000

#: A filtered list (a queue, a search) is counted up to this many rows and then said to have
#: "more than" this many: counting reads every row that matches, so an exact count grows with
#: the queue (33,334 visit requests took 13 ms to count at 200,000 visits), and nobody works
#: through a queue from its 1,001st row.
COUNT_AT_MOST = 1_000


def count_at_most_text() -> str:
    """``COUNT_AT_MOST`` as the pages say it ("more than 1,000")."""
    return f"{COUNT_AT_MOST:,}"


def counts_at_most(**querysets) -> dict[str, int]:
    """Each queryset's rows counted up to ``COUNT_AT_MOST + 1`` (so "more than" can be said),
    all in one query, each reading at most that many rows of its index. A queryset that can
    match nothing (``filter(pk__in=[])``, ``none()``) counts 0, as Django's ``count()`` does.
    All the querysets are of one database."""
    if not querysets:
        return {}
    (database,) = {queryset.db for queryset in querysets.values()}
    connection = connections[database]
    parts, params = [], []
    for queryset in querysets.values():
        limited = queryset.order_by().values("pk")[: COUNT_AT_MOST + 1]
        try:
            sql, part_params = shaped_sql(limited.query, database)
        except EmptyResultSet:
            parts.append("0")
            continue
        # The ORM's own SQL with its parameters kept apart: nothing from a request is pasted in.
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS counted)")  # noqa: S608
        params.extend(part_params)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    return dict(zip(querysets, row, strict=True))


class LargeTablePaginator(Paginator):
    """``Paginator`` that counts an unfiltered list of a large table from the planner's estimate,
    and a filtered one up to ``COUNT_AT_MOST`` rows (``count_capped`` then says there are more:
    ``admin/pagination.html`` and ``admin/search_form.html`` say "more than 1,000").

    One query either way, as Django's own count is, so a page's query count does not change as
    the table grows: PostgreSQL evaluates the ``COUNT(*)`` sub-query only when the estimate is
    below ``EXACT_COUNT_BELOW``."""

    #: Whether ``count`` stopped at ``COUNT_AT_MOST + 1`` (the list has more than that many).
    count_capped = False

    @property
    def count_at_most_text(self) -> str:
        return count_at_most_text()

    @cached_property
    def count(self) -> int:
        counted = self._whole_table_count()
        if counted is not None:
            return counted
        if not hasattr(self.object_list, "query"):
            return super().count
        counted = counts_at_most(rows=self.object_list)["rows"]
        self.count_capped = counted > COUNT_AT_MOST
        return counted

    def validate_number(self, number):
        """A page past the ones the count reaches is still a page when the list has more
        rows than were counted (Django would send the caseworker back to the first page with
        the filters dropped)."""
        try:
            return super().validate_number(number)
        except EmptyPage:
            if self.count_capped and int(number) > self.num_pages:
                return int(number)
            raise

    def page(self, number):
        """Django's page, but a page that reaches past the rows counted is a whole page of
        the rows that are there."""
        number = self.validate_number(number)
        if self.count_capped and number * self.per_page > COUNT_AT_MOST:
            bottom = (number - 1) * self.per_page
            return self._get_page(self.object_list[bottom : bottom + self.per_page], number, self)
        return super().page(number)

    def _whole_table_count(self) -> int | None:
        """The whole table's rows (estimated when large), or None when the list is not the
        whole table or the database is not PostgreSQL."""
        query = getattr(self.object_list, "query", None)
        if (
            query is None
            or query.where
            or query.combinator
            or query.distinct
            or query.is_sliced
            or query.group_by is not None
        ):
            return None
        connection = connections[self.object_list.db]
        if connection.vendor != "postgresql":
            return None
        table = connection.ops.quote_name(self.object_list.model._meta.db_table)
        # The table name is the model's own, quoted: nothing from a request.
        count_all = "SELECT COUNT(*) FROM " + table  # noqa: S608
        when_small = f"CASE WHEN c.reltuples >= %s THEN c.reltuples::bigint ELSE ({count_all}) END"
        sql = "SELECT " + when_small + " FROM pg_class c WHERE c.oid = to_regclass(%s)"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [EXACT_COUNT_BELOW, table])
            row = cursor.fetchone()
        return row[0] if row else None


class LargeListAdminMixin:
    """For the ModelAdmin of a table that grows with the cases (put it before ``ModelAdmin``).

    Its list pages cost CPU per row, not SQL (docs/performance.md): 25 rows a page rather than
    Django's 100. (Every admin's row checkbox is written directly rather than rendered through
    the form widget templates, which was about 40% of rendering a row: ``StaffAdminSite``.)
    """

    paginator = LargeTablePaginator
    show_full_result_count = False
    list_per_page = 25


def action_checkbox_html(obj, label: str | None = None) -> str:
    """Django's ``ModelAdmin.action_checkbox``, the same markup, without a template: every
    admin's rows use it (``StaffAdminSite.register``), not only the large lists'. ``label`` is
    the translated "Select this object for an action - {}" when the caller has it already."""
    if label is None:
        label = _("Select this object for an action - {}")
    return mark_safe(  # noqa: S308 - the row's name and key escaped, as format_html does
        f'<input type="checkbox" name="{helpers.ACTION_CHECKBOX_NAME}"'
        f' value="{escape(str(obj.pk))}" class="action-select"'
        f' aria-label="{label.format(escape(str(obj)))}">'
    )


@functools.lru_cache(maxsize=8, typed=True)
def boolean_icon(value) -> str:
    """Django's ``_boolean_icon`` (a yes, no or unknown icon), worked out once per value and
    process: a list of booleans asked for it, and the icon's static URL, in every cell."""
    return _boolean_icon(value)


class RegisteredServiceFilter(admin.SimpleListFilter):
    """Filter by service, with one link per registered service and no query to find them.

    ``field`` is the column (or path) holding the service; ``key`` is what it holds: the
    service's ``label`` (its app label, as payments record it) or its ``slug``."""

    title = "service"
    parameter_name = "service"
    field = "service"
    key = "label"

    def lookups(self, request, model_admin):
        from .registry import services_list

        return [(getattr(s, self.key), s.name) for s in services_list()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{self.field: self.value()})
        return queryset


class ServiceAnyKeyFilter(RegisteredServiceFilter):
    """``RegisteredServiceFilter`` for a column that holds a service by any of its names (the
    audit log and the KPI events are written with the slug by some code and the app label or
    URL namespace by other code): one link per registered service, matched with ``IN`` on
    the indexed column; and the platform's own rows (no service)."""

    key = "slug"
    PLATFORM = "-"

    def lookups(self, request, model_admin):
        return [*super().lookups(request, model_admin), (self.PLATFORM, "None (the platform)")]

    def queryset(self, request, queryset):
        from .registry import services_list

        value = self.value()
        if not value:
            return queryset
        if value == self.PLATFORM:
            return queryset.filter(**{self.field: ""})
        service = next((s for s in services_list() if s.slug == value), None)
        names = {value} if service is None else {service.slug, service.label, service.namespace}
        return queryset.filter(**{f"{self.field}__in": sorted(n for n in names if n)})


class IndexedValuesFilter(admin.SimpleListFilter):
    """Filter on every value a column holds, found through its B-tree index: a "loose index
    scan" (a recursive query that jumps from one value to the next), so the cost grows with
    the number of distinct values (tens), not with the rows (hundreds of thousands), where
    Django's ``AllValuesFieldListFilter`` runs ``SELECT DISTINCT`` over the whole table.
    Subclass it with ``parameter_name`` (the column) and ``title``; the column must be indexed."""

    def lookups(self, request, model_admin):
        return [(value, value) for value in self.values(model_admin.model) if value]

    def values(self, model) -> list[str]:
        connection = connections[model.objects.db]
        quote = connection.ops.quote_name
        table, column = quote(model._meta.db_table), quote(self.parameter_name)
        sql = (
            f"WITH RECURSIVE v(value) AS ("  # noqa: S608 - names from the model's metadata
            f" (SELECT MIN({column}) FROM {table})"
            f" UNION ALL SELECT (SELECT MIN({column}) FROM {table} WHERE {column} > v.value)"
            f" FROM v WHERE v.value IS NOT NULL"
            f") SELECT value FROM v WHERE value IS NOT NULL"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return [row[0] for row in cursor.fetchall()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{self.parameter_name: self.value()})
        return queryset


#: Each filter parameter's piece of a list's query string, by name and value (pure, per process).
_QUERY_PIECES = BoundedMemo(20_000)


def _query_piece(name, value) -> str:
    """``urlencode([(name, value)], doseq=True)``, remembered."""
    try:
        key = (name, type(value), tuple(value) if isinstance(value, list) else value)
        hash(key)
    except TypeError:
        return urlencode([(name, value)], doseq=True)
    return _QUERY_PIECES.get_or_set(key, lambda: urlencode([(name, value)], doseq=True))


class StaffChangeList(ChangeList):
    """Django's change list, with the query string of each filter link put together from
    pieces encoded once: a list filtered by prison made a query string for each of about
    100 prisons, each encoding every parameter afresh (``StaffAdminSite.register``)."""

    def get_query_string(self, new_params=None, remove=None):
        # Django 5.2's, line for line, but the last: the same string
        # (tests/core/test_admin_lists.py compares them).
        if new_params is None:
            new_params = {}
        if remove is None:
            remove = []
        p = self.filter_params.copy()
        for r in remove:
            for k in list(p):
                if k.startswith(r):
                    del p[k]
        for k, v in new_params.items():
            if v is None:
                if k in p:
                    del p[k]
            else:
                p[k] = v
        pieces = (_query_piece(name, value) for name, value in sorted(p.items()))
        return "?" + "&".join(piece for piece in pieces if piece)

    def get_results(self, request):
        """Django's, with the page's rows read through ``shaped_rows``: their SQL is
        compiled once per shape of list (its filters, order and page), not on every request.
        The rows fill the queryset's cache, so ``result_list`` is still the page's queryset.
        A list edited in place is left to Django (its forms are made from the queryset)."""
        super().get_results(request)
        if not self.list_editable and isinstance(self.result_list, QuerySet):
            read_shaped(self.result_list)
