"""Audit events are append-only, whichever way a change is attempted."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError

from digital_services.audit.models import AuditEvent, AuditEventImmutableError

pytestmark = pytest.mark.django_db


def test_saving_an_existing_audit_event_is_refused(audit_event):
    audit_event.action = "visit.cancelled"
    with pytest.raises(AuditEventImmutableError):
        audit_event.save()
    assert AuditEvent.objects.get(pk=audit_event.pk).action == "visit.booked"


def test_deleting_an_audit_event_is_refused(audit_event):
    with pytest.raises(AuditEventImmutableError):
        audit_event.delete()
    assert AuditEvent.objects.filter(pk=audit_event.pk).exists()


def test_queryset_update_of_audit_events_is_refused(audit_event):
    with pytest.raises(AuditEventImmutableError):
        AuditEvent.objects.filter(pk=audit_event.pk).update(action="visit.cancelled")
    with pytest.raises(AuditEventImmutableError):
        AuditEvent.objects.update(service="")
    assert AuditEvent.objects.get(pk=audit_event.pk).action == "visit.booked"


def test_queryset_delete_of_audit_events_is_refused(audit_event):
    with pytest.raises(AuditEventImmutableError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.count() == 1


def test_bulk_update_and_update_or_create_of_audit_events_are_refused(audit_event):
    audit_event.action = "visit.cancelled"
    with pytest.raises(AuditEventImmutableError):
        AuditEvent.objects.bulk_update([audit_event], ["action"])
    with pytest.raises(AuditEventImmutableError):
        AuditEvent.objects.update_or_create(pk=audit_event.pk, defaults={"action": "x.y"})
    assert AuditEvent.objects.get(pk=audit_event.pk).action == "visit.booked"


def test_a_user_with_audit_events_cannot_be_deleted(audit_event, staff_user):
    with pytest.raises(ProtectedError):
        staff_user.delete()


def test_new_audit_events_can_still_be_added(audit_event):
    AuditEvent.objects.create(action="case.viewed")
    assert AuditEvent.objects.count() == 2


def test_audit_events_have_no_field_history():
    assert not hasattr(AuditEvent, "history")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL-only")
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET action = 'visit.cancelled' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ],
)
def test_raw_sql_cannot_change_or_delete_audit_events_on_postgresql(audit_event, sql):
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [audit_event.pk])
    with connection.cursor() as cursor:
        cursor.execute("SELECT action FROM audit_auditevent WHERE id = %s", [audit_event.pk])
        assert cursor.fetchone() == ("visit.booked",)
