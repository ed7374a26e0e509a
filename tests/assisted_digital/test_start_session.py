"""Starting a session: channel, finding or creating the citizen, identity checks and consent."""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assisted_digital import services
from assisted_digital.constants import CONSENT_STATEMENT, SESSION_KEY
from assisted_digital.models import AssistedSession
from digital_services.accounts.citizens import email_is_placeholder
from digital_services.accounts.models import CitizenProfile
from digital_services.audit.models import AuditEvent

from .factories import ActiveSessionFactory, CitizenWithEmailFactory

pytestmark = pytest.mark.django_db

CHANNEL_URL = reverse("assisted_digital:start-channel")
FIND_URL = reverse("assisted_digital:start-citizen")
NEW_URL = reverse("assisted_digital:start-new-citizen")
CONSENT_URL = reverse("assisted_digital:start-consent")
SERVICES_URL = reverse("assisted_digital:session-services")


def choose(client, citizen, channel="phone"):
    """Choose ``citizen`` as an agent does: search for them (by name and email), then pick them."""
    client.post(CHANNEL_URL, {"channel": channel})
    client.post(FIND_URL, {"name": citizen.full_name, "email": citizen.email})
    return client.post(FIND_URL, {"citizen": citizen.pk})


def consent_data(**overrides):
    data = {
        "identity_checks": ["date_of_birth", "postcode"],
        "consent_method": "verbal_phone",
        "consent_accepted": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_start_page_offers_to_start_helping_someone(agent_client):
    html = agent_client.get(reverse("assisted_digital:start")).content.decode()

    assert "Start helping someone" in html
    assert html.count("<h1") == 1


def test_a_session_starts_with_channel_citizen_identity_checks_and_consent(
    agent_client, agent, jane
):
    choose(agent_client, jane)
    page = agent_client.get(CONSENT_URL).content.decode()
    assert CONSENT_STATEMENT in page
    assert "31 January 1950" in page

    response = agent_client.post(CONSENT_URL, consent_data())

    assert response.status_code == 302
    assert response.url == SERVICES_URL
    session = AssistedSession.objects.get()
    assert (session.agent, session.citizen, session.channel) == (agent, jane, "phone")
    assert session.status == AssistedSession.Status.ACTIVE
    assert session.identity_checks == ["date_of_birth", "postcode"]
    assert session.consent_accepted is True
    assert session.consent_method == "verbal_phone"
    assert session.consent_statement == CONSENT_STATEMENT
    assert session.consent_read_at is not None
    assert agent_client.session[SESSION_KEY] == session.pk
    event = AuditEvent.objects.get(action="assisted.session_started")
    assert (event.actor, event.on_behalf_of) == (agent, jane)
    assert event.detail["channel"] == "phone"
    page = agent_client.get(SERVICES_URL).content.decode()
    assert "Which service do you need help with?" in page
    assert "You are helping Jane Smith by phone" in page


def test_a_session_cannot_start_without_consent(agent_client, jane):
    choose(agent_client, jane)

    response = agent_client.post(CONSENT_URL, consent_data(consent_accepted=None))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in html
    assert "You can only help them once they have heard the consent statement" in html
    assert 'href="#id_consent_accepted"' in html
    # What was ticked is kept.
    assert re.search(r'value="date_of_birth"\s+checked="checked"', html)
    assert re.search(r'value="verbal_phone"\s+checked="checked"', html)
    assert AssistedSession.objects.count() == 0
    assert SESSION_KEY not in agent_client.session


def test_a_session_cannot_start_without_an_identity_check(agent_client, jane):
    choose(agent_client, jane)

    response = agent_client.post(CONSENT_URL, consent_data(identity_checks=None))

    html = response.content.decode()
    assert "Select at least 2 facts they told you that match the record" in html
    assert 'href="#id_identity_checks_1"' in html
    assert AssistedSession.objects.count() == 0


@pytest.mark.parametrize(
    "change, field",
    [
        ({"consent_accepted": False}, "consent_accepted"),
        ({"identity_checks": []}, "identity_checks"),
        ({"identity_checks": ["made_up"]}, "identity_checks"),
        ({"consent_method": "telepathy"}, "consent_method"),
        ({"channel": "fax"}, "channel"),
    ],
)
def test_the_service_refuses_to_start_without_everything_recorded(agent, jane, change, field):
    arguments = {
        "agent": agent,
        "citizen": jane,
        "channel": "phone",
        "identity_checks": ["full_name", "postcode"],
        "consent_accepted": True,
        "consent_method": "verbal_phone",
        **change,
    }

    with pytest.raises(ValidationError) as raised:
        services.assisted_session_start(**arguments)

    assert field in raised.value.message_dict
    assert AssistedSession.objects.count() == 0
    assert not AuditEvent.objects.filter(action="assisted.session_started").exists()


def test_staff_cannot_be_helped_as_a_citizen(agent, caseworker):
    with pytest.raises(ValidationError) as raised:
        services.assisted_session_start(
            agent=agent,
            citizen=caseworker,
            channel="phone",
            identity_checks=["full_name", "postcode"],
            consent_accepted=True,
            consent_method="verbal_phone",
        )
    assert "citizen" in raised.value.message_dict


def test_an_agent_has_at_most_one_active_session(agent, jane, margaret):
    ActiveSessionFactory(agent=agent, citizen=jane)

    with pytest.raises(services.SessionAlreadyActive):
        services.assisted_session_start(
            agent=agent,
            citizen=margaret,
            channel="phone",
            identity_checks=["full_name", "postcode"],
            consent_accepted=True,
            consent_method="verbal_phone",
        )


def test_a_session_left_behind_by_a_timed_out_sign_in_is_ended_when_a_new_one_starts(
    agent, jane, margaret, settings
):
    old = ActiveSessionFactory(
        agent=agent,
        citizen=jane,
        last_seen_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
    )

    new = services.assisted_session_start(
        agent=agent,
        citizen=margaret,
        channel="webchat",
        identity_checks=["full_name", "postcode"],
        consent_accepted=True,
        consent_method="webchat",
    )

    old.refresh_from_db()
    assert old.status == AssistedSession.Status.ENDED
    assert old.end_reason == AssistedSession.EndReason.EXPIRED
    assert new.is_active


def test_the_start_pages_send_an_agent_who_is_helping_someone_back_to_that_session(
    agent_client, start_session, jane
):
    start_session(jane)

    response = agent_client.get(CHANNEL_URL)

    assert response.url == reverse("assisted_digital:start")
    page = agent_client.get(response.url).content.decode()
    assert "You are already helping Jane Smith" in page


def test_choosing_a_channel_is_required(agent_client):
    response = agent_client.post(CHANNEL_URL, {})

    html = response.content.decode()
    assert "Select how you are helping them" in html
    assert 'href="#id_channel_1"' in html


# Finding the citizen ---------------------------------------------------------------


def search(client, **facts):
    """Post a search; a valid one redirects to the results page, which is returned."""
    client.post(CHANNEL_URL, {"channel": "phone"})
    params = {key: value for key, value in facts.items() if key != "date_of_birth"}
    if "date_of_birth" in facts:
        day, month, year = facts["date_of_birth"]
        params.update({"date_of_birth_0": day, "date_of_birth_1": month, "date_of_birth_2": year})
    response = client.post(FIND_URL, params)
    if response.status_code == 302:
        assert response.url == FIND_URL
        return client.get(FIND_URL)
    return response


def test_search_finds_a_citizen_by_name_and_date_of_birth(agent_client, jane):
    response = search(agent_client, name="  jane   SMITH ", date_of_birth=("31", "1", "1950"))

    assert response.context["results"][0]["citizen"] == jane
    assert "1 person matches" in response.content.decode()


def test_search_needs_at_least_two_facts(agent_client, jane):
    response = search(agent_client, name="Jane Smith")

    html = response.content.decode()
    assert "Enter at least 2 of: full name, date of birth, postcode, email, phone" in html
    assert 'value="Jane Smith"' in html
    assert response.context["results"] is None


def test_an_empty_search_asks_for_two_facts(agent_client):
    agent_client.post(CHANNEL_URL, {"channel": "phone"})

    response = agent_client.post(FIND_URL, {"name": "", "postcode": ""})

    assert "Enter at least 2 of" in response.content.decode()


def test_a_date_error_links_to_the_part_of_the_date_that_is_wrong(agent_client):
    agent_client.post(CHANNEL_URL, {"channel": "phone"})

    response = agent_client.post(NEW_URL, new_citizen_data(date_of_birth_1="", date_of_birth_2=""))

    html = response.content.decode()
    assert '<a href="#id_date_of_birth_1">Enter the month</a>' in html
    assert '<a href="#id_date_of_birth_2">Enter the year</a>' in html


def test_search_shows_no_one_when_any_fact_does_not_match(agent_client, jane):
    response = search(agent_client, name="Jane Smith", postcode="SW1A 1AA")

    assert response.context["results"] == []
    assert "No one matches" in response.content.decode()


def test_search_never_finds_staff_or_a_partial_name(agent_client, agent, jane):
    assert search(agent_client, name="Jane", postcode="CF10 1AA").context["results"] == []
    assert search(agent_client, email=agent.email, name="Ash Helper").context["results"] == []


def test_search_finds_someone_by_postcode_and_phone_in_any_format(agent_client, jane):
    response = search(agent_client, postcode="cf101aa", phone="+44 7700 900 123")

    assert [row["citizen"] for row in response.context["results"]] == [jane]


def test_search_with_a_bad_postcode_says_so(agent_client, jane):
    response = search(agent_client, name="Jane Smith", postcode="nowhere")

    assert "Enter a real UK postcode, like SW1A 1AA" in response.content.decode()


def test_choosing_someone_who_is_staff_goes_back_to_the_search(agent_client, caseworker):
    agent_client.post(CHANNEL_URL, {"channel": "phone"})

    response = agent_client.post(FIND_URL, {"citizen": caseworker.pk})

    assert response.url == FIND_URL
    assert agent_client.get(CONSENT_URL).url == FIND_URL


# Creating a record -----------------------------------------------------------------


def new_citizen_data(**overrides):
    data = {
        "full_name": "Bill Jones",
        "date_of_birth_0": "2",
        "date_of_birth_1": "3",
        "date_of_birth_2": "1944",
        "address_line_1": "7 Chapel Street",
        "town": "Aberystwyth",
        "postcode": "sy23 1aa",
        "email": "",
        "phone": "",
        "preferred_contact": "letter",
    }
    data.update(overrides)
    return data


def test_a_record_for_someone_without_email_is_created_only_once_they_consent(agent_client, agent):
    agent_client.post(CHANNEL_URL, {"channel": "face_to_face"})
    response = agent_client.post(NEW_URL, new_citizen_data())
    assert response.url == CONSENT_URL
    assert not CitizenProfile.objects.exists()

    response = agent_client.post(CONSENT_URL, consent_data(consent_method="in_person"))

    assert response.url == SERVICES_URL
    profile = CitizenProfile.objects.select_related("user").get()
    citizen = profile.user
    assert citizen.full_name == "Bill Jones"
    assert email_is_placeholder(citizen.email)
    assert not citizen.has_usable_password()
    assert profile.has_email is False
    assert profile.preferred_contact == "letter"
    assert profile.address_lines == ["7 Chapel Street", "Aberystwyth", "SY23 1AA"]
    assert profile.created_by == agent
    assert citizen.groups.filter(name="citizen").exists()
    session = AssistedSession.objects.get()
    assert session.citizen == citizen and session.citizen_created
    event = AuditEvent.objects.get(action="assisted.citizen_created")
    assert (event.actor, event.on_behalf_of) == (agent, citizen)


def test_no_record_is_created_when_consent_is_refused(agent_client):
    agent_client.post(CHANNEL_URL, {"channel": "phone"})
    agent_client.post(NEW_URL, new_citizen_data())

    agent_client.post(CONSENT_URL, consent_data(consent_accepted=None))

    assert not CitizenProfile.objects.exists()
    assert AssistedSession.objects.count() == 0


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        (
            {"preferred_contact": "email"},
            "email",
            "Enter their email address, or choose another way to contact them",
        ),
        (
            {"preferred_contact": "sms", "phone": "01632 960 001"},
            "phone",
            "Enter a UK mobile number, like 07700 900 982, or choose another way to contact them",
        ),
        (
            {"address_line_1": "", "town": "", "postcode": ""},
            "address_line_1",
            "Enter the first line of their address, or choose another way to contact them",
        ),
        ({"postcode": "ABC"}, "postcode", "Enter a real UK postcode, like SW1A 1AA"),
        ({"full_name": ""}, "full_name", "Enter their full name"),
        ({"date_of_birth_2": ""}, "date_of_birth", "Enter the year"),
        ({"email": "not-an-email", "preferred_contact": "email"}, "email", "correct format"),
    ],
)
def test_a_new_record_follows_the_contact_rules(agent_client, overrides, field, message):
    agent_client.post(CHANNEL_URL, {"channel": "phone"})

    response = agent_client.post(NEW_URL, new_citizen_data(**overrides))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in html
    assert message in html
    assert field in response.context["form"].errors
    assert 'value="Bill Jones"' in html or overrides.get("full_name") == ""


def test_a_new_record_cannot_reuse_an_email_address(agent_client, jane):
    agent_client.post(CHANNEL_URL, {"channel": "phone"})

    response = agent_client.post(
        NEW_URL, new_citizen_data(email="JANE@example.com", preferred_contact="email")
    )

    assert "There is already a record with this email address" in response.content.decode()


def test_someone_with_email_and_a_mobile_can_ask_for_texts(agent_client):
    agent_client.post(CHANNEL_URL, {"channel": "webchat"})
    agent_client.post(
        NEW_URL,
        new_citizen_data(email="bill@example.com", phone="07700 900 982", preferred_contact="sms"),
    )
    agent_client.post(CONSENT_URL, consent_data(consent_method="webchat"))

    profile = CitizenProfile.objects.get()
    assert profile.user.email == "bill@example.com"
    assert profile.has_email
    assert (profile.phone, profile.preferred_contact) == ("07700900982", "sms")


def test_a_citizen_factory_is_findable(agent_client):
    citizen = CitizenWithEmailFactory(full_name="Ann Other")

    response = search(agent_client, name="Ann Other", email=citizen.email)

    assert [row["citizen"] for row in response.context["results"]] == [citizen]


# Only people the agent found; the search never in a URL; every consent page audited -----


def test_an_agent_cannot_open_a_record_by_posting_an_id_without_searching(agent_client, jane):
    agent_client.post(CHANNEL_URL, {"channel": "phone"})

    response = agent_client.post(FIND_URL, {"citizen": jane.pk})

    assert response.url == FIND_URL
    assert agent_client.get(CONSENT_URL).url == FIND_URL
    assert "Jane Smith" not in agent_client.get(FIND_URL).content.decode()
    assert not AuditEvent.objects.filter(action="assisted.consent_page_viewed").exists()


def test_only_someone_from_the_agents_latest_search_can_be_chosen(agent_client, jane, margaret):
    assert search(agent_client, name="Jane Smith", email="jane@example.com").context["results"]
    search(agent_client, name="Margaret Evans", email="nobody@example.com")  # a newer search

    response = agent_client.post(FIND_URL, {"citizen": jane.pk})

    assert response.url == FIND_URL
    assert agent_client.get(CONSENT_URL).url == FIND_URL


def test_the_search_is_posted_and_its_results_survive_a_refresh(agent_client, jane):
    agent_client.post(CHANNEL_URL, {"channel": "phone"})
    page = agent_client.get(FIND_URL).content.decode()
    assert '<form method="post"' in page

    response = agent_client.post(FIND_URL, {"name": "Jane Smith", "email": "jane@example.com"})

    assert response.status_code == 302
    assert response.url == FIND_URL  # nothing personal in the URL
    for _ in range(2):  # a refresh shows the same results without searching again
        page = agent_client.get(FIND_URL)
        assert [row["citizen"] for row in page.context["results"]] == [jane]
        assert 'value="Jane Smith"' in page.content.decode()
    assert agent_client.post(FIND_URL, {"citizen": jane.pk}).url == CONSENT_URL


def test_every_showing_of_the_consent_page_is_audited(agent_client, agent, jane):
    choose(agent_client, jane)

    agent_client.get(CONSENT_URL)
    agent_client.post(CONSENT_URL, consent_data(identity_checks=None))  # shown again, with errors

    events = AuditEvent.objects.filter(action="assisted.consent_page_viewed")
    assert events.count() == 2
    assert {(e.actor, e.on_behalf_of, e.object_id) for e in events} == {(agent, jane, str(jane.pk))}


def test_the_identity_check_asks_which_facts_matched_and_needs_two(agent_client, jane):
    choose(agent_client, jane)
    page = agent_client.get(CONSENT_URL).content.decode()
    for label in ("Full name", "Date of birth", "Address or postcode", "A case reference"):
        assert label in page

    response = agent_client.post(CONSENT_URL, consent_data(identity_checks=["date_of_birth"]))

    assert "Select at least 2 facts they told you that match the record" in (
        response.content.decode()
    )
    assert not AssistedSession.objects.exists()
