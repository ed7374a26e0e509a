"""Fixtures for the accessibility walk: pages in Chromium, the example services.

The session's Chromium (``browser``) comes from tests/browser_support.py, which
tests/conftest.py registers for every folder.
"""

import pytest
from django.conf import settings as django_settings

from digital_services.core import registry

# browser, chromium_executable and _static_files_without_manifest come from
# tests/conftest.py (tests/browser_support.py): one Playwright per test process.
from tests.journeys import example as journeys_example

from . import example
from .checks import context_prepare, page_watch

URLCONF = "tests.quality.a11y.urls"


@pytest.fixture(autouse=True)
def _quality_urls(settings):
    settings.ROOT_URLCONF = URLCONF


@pytest.fixture(autouse=True)
def _example_services(monkeypatch):
    """The test-only journeys belong to registered services, as real ones do."""
    for slug, name, start in (
        (example.SERVICE, "Book an example visit", f"{example.NAMESPACE}:start"),
        (journeys_example.SERVICE, "Example service", f"{journeys_example.NAMESPACE}:start"),
    ):
        monkeypatch.setitem(
            registry._services,
            slug,
            registry.Service(
                slug=slug, name=name, description="For tests", start_url_name=start, order=999
            ),
        )


@pytest.fixture
def new_page(browser, live_server, _static_files_without_manifest):
    """``new_page(javascript=True)``: a page in a fresh context on the live server."""
    contexts = []

    def _new_page(*, javascript: bool = True):
        context = browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
        contexts.append(context)
        context_prepare(context, javascript=javascript)
        return page_watch(context.new_page())

    yield _new_page
    for context in contexts:
        context.close()


@pytest.fixture
def sign_in_page(client, live_server):
    """``sign_in_page(page, user)`` gives the page's context a signed-in session."""

    def _sign_in(page, user):
        client.force_login(user)
        session = client.cookies[django_settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies(
            [
                {
                    "name": django_settings.SESSION_COOKIE_NAME,
                    "value": session,
                    "url": live_server.url,
                }
            ]
        )

    return _sign_in
