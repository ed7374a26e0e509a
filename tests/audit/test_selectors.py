import pytest

from digital_services.audit.selectors import audit_event_list_for_object
from digital_services.audit.services import audit_record

pytestmark = pytest.mark.django_db


def test_audit_event_list_for_object_returns_only_that_objects_events_newest_first(
    citizen, staff_user
):
    first = audit_record(action="visit.requested", obj=citizen)
    audit_record(action="visit.requested", obj=staff_user)
    audit_record(action="system.started")
    second = audit_record(action="visit.booked", obj=citizen, actor=staff_user)

    assert list(audit_event_list_for_object(obj=citizen)) == [second, first]
