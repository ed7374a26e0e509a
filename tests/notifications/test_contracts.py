"""Issue #22 points 9-12: the outbox against GOV.UK Notify's published contract.

Notify sends delivery callbacks for email and text only (letters are asked about),
sends returned-letter and complaint callbacks with no ``status`` and never retries a
4xx, answers 403 for a bad key or a clock out of step, and refuses address lines
that start with certain characters.
"""

import json
import logging
import smtplib

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from digital_services.journeys.contact import ContactForm
from digital_services.notifications.constants import Channel, Status
from digital_services.notifications.models import DeliveryProblem, OutboundMessage
from digital_services.notifications.services import (
    InvalidRecipient,
    letter_statuses_poll,
    outbound_message_deliver,
    recipient_clean,
)
from digital_services.notifications.tasks import BEAT_SCHEDULE, letter_statuses_poll_task

from .conftest import ADDRESS, notify_error
from .factories import (
    LetterBatchFactory,
    OutboundMessageFactory,
    SentMessageFactory,
)

pytestmark = pytest.mark.django_db
TOKEN = "callback-token-0123456789"


def _letter_sent_through_notify(fake_notify, **fields):
    message = OutboundMessageFactory(channel=Channel.LETTER, recipient="\n".join(ADDRESS), **fields)
    assert outbound_message_deliver(message_id=message.pk).action == "sent"
    message.refresh_from_db()
    return message


# 9. Letter statuses are asked for until final.


@pytest.mark.parametrize(
    ("notify_status", "status"),
    [
        ("received", Status.DELIVERED),
        ("cancelled", Status.PERMANENT_FAILURE),
        ("validation-failed", Status.PERMANENT_FAILURE),
        ("virus-scan-failed", Status.PERMANENT_FAILURE),
        ("technical-failure", Status.TECHNICAL_FAILURE),
        ("permanent-failure", Status.PERMANENT_FAILURE),
    ],
)
def test_the_letter_status_job_records_notify_s_final_status(fake_notify, notify_status, status):
    letter = _letter_sent_through_notify(fake_notify)
    assert letter.status == Status.SENT
    fake_notify.known[letter.provider_reference]["status"] = notify_status

    result = letter_statuses_poll()

    letter.refresh_from_db()
    assert letter.status == status
    assert (result.checked, result.finished) == (1, 1)
    assert letter.provider_id in fake_notify.lookups


@pytest.mark.parametrize("notify_status", ["accepted", "pending-virus-check", "created"])
def test_a_letter_on_its_way_is_asked_about_again_next_time(fake_notify, notify_status):
    letter = _letter_sent_through_notify(fake_notify)
    fake_notify.known[letter.provider_reference]["status"] = notify_status

    letter_statuses_poll()
    fake_notify.known[letter.provider_reference]["status"] = "received"
    letter_statuses_poll_task()

    letter.refresh_from_db()
    assert letter.status == Status.DELIVERED
    assert fake_notify.lookups.count(letter.provider_id) == 2


def test_emails_and_letters_we_print_are_not_asked_about(fake_notify):
    email = SentMessageFactory(channel=Channel.EMAIL)
    printed = SentMessageFactory(channel=Channel.LETTER, letter_batch=LetterBatchFactory())

    assert letter_statuses_poll().checked == 0
    assert email.provider_id not in fake_notify.lookups
    assert printed.provider_id not in fake_notify.lookups


def test_a_failed_question_leaves_the_letter_sent_for_next_time(fake_notify):
    letter = _letter_sent_through_notify(fake_notify)
    fake_notify.fail_with = [notify_error(503)]

    result = letter_statuses_poll()

    letter.refresh_from_db()
    assert letter.status == Status.SENT and result.unavailable == 1


def test_the_letter_status_job_runs_on_the_beat_on_the_notifications_queue():
    entry = BEAT_SCHEDULE["notifications-letter-statuses"]
    assert entry["task"] == "notifications.letter_statuses_poll"
    assert entry["options"]["queue"] == "notifications"


# 10. Returned letters and complaints are accepted and recorded.


def _post(client, payload):
    return client.post(
        reverse("notifications:callback"),
        json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {TOKEN}",
    )


def _case_message(django_user_model, **fields):
    case = django_user_model.objects.create_user(email="case@example.com", password="x" * 12)
    return SentMessageFactory(
        content_type=ContentType.objects.get_for_model(case), object_id=str(case.pk), **fields
    )


def _returned(message):
    """Notify's returned-letter callback: no status (as in notifications-api)."""
    return {
        "notification_id": message.provider_id,
        "reference": message.provider_reference,
        "created_at": "2026-03-02T10:00:00.000000Z",
        "email_address": "API",
        "template_name": "Visit booked",
        "template_id": "f33517ff-2a88-4f6e-b855-c550268ce08a",
        "template_version": 2,
        "original_file_name": None,
        "job_row_number": None,
        "upload_letter_file_name": None,
    }


@pytest.mark.urls("tests.notifications.urls")
def test_a_returned_letter_is_recorded_against_the_message_and_case(client, django_user_model):
    letter = _case_message(django_user_model, channel=Channel.LETTER)

    response = _post(client, _returned(letter))

    assert response.status_code == 204
    problem = DeliveryProblem.objects.get()
    assert problem.kind == DeliveryProblem.Kind.RETURNED_LETTER
    assert problem.message == letter
    assert (problem.content_type, problem.object_id) == (letter.content_type, letter.object_id)
    assert problem.resolved_at is None
    assert _post(client, _returned(letter)).status_code == 204  # sent twice: recorded once
    assert DeliveryProblem.objects.count() == 1


@pytest.mark.urls("tests.notifications.urls")
def test_a_complaint_is_recorded_without_the_address(client, django_user_model):
    email = _case_message(django_user_model, channel=Channel.EMAIL)

    response = _post(
        client,
        {
            "complaint_id": "c9b0a1f2-0000-4000-8000-000000000001",
            "notification_id": email.provider_id,
            "reference": email.provider_reference,
            "to": email.recipient,
            "complaint_date": "2026-03-02T11:00:00.000000Z",
        },
    )

    assert response.status_code == 204
    problem = DeliveryProblem.objects.get()
    assert (problem.kind, problem.message) == (DeliveryProblem.Kind.COMPLAINT, email)
    assert problem.reported_at.isoformat().startswith("2026-03-02T11:00:00")


@pytest.mark.urls("tests.notifications.urls")
def test_a_returned_letter_that_is_not_ours_is_accepted_and_ignored(client):
    response = _post(client, {"notification_id": "not-ours", "reference": "not-ours"})
    assert response.status_code == 204
    assert not DeliveryProblem.objects.exists()


@pytest.mark.urls("tests.notifications.urls")
@pytest.mark.parametrize(
    "payload",
    [{}, {"notification_id": 12}, {"complaint_id": "", "notification_id": "x"}, {"other": "x"}],
)
def test_a_body_of_no_known_shape_is_still_a_400(client, payload):
    assert _post(client, payload).status_code == 400


def test_returned_letters_wait_in_the_caseworkers_queue_until_dealt_with(
    staff_client, django_user_model
):
    letter = _case_message(django_user_model, channel=Channel.LETTER, reference="PV-RET-001")
    from digital_services.notifications.services import outbound_message_returned_record

    problem = outbound_message_returned_record(
        notification_id=letter.provider_id, reference=letter.provider_reference
    )
    url = reverse("admin:notifications_returnedletter_changelist")

    page = staff_client.get(url)
    assert page.status_code == 200
    assert "letters we could not deliver" in page.text.lower()
    assert "PV-RET-001" in page.text

    staff_client.post(url, {"action": "mark_resolved", "_selected_action": [problem.pk]})

    problem.refresh_from_db()
    assert problem.resolved_at is not None and problem.resolved_by is not None


# 11. A refused key (403) and a refused SMTP login are ours to fix: retry, and alert.


def test_notify_403_is_retried_and_alerts(fake_notify, caplog):
    message = OutboundMessageFactory()
    fake_notify.fail_with = [notify_error(403)]

    with caplog.at_level(logging.CRITICAL, logger="digital_services.alerts"):
        outcome = outbound_message_deliver(message_id=message.pk)

    message.refresh_from_db()
    assert outcome.action == "retry"
    assert message.status == Status.CREATED
    assert "ALERT notifications.notify_refused_our_key" in caplog.text


def test_a_refused_smtp_login_is_retried_and_alerts(monkeypatch, caplog):
    from digital_services.notifications import backends

    def send(self, fail_silently=False):
        raise smtplib.SMTPAuthenticationError(535, b"bad credentials")

    monkeypatch.setattr(backends.EmailMessage, "send", send)
    message = OutboundMessageFactory()

    with caplog.at_level(logging.CRITICAL, logger="digital_services.alerts"):
        outcome = outbound_message_deliver(message_id=message.pk)

    assert outcome.action == "retry"
    assert OutboundMessage.objects.get(pk=message.pk).status == Status.CREATED
    assert "ALERT notifications.smtp_login_refused" in caplog.text


def test_notify_400_still_fails_the_message_at_once(fake_notify):
    message = OutboundMessageFactory()
    fake_notify.fail_with = [notify_error(400)]

    assert outbound_message_deliver(message_id=message.pk).action == "failed"


# 12. Address lines Notify would refuse are caught where they are typed.


@pytest.mark.parametrize("first", list('@()=[]"\\/,<>'))
def test_an_address_line_starting_with_a_character_notify_refuses_is_invalid(first):
    with pytest.raises(InvalidRecipient, match="cannot start with"):
        recipient_clean(
            channel=Channel.LETTER, to=["Ann Smith", f"{first}1 High Street", "Cardiff", "CF10 1AA"]
        )


def test_the_first_two_lines_need_letters_or_numbers():
    with pytest.raises(InvalidRecipient, match="Address line 2 must include letters or numbers"):
        recipient_clean(channel=Channel.LETTER, to=["Ann Smith", "- -", "Cardiff", "CF10 1AA"])
    assert recipient_clean(channel=Channel.LETTER, to=["Ann Smith", "1 High St", "-", "CF10 1AA"])


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("address_line_1", "(Flat 2) 12 Station Road", "Address line 1 cannot start with ("),
        ("address_line_2", ",Uplands", "Address line 2 cannot start with ,"),
        ("address_town", "/Swansea", "Town or city cannot start with /"),
        ("address_line_1", "...", "Address line 1 must include letters or numbers"),
    ],
)
def test_the_contact_form_gives_a_gov_uk_error_for_an_address_notify_refuses(field, value, message):
    data = {
        "contact": "post",
        "address_line_1": "12 Station Road",
        "address_town": "Swansea",
        "address_postcode": "SA1 1AA",
        field: value,
    }
    form = ContactForm(data=data)

    assert not form.is_valid()
    assert message in " ".join(form.errors[field])
    assert form.data[field] == value  # nothing typed is lost


# 13. A letter with no Notify letter template goes as our own PDF (precompiled letter API).


def test_a_letter_without_a_notify_template_goes_as_a_precompiled_pdf_notify_would_accept(
    fake_notify, settings
):
    from digital_services.notifications.letters import ADDRESS_AREA

    from .letter_measure import fonts_not_embedded, inside, page_count, text_boxes

    settings.SITE_URL = "https://digital.justice.example"
    letter = _letter_sent_through_notify(fake_notify, language="cy")  # no Welsh letter template

    kind, sent = fake_notify.sent[-1]
    assert kind == "precompiled_letter"
    assert sent["reference"] == letter.provider_reference
    pdf = sent["pdf"]
    window = [b.text for b in text_boxes(pdf) if b.page == 1 and inside(b, ADDRESS_AREA)]
    assert window == letter.address_lines
    assert fonts_not_embedded(pdf) == [] and page_count(pdf) <= 10
    assert (letter.status, letter.provider_id) == (Status.SENT, "notify-1")
