"""Writes for the example service: send an application, and decide it."""

from __future__ import annotations

from django.utils.crypto import get_random_string

from digital_services.audit.services import audit_record
from digital_services.core.transitions import transition_apply

from .constants import REFERENCE_ALPHABET, REFERENCE_LENGTH, SERVICE_SLUG, LicenceStatus
from .models import LicenceApplication


def licence_application_submit(*, user, full_name: str, activity: str) -> LicenceApplication:
    """Keep a sent application under a new reference (signed-in senders own it)."""
    while True:
        reference = get_random_string(REFERENCE_LENGTH, allowed_chars=REFERENCE_ALPHABET)
        if not LicenceApplication.objects.filter(reference=reference).exists():
            break
    application = LicenceApplication.objects.create(
        reference=reference,
        user=user if user is not None and user.is_authenticated else None,
        full_name=full_name,
        activity=activity,
    )
    audit_record(action="licence.submitted", obj=application, service=SERVICE_SLUG)
    return application


def licence_application_decide(
    *, application: LicenceApplication, to: LicenceStatus, by
) -> LicenceApplication:
    """Grant or refuse a sent application, stamping who decided and when.

    Raises ``TransitionNotAllowed`` when it has already been decided.
    """
    return transition_apply(
        application,
        to=to,
        action=f"licence.{to}",
        stamp="decided",
        actor=by,
        service=SERVICE_SLUG,
    )
