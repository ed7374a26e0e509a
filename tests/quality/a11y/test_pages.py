"""Every citizen-facing page found in the URL patterns, in headless Chromium with axe-core.

Each page is opened as a visitor (or, if it sends visitors to sign in, as a signed-in
citizen) and checked for WCAG 2.0/2.1/2.2 A and AA violations, one <h1>, a language, a
<title>, the skip link, console errors, CSP violations and, at 320 CSS px wide, no sideways
scrolling (WCAG 1.4.10 reflow). A page with a form of its own
is then sent empty, and the error page is checked too: "Error: " in the title, the error
summary has focus, and each of its links moves focus to its field.
"""

import pytest
from django.urls import reverse

from tests.quality.harness import page_paths

from .checks import BrowserDriver, page_report, path_of
from .conftest import URLCONF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOT_FOUND = "/quality-this-page-does-not-exist/"
PAGES = [*page_paths(URLCONF), NOT_FOUND]


def _own_form(page, path: str):
    """The page's main form, if it posts back to this page."""
    forms = page.locator('main form[method="post"]')
    if forms.count() == 0:
        return None
    action = forms.first.get_attribute("action") or ""
    return forms.first if action in ("", path) or action.startswith(f"{path}?") else None


@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible(path, new_page, sign_in_page, citizen, client):
    probe = client.get(path)
    if probe.status_code == 405:
        pytest.skip(f"{path} answers POST only: it is not a page")
    if probe.status_code < 300 and "text/html" not in probe.get("Content-Type", ""):
        pytest.skip(f"{path} is not an HTML page ({probe.get('Content-Type')})")
    page = new_page()
    response = page.goto(path)
    if path_of(page).split("?")[0] == reverse("account_login") and path != reverse("account_login"):
        sign_in_page(page, citizen)
        response = page.goto(path)
    landed = path_of(page).split("?")[0]
    if landed != path:
        pytest.skip(f"{path} redirects to {landed}, which is checked as a page of its own")
    assert response.status < 500, f"{path} answered {response.status}"
    if path == NOT_FOUND:
        assert response.status == 404

    problems = page_report(page)
    form = _own_form(page, path)
    if form is not None and form.locator('button[type="submit"], input[type="submit"]').count():
        BrowserDriver(page).submit(None)
        problems += page_report(page, after_empty_post=True)
    assert not problems, "\n".join(problems)
