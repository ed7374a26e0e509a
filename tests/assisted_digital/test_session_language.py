"""Issue #20: an agent chooses the citizen's language for the session; the citizen's pages
speak it, the agent's own pages and the admin stay English."""

import pytest
from django.conf import settings
from django.urls import reverse

from assisted_digital.models import AssistedSession
from digital_services.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

LANGUAGE_URL = reverse("assisted_digital:session-language")


def test_the_agent_chooses_welsh_and_the_citizen_s_pages_speak_it(
    agent_client, start_session, jane
):
    session = start_session(jane)
    banner = agent_client.get(reverse("core:start")).text
    assert "Their language: <strong>English</strong>" in banner
    assert reverse("core:language") + "?to=" not in banner  # the session's, not a cookie

    form = agent_client.get(LANGUAGE_URL, {"next": "/"})
    response = agent_client.post(LANGUAGE_URL, {"language": "cy", "next": "/"})

    assert form.status_code == 200 and "Which language do they want to use?" in form.text
    assert response.status_code == 302 and response["Location"] == "/"
    session.refresh_from_db()
    assert session.language == "cy"
    event = AuditEvent.objects.get(action="assisted.session_language")
    assert event.detail == {"from": "en", "to": "cy"}
    page = agent_client.get(reverse("core:start")).text
    assert '<html lang="cy"' in page and "Neidio i’r prif gynnwys" in page
    assert "Their language: <strong>Cymraeg</strong>" in page
    # the agent's own pages stay English
    own = agent_client.get(reverse("assisted_digital:session-services")).text
    assert '<html lang="en' in own and "Skip to main content" in own


def test_choosing_nothing_is_an_error_and_keeps_the_language(agent_client, start_session, jane):
    session = start_session(jane, language="cy")

    response = agent_client.post(LANGUAGE_URL, {})

    assert response.status_code == 200
    assert "Select which language they want to use" in response.text
    session.refresh_from_db()
    assert session.language == "cy"


def test_a_next_address_off_the_site_is_not_followed(agent_client, start_session, jane):
    start_session(jane)

    response = agent_client.post(LANGUAGE_URL, {"language": "cy", "next": "https://evil.example/"})

    assert response["Location"] == reverse("assisted_digital:session-services")


def test_without_a_session_the_agent_is_sent_to_start_one(agent_client):
    assert agent_client.get(LANGUAGE_URL)["Location"] == reverse("assisted_digital:start")


def test_an_ended_session_s_language_cannot_change(agent, jane):
    from assisted_digital.services import assisted_session_language_set
    from tests.assisted_digital.factories import ActiveSessionFactory

    session = ActiveSessionFactory(agent=agent, citizen=jane, status=AssistedSession.Status.ENDED)

    assisted_session_language_set(session=session, language="cy", actor=agent)

    session.refresh_from_db()
    assert session.language == "en"


def test_staff_pages_stay_english_whatever_the_language_cookie(agent_client):
    agent_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"

    citizen_page = agent_client.get(reverse("core:start")).text
    agent_page = agent_client.get(reverse("assisted_digital:start")).text

    assert '<html lang="cy"' in citizen_page
    assert '<html lang="en' in agent_page and "Skip to main content" in agent_page
