"""Real-browser fixtures: Debian's Chromium driven by Playwright against live_server.

Shared by every test folder (tests/conftest.py imports them): one Playwright and one
Chromium per test process, because Playwright's sync API cannot be started twice
in one process.

- ``browser`` (session): one headless Chromium for the run. Skips, saying why,
  when Chromium is not installed (``make test`` installs it with apt).
- ``browser_context_args``: options for each new context. Override it in a test
  module, e.g. ``{"bypass_csp": True}`` before injecting tests/browser/vendor/axe.min.js
  with ``page.add_script_tag(path=AXE_PATH)`` (an injected script is inline, so the
  site's CSP would otherwise block it).
- ``page``: a fresh context and page per test with ``base_url`` set to the live
  server. ``page_problems(page)`` returns console errors, uncaught exceptions,
  failed requests and CSP violations seen so far; tests assert it is empty.

Static files: pytest-django's live_server serves STATIC_URL through
django.contrib.staticfiles' StaticFilesHandler, which uses the finders
whatever DEBUG is, so no collectstatic is needed. The suite runs with
StaticFilesStorage (scripts/test.sh); we force it here too so {% static %} never
needs a manifest.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
AXE_PATH = Path(__file__).parent / "browser" / "vendor" / "axe.min.js"

# Runs in every page before the site's own scripts; records CSP violations.
_RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""
_PROBLEMS = "_app_problems"


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    path = shutil.which("chromium")
    if not path:
        pytest.skip("Chromium is not installed: apt-get install chromium (make test does this)")
    return path


@pytest.fixture(scope="session")
def browser(chromium_executable):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def _static_files_without_manifest(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def browser_context_args() -> dict:
    return {}


@pytest.fixture
def browser_context(browser, live_server, browser_context_args, _static_files_without_manifest):
    context = browser.new_context(base_url=live_server.url, **browser_context_args)
    context.set_default_timeout(10_000)
    context.add_init_script(_RECORD_CSP_VIOLATIONS)
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    problems: list[str] = []
    setattr(page, _PROBLEMS, problems)
    page.on(
        "console",
        lambda message: message.type == "error" and problems.append(f"console: {message.text}"),
    )
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and problems.append(f"HTTP {response.status}: {response.url}")
        ),
    )
    page.on(
        "requestfailed",
        lambda request: (
            request_failure_matters(request) and problems.append(f"failed: {request.url}")
        ),
    )
    yield page


def request_failure_matters(request) -> bool:
    """False for a request the browser itself cancelled because the page moved on
    (net::ERR_ABORTED, typically the favicon of a page left at once): not a site fault."""
    return "ERR_ABORTED" not in (request.failure or "")


def page_problems(page) -> list[str]:
    """Everything that went wrong in this page so far (empty when all is well)."""
    problems = list(getattr(page, _PROBLEMS))
    try:
        problems += [f"CSP: {v}" for v in page.evaluate("window.__cspViolations || []")]
    except Exception as exc:  # noqa: BLE001 - a page mid-navigation has no window to ask
        problems.append(f"could not read CSP violations: {exc}")
    return problems


def browser_session_from(browser_context, live_server, client) -> None:
    """Give the browser the session of a test ``client`` (signed in, perhaps in an assisted
    session), so the browser carries on as that client."""
    from django.conf import settings

    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    browser_context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


@pytest.fixture
def browser_sign_in(browser_context, live_server, client):
    """``sign_in(user)`` puts a signed-in session cookie into the browser."""

    def _sign_in(user):
        client.force_login(user)
        browser_session_from(browser_context, live_server, client)

    return _sign_in
