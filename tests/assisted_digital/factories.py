"""One factory per kind of person and per session state."""

import datetime as dt

import factory
from django.utils import timezone

from assisted_digital.constants import CONSENT_STATEMENT, CONSENT_STATEMENT_VERSION
from assisted_digital.models import AssistedSession
from digital_services.accounts.citizens import placeholder_email_make
from digital_services.accounts.models import CitizenProfile
from tests.accounts.factories import StaffUserFactory, UserFactory


class CitizenWithEmailFactory(UserFactory):
    """A citizen with an email address and contact details, who wants emails."""

    profile = factory.RelatedFactory(
        "tests.assisted_digital.factories.CitizenProfileFactory",
        factory_related_name="user",
    )


class CitizenWithoutEmailFactory(UserFactory):
    """A citizen with no email address (a placeholder) who wants letters."""

    email = factory.LazyFunction(placeholder_email_make)
    profile = factory.RelatedFactory(
        "tests.assisted_digital.factories.CitizenProfileFactory",
        factory_related_name="user",
        has_email=False,
        preferred_contact=CitizenProfile.Contact.LETTER,
    )

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        self.save()  # no EmailAddress: there is no address to confirm


class CitizenProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CitizenProfile

    user = factory.SubFactory(UserFactory)
    date_of_birth = dt.date(1950, 1, 31)
    address_line_1 = factory.Sequence(lambda n: f"{n + 1} High Street")
    town = "Cardiff"
    postcode = "CF10 1AA"
    phone = "07700900123"
    has_email = True
    preferred_contact = CitizenProfile.Contact.EMAIL


class ActiveSessionFactory(factory.django.DjangoModelFactory):
    """An agent helping a citizen (with an email address) by phone."""

    class Meta:
        model = AssistedSession

    agent = factory.SubFactory(StaffUserFactory)
    citizen = factory.SubFactory(CitizenWithEmailFactory)
    channel = "phone"
    identity_checks = ["date_of_birth", "postcode"]
    consent_statement_version = CONSENT_STATEMENT_VERSION
    consent_statement = CONSENT_STATEMENT
    consent_accepted = True
    consent_method = "verbal_phone"
    consent_read_at = factory.LazyFunction(timezone.now)
    started_at = factory.LazyFunction(timezone.now)
    last_seen_at = factory.LazyFunction(timezone.now)
    status = AssistedSession.Status.ACTIVE


class EndedSessionFactory(ActiveSessionFactory):
    status = AssistedSession.Status.ENDED
    ended_at = factory.LazyFunction(timezone.now)
    end_reason = AssistedSession.EndReason.ENDED_BY_AGENT


def session_join(client, session: AssistedSession) -> None:
    """Make ``session`` the assisted session of the agent signed in on ``client``, as
    starting one from the assisted-digital pages does."""
    from assisted_digital.constants import SESSION_KEY

    django_session = client.session
    django_session[SESSION_KEY] = session.pk
    django_session.save()


def agent_helping(citizen, *, client=None, **session_kwargs):
    """A test client of an assisted-digital agent ("Ash Helper", second factor done) in an
    active session helping ``citizen``; ``client.agent`` and ``client.assisted_session``
    are set on it."""
    from django.test import Client

    from digital_services.accounts.constants import ASSISTED_DIGITAL_AGENT
    from digital_services.accounts.services import user_role_add
    from tests.conftest import sign_in

    agent = StaffUserFactory(full_name="Ash Helper")
    user_role_add(user=agent, role=ASSISTED_DIGITAL_AGENT)
    client = sign_in(client or Client(), agent, second_factor=True)
    session = ActiveSessionFactory(agent=agent, citizen=citizen, **session_kwargs)
    session_join(client, session)
    client.agent, client.assisted_session = agent, session
    return client
