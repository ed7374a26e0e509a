from django.contrib.auth.decorators import login_required
from django.urls import path

from digital_services.journeys.urls import journey_urlpatterns

from . import views
from .journeys import APPLY

app_name = "example_service"

urlpatterns = [
    path("", views.start, name="start"),
    path("sent/<str:token>/", views.confirmation, name="confirmation"),
    path(
        "applications/<str:reference>/",
        login_required(views.application_detail),
        name="application-detail",
    ),
    *journey_urlpatterns(APPLY),
]
