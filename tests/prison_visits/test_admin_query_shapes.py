"""The staff pages read their lists, cases and inline rows with SQL compiled once per query
shape (``core.queries.shaped_rows`` and ``shaped_get``): a second request with the first's
shape must still show its own rows."""

from datetime import date

import pytest
from django.urls import reverse

from tests.conftest import sign_in

from .factories import RequestedVisitFactory, slot_on

pytestmark = pytest.mark.django_db

TUE_1_DEC = date(2026, 12, 1)


def url(name, *args):
    return reverse(f"admin:prison_visits_{name}", args=args)


def test_each_caseworker_sees_only_their_prisons_visits_whoever_read_the_list_first(
    client, caseworker, other_caseworker, prison, other_prison, frozen
):
    """A caseworker's prisons are values in the list's ``WHERE``: the second caseworker's
    list has the first's query shape (``core.queries.shaped_rows``, its SQL compiled once)
    and must still be their own."""
    day = slot_on(TUE_1_DEC)
    mine = RequestedVisitFactory.create_batch(2, prison=prison, slot=day)
    theirs = RequestedVisitFactory.create_batch(2, prison=other_prison, slot=day)
    changelist = url("visit_changelist")

    pages = {}
    for user in (caseworker, other_caseworker, caseworker):
        client.logout()
        sign_in(client, user, second_factor=True)
        for path in (changelist, changelist + "?inbox=requests"):
            pages[(user.pk, path)] = client.get(path).content.decode()

    for path in (changelist, changelist + "?inbox=requests"):
        for visits, others, user in ((mine, theirs, caseworker), (theirs, mine, other_caseworker)):
            page = pages[(user.pk, path)]
            assert all(v.reference_display in page for v in visits)
            assert not any(v.reference_display in page for v in others)


def test_each_case_page_shows_its_own_visit_and_visitors(client, caseworker, prison, frozen):
    """The case page reads its visit (``get_object``) and the visitors' rows (the inline
    formset) with their SQL compiled once per shape (``core.queries``): the second visit's
    page has the first's shapes and must show the second visit."""
    born = date(1980, 1, 1)
    first = RequestedVisitFactory(prison=prison, visitors=[("Ada", "Lovelace", born)])
    second = RequestedVisitFactory(prison=prison, visitors=[("Grace", "Hopper", born)])
    sign_in(client, caseworker, second_factor=True)

    pages = [
        client.get(url("visit_change", visit.pk)).content.decode() for visit in (first, second)
    ]

    assert first.reference_display in pages[0] and second.reference_display not in pages[0]
    assert second.reference_display in pages[1] and first.reference_display not in pages[1]
    assert "Lovelace" in pages[0] and "Hopper" not in pages[0]
    assert "Hopper" in pages[1] and "Lovelace" not in pages[1]
    assert client.get(url("visit_change", second.pk + 1000)).status_code == 302  # not found
