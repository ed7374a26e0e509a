"""Fixtures for the bad-input tests: the same URLs and example services as the a11y walk."""

import pytest

from tests.quality.a11y.conftest import (  # noqa: F401 - fixtures
    URLCONF,
    _example_services,
    _quality_urls,
)


@pytest.fixture
def fresh_limits():
    """``fresh_limits()`` forgets rate limits and lockouts, so every generated example
    reaches the form (hypothesis posts many times inside one test)."""
    from axes.utils import reset
    from django.core.cache import cache

    def _fresh():
        cache.clear()
        reset()

    return _fresh
