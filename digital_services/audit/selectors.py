"""Reading audit events."""

from django.db import models

from digital_services.core.queries import CompiledQuery

from .models import AuditEvent


def audit_event_list_for_object(*, obj: models.Model) -> models.QuerySet[AuditEvent]:
    """Every event recorded about ``obj``, newest first (for a case's audit trail)."""
    return _events_about(object_type=obj._meta.label_lower, object_id=str(obj.pk))


def _events_about(*, object_type: str, object_id: str) -> models.QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(object_type=object_type, object_id=object_id).select_related(
        "actor", "on_behalf_of"
    )


def _trail(*, object_type: str, object_id: str) -> models.QuerySet[AuditEvent]:
    return _events_about(object_type=object_type, object_id=object_id).order_by("occurred_at", "id")


_TRAIL = CompiledQuery(_trail)


def audit_trail_for_object(*, obj: models.Model) -> list[AuditEvent]:
    """Every event recorded about ``obj``, oldest first, with who did it: a case page's
    history. Its SQL is built and prepared once (``core.queries.CompiledQuery``), as every case
    page shows one."""
    return _TRAIL.rows(object_type=obj._meta.label_lower, object_id=str(obj.pk))
