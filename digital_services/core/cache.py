"""A Redis cache that fails open: when Redis cannot be reached, the cache misses.

The cache holds nothing a request cannot do without: sessions are in the
database, lockouts (django-axes) too. What it does hold is rate-limit counters
(allauth, django-ratelimit) and cached values, and a Redis outage must not turn
sign-in or a citizen's submission into a 500 page. So connection and timeout
errors are logged and answered as a miss: ``get`` returns the default, writes are
dropped, ``add`` reports that it added (a fresh rate-limit window: the limit fails
open while axes' database lockout still applies) and ``incr`` counts from one.
``/healthz`` still reports the cache as down (its write-then-read check misses).
"""

from __future__ import annotations

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

_UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
_LOG_EVERY_SECONDS = 30.0
_last_logged = 0.0


def _on_outage(default):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except _UNREACHABLE as exc:
                _log(method.__name__, exc)
                return default(*args) if callable(default) else default

        return wrapper

    return decorate


def _log(operation: str, exc: BaseException) -> None:
    global _last_logged
    now = time.monotonic()
    if now - _last_logged >= _LOG_EVERY_SECONDS:
        _last_logged = now
        logger.warning("Redis cache unreachable (%s: %s): answering as a miss", operation, exc)


class FailOpenRedisCacheClient(RedisCacheClient):
    add = _on_outage(True)(RedisCacheClient.add)
    get = _on_outage(lambda key, default: default)(RedisCacheClient.get)
    set = _on_outage(None)(RedisCacheClient.set)
    touch = _on_outage(False)(RedisCacheClient.touch)
    delete = _on_outage(False)(RedisCacheClient.delete)
    get_many = _on_outage({})(RedisCacheClient.get_many)
    has_key = _on_outage(False)(RedisCacheClient.has_key)
    incr = _on_outage(lambda key, delta: delta)(RedisCacheClient.incr)
    set_many = _on_outage([])(RedisCacheClient.set_many)
    delete_many = _on_outage(None)(RedisCacheClient.delete_many)
    clear = _on_outage(False)(RedisCacheClient.clear)


class FailOpenRedisCache(RedisCache):
    """Django's Redis cache, answering a miss instead of raising when Redis is down."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = FailOpenRedisCacheClient
