import pytest
from django.urls import reverse

from digital_services.audit.models import AuditEvent
from digital_services.notifications.constants import LetterBatchStatus, Status

from .factories import (
    DeliveredMessageFactory,
    OutboundMessageFactory,
    PermanentFailureMessageFactory,
    QueuedLetterFactory,
    TechnicalFailureMessageFactory,
)

pytestmark = pytest.mark.django_db
CHANGELIST = "admin:notifications_outboundmessage_changelist"


def test_staff_can_filter_messages_by_status_channel_service_and_date(staff_client):
    OutboundMessageFactory(recipient="ann@example.com")
    PermanentFailureMessageFactory(recipient="bob@example.com", service="civil_claims")
    url = reverse(CHANGELIST)

    response = staff_client.get(
        url, {"status": "permanent-failure", "channel": "email", "service": "civil_claims"}
    )
    assert response.status_code == 200
    assert list(response.context_data["cl"].result_list.values_list("recipient", flat=True)) == [
        "bob@example.com"
    ]

    response = staff_client.get(
        url,
        {
            "created_at__gte": "2000-01-01 00:00:00+00:00",
            "created_at__lt": "2000-01-02 00:00:00+00:00",
        },
    )
    assert response.context_data["cl"].result_count == 0


@pytest.mark.parametrize("term", ["bob@example", "PV-XYZ"])
def test_staff_can_search_messages_by_recipient_or_reference(staff_client, term):
    OutboundMessageFactory(recipient="ann@example.com", reference="PV-ABC-123")
    OutboundMessageFactory(recipient="bob@example.com", reference="PV-XYZ-999")
    response = staff_client.get(reverse(CHANGELIST), {"q": term})
    assert list(response.context_data["cl"].result_list.values_list("recipient", flat=True)) == [
        "bob@example.com"
    ]


def test_the_message_page_shows_it_rendered(staff_client):
    message = OutboundMessageFactory()
    response = staff_client.get(
        reverse("admin:notifications_outboundmessage_change", args=[message.pk])
    )
    assert response.status_code == 200
    assert "Visit booked for 3 March 2026" in response.text


def test_the_retry_action_requeues_failed_messages_and_skips_the_rest(
    staff_client, staff_user, django_capture_on_commit_callbacks, enqueued
):
    failed = PermanentFailureMessageFactory()
    gave_up = TechnicalFailureMessageFactory()
    delivered = DeliveredMessageFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse(CHANGELIST),
            {"action": "retry_failed", "_selected_action": [failed.pk, gave_up.pk, delivered.pk]},
            follow=True,
        )

    assert "2 message(s) queued to be sent again." in response.text
    assert "1 message(s) skipped" in response.text
    assert sorted(enqueued) == sorted([failed.pk, gave_up.pk])
    for message in (failed, gave_up, delivered):
        message.refresh_from_db()
    assert failed.status == gave_up.status == Status.CREATED
    assert gave_up.attempts == 0
    assert delivered.status == Status.DELIVERED
    events = AuditEvent.objects.filter(action="notification.retried")
    assert sorted(e.object_id for e in events) == sorted([str(failed.pk), str(gave_up.pk)])
    assert {e.actor for e in events} == {staff_user}


def test_the_email_preview_shows_recent_emails_rendered_in_development(staff_client, settings):
    settings.NOTIFICATIONS_PREVIEW_ENABLED = True
    OutboundMessageFactory(recipient="ann@example.com", language="cy")
    response = staff_client.get(reverse("admin:notifications_outboundmessage_preview"))
    assert response.status_code == 200
    assert "Ymweliad wedi&#x27;i drefnu ar gyfer 3 March 2026" in response.text
    assert "Annwyl Ann Smith," in response.text


def test_the_email_preview_is_not_found_outside_development(staff_client, settings):
    settings.NOTIFICATIONS_PREVIEW_ENABLED = False
    assert (
        staff_client.get(reverse("admin:notifications_outboundmessage_preview")).status_code == 404
    )


def test_the_email_preview_is_for_staff_only(client, citizen, settings):
    settings.NOTIFICATIONS_PREVIEW_ENABLED = True
    client.force_login(citizen)
    response = client.get(reverse("admin:notifications_outboundmessage_preview"))
    assert response.status_code in (302, 403)
    assert "Ann Smith" not in response.text


def test_staff_close_a_letter_batch_and_download_its_pdf_once_prepared(
    staff_client, django_capture_on_commit_callbacks, monkeypatch
):
    from digital_services.notifications import tasks

    queued = []
    monkeypatch.setattr(
        tasks.letter_batch_render_task, "apply_async", lambda args, **kw: queued.append(args[0])
    )
    letter = QueuedLetterFactory()
    batch = letter.letter_batch
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("admin:notifications_letterbatch_changelist"),
            {"action": "prepare_pdf", "_selected_action": [batch.pk]},
            follow=True,
        )
    assert f"Preparing the PDF of batch {batch.pk}" in response.text
    batch.refresh_from_db()
    assert batch.status == LetterBatchStatus.CLOSED
    assert AuditEvent.objects.filter(action="letter_batch.closed", object_id=str(batch.pk)).exists()
    page = staff_client.get(reverse("admin:notifications_letterbatch_change", args=[batch.pk]))
    assert "Being prepared" in page.text

    tasks.letter_batch_render_task(*queued)

    batch.refresh_from_db()
    page = staff_client.get(reverse("admin:notifications_letterbatch_change", args=[batch.pk]))
    download = reverse("documents:download", args=[batch.document.public_id])
    assert download in page.text
    response = staff_client.get(download)
    assert response["Content-Type"] == "application/zip"
    assert b"".join(response.streaming_content).startswith(b"PK")  # a ZIP of letters


def test_marking_an_undownloaded_batch_printed_says_why_not(staff_client):
    letter = QueuedLetterFactory()
    response = staff_client.post(
        reverse("admin:notifications_letterbatch_changelist"),
        {"action": "mark_printed", "_selected_action": [letter.letter_batch_id]},
        follow=True,
    )
    assert "download it first" in response.text
    letter.refresh_from_db()
    assert letter.status == Status.SENDING
