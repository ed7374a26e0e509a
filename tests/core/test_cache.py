"""The Redis cache fails open: an outage is a miss, not a 500."""

import os
import socket

import pytest

from digital_services.core.cache import FailOpenRedisCache


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def unreachable_cache():
    return FailOpenRedisCache(
        f"redis://127.0.0.1:{_closed_port()}/0",
        {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}},
    )


def test_an_unreachable_cache_answers_every_read_as_a_miss(unreachable_cache):
    assert unreachable_cache.get("k", "default") == "default"
    assert unreachable_cache.get_many(["a", "b"]) == {}
    assert unreachable_cache.has_key("k") is False


def test_an_unreachable_cache_drops_writes_and_opens_a_fresh_rate_limit_window(unreachable_cache):
    unreachable_cache.set("k", "v")
    unreachable_cache.delete("k")
    unreachable_cache.set_many({"a": 1})
    assert unreachable_cache.add("window", 0) is True
    assert unreachable_cache.incr("window", 3) == 3
    unreachable_cache.clear()


def test_an_unreachable_cache_logs_the_outage(unreachable_cache, caplog, monkeypatch):
    monkeypatch.setattr("digital_services.core.cache._last_logged", 0.0)
    unreachable_cache.get("k")
    assert "Redis cache unreachable" in caplog.text


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs the test Redis (make test)")
def test_a_reachable_cache_behaves_like_djangos_redis_cache():
    cache = FailOpenRedisCache(os.environ["REDIS_URL"].rsplit("/", 1)[0] + "/15", {})
    cache.clear()
    assert cache.add("k", 1) is True
    assert cache.add("k", 2) is False
    assert cache.incr("k", 5) == 6
    assert cache.get("k") == 6
    with pytest.raises(ValueError):
        cache.incr("missing")
    cache.clear()
