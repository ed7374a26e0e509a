"""Query shapes the services share."""

from __future__ import annotations

from django.db.models import JSONField, QuerySet, Subquery
from django.db.models.functions import JSONObject


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
