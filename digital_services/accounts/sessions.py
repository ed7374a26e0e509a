"""The session store: Django's database sessions, an existing session saved in one statement.

``SESSION_SAVE_EVERY_REQUEST`` (the inactivity timeout moves on with each page) saves the
session on every request. Django's database store wraps that save in ``transaction.atomic()``
(``BEGIN``, ``UPDATE``, ``COMMIT``: three round trips) to recover from a clash when it
*creates* a session. Updating one is a single ``UPDATE``, atomic on its own, and a session
that has gone meanwhile (signed out elsewhere, cleared) raises ``UpdateError`` as Django's
does; creating one still goes through Django's code.
"""

from __future__ import annotations

from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import router


class SessionStore(DatabaseSessionStore):
    def save(self, must_create=False):
        if must_create or self.session_key is None:
            return super().save(must_create=must_create)
        obj = self.create_model_instance(self._get_session())
        using = router.db_for_write(self.model, instance=obj)
        updated = (
            self.model.objects.using(using)
            .filter(session_key=obj.session_key)
            .update(session_data=obj.session_data, expire_date=obj.expire_date)
        )
        if not updated:
            raise UpdateError
