"""Audit events: an append-only record of who did what to which case, and for whom.

Field history of case models is kept separately by django-simple-history (see
``digital_services.audit.admin.CaseHistoryAdmin``). An ``AuditEvent`` records a
business event instead ("visit.booked", "case.exported", "ad_session.started"),
with the person who did it, the citizen they acted for in assisted digital, and
where the request came from.

Rows can be added but never changed or deleted: ``save()`` refuses an existing
row, ``delete()`` refuses always, the queryset refuses ``update()``/``delete()``,
the admin has no add, change or delete permission, and on PostgreSQL a trigger
(migration 0002) rejects UPDATE and DELETE even from raw SQL.
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from digital_services.core.dates import datetime_format


class AuditEventImmutableError(Exception):
    """Raised on any attempt to change or delete an audit event."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditEventImmutableError("Audit events are append-only: they cannot be updated.")

    def delete(self):
        raise AuditEventImmutableError("Audit events are append-only: they cannot be deleted.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AuditEventImmutableError("Audit events are append-only: they cannot be updated.")

    def update_or_create(self, defaults=None, create_defaults=None, **kwargs):
        raise AuditEventImmutableError("Audit events are append-only: they cannot be updated.")

    delete.queryset_only = True  # as Django's own: no AuditEvent.objects.delete()


class AuditEvent(models.Model):
    occurred_at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        # A user with audit events is deactivated, never deleted: deleting would
        # have to change these rows, which the append-only rule forbids.
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who did it (staff, citizen, or empty for the system).",
    )
    on_behalf_of = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The citizen a member of staff was helping (assisted digital).",
    )
    action = models.CharField(max_length=100, db_index=True)
    object_type = models.CharField(max_length=100, blank=True, help_text="app_label.model")
    object_id = models.CharField(max_length=64, blank=True)
    service = models.CharField(max_length=50, blank=True, db_index=True)
    ip = models.GenericIPAddressField("IP address", null=True, blank=True)
    user_agent = models.CharField(max_length=255, blank=True)
    detail = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        base_manager_name = "objects"
        default_permissions = ("view",)
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="audit_object_idx"),
            # The staff list filtered by service or by action, newest first (and the action
            # filter's links, found by jumping through the action column).
            models.Index(fields=["service", "-occurred_at"], name="audit_service_newest_idx"),
            models.Index(fields=["action", "-occurred_at"], name="audit_action_newest_idx"),
        ]

    def __str__(self):
        target = f" {self.object_type}:{self.object_id}" if self.object_type else ""
        return f"{self.action}{target} at {datetime_format(self.occurred_at)}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditEventImmutableError("Audit events are append-only: they cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditEventImmutableError("Audit events are append-only: they cannot be deleted.")
