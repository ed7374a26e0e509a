"""audit_record: what it takes from the request, and what it refuses."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import resolve

from digital_services.audit.models import AuditEvent
from digital_services.audit.services import audit_record

pytestmark = pytest.mark.django_db


def make_request(rf, *, user=None, path="/", **meta):
    request = rf.post(path, **meta)
    request.user = user if user is not None else AnonymousUser()
    return request


def test_audit_record_takes_ip_user_agent_and_actor_from_the_request(rf, citizen, staff_user):
    request = make_request(
        rf, user=staff_user, REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Firefox/140"
    )

    event = audit_record(action="case.viewed", obj=citizen, request=request)

    event.refresh_from_db()
    assert event.ip == "203.0.113.7"
    assert event.user_agent == "Firefox/140"
    assert event.actor == staff_user
    assert event.on_behalf_of is None
    assert event.object_type == "accounts.user"
    assert event.object_id == str(citizen.pk)


def test_audit_record_prefers_an_explicit_actor_to_the_signed_in_user(rf, citizen, staff_user):
    request = make_request(rf, user=citizen)
    event = audit_record(action="case.decided", actor=staff_user, request=request)
    assert event.actor == staff_user


def test_audit_record_leaves_the_actor_empty_for_an_anonymous_request(rf):
    event = audit_record(action="visit.requested", request=make_request(rf))
    assert event.actor is None


def test_audit_record_without_a_request_stores_no_ip(citizen):
    event = audit_record(action="reminder.sent", obj=citizen)
    assert event.ip is None
    assert event.user_agent == ""
    assert event.actor is None


def test_audit_record_takes_the_citizen_from_an_assisted_digital_session(rf, citizen, staff_user):
    request = make_request(rf, user=staff_user)
    request.assisted_session = SimpleNamespace(citizen=citizen)

    event = audit_record(action="visit.booked", request=request)

    assert event.actor == staff_user
    assert event.on_behalf_of == citizen


def test_audit_record_takes_the_service_from_the_url_namespace(rf):
    request = make_request(rf, path="/prison-visits/")
    request.resolver_match = resolve("/prison-visits/")
    assert audit_record(action="visit.started", request=request).service == "prison-visits"


def test_audit_record_prefers_an_explicit_service(rf):
    request = make_request(rf, path="/prison-visits/")
    request.resolver_match = resolve("/prison-visits/")
    event = audit_record(action="fee.paid", request=request, service="tribunal-fees")
    assert event.service == "tribunal-fees"


def test_audit_record_ignores_x_forwarded_for_unless_proxies_are_trusted(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = make_request(rf, REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert audit_record(action="case.viewed", request=request).ip == "10.0.0.5"


def test_audit_record_takes_the_address_the_trusted_proxy_saw(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client sent a made-up first entry; the load balancer appended the real one.
    request = make_request(rf, REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.1")
    assert audit_record(action="case.viewed", request=request).ip == "198.51.100.1"


def test_audit_record_counts_trusted_proxies_from_the_right(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = make_request(
        rf, REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4, 2001:db8::1, 10.0.0.9"
    )
    assert audit_record(action="case.viewed", request=request).ip == "2001:db8::1"


def test_audit_record_falls_back_to_remote_addr_when_the_header_is_missing(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = make_request(rf, REMOTE_ADDR="10.0.0.5")
    assert audit_record(action="case.viewed", request=request).ip == "10.0.0.5"


def test_audit_record_stores_no_ip_when_the_header_holds_rubbish(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = make_request(rf, REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="not-an-ip")
    assert audit_record(action="case.viewed", request=request).ip is None


def test_audit_record_trims_a_long_user_agent(rf):
    request = make_request(rf, HTTP_USER_AGENT="x" * 1000)
    assert len(audit_record(action="case.viewed", request=request).user_agent) == 255


def test_audit_record_keeps_a_small_detail_with_dates(citizen):
    event = audit_record(
        action="visit.booked", obj=citizen, detail={"on": datetime.date(2026, 12, 1), "slot": 3}
    )
    event.refresh_from_db()
    assert event.detail == {"on": "2026-12-01", "slot": 3}


@pytest.mark.parametrize(
    "action", ["", "Visit.Booked", "visit booked", "visit..booked", ".x", "x" * 101]
)
def test_audit_record_rejects_a_malformed_action(action):
    with pytest.raises(ValueError, match="dotted slug"):
        audit_record(action=action)
    assert AuditEvent.objects.count() == 0


def test_audit_record_rejects_a_large_detail():
    with pytest.raises(ValueError, match="2000"):
        audit_record(action="case.exported", detail={"notes": "x" * 2000})


def test_audit_record_rejects_a_detail_that_is_not_a_dict():
    with pytest.raises(ValueError, match="dict"):
        audit_record(action="case.exported", detail=["a"])


def test_audit_record_rejects_an_unsaved_object(django_user_model):
    with pytest.raises(ValueError, match="Save the object"):
        audit_record(action="case.viewed", obj=django_user_model(email="new@example.com"))
