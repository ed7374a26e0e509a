from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from digital_services.accounts.citizens import case_owner_for_request
from digital_services.core.views import service_start_page

from . import selectors
from .journeys import APPLY, confirmation_reference
from .models import LicenceApplication
from .service import SERVICE, START_PAGE


def start(request):
    return service_start_page(
        request, SERVICE, START_PAGE, start_now_url=reverse(f"example_service:{APPLY.slug}-start")
    )


def confirmation(request, token: str):
    reference = confirmation_reference(token)
    application = LicenceApplication.objects.filter(reference=reference or "").first()
    if application is None:
        raise Http404
    return render(
        request,
        "example_service/confirmation.html",
        {"application": application, "page_title": "Application sent"},
    )


def application_detail(request, reference: str):
    # The signed-in citizen's, or the citizen a member of staff is helping.
    owner = case_owner_for_request(request)
    application = selectors.licence_application_for_owner(user=owner, reference=reference)
    if application is None:
        raise Http404
    return render(
        request,
        "example_service/application_detail.html",
        {"application": application, "page_title": f"Application {application.reference}"},
    )
