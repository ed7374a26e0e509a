"""Sending an application in a session: route, channel, typist, consent, audit, confirmation."""

import pytest

from assisted_digital.models import SubmissionRecord
from digital_services.audit.models import AuditEvent
from digital_services.notifications.models import OutboundMessage
from digital_services.performance.models import PerformanceEvent

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.assisted_digital.urls")]

APPLY_URL = "/ad-example/apply/"


def send_application(client, name="Jane Smith"):
    client.post(APPLY_URL + "name/", {"full_name": name})
    client.post(APPLY_URL + "reason/", {"reason": "To test"})
    return client.post(APPLY_URL + "check/")


def test_route_channel_typist_and_consent_are_saved_on_a_submission(
    agent_client, start_session, agent, jane, submit_calls
):
    session = start_session(jane, channel="face_to_face", consent_method="in_person")

    response = send_application(agent_client)

    assert response.url == "/ad-example/done/"
    record = SubmissionRecord.objects.get()
    assert (record.service, record.journey) == ("ad-example", "apply")
    assert (record.route, record.started_route, record.channel) == (
        "assisted",
        "assisted",
        "face_to_face",
    )
    assert (record.citizen, record.typed_by) == (jane, agent)
    assert record.assisted_session == session
    assert record.assisted_session.consent_method == "in_person"
    assert record.assisted_session.consent_accepted
    # The service is told whose application it is, and how it came.
    [call] = submit_calls
    assert call["user"] == jane
    assert call["channel"] == "assisted"
    assert call["assisted_session"] == session


def test_the_completion_is_counted_as_assisted_with_how_it_was_done(
    agent_client, start_session, jane
):
    start_session(jane, channel="webchat", consent_method="webchat")

    send_application(agent_client)

    completed = PerformanceEvent.objects.get(kind="journey_completed")
    assert (completed.channel, completed.channel_detail) == ("assisted", "webchat")
    assert completed.service == "ad-example"


def test_a_submission_is_audited_with_the_agent_as_actor_for_the_citizen(
    agent_client, start_session, agent, jane
):
    session = start_session(jane)

    send_application(agent_client)

    event = AuditEvent.objects.get(action="assisted.submission")
    assert (event.actor, event.on_behalf_of) == (agent, jane)
    assert event.object_id == str(SubmissionRecord.objects.get().pk)
    assert event.detail == {"journey": "apply", "channel": "phone", "assisted_session": session.pk}
    actions = AuditEvent.objects.filter(action="assisted.action")
    assert actions.count() == 3
    assert {(e.actor_id, e.on_behalf_of_id) for e in actions} == {(agent.pk, jane.pk)}


def test_a_letter_is_produced_for_a_citizen_without_email(agent_client, start_session, margaret):
    start_session(margaret)

    send_application(agent_client, name="Margaret Evans")

    message = OutboundMessage.objects.get()
    assert message.channel == "letter"
    profile = margaret.citizen_profile
    assert message.recipient.splitlines() == [
        "Margaret Evans",
        profile.address_line_1,
        "Cardiff",
        "CF10 1AA",
    ]
    assert message.template_key == "ad_example.confirmation"
    assert message.personalisation == {"name": "Margaret Evans"}


def test_an_email_is_sent_to_a_citizen_with_email(agent_client, start_session, jane):
    start_session(jane)

    send_application(agent_client)

    message = OutboundMessage.objects.get()
    assert (message.channel, message.recipient) == ("email", "jane@example.com")


def test_a_digital_submission_is_recorded_as_digital_and_typed_by_the_citizen(client, jane):
    client.force_login(jane)

    send_application(client)

    record = SubmissionRecord.objects.get()
    assert (record.route, record.started_route, record.channel) == ("digital", "digital", "")
    assert (record.citizen, record.typed_by, record.assisted_session) == (jane, jane, None)
    completed = PerformanceEvent.objects.get(kind="journey_completed")
    assert (completed.channel, completed.channel_detail) == ("digital", "")
    assert not AuditEvent.objects.filter(action__startswith="assisted.").exists()


def test_a_draft_begun_online_and_finished_with_help_records_both_routes(
    jane_client, agent_client, start_session, jane
):
    jane_client.post(APPLY_URL + "name/", {"full_name": "Jane Smith"})
    start_session(jane)

    agent_client.post(APPLY_URL + "reason/", {"reason": "Help by phone"})
    agent_client.post(APPLY_URL + "check/")

    record = SubmissionRecord.objects.get()
    assert (record.started_route, record.route) == ("digital", "assisted")


def test_the_check_page_declaration_reads_as_the_applicants_confirmation_in_a_session(
    jane_client, agent_client, start_session, jane
):
    start_session(jane)
    agent_client.post(APPLY_URL + "name/", {"full_name": "Jane Smith"})
    agent_client.post(APPLY_URL + "reason/", {"reason": "Help"})

    page = agent_client.get(APPLY_URL + "check/").content.decode()

    assert "Read this declaration to Jane Smith" in page
    assert "The applicant has confirmed that the information they have given is correct." in page

    own = jane_client.get(APPLY_URL + "check/").content.decode()
    assert "I confirm that the information I have given is correct." in own
    assert "The applicant has confirmed" not in own
