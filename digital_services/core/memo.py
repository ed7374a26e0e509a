"""Memos (docs/performance.md).

``BoundedMemo``: a bounded per-process memo, for pure functions of their key. The key must hold
everything the value depends on (the URL configuration, the date, the answers...). When the
memo is full it starts again empty: simpler than an LRU, and the entries are cheap to work out
again.

``request_memo``: a value read from the database once per request, for reference data that
staff may change (a fee schedule): a journey's check page looked the same fee up once for each
step that shows or checks it. It lasts from Django's ``request_started`` to
``request_finished``; outside a request (a Celery task, a command) nothing is remembered.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import Any

from django.core.signals import request_finished, request_started


class BoundedMemo(dict):
    def __init__(self, most: int):
        super().__init__()
        self.most = most

    def get_or_set(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        try:
            return self[key]
        except KeyError:
            pass
        value = compute()
        if len(self) >= self.most:
            self.clear()
        self[key] = value
        return value


_REQUEST: ContextVar[dict | None] = ContextVar("request_memo", default=None)


def request_memo(key: Hashable, compute: Callable[[], Any]) -> Any:
    """``compute()`` once per request for ``key`` (which must say what is read, and for what),
    and every time outside a request."""
    memo = _REQUEST.get()
    if memo is None:
        return compute()
    try:
        return memo[key]
    except KeyError:
        value = memo[key] = compute()
        return value


def _request_started(**kwargs) -> None:
    _REQUEST.set({})


def _request_finished(**kwargs) -> None:
    _REQUEST.set(None)


request_started.connect(_request_started, dispatch_uid="core.memo.request_started")
request_finished.connect(_request_finished, dispatch_uid="core.memo.request_finished")
