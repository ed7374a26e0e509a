"""What the accessibility walk checks on each page, in headless Chromium.

Each check returns a list of problems (strings naming the page), so one test can walk a
whole journey and report everything it found at once.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

# axe-core, pinned in package.json and copied here by `npm run build`.
# WCAG 2.0, 2.1 and 2.2, levels A and AA (axe-core's tags; 2.2 adds only AA rules).
from tests.browser_support import (  # noqa: E402 - one place for the pinned axe-core
    AXE_PATH,
    request_failure_matters,
)

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}"""
# Runs before the page's own scripts: records CSP violations, which the page's CSP sends
# as events (an init script is not itself subject to the page's CSP).
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""
_PROBLEMS = "_quality_problems"


def context_prepare(context, *, javascript: bool = True) -> None:
    """Give a browser context axe-core and the CSP recorder (with JavaScript on)."""
    context.set_default_timeout(10_000)
    if javascript:
        # axe comes in as an init script, which the page's CSP does not apply to: the
        # page keeps its real CSP, so the same load also shows any CSP violation.
        context.add_init_script(path=str(AXE_PATH))
        context.add_init_script(RECORD_CSP_VIOLATIONS)


def _wait_until(page: Page, expression: str, arg=None, *, timeout: float = 2.0) -> bool:
    """Poll ``expression`` (a JS function) until it is true. Playwright's
    wait_for_function evaluates its predicate with eval(), which the site's CSP blocks
    (and reports as a violation); evaluate() goes through the debugger protocol instead."""
    deadline = time.monotonic() + timeout
    while True:
        if page.evaluate(expression, arg):
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)


def page_watch(page: Page) -> Page:
    """Record console errors, uncaught exceptions and failed sub-resources of ``page``."""
    problems: list[str] = []
    setattr(page, _PROBLEMS, problems)
    page.on(
        "console",
        lambda m: (
            m.type == "error"
            # the page's own 4xx status; failed sub-resources are reported below
            and not m.text.startswith("Failed to load resource")
            and problems.append(f"console: {m.text}")
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    page.on(
        "response",
        lambda r: (
            r.status >= 400
            and r.request.resource_type != "document"
            and problems.append(f"HTTP {r.status}: {r.url}")
        ),
    )
    page.on(
        "requestfailed",
        lambda r: request_failure_matters(r) and problems.append(f"failed to load: {r.url}"),
    )
    return page


def path_of(page: Page) -> str:
    parts = urlsplit(page.url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def runtime_problems(page: Page) -> list[str]:
    """Console errors, exceptions, failed loads and CSP violations since the last call."""
    problems = getattr(page, _PROBLEMS)
    found = list(problems)
    problems.clear()
    try:
        found += [f"CSP: {v}" for v in page.evaluate("window.__cspViolations.splice(0)")]
    except PlaywrightError as exc:
        found.append(f"could not read CSP violations: {exc}")
    return found


def axe_violations(page: Page) -> list[str]:
    violations = page.evaluate(_AXE_RUN, AXE_TAGS)
    return [
        f"axe {v['id']} ({v['impact']}): {v['help']} at {'; '.join(v['targets'])}"
        for v in violations
    ]


def structure_problems(page: Page) -> list[str]:
    """One h1, a language, unique ids, and "Error: " in the title exactly when there is an
    error summary."""
    problems = []
    h1_count = page.locator("h1").count()
    if h1_count != 1:
        problems.append(f"{h1_count} <h1> elements (a page has exactly one)")
    lang = page.evaluate("document.documentElement.lang")
    if not lang:
        problems.append("<html> has no lang attribute")
    title = page.title()
    has_summary = page.locator(".govuk-error-summary").count() > 0
    if has_summary and not title.startswith("Error: "):
        problems.append(f"an error summary is shown but the title is {title!r}")
    if not has_summary and title.startswith("Error: "):
        problems.append(f"the title says {title!r} but there is no error summary")
    if not title.strip():
        problems.append("the page has no <title>")
    for element_id, count in page.evaluate(_DUPLICATE_IDS):
        problems.append(f'id "{element_id}" is used {count} times (an id must be unique)')
    return problems


#: WCAG 1.4.10 reflow: the narrowest width a page must work at without scrolling sideways.
REFLOW_WIDTH = 320
_SCROLL_WIDTH = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"


def reflow_problems(page: Page) -> list[str]:
    """At 320 CSS px wide the page must not scroll sideways (WCAG 1.4.10); the page's own
    size is put back afterwards."""
    size = page.viewport_size
    if not size:
        return []
    try:
        page.set_viewport_size({"width": REFLOW_WIDTH, "height": size["height"]})
        scroll_width, client_width = page.evaluate(_SCROLL_WIDTH)
    finally:
        page.set_viewport_size(size)
    if scroll_width > client_width:
        return [f"at {REFLOW_WIDTH}px wide the page scrolls sideways ({scroll_width}px of content)"]
    return []


# axe-core no longer reports duplicate ids (WCAG 2.2 dropped 4.1.1 Parsing), but a
# label, an error-summary link or aria-describedby pointing at a doubled id reaches
# the first element only.
_DUPLICATE_IDS = """() => {
    const counts = new Map();
    for (const element of document.querySelectorAll("[id]")) {
        counts.set(element.id, (counts.get(element.id) || 0) + 1);
    }
    return [...counts].filter(([, count]) => count > 1);
}"""


def error_summary_problems(page: Page) -> list[str]:
    """The error summary has focus, and each of its links moves focus to its field."""
    problems = []
    summary = page.locator(".govuk-error-summary")
    if summary.count() == 0:
        return ["the form was sent empty but no error summary is shown"]
    if not _wait_until(
        page,
        "() => !!(document.activeElement && document.activeElement.closest('.govuk-error-summary'))",
        timeout=3.0,
    ):
        active = page.evaluate("document.activeElement && document.activeElement.outerHTML")
        problems.append(f"the error summary does not take focus (focus is on {str(active)[:80]})")
    links = summary.locator(".govuk-error-summary__list a")
    if links.count() == 0:
        problems.append("the error summary has no links to the fields")
    for index in range(links.count()):
        link = links.nth(index)
        href = link.get_attribute("href") or ""
        text = " ".join(link.inner_text().split())
        if not href.startswith("#") or len(href) < 2:
            problems.append(f"error summary link {text!r} goes to {href!r}, not to a field")
            continue
        target_id = href[1:]
        target = page.locator(f'[id="{target_id}"]')
        if target.count() != 1:
            problems.append(f"error summary link {text!r}: no element with id {target_id!r}")
            continue
        link.click()
        if not _wait_until(page, "(id) => document.activeElement.id === id", target_id):
            active = page.evaluate("document.activeElement.id || document.activeElement.tagName")
            problems.append(
                f"error summary link {text!r} did not move focus to #{target_id} (focus: {active})"
            )
    return problems


def skip_link_problems(page: Page) -> list[str]:
    """Tab reaches the skip link first (after the cookie banner, which GOV.UK puts before
    it), and Enter moves focus to the main content."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for _ in range(8):
        page.keyboard.press("Tab")
        in_banner = page.evaluate(
            "!!(document.activeElement && document.activeElement.closest('.govuk-cookie-banner'))"
        )
        if not in_banner:
            break
    is_skip_link = page.evaluate(
        "document.activeElement.classList.contains('govuk-skip-link')"
        " && document.activeElement.getAttribute('href') === '#main-content'"
    )
    if not is_skip_link:
        active = page.evaluate("document.activeElement.outerHTML.slice(0, 80)")
        return [f"the first focusable element is not the skip link but {active}"]
    page.keyboard.press("Enter")
    moved = _wait_until(page, "() => document.activeElement.id === 'main-content'")
    # Leave no #main-content in the address: a form with no action posts to the
    # document's address, fragment and all, and the browser's jump to the fragment on
    # the next page would take focus from that page's error summary.
    page.evaluate("() => history.replaceState(null, '', location.pathname + location.search)")
    return [] if moved else ["the skip link does not move focus to #main-content"]


def page_report(page: Page, *, after_empty_post: bool = False) -> list[str]:
    """Every check for the page now in ``page``; problems are prefixed with its path."""
    where = path_of(page)
    problems = runtime_problems(page)
    if after_empty_post:
        if page.locator(".govuk-error-summary").count():
            problems += error_summary_problems(page)
    else:
        problems += skip_link_problems(page)
    problems += axe_violations(page)
    problems += structure_problems(page)
    problems += reflow_problems(page)
    return [f"{where}: {problem}" for problem in problems]


class BrowserDriver:
    """The journey walker's ``Driver`` over a Playwright page (JavaScript on or off)."""

    def __init__(self, page: Page):
        self.page = page

    def goto(self, path: str) -> None:
        self.page.goto(path)

    def path(self) -> str:
        return path_of(self.page)

    def html(self) -> str:
        return self.page.content()

    def _form(self):
        return self.page.locator('main form[method="post"]').first

    def submit(self, data: dict | None) -> None:
        """Fill in the main form (``None``: empty every field) and press its first button.

        Uses only Playwright's input actions (no page scripts), so it works with
        JavaScript off too.
        """
        form = self._form()
        if data is None:
            for control in form.locator("input, textarea").all():
                kind = (control.get_attribute("type") or "text").lower()
                if not control.is_visible():
                    continue  # inside a conditional reveal that is closed: nobody can type there
                if kind == "checkbox":
                    control.set_checked(False, force=True)
                elif kind not in ("radio",) and kind not in (
                    "hidden",
                    "submit",
                    "button",
                    "image",
                    "reset",
                    "file",  # empty already: no file is chosen until someone picks one
                ):
                    control.fill("")
        else:
            for name, value in data.items():
                values = [str(v) for v in (value if isinstance(value, list | tuple) else [value])]
                controls = form.locator(f'[name="{name}"]')
                if controls.count() == 0:
                    raise AssertionError(f"{self.path()}: no field named {name!r} to fill in")
                kind = (controls.first.get_attribute("type") or "").lower()
                if kind in ("radio", "checkbox"):
                    for control in controls.all():
                        wanted = (control.get_attribute("value") or "on") in values
                        control.set_checked(wanted, force=True)
                elif form.locator(f'select[name="{name}"]').count():
                    controls.first.select_option(values)
                elif kind == "hidden":
                    raise AssertionError(f"{self.path()}: the example sets hidden field {name!r}")
                elif values[0] == "" and not controls.first.is_visible():
                    continue  # an empty answer in a closed conditional reveal: leave it
                else:
                    controls.first.fill(values[0])
        button = form.locator('button[type="submit"], input[type="submit"]').first
        with self.page.expect_navigation():
            button.click()

    def follow(self, href: str) -> None:
        link = self.page.locator(f'a[href="{href}"]').first
        with self.page.expect_navigation():
            link.click()
