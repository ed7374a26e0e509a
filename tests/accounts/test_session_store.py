"""The session store saves an existing session in one statement, as Django's would otherwise
in three (BEGIN, UPDATE, COMMIT), and behaves as Django's does in every other way."""

import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext

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
