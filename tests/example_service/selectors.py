"""Reads for the example service, narrowed to what the viewer may see."""

from __future__ import annotations

from django.urls import reverse

from digital_services.core.registry import CaseSummary

from .models import LicenceApplication


def licence_application_for_owner(*, user, reference: str) -> LicenceApplication | None:
    """The signed-in user's own application with this reference, or None."""
    if user is None or not user.is_authenticated:
        return None
    return LicenceApplication.objects.filter(user=user, reference=reference).first()


def licence_cases(user) -> list[CaseSummary]:
    """The user's applications for "Your applications" (the registry's ``list_cases``)."""
    if user is None or not user.is_authenticated:
        return []
    return [
        CaseSummary(
            reference=application.reference,
            title=f"Example licence for {application.activity}",
            status=application.get_status_display(),
            url=reverse("example_service:application-detail", args=[application.reference]),
            updated_at=application.updated_at,
        )
        for application in LicenceApplication.objects.filter(user=user).order_by("-updated_at")[:50]
    ]
