"""A bounded per-process memo, for pure functions of their key (docs/performance.md).

The key must hold everything the value depends on (the URL configuration, the date, the
answers...). When the memo is full it starts again empty: simpler than an LRU, and the entries
are cheap to work out again."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any


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
