"""Query shapes the services share."""

from __future__ import annotations

from django.db.models import QuerySet


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
