import pytest
import time_machine
from django.contrib.auth.models import Group

from digital_services.accounts.constants import ADMINISTRATOR, CASEWORKER_ROLES
from tests.accounts.factories import StaffUserFactory

from .factories import AssignmentFactory, PrisonFactory

#: Wednesday 25 November 2026, 9am: lead time 3 working days → reply by Mon 30 Nov,
#: first bookable day Tue 1 Dec, last day Wed 23 Dec (28 days).
NOW = "2026-11-25 09:00 +0000"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def prison(db):
    return PrisonFactory(name="HMP Alpha", slug="hmp-alpha")


@pytest.fixture
def other_prison(db):
    return PrisonFactory(name="HMP Beta", slug="hmp-beta")


def caseworker_for(prison, **kwargs):
    user = StaffUserFactory(**kwargs)
    user.groups.add(Group.objects.get_or_create(name=CASEWORKER_ROLES["prison_visits"])[0])
    AssignmentFactory(user=user, prison=prison)
    return user


@pytest.fixture
def caseworker(prison):
    return caseworker_for(prison, full_name="Pat Prisons")


@pytest.fixture
def other_caseworker(other_prison):
    return caseworker_for(other_prison, full_name="Sam Elsewhere")


@pytest.fixture
def administrator(db):
    user = StaffUserFactory(full_name="Ari Admin")
    user.groups.add(Group.objects.get(name=ADMINISTRATOR))
    return user
