"""The project's URLs plus the test-only example services (tests/quality/a11y/example.py)."""

from django.urls import include, path

from digital_services.urls import handler403, handler404, handler500  # noqa: F401
from digital_services.urls import urlpatterns as project_urlpatterns
from tests.journeys.example import NAMESPACE as JOURNEYS_EXAMPLE_NAMESPACE

from .example import NAMESPACE, journeys_example_patterns, quality_patterns

urlpatterns = [
    *project_urlpatterns,
    path("quality-example/", include((quality_patterns, NAMESPACE))),
    path("example/", include((journeys_example_patterns, JOURNEYS_EXAMPLE_NAMESPACE))),
]
