"""The project's URLs plus the example service under /ad-example/ (tests only)."""

from django.http import HttpResponse
from django.urls import include, path

from digital_services.journeys.urls import journey_urlpatterns
from digital_services.urls import handler403, handler404, handler500  # noqa: F401
from digital_services.urls import urlpatterns as project_urlpatterns

from .example import APPLY, NAMESPACE


def example_start(request):
    return HttpResponse("Example start page")


def example_done(request):
    return HttpResponse("Application sent")


example_patterns = [
    path("", example_start, name="start"),
    path("done/", example_done, name="done"),
    *journey_urlpatterns(APPLY),
]

urlpatterns = [
    *project_urlpatterns,
    path("ad-example/", include((example_patterns, NAMESPACE))),
]
