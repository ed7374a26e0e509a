"""The site's own URLs plus the example service under /fault-example/."""

from django.shortcuts import get_object_or_404, render
from django.urls import include, path

from digital_services.journeys.urls import journey_urlpatterns
from digital_services.urls import handler403, handler404, handler500  # noqa: F401
from digital_services.urls import urlpatterns as site_urlpatterns

from .journeys import APPLY
from .models import Application


def application_done(request, reference):
    """The confirmation page; it reads the application back from the database."""
    application = get_object_or_404(Application, reference=reference)
    return render(
        request,
        "fault_example/done.html",
        {"application": application, "page_title": "Application sent"},
    )


example_patterns = [
    *journey_urlpatterns(APPLY),
    path("done/<str:reference>/", application_done, name="done"),
]

urlpatterns = [
    *site_urlpatterns,
    path("fault-example/", include((example_patterns, "fault_example"))),
]
