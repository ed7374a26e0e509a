"""Who may use the assisted-digital pages, and the lists of sessions."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from assisted_digital.models import SubmissionRecord
from tests.conftest import sign_in

from .factories import ActiveSessionFactory, EndedSessionFactory

pytestmark = pytest.mark.django_db

PAGES = [
    reverse("assisted_digital:start"),
    reverse("assisted_digital:start-channel"),
    reverse("assisted_digital:start-citizen"),
    reverse("assisted_digital:start-consent"),
    reverse("assisted_digital:sessions"),
]
ALL_URL = reverse("assisted_digital:sessions-all")


@pytest.mark.parametrize("url", PAGES)
def test_a_citizen_cannot_open_the_assisted_digital_pages(client, jane, url):
    client.force_login(jane)

    assert client.get(url).status_code == 403


@pytest.mark.parametrize("url", PAGES)
def test_an_agent_without_a_second_factor_is_sent_to_give_one(client, agent, url):
    sign_in(client, agent)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:staff-second-factor"))


@pytest.mark.parametrize("url", PAGES)
def test_a_caseworker_without_act_on_behalf_is_refused(client, caseworker, url):
    sign_in(client, caseworker, second_factor=True)

    assert client.get(url).status_code == 403


def test_someone_signed_out_is_asked_to_sign_in(client):
    response = client.get(reverse("assisted_digital:start"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_an_agent_whose_second_factor_lapses_stops_acting_for_the_citizen(
    agent_client, start_session, jane, settings
):
    session = start_session(jane)
    settings.ACCOUNTS_STAFF_SECOND_FACTOR_MAX_AGE_SECONDS = 60

    with time_machine.travel(dt.datetime.now(tz=dt.UTC) + dt.timedelta(minutes=5)):
        page = agent_client.get("/").content.decode()

    assert "You are helping" not in page
    session.refresh_from_db()
    assert session.status == "ended"
    assert session.end_reason == "expired"


def test_your_sessions_lists_the_agents_own_sessions_newest_first(agent_client, agent, jane):
    older = EndedSessionFactory(
        agent=agent, citizen=jane, started_at=dt.datetime(2026, 1, 5, 10, tzinfo=dt.UTC)
    )
    newer = EndedSessionFactory(
        agent=agent, channel="webchat", started_at=dt.datetime(2026, 2, 5, 10, tzinfo=dt.UTC)
    )
    someone_elses = EndedSessionFactory()
    SubmissionRecord.objects.create(
        service="ad-example",
        journey="apply",
        route="assisted",
        started_route="assisted",
        channel="phone",
        assisted_session=older,
    )

    response = agent_client.get(reverse("assisted_digital:sessions"))

    rows = list(response.context["sessions"])
    assert rows == [newer, older]
    assert someone_elses not in rows
    assert [row.submission_count for row in rows] == [0, 1]
    html = response.content.decode()
    assert "Jane Smith" in html and "Webchat" in html


def test_only_managers_see_all_sessions(agent_client):
    assert agent_client.get(ALL_URL).status_code == 403


def test_the_start_page_links_managers_to_all_sessions(client, manager, agent_client):
    assert (
        "All assisted-digital sessions"
        not in agent_client.get(reverse("assisted_digital:start")).content.decode()
    )
    sign_in(client, manager, second_factor=True)
    assert (
        "All assisted-digital sessions"
        in client.get(reverse("assisted_digital:start")).content.decode()
    )


@pytest.fixture
def sessions_to_filter(agent, jane):
    phone = EndedSessionFactory(
        agent=agent, citizen=jane, started_at=dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
    )
    webchat = EndedSessionFactory(
        channel="webchat", started_at=dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC)
    )
    paper = ActiveSessionFactory(
        agent=agent, channel="paper", started_at=dt.datetime(2026, 3, 20, 9, tzinfo=dt.UTC)
    )
    SubmissionRecord.objects.create(
        service="prison-visits",
        journey="book",
        route="assisted",
        started_route="assisted",
        channel="webchat",
        assisted_session=webchat,
    )
    return {"phone": phone, "webchat": webchat, "paper": paper}


@pytest.mark.parametrize(
    "params, expected",
    [
        ({}, ["paper", "webchat", "phone"]),
        ({"channel": "webchat"}, ["webchat"]),
        ({"agent": "AGENT"}, ["paper", "phone"]),
        ({"service": "prison-visits"}, ["webchat"]),
        (
            {"started_from_0": "5", "started_from_1": "3", "started_from_2": "2026"},
            ["paper", "webchat"],
        ),
        (
            {"started_to_0": "10", "started_to_1": "3", "started_to_2": "2026"},
            ["webchat", "phone"],
        ),
    ],
)
def test_managers_filter_all_sessions(client, manager, agent, sessions_to_filter, params, expected):
    sign_in(client, manager, second_factor=True)
    params = {key: (agent.pk if value == "AGENT" else value) for key, value in params.items()}

    response = client.get(ALL_URL, params)

    assert response.status_code == 200
    assert list(response.context["sessions"]) == [sessions_to_filter[name] for name in expected]


def test_a_date_range_the_wrong_way_round_is_an_error(client, manager, sessions_to_filter):
    sign_in(client, manager, second_factor=True)

    response = client.get(
        ALL_URL,
        {
            "started_from_0": "10",
            "started_from_1": "3",
            "started_from_2": "2026",
            "started_to_0": "1",
            "started_to_1": "3",
            "started_to_2": "2026",
        },
    )

    html = response.content.decode()
    assert "<title>Error:" in html
    assert "The end date must be the same as or after the start date" in html
    assert response.context["sessions"] is None


def test_managers_can_read_sessions_in_the_admin_but_not_change_them(
    client, manager, agent, sessions_to_filter
):
    sign_in(client, manager, second_factor=True)
    session = sessions_to_filter["phone"]

    listing = client.get(reverse("admin:assisted_digital_assistedsession_changelist"))
    detail = client.get(reverse("admin:assisted_digital_assistedsession_change", args=[session.pk]))

    assert listing.status_code == 200
    assert detail.status_code == 200
    assert (
        client.post(
            reverse("admin:assisted_digital_assistedsession_delete", args=[session.pk]),
            {"post": "yes"},
        ).status_code
        == 403
    )
