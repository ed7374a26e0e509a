"""The session store: Django's database sessions, an existing session saved in one statement.

``SESSION_SAVE_EVERY_REQUEST`` (the inactivity timeout moves on with each page) saves the
session on every request. Django's database store wraps that save in ``transaction.atomic()``
(``BEGIN``, ``UPDATE``, ``COMMIT``: three round trips) to recover from a clash when it
*creates* a session. Updating one is a single ``UPDATE``, atomic on its own, and a session
that has gone meanwhile (signed out elsewhere, cleared) raises ``UpdateError`` as Django's
does; creating one still goes through Django's code.

Nor is an unchanged session written again when the last write is very recent: a page within
a minute of the last save (or 1/30 of the session's age, if that is less) leaves the row as it
is, so a signed-in person clicking through a journey costs one ``UPDATE`` a minute rather than
one a page. The session can then end up to that minute before the full inactivity time after
the last page, never after it; the page's timeout warning counts from the stored end
(``inactivity_seconds_left``), so it stays true. A changed session, "Stay signed in" included
(it marks the session changed), is always saved.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import router
from django.utils import timezone

SAVE_AT_MOST_EVERY = timedelta(seconds=60)


class SessionStore(DatabaseSessionStore):
    _stored_expiry = None  # the row's expire_date as read, if it was read

    def _get_session_from_db(self):
        found = super()._get_session_from_db()
        if found is not None:
            self._stored_expiry = found.expire_date
        return found

    def _saved_recently(self) -> bool:
        """Unchanged, and the stored end is within the window of the one a save would set."""
        if self.modified or self._stored_expiry is None:
            return False
        window = min(SAVE_AT_MOST_EVERY, timedelta(seconds=self.get_expiry_age() / 30))
        return self.get_expiry_date() - self._stored_expiry < window

    def inactivity_seconds_left(self) -> int:
        """Seconds until the session ends after this page, as it will be stored."""
        end = self._stored_expiry if self._saved_recently() else self.get_expiry_date()
        return max(0, round((end - timezone.now()).total_seconds()))

    def save(self, must_create=False):
        if must_create or self.session_key is None:
            return super().save(must_create=must_create)
        if self._saved_recently():
            return
        obj = self.create_model_instance(self._get_session())
        using = router.db_for_write(self.model, instance=obj)
        updated = (
            self.model.objects.using(using)
            .filter(session_key=obj.session_key)
            .update(session_data=obj.session_data, expire_date=obj.expire_date)
        )
        if not updated:
            raise UpdateError
        self._stored_expiry = obj.expire_date
