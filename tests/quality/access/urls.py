"""The project's URLs plus the journeys tests' example journeys under /example/.

No real service has a journey yet; the example ones let the matrix check the journey
rule (and ``test_idor.py`` check drafts) the way a service's journey will be served.
"""

from django.urls import include, path

from digital_services.urls import handler403, handler404, handler500  # noqa: F401
from digital_services.urls import urlpatterns as project_urlpatterns
from tests.journeys.urls import example_patterns

urlpatterns = [
    *project_urlpatterns,
    path("example/", include((example_patterns, "example"))),
]
