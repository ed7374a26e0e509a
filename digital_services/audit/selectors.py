"""Reading audit events."""

from django.db import models

from .models import AuditEvent


def audit_event_list_for_object(*, obj: models.Model) -> models.QuerySet[AuditEvent]:
    """Every event recorded about ``obj``, newest first (for a case's audit trail)."""
    return AuditEvent.objects.filter(
        object_type=obj._meta.label_lower, object_id=str(obj.pk)
    ).select_related("actor", "on_behalf_of")
