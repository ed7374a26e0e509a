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

Reading the session is Django's query (the row with this key that has not expired) with its
SQL written once per process: the ORM built that one-row select on every signed-in request,
about 0.2 ms of CPU of the 0.3 ms the read cost (issue #13, docs/performance.md).
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import connections, router
from django.utils import timezone

SAVE_AT_MOST_EVERY = timedelta(seconds=60)


class SessionStore(DatabaseSessionStore):
    _stored_expiry = None  # the row's expire_date as read, if it was read
    _read_sql: dict[str, str] = {}  # per database alias

    def _get_session_from_db(self):
        """Django's ``_get_session_from_db``: the session if its key is stored and has not
        expired, otherwise ``None`` (and the key is forgotten, so a new one is made)."""
        using = router.db_for_read(self.model)
        connection = connections[using]
        sql = self._read_sql.get(using)
        if sql is None:
            meta, quote = self.model._meta, connection.ops.quote_name
            key, data, expiry = (
                quote(meta.get_field(name).column)
                for name in ("session_key", "session_data", "expire_date")
            )
            table = quote(meta.db_table)
            where = f"{key} = %s AND {expiry} > %s"
            # The model's own names, quoted; the key and the time are parameters.
            sql = f"SELECT {key}, {data}, {expiry} FROM {table} WHERE {where}"  # noqa: S608
            self._read_sql[using] = sql
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.session_key, timezone.now()])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        found = self.model(session_key=row[0], session_data=row[1], expire_date=row[2])
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
