"""Visits and accounts: detach a deleted account, claim visits sent without one."""

from __future__ import annotations

from django.db import transaction

from digital_services.audit.services import audit_record

from ..constants import (
    SERVICE_SLUG,
)
from ..models import Visit


def visits_detach_user(*, user) -> int:
    """Unlink a deleted account from its visits, which are kept until they are anonymised."""
    return Visit.objects.filter(user=user).update(user=None)


def visits_claim_for_user(*, user, email: str) -> int:
    """The registry's ``claim_cases``: visits requested without an account with ``email``
    (which the user has just confirmed) become the user's, so they are in "Your
    applications". Visits someone else owns, or already anonymised, are left alone.
    Returns how many."""
    with transaction.atomic():
        visits = list(
            Visit.objects.select_for_update().filter(
                user__isnull=True, anonymised_at__isnull=True, contact_email__iexact=email
            )
        )
        for visit in visits:
            visit.user = user
            visit.save(update_fields=["user", "updated_at"])
            audit_record(
                action="prison_visits.visit.claimed",
                obj=visit,
                actor=user,
                service=SERVICE_SLUG,
                detail={"reference": visit.reference},
            )
    return len(visits)
