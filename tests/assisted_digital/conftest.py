import pytest
from django.test import Client

from digital_services.accounts.constants import (
    ADMINISTRATOR,
    ASSISTED_DIGITAL_AGENT,
    CASEWORKER_ROLES,
)
from digital_services.accounts.services import user_role_add
from digital_services.core import registry
from digital_services.notifications.registry import template_register, template_unregister
from tests.accounts.factories import StaffUserFactory, UserFactory
from tests.conftest import sign_in

from .example import CONFIRMATION_TEMPLATE, SERVICE, Calls
from .factories import (
    ActiveSessionFactory,
    CitizenWithEmailFactory,
    CitizenWithoutEmailFactory,
    session_join,
)


@pytest.fixture(autouse=True)
def _example_service(request, monkeypatch):
    """The example service is registered for the tests that use its URLs."""
    if request.node.get_closest_marker("urls") is None:
        return
    monkeypatch.setitem(
        registry._services,
        SERVICE,
        registry.Service(
            slug=SERVICE,
            name="Example assisted service",
            description="For tests",
            start_url_name="ad_example:start",
            order=999,
        ),
    )


@pytest.fixture(autouse=True)
def _confirmation_template():
    template_register(
        CONFIRMATION_TEMPLATE,
        subject="Application received",
        body="Dear ((name)), we have your application.",
        cy_subject="Cais wedi dod i law",
        cy_body="Annwyl ((name)), mae eich cais gennym.",
        personalisation=["name"],
        channels=["email", "sms", "letter"],
    )
    yield
    template_unregister(CONFIRMATION_TEMPLATE)


@pytest.fixture(autouse=True)
def submit_calls():
    Calls.calls = []
    yield Calls.calls
    Calls.calls = []


@pytest.fixture
def agent(db):
    user = StaffUserFactory(full_name="Ash Helper")
    user_role_add(user=user, role=ASSISTED_DIGITAL_AGENT)
    return user


@pytest.fixture
def manager(db):
    user = StaffUserFactory(full_name="Ari Admin")
    user_role_add(user=user, role=ADMINISTRATOR)
    user_role_add(user=user, role=ASSISTED_DIGITAL_AGENT)
    return user


@pytest.fixture
def caseworker(db):
    user = StaffUserFactory()
    user_role_add(user=user, role=CASEWORKER_ROLES["prison_visits"])
    return user


@pytest.fixture
def jane(db):
    """A citizen with an email address."""
    return CitizenWithEmailFactory(full_name="Jane Smith", email="jane@example.com")


@pytest.fixture
def margaret(db):
    """A citizen without an email address, who wants letters."""
    return CitizenWithoutEmailFactory(full_name="Margaret Evans")


@pytest.fixture
def agent_client(client, agent):
    return sign_in(client, agent, second_factor=True)


@pytest.fixture
def start_session(agent_client, agent):
    """Make ``citizen`` the person ``agent`` is helping (by phone unless told) in agent_client."""

    def start(citizen, **kwargs):
        session = ActiveSessionFactory(agent=agent, citizen=citizen, **kwargs)
        session_join(agent_client, session)
        return session

    return start


@pytest.fixture
def jane_client(jane):
    """A second browser, where Jane herself is signed in."""
    client = Client()
    client.force_login(jane)
    return client


@pytest.fixture
def other_citizen(db):
    return UserFactory(full_name="Someone Else")
