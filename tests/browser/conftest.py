"""The browser fixtures live in tests/browser_support.py and are registered once, by
tests/conftest.py, for every folder: do not import them into another conftest (a
second session-scoped ``browser`` would start a second Playwright, which fails)."""

from tests.browser_support import (  # noqa: F401 - plain helpers, re-exported for tests
    AXE_PATH,
    CHROMIUM_ARGS,
    page_problems,
)
