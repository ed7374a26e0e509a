"""The site's URLs plus views that fail, for testing the error pages."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from digital_services.urls import handler403, handler404, handler500, urlpatterns

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]


def _denied(request):
    raise PermissionDenied


def _broken(request):
    raise RuntimeError("something broke")


urlpatterns = [
    path("test-errors/denied/", _denied),
    path("test-errors/broken/", _broken),
    *urlpatterns,
]
