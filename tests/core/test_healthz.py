from unittest import mock

import pytest


@pytest.mark.django_db
def test_healthz_is_ok_when_database_and_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_healthz_is_503_when_the_cache_is_down(client):
    with mock.patch("digital_services.core.views.cache.set", side_effect=ConnectionError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "error: ConnectionError"


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_is_down(client):
    with mock.patch(
        "digital_services.core.views.connection.cursor", side_effect=RuntimeError("down")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error: RuntimeError"


def test_healthz_live_answers_without_touching_the_database_or_the_cache(client):
    """No django_db mark: any query fails the test. The cache is made to explode too."""
    from django.core.cache import cache

    with (
        mock.patch.object(cache, "get", side_effect=AssertionError("cache read")),
        mock.patch.object(cache, "set", side_effect=AssertionError("cache write")),
    ):
        response = client.get("/healthz/live")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
