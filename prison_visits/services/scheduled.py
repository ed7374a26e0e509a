"""Scheduled jobs: reminders, and anonymising old visits."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db import transaction
from django.utils import timezone

from digital_services.audit.services import audit_record

from .. import emails
from ..constants import (
    REMOVED,
    SERVICE_SLUG,
    VisitStatus,
)
from ..models import Visit, VisitEvent, Visitor
from .common import _event, _notify

# ---------------------------------------------------------------- scheduled jobs


def visit_reminders_send(*, for_date: date) -> int:
    """Remind the lead visitor of each visit booked on ``for_date`` (the day before it).

    Each visit is reminded once (``reminder_sent_at``); a visit another worker
    is reminding at the same moment is skipped. Returns how many were sent.
    """
    ids = list(
        Visit.objects.filter(
            status=VisitStatus.BOOKED, slot_date=for_date, reminder_sent_at__isnull=True
        ).values_list("pk", flat=True)
    )
    sent = 0
    for pk in ids:
        with transaction.atomic():
            visit = (
                Visit.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("prison")
                .filter(pk=pk, status=VisitStatus.BOOKED, reminder_sent_at__isnull=True)
                .first()
            )
            if visit is None:
                continue
            now = timezone.now()
            visit.reminder_sent_at = now
            visit.save(update_fields=["reminder_sent_at", "updated_at"])
            _event(visit, VisitEvent.Kind.REMINDER, at=now)
            visitors = list(visit.visitors.order_by("position"))
            _notify(visit, "reminder", emails.reminder(visit=visit, visitors=visitors))
            sent += 1
    return sent


ANONYMISED_DATE = date(1, 1, 1)


def visits_anonymise(*, before: date) -> int:
    """Remove the personal details of visits dated before ``before`` (PRISON_VISITS_ANONYMISE_AFTER_DAYS).

    The nightly retention job does this through the service's retention rule
    (``prison_visits.retention``), in batches; this is the same for one date.
    Returns how many visits were anonymised.
    """
    with transaction.atomic():
        visits = Visit.objects.select_for_update().filter(
            visit_date__lt=before, anonymised_at__isnull=True
        )
        ids = list(visits.values_list("pk", flat=True))
        if not ids:
            return 0
        visits_anonymise_ids(ids=ids)
    return len(ids)


def visits_anonymise_ids(*, ids: Sequence[int]) -> int:
    """Remove the personal details of these visits (one retention batch, in a transaction).

    Names and prison numbers become "REMOVED", dates of birth 1 January 0001,
    contact details, staff notes and messages are wiped, and so are the emails, texts
    and letters about the visits in the outbox (their delivery status stays) and the
    visits' field history. The rows stay, with their prison, dates, status and
    reasons, so the counts behind the KPIs survive. Visits already anonymised are
    left alone. Returns how many visits were anonymised.
    """
    from django.contrib.contenttypes.models import ContentType

    from digital_services.notifications.models import OutboundMessage

    ids = list(
        Visit.objects.select_for_update()
        .filter(pk__in=ids, anonymised_at__isnull=True)
        .values_list("pk", flat=True)
    )
    if not ids:
        return 0
    now = timezone.now()
    Visit.objects.filter(pk__in=ids).update(
        prisoner_first_name=REMOVED,
        prisoner_last_name=REMOVED,
        prisoner_number=REMOVED,
        prisoner_date_of_birth=ANONYMISED_DATE,
        contact_email="",
        contact_phone="",
        postal_address="",
        rejection_detail="",
        anonymised_at=now,
        updated_at=now,
    )
    Visitor.objects.filter(visit_id__in=ids).update(
        first_name=REMOVED,
        last_name=REMOVED,
        date_of_birth=ANONYMISED_DATE,
        exclusion_detail="",
    )
    VisitEvent.objects.filter(visit_id__in=ids).update(message="")
    Visit.history.filter(id__in=ids).delete()  # old versions hold the personal details
    OutboundMessage.objects.filter(
        content_type=ContentType.objects.get_for_model(Visit),
        object_id__in=[str(pk) for pk in ids],
    ).update(recipient="", personalisation={}, last_error="")
    VisitEvent.objects.bulk_create(
        [VisitEvent(visit_id=pk, kind=VisitEvent.Kind.ANONYMISED, occurred_at=now) for pk in ids]
    )
    audit_record(
        action="prison_visits.visits.anonymised",
        service=SERVICE_SLUG,
        detail={"count": len(ids)},
    )
    return len(ids)
