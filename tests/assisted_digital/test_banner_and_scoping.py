"""While a session lasts: the banner on every page, and only the one citizen's drafts."""

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from assisted_digital.constants import SESSION_KEY
from assisted_digital.models import AssistedSession
from digital_services.audit.models import AuditEvent
from digital_services.journeys.constants import RESUME_SIGNER_SALT
from digital_services.journeys.models import Draft, ResumeLink
from digital_services.journeys.services import draft_expiry_from

from .example import SERVICE

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.assisted_digital.urls")]

APPLY_URL = "/ad-example/apply/"
END_URL = reverse("assisted_digital:session-end")


def test_the_banner_is_shown_on_service_pages_during_a_session_and_gone_after_it_ends(
    agent_client, start_session, jane
):
    session = start_session(jane)

    page = agent_client.get(APPLY_URL + "name/").content.decode()
    assert "You are helping Jane Smith by phone" in page
    assert f'action="{END_URL}"' in page
    assert "End session" in page

    response = agent_client.post(END_URL)

    assert response.url == reverse("assisted_digital:start")
    assert "You have stopped helping Jane Smith" in agent_client.get(response.url).content.decode()
    page = agent_client.get(APPLY_URL + "name/").content.decode()
    assert "You are helping" not in page
    session.refresh_from_db()
    assert session.status == AssistedSession.Status.ENDED
    assert session.end_reason == AssistedSession.EndReason.ENDED_BY_AGENT
    assert session.ended_at is not None
    assert SESSION_KEY not in agent_client.session
    event = AuditEvent.objects.get(action="assisted.session_ended")
    assert (event.actor, event.on_behalf_of) == (session.agent, jane)


@pytest.mark.parametrize(
    "channel, text",
    [
        ("face_to_face", "You are helping Jane Smith face to face"),
        ("webchat", "You are helping Jane Smith by webchat"),
        ("paper", "You are helping Jane Smith from their paper form"),
    ],
)
def test_the_banner_says_how_the_citizen_is_being_helped(
    agent_client, start_session, jane, channel, text
):
    start_session(jane, channel=channel)

    assert text in agent_client.get("/").content.decode()


def test_ending_a_session_needs_a_post(agent_client, start_session, jane):
    start_session(jane)

    assert agent_client.get(END_URL).status_code == 405
    assert AssistedSession.objects.get().is_active


def test_there_is_no_banner_for_agents_outside_a_session_or_for_the_citizen_helped(
    jane_client, agent_client, start_session, jane
):
    assert "You are helping" not in agent_client.get("/").content.decode()

    start_session(jane)

    assert "You are helping" not in jane_client.get("/").content.decode()


def test_a_session_id_in_someone_elses_django_session_is_ignored(client, agent, jane):
    """Only the agent who started a session can act in it."""
    from tests.conftest import sign_in

    from .factories import ActiveSessionFactory

    other_agents_session = ActiveSessionFactory(citizen=jane)
    sign_in(client, agent, second_factor=True)
    django_session = client.session
    django_session[SESSION_KEY] = other_agents_session.pk
    django_session.save()

    assert "You are helping" not in client.get("/").content.decode()
    assert SESSION_KEY not in client.session


def test_drafts_started_in_a_session_belong_to_the_citizen(
    agent_client, start_session, agent, jane
):
    start_session(jane)

    agent_client.post(APPLY_URL + "name/", {"full_name": "Jane Smith"})

    draft = Draft.objects.get()
    assert draft.user == jane
    assert draft.channel == "assisted"
    assert not Draft.objects.filter(user=agent).exists()


def test_an_agent_in_a_session_sees_only_that_citizens_drafts(
    agent_client, start_session, agent, jane, other_citizen
):
    Draft.objects.create(
        user=other_citizen,
        service=SERVICE,
        journey="apply",
        answers={"name": {"full_name": "Someone Else"}},
        expires_at=draft_expiry_from(timezone.now()),
    )
    Draft.objects.create(
        user=agent,
        service=SERVICE,
        journey="apply",
        answers={"name": {"full_name": "The agent's own"}},
        expires_at=draft_expiry_from(timezone.now()),
    )
    start_session(jane)

    page = agent_client.get(APPLY_URL + "name/").content.decode()
    applications = agent_client.get(reverse("accounts:your-applications")).content.decode()

    assert "Someone Else" not in page
    assert "The agent's own" not in page
    assert "Apply for an example thing" not in applications
    agent_client.post(APPLY_URL + "name/", {"full_name": "Jane Smith"})
    applications = agent_client.get(reverse("accounts:your-applications")).content.decode()
    assert "Apply for an example thing" in applications
    assert Draft.objects.get(user=other_citizen).answers == {"name": {"full_name": "Someone Else"}}


def test_the_citizen_later_sees_the_draft_started_for_them(
    jane_client, agent_client, start_session, jane
):
    start_session(jane)
    agent_client.post(APPLY_URL + "name/", {"full_name": "Jane Smith"})

    applications = jane_client.get(reverse("accounts:your-applications")).content.decode()

    assert "Apply for an example thing" in applications


def test_a_resume_link_to_another_persons_draft_is_not_found_in_a_session(
    agent_client, start_session, jane
):
    draft = Draft.objects.create(
        session_key="someone-not-signed-in",
        service=SERVICE,
        journey="apply",
        answers={"name": {"full_name": "Anonymous Person"}},
        expires_at=draft_expiry_from(timezone.now()),
    )
    link = ResumeLink.objects.create(draft=draft)
    token = signing.TimestampSigner(salt=RESUME_SIGNER_SALT).sign(link.nonce.hex)
    start_session(jane)

    assert agent_client.get(f"{APPLY_URL}resume/{token}/").status_code == 404
    assert agent_client.post(f"{APPLY_URL}resume/{token}/").status_code == 404
    draft.refresh_from_db()
    assert draft.user is None
    link.refresh_from_db()
    assert link.status == ResumeLink.Status.ISSUED


def test_outside_a_session_an_agent_using_service_pages_acts_as_themselves(agent_client, agent):
    agent_client.post(APPLY_URL + "name/", {"full_name": "Ash Helper"})

    draft = Draft.objects.get()
    assert draft.user == agent
    assert draft.channel == "digital"


def test_every_change_made_in_a_session_is_audited_for_the_citizen(
    agent_client, start_session, agent, jane
):
    start_session(jane)

    agent_client.post(APPLY_URL + "name/", {"full_name": "Jane Smith"})

    event = AuditEvent.objects.get(action="assisted.action")
    assert (event.actor, event.on_behalf_of) == (agent, jane)
    assert event.service == SERVICE
    assert event.detail == {
        "method": "POST",
        "status": 302,
        "view": "ad_example:apply-step",
        "step": "name",
    }


def test_platform_posts_such_as_keeping_the_sign_in_alive_are_not_audited_as_actions(
    agent_client, start_session, jane
):
    start_session(jane)

    agent_client.post(reverse("core:session-extend"))

    assert not AuditEvent.objects.filter(action="assisted.action").exists()
