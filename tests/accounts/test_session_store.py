"""The session store saves an existing session in one statement, as Django's would otherwise
in three (BEGIN, UPDATE, COMMIT), and behaves as Django's does in every other way."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from digital_services.accounts.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_saving_an_existing_session_is_one_update_and_keeps_what_was_stored():
    store = SessionStore()
    store["answer"] = "first"
    store.create()
    store["answer"] = "second"
    before = Session.objects.get(session_key=store.session_key).expire_date

    with CaptureQueriesContext(connection) as captured:
        store.save()

    assert [q["sql"].split()[0] for q in captured.captured_queries] == ["UPDATE"]
    assert SessionStore(session_key=store.session_key)["answer"] == "second"
    # The inactivity timeout moves on with the save.
    assert Session.objects.get(session_key=store.session_key).expire_date > before


def test_a_session_that_has_gone_meanwhile_is_not_brought_back():
    store = SessionStore()
    store["answer"] = "kept"
    store.create()
    Session.objects.filter(session_key=store.session_key).delete()

    with pytest.raises(UpdateError):
        store.save()
    assert not Session.objects.filter(session_key=store.session_key).exists()


def test_a_new_session_is_created_as_django_creates_it():
    store = SessionStore()
    store["answer"] = "new"
    store.save()

    assert store.session_key
    assert SessionStore(session_key=store.session_key)["answer"] == "new"


def test_the_site_uses_it(client, settings):
    assert settings.SESSION_ENGINE == "digital_services.accounts.sessions"


def _stored_end(store):
    return Session.objects.get(session_key=store.session_key).expire_date


def _created(answer: str = "kept") -> SessionStore:
    store = SessionStore()
    store["answer"] = answer
    store.create()
    return store


def test_an_unchanged_session_read_again_within_a_minute_is_not_written():

    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        first = _created()
        end = _stored_end(first)

        clock.move_to(start + timedelta(seconds=50))
        again = SessionStore(session_key=first.session_key)
        assert again["answer"] == "kept"
        with CaptureQueriesContext(connection) as captured:
            again.save()
        assert captured.captured_queries == []
        assert _stored_end(first) == end
        # Its page's warning counts down from the stored end, not a full age from now.
        assert again.inactivity_seconds_left() == again.get_expiry_age() - 50

        clock.move_to(start + timedelta(seconds=70))
        later = SessionStore(session_key=first.session_key)
        assert later["answer"] == "kept"
        later.save()
        assert _stored_end(first) == end + timedelta(seconds=70)
        assert later.inactivity_seconds_left() == later.get_expiry_age()


def test_a_changed_session_is_always_written():
    store = _created("first")
    again = SessionStore(session_key=store.session_key)
    again["answer"] = "second"

    with CaptureQueriesContext(connection) as captured:
        again.save()

    assert len(captured.captured_queries) == 1
    assert SessionStore(session_key=store.session_key)["answer"] == "second"


def test_a_short_session_is_written_within_a_thirtieth_of_its_age(settings):

    settings.SESSION_COOKIE_AGE = 10
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        store = _created()
        end = _stored_end(store)
        clock.move_to(start + timedelta(seconds=1))
        again = SessionStore(session_key=store.session_key)
        again.load()
        again.save()
    assert _stored_end(store) == end + timedelta(seconds=1)


def test_pages_within_a_minute_save_the_session_once(client, citizen):

    from tests.core.govuk_page import page_parse

    client.force_login(citizen)
    signed_in_client = client
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        signed_in_client.get("/")
        key = signed_in_client.session.session_key
        end = Session.objects.get(session_key=key).expire_date
        clock.move_to(start + timedelta(seconds=30))
        with CaptureQueriesContext(connection) as captured:
            page = page_parse(signed_in_client.get("/").content)
        assert not [
            q
            for q in captured.captured_queries
            if "django_session" in q["sql"] and q["sql"].startswith("UPDATE")
        ]
        assert Session.objects.get(session_key=key).expire_date == end
        seconds = int(page.find("body").attrs["data-session-timeout"])
        assert seconds == round((end - (start + timedelta(seconds=30))).total_seconds())


def test_reading_a_session_is_djangos_read():
    """The read's SQL is written once (issue #13), and finds what Django's read finds: the
    data and the stored end of a live session, nothing for an expired or unknown key (whose
    key is then forgotten, so a new one is made)."""
    from django.contrib.sessions.backends.db import SessionStore as DjangosStore

    live = SessionStore()
    live["answer"] = "kept"
    live.create()
    expired = SessionStore()
    expired["answer"] = "gone"
    expired.create()
    Session.objects.filter(session_key=expired.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )

    for key in (live.session_key, expired.session_key, "unknownkey" * 4):
        ours, djangos = SessionStore(session_key=key), DjangosStore(session_key=key)
        assert dict(ours.items()) == dict(djangos.items())
        assert ours.session_key == djangos.session_key
    read = SessionStore(session_key=live.session_key)
    with CaptureQueriesContext(connection) as captured:
        assert read["answer"] == "kept"
    assert len(captured.captured_queries) == 1
    assert read._stored_expiry == Session.objects.get(session_key=live.session_key).expire_date
    assert SessionStore(session_key=expired.session_key).get("answer") is None
