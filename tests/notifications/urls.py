"""The site's URLs plus ours, until digital_services/urls.py includes notifications/."""

from django.urls import include, path

from digital_services.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("notifications/", include("digital_services.notifications.urls")),
    *site_urlpatterns,
]
