"""Two tabs start the same payment while the first tab's new payment is not yet committed.

``test_two_tabs_starting_at_the_same_moment_make_one_payment`` (test_services.py)
releases both tabs together, but the first tab's insert commits within milliseconds,
so the second tab almost always finds it with its ``select_for_update`` and the
database constraint is never needed: the test passes without it. Here the first tab is
held inside its transaction right after its insert (a ``post_save`` receiver waits on an
event) while the second tab runs. The second tab cannot see the uncommitted row, so
nothing but the database's unique constraints stops it inserting a second live payment
(one live payment per case and purpose): its insert waits for the first tab, fails,
and it resumes the first tab's payment.

The hold is on the insert, not inside the provider's ``create``: ``payment_start``
commits the new payment before it calls the provider, so a tab held there has
nothing uncommitted and the second tab would simply wait on the row lock.
"""

import threading

import pytest
from django.db import connection, connections
from django.db.models.signals import post_save

from digital_services.payments.models import Payment, SandboxPayment

WAIT_SECONDS = 10


def _backends_waiting_on_a_lock() -> int:
    with connections["default"].cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_a_second_tab_racing_an_uncommitted_first_payment_resumes_it(start, case):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's partial unique index and pg_stat_activity")
    inserted = threading.Event()
    release = threading.Event()
    second_done = threading.Event()
    first_thread: list[threading.Thread] = []
    urls: dict[str, str] = {}
    errors: dict[str, BaseException] = {}

    def hold_first_insert(sender, instance, created, **kwargs):
        if created and threading.current_thread() in first_thread:
            inserted.set()
            release.wait(WAIT_SECONDS)  # the first tab's transaction stays open here

    def tab(name, done=None):
        try:
            urls[name] = start(for_case=case)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors[name] = exc
        finally:
            connections.close_all()
            if done is not None:
                done.set()

    post_save.connect(hold_first_insert, sender=Payment, weak=False)
    try:
        first = threading.Thread(target=tab, args=("first",))
        first_thread.append(first)
        first.start()
        assert inserted.wait(WAIT_SECONDS), "the first tab never inserted its payment"
        second = threading.Thread(target=tab, args=("second", second_done))
        second.start()
        # Let the first tab commit once the second has finished (no constraint: it
        # inserted a payment of its own) or is waiting on the constraint's index.
        for _ in range(int(WAIT_SECONDS / 0.05)):
            if second_done.wait(0.05) or _backends_waiting_on_a_lock():
                break
        release.set()
        first.join(WAIT_SECONDS * 2)
        second.join(WAIT_SECONDS * 2)
    finally:
        release.set()
        post_save.disconnect(hold_first_insert, sender=Payment)

    assert errors == {}
    assert Payment.objects.count() == 1, (
        f"two tabs made {Payment.objects.count()} live payments for one fee (a double charge)"
    )
    assert urls["first"] == urls["second"]
    assert SandboxPayment.objects.count() == 1
