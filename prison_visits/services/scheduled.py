"""Scheduled jobs: reminders, and anonymising old visits."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from django.db import connection, transaction
from django.utils import timezone

from digital_services.audit.services import audit_record
from digital_services.notifications.services import notification_send_many

from .. import emails
from ..constants import (
    REMOVED,
    SERVICE_SLUG,
    VisitStatus,
)
from ..models import Visit, VisitEvent, Visitor
from .common import _notifications, _notify_citizen

# ---------------------------------------------------------------- scheduled jobs


#: Visits reminded per transaction: a few queries and one outbox INSERT for each batch.
REMINDERS_BATCH_SIZE = 2_000


def visit_reminders_send(*, for_date: date) -> int:
    """Remind the lead visitor of each visit booked on ``for_date`` (the day before it).

    Set-based, ``REMINDERS_BATCH_SIZE`` visits a transaction: the batch's visit rows are
    locked (skipping visits another worker is reminding at the same moment), stamped
    ``reminder_sent_at`` in one ``UPDATE``, given their timeline events and field history in
    one ``INSERT`` each, and their emails, letters and texts go into the outbox in one more,
    queued for delivery in batches once committed. Each visit is reminded once: a visit
    already stamped is not selected, so a second run sends nothing. Returns how many visits
    were reminded.
    """
    reminded = 0
    after = 0
    while True:
        with transaction.atomic():
            visits = list(
                Visit.objects.select_for_update(skip_locked=True, of=("self",))
                .select_related("prison")
                .filter(
                    status=VisitStatus.BOOKED,
                    slot_date=for_date,
                    reminder_sent_at__isnull=True,
                    pk__gt=after,
                )
                .order_by("pk")[:REMINDERS_BATCH_SIZE]
            )
            if not visits:
                return reminded
            after = visits[-1].pk
            _reminders_send(visits)
        reminded += len(visits)


def _reminders_send(visits: list[Visit]) -> None:
    """Remind these locked visits (see ``visit_reminders_send``), in the caller's transaction."""
    now = timezone.now()
    visitors: dict[int, list[Visitor]] = defaultdict(list)
    for visitor in Visitor.objects.filter(visit__in=visits).order_by("visit_id", "position"):
        visitors[visitor.visit_id].append(visitor)
    ids = [visit.pk for visit in visits]
    Visit.objects.filter(pk__in=ids).update(reminder_sent_at=now, updated_at=now)
    for visit in visits:
        visit.reminder_sent_at = visit.updated_at = now
    _reminded_record(ids, at=now)
    key = "prison_visits.reminder"
    messages = []
    for visit in visits:
        personalisation = emails.reminder(visit=visit, visitors=visitors[visit.pk])
        _notify_citizen(visit, key, personalisation)  # the rare request with neither address
        messages += _notifications(visit, key, personalisation, visitors=visitors[visit.pk])
    notification_send_many(messages=messages)


def _reminded_record(ids: list[int], *, at) -> None:
    """The visits' timeline event and field history row of a reminder, written by the database
    from the visit rows (``INSERT ... SELECT``): what ``_event`` and ``Visit.save()`` write one
    visit at a time, without building 2 × 100,000 model instances in Python."""
    event = VisitEvent._meta
    history = Visit.history.model._meta
    columns = [
        f.column
        for f in history.concrete_fields
        if f.name == "id" or not f.name.startswith("history_")
    ]
    # Table and column names come from the models' own metadata, values are parameters.
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    visits = quote(Visit._meta.db_table)
    events_sql = (
        f"INSERT INTO {quote(event.db_table)} (visit_id, kind, occurred_at, by_visitor, message) "  # noqa: S608
        f"SELECT id, %s, %s, false, '' FROM {visits} WHERE id = ANY(%s)"
    )
    history_sql = (
        f"INSERT INTO {quote(history.db_table)} ({names}, history_date, "  # noqa: S608
        f"history_change_reason, history_type, history_user_id) "
        f"SELECT {names}, %s, NULL, '~', NULL FROM {visits} WHERE id = ANY(%s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(events_sql, [VisitEvent.Kind.REMINDER, at, ids])
        cursor.execute(history_sql, [at, ids])


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
