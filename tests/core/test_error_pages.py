"""GOV.UK error pages for 404, 403, CSRF failures and 500."""

from unittest import mock

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from digital_services.core import views

from .govuk_page import assert_govuk_layout, page_parse


@pytest.fixture
def error_urls(settings):
    settings.ROOT_URLCONF = "tests.core.urls_errors"


@pytest.mark.django_db
def test_missing_page_shows_page_not_found(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = assert_govuk_layout(response.content)
    assert page.text_of("h1") == "Page not found"
    assert page.text_of("title").startswith("Page not found –")


@pytest.mark.django_db
def test_forbidden_page_shows_you_do_not_have_access(client, error_urls):
    response = client.get("/test-errors/denied/")
    assert response.status_code == 403
    page = assert_govuk_layout(response.content)
    assert page.text_of("h1") == "You do not have access to this page"


@pytest.mark.django_db
def test_csrf_failure_shows_a_page_with_a_way_forward():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("core:cookies"), {"analytics": "yes"})
    assert response.status_code == 403
    page = assert_govuk_layout(response.content)
    assert page.text_of("h1") == "Sorry, there is a problem"
    assert reverse("core:start") in page.hrefs()


@pytest.mark.django_db
def test_server_error_shows_sorry_there_is_a_problem(client, error_urls):
    client.raise_request_exception = False
    response = client.get("/test-errors/broken/")
    assert response.status_code == 500
    page = assert_govuk_layout(response.content)
    assert page.text_of("h1") == "Sorry, there is a problem with the service"
    assert reverse("core:contact") in page.hrefs()


def test_server_error_page_needs_neither_the_database_nor_context_processors():
    # No django_db mark: any query fails this test. A broken context processor must not matter.
    request = RequestFactory().get("/anything/")
    with mock.patch(
        "digital_services.core.context_processors.site", side_effect=RuntimeError("down")
    ) as site:
        response = views.server_error(request)
    assert response.status_code == 500
    assert not site.called
    page = page_parse(response.content)
    assert page.text_of("h1") == "Sorry, there is a problem with the service"
    assert not page.find_all("script")
