import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from digital_services.core import registry
from tests.conftest import sign_in
from tests.journeys.example import SERVICE as EXAMPLE_SERVICE


@pytest.fixture(autouse=True)
def _queries_settings(settings):
    settings.GOVUK_PAY_API_KEY = ""
    settings.PAYMENTS_PROVIDER = "sandbox"
    settings.SITE_URL = "http://testserver"


@pytest.fixture(autouse=True)
def _example_service(monkeypatch):
    monkeypatch.setitem(
        registry._services,
        EXAMPLE_SERVICE,
        registry.Service(
            slug=EXAMPLE_SERVICE,
            name="Example service",
            description="For tests",
            start_url_name="example:start",
            order=999,
        ),
    )


def queries_for(client, url: str) -> tuple[int, object]:
    """How many queries one GET of ``url`` makes (after a first GET to warm caches)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return len(captured.captured_queries), response


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        email="queries-admin@example.com", password="a-long-password-1"
    )
    return sign_in(client, user, second_factor=True)


def measured(client, url: str, ceiling: int, assert_max_num_queries) -> tuple[int, object]:
    """One GET of ``url`` (after a warm-up GET) under ``ceiling`` queries; returns the count."""
    client.get(url)
    with assert_max_num_queries(ceiling) as captured:
        response = client.get(url)
    return len(captured.captured_queries), response


#: The test's own transaction turns a page's top-level ``transaction.atomic()`` (the session
#: save) into a savepoint: statements production does not run.
TEST_ONLY = ("SAVEPOINT ", "RELEASE SAVEPOINT ", "ROLLBACK TO SAVEPOINT ")


def production_queries_for(client, url: str) -> tuple[int, object]:
    """``queries_for`` without the savepoint statements only a test's transaction adds."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    queries = [q for q in captured.captured_queries if not q["sql"].startswith(TEST_ONLY)]
    return len(queries), response
