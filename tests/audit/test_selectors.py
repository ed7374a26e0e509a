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


def test_audit_trail_for_object_is_that_objects_events_oldest_first_with_who_did_them(
    citizen, staff_user, django_assert_num_queries
):
    from digital_services.audit.selectors import audit_trail_for_object

    first = audit_record(action="visit.requested", obj=citizen)
    audit_record(action="visit.requested", obj=staff_user)
    second = audit_record(action="visit.booked", obj=citizen, actor=staff_user)
    audit_trail_for_object(obj=staff_user)  # compiled and prepared once

    with django_assert_num_queries(1):
        trail = audit_trail_for_object(obj=citizen)
        assert [(e.pk, e.actor) for e in trail] == [(first.pk, None), (second.pk, staff_user)]
    assert [e.pk for e in audit_trail_for_object(obj=staff_user)] != [first.pk, second.pk]
