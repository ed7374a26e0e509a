from django.urls import reverse

from digital_services.core.views import service_start_page

from ..service import SERVICE, START_PAGE


def start(request):
    return service_start_page(
        request, SERVICE, START_PAGE, start_now_url=reverse("lasting_power:dashboard")
    )
