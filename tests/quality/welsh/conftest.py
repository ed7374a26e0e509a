"""Fixtures for the Welsh walk: the same URLs and example services as the a11y walk."""

from tests.quality.a11y.conftest import (  # noqa: F401 - fixtures
    URLCONF,
    _example_services,
    _quality_urls,
)
