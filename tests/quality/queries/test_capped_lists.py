"""A staff list counted only up to ``COUNT_AT_MOST`` rows still works as Django's does
(core/admin_lists.py): a queue that can match nothing counts none, the pages past the count can
be opened and are whole pages, and selecting "all" across the pages does not claim a number of
rows the action would not keep to."""

import pytest
from django.contrib import admin
from django.urls import reverse

from digital_services.core import admin_lists
from digital_services.core.admin_lists import LargeTablePaginator, counts_at_most
from digital_services.payments.models import Payment
from tests.payments.factories import PaymentFactory

pytestmark = pytest.mark.django_db


def _payments(n: int) -> list[Payment]:
    return [PaymentFactory(reference=f"ET-CAP-{i:03d}", service="tribunal_fees") for i in range(n)]


def test_a_queue_that_can_match_nothing_counts_none():
    """Django's count() is 0 for a filter that can match nothing; so is ours (it crashed)."""
    _payments(2)

    counted = counts_at_most(
        none=Payment.objects.none(),
        empty=Payment.objects.filter(pk__in=[]),
        all=Payment.objects.all(),
    )

    assert counted == {"none": 0, "empty": 0, "all": 2}
    assert LargeTablePaginator(Payment.objects.filter(pk__in=[]), 25).count == 0


def test_an_empty_queue_of_judgments_is_a_page_with_none(superuser_client):
    """ "Paid within a month" filters on a list of ids, empty when no judgment was paid."""
    response = superuser_client.get(
        reverse("admin:civil_claims_judgment_changelist") + "?queue=paid_within_month"
    )

    assert response.status_code == 200
    assert "0 judgments" in response.content.decode()


def test_the_pages_past_the_count_are_whole_pages(monkeypatch):
    monkeypatch.setattr(admin_lists, "COUNT_AT_MOST", 3)
    payments = _payments(7)
    rows = Payment.objects.filter(service="tribunal_fees").order_by("pk")
    paginator = LargeTablePaginator(rows, 2)

    assert (paginator.count, paginator.count_capped) == (4, True)
    pages = {n: [p.pk for p in paginator.page(n).object_list] for n in (1, 2, 3, 4, 5)}
    assert pages == {
        1: [payments[0].pk, payments[1].pk],
        2: [payments[2].pk, payments[3].pk],
        3: [payments[4].pk, payments[5].pk],
        4: [payments[6].pk],
        5: [],
    }


def test_a_list_counted_exactly_keeps_djangos_pages(monkeypatch):
    from django.core.paginator import EmptyPage

    monkeypatch.setattr(admin_lists, "COUNT_AT_MOST", 10)
    _payments(3)
    paginator = LargeTablePaginator(Payment.objects.filter(service="tribunal_fees"), 2)

    assert [len(paginator.page(n).object_list) for n in (1, 2)] == [2, 1]
    with pytest.raises(EmptyPage):
        paginator.page(3)


def test_a_long_queue_can_be_paged_past_its_count_and_selected_across(
    superuser_client, monkeypatch
):
    monkeypatch.setattr(admin_lists, "COUNT_AT_MOST", 3)
    monkeypatch.setattr(admin.site._registry[Payment], "list_per_page", 2)
    payments = _payments(7)
    url = reverse("admin:payments_payment_changelist") + "?service=tribunal_fees&o=1"

    response = superuser_client.get(url + "&p=3")

    assert response.status_code == 200
    page = response.content.decode()
    shown = [p.reference for p in payments if p.reference in page]
    assert shown == [payments[4].reference, payments[5].reference]
    assert "More than 3 payments" in page
    assert "Select all the payments that match (more than 3)" in page
    assert "All the payments that match selected (more than 3)" in page
    assert "Select all 4" not in page and "All 4 selected" not in page


def test_a_short_list_says_djangos_select_all(superuser_client, monkeypatch):
    monkeypatch.setattr(admin.site._registry[Payment], "list_per_page", 2)
    _payments(3)

    page = superuser_client.get(
        reverse("admin:payments_payment_changelist") + "?service=tribunal_fees"
    ).content.decode()

    assert "Select all 3 payments" in page
    assert "that match" not in page
