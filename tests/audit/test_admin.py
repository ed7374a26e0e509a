"""Audit rows cannot be changed through the admin, even by a superuser."""

import pytest
from django.contrib.admin.sites import AdminSite
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from digital_services.audit.admin import CaseHistoryAdmin
from digital_services.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_the_audit_event_list_shows_events_and_filters_by_service(
    admin_client_with_mfa, audit_event
):
    other = AuditEvent.objects.create(action="fee.paid", service="tribunal-fees")
    url = reverse("admin:audit_auditevent_changelist")

    response = admin_client_with_mfa.get(url, {"service": "prison-visits"})

    assert response.status_code == 200
    shown = list(response.context_data["cl"].result_list)
    assert shown == [audit_event]
    assert other not in shown


def test_the_audit_event_list_searches_by_actor_email(admin_client_with_mfa, audit_event):
    AuditEvent.objects.create(action="fee.paid")
    response = admin_client_with_mfa.get(
        reverse("admin:audit_auditevent_changelist"), {"q": "caseworker@justice"}
    )
    assert list(response.context_data["cl"].result_list) == [audit_event]


def test_an_audit_event_page_shows_every_field_read_only(admin_client_with_mfa, audit_event):
    response = admin_client_with_mfa.get(
        reverse("admin:audit_auditevent_change", args=[audit_event.pk])
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "visit.booked" in content
    assert "2026-12-01T14:00" in content
    assert 'name="action"' not in content
    assert 'name="_save"' not in content


def test_audit_rows_cannot_be_changed_through_the_admin(admin_client_with_mfa, audit_event):
    response = admin_client_with_mfa.post(
        reverse("admin:audit_auditevent_change", args=[audit_event.pk]),
        {"action": "visit.cancelled", "service": "", "object_id": "999", "_save": "Save"},
    )

    assert response.status_code == 403
    unchanged = AuditEvent.objects.get(pk=audit_event.pk)
    assert (unchanged.action, unchanged.service, unchanged.object_id) == (
        "visit.booked",
        "prison-visits",
        audit_event.object_id,
    )


def test_audit_rows_cannot_be_deleted_through_the_admin(admin_client_with_mfa, audit_event):
    response = admin_client_with_mfa.post(
        reverse("admin:audit_auditevent_delete", args=[audit_event.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert AuditEvent.objects.filter(pk=audit_event.pk).exists()


def test_audit_rows_cannot_be_bulk_deleted_through_the_admin(admin_client_with_mfa, audit_event):
    admin_client_with_mfa.post(
        reverse("admin:audit_auditevent_changelist"),
        {"action": "delete_selected", "_selected_action": [audit_event.pk], "post": "yes"},
    )
    assert AuditEvent.objects.filter(pk=audit_event.pk).exists()


def test_audit_rows_cannot_be_added_through_the_admin(admin_client_with_mfa):
    response = admin_client_with_mfa.post(
        reverse("admin:audit_auditevent_add"), {"action": "made.up"}
    )
    assert response.status_code == 403
    assert not AuditEvent.objects.exists()


def test_case_history_admin_has_no_revert(rf, superuser):
    model_admin = CaseHistoryAdmin(get_user_model(), AdminSite())
    request = rf.get("/admin/")
    request.user = superuser
    assert model_admin.revert_disabled(request) is True
    assert model_admin.has_change_history_permission(request) is False


def test_case_history_admin_refuses_a_revert_posted_to_an_old_version(rf, superuser):
    model_admin = CaseHistoryAdmin(get_user_model(), AdminSite())
    request = rf.post("/admin/x/history/1/", {"status": "submitted"})
    request.user = superuser
    with pytest.raises(PermissionDenied):
        model_admin.history_form_view(request, "1", "1")
