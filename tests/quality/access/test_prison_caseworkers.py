"""Prison caseworkers see the cases of their own prison only; citizens only their own visits.

Prison caseworkers P and Q (world.py) hold the same group; what separates them is
their PrisonStaffAssignment. Each test runs for both, with one visit at each prison.
"""

import pytest
from django.test import Client
from django.urls import reverse

from tests.prison_visits.factories import AssignmentFactory, PrisonFactory, RequestedVisitFactory

from .world import CITIZEN_A, CITIZEN_B, PRISON_P, PRISON_Q, World

pytestmark = pytest.mark.django_db

OTHER = {PRISON_P: PRISON_Q, PRISON_Q: PRISON_P}


@pytest.fixture
def prisons():
    """The world, a prison for each of P and Q (assigned), and one visit at each, by citizen A."""
    world = World(roles=(CITIZEN_A, CITIZEN_B, PRISON_P, PRISON_Q))
    visits = {}
    for role in (PRISON_P, PRISON_Q):
        prison = PrisonFactory()
        AssignmentFactory(user=world.user(role), prison=prison)
        visits[role] = RequestedVisitFactory(prison=prison, user=world.user(CITIZEN_A))
    return world, visits


@pytest.mark.parametrize("role", [PRISON_P, PRISON_Q])
def test_a_prison_caseworker_lists_only_their_own_prisons_visits(prisons, role):
    world, visits = prisons
    client = world.client(role)

    response = client.get(reverse("admin:prison_visits_visit_changelist"))

    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("admin:prison_visits_visit_change", args=[visits[role].pk]) in html
    assert reverse("admin:prison_visits_visit_change", args=[visits[OTHER[role]].pk]) not in html


@pytest.mark.parametrize("role", [PRISON_P, PRISON_Q])
def test_a_prison_caseworker_cannot_open_another_prisons_visit(prisons, role):
    world, visits = prisons
    client = world.client(role)

    own = client.get(reverse("admin:prison_visits_visit_change", args=[visits[role].pk]))
    other = client.get(reverse("admin:prison_visits_visit_change", args=[visits[OTHER[role]].pk]))

    assert own.status_code == 200
    assert other.status_code in (302, 403, 404)
    if other.status_code == 302:  # Django's "does not exist" redirect to the admin index
        assert other["Location"] == reverse("admin:index")
    assert visits[OTHER[role]].prisoner_number not in other.content.decode()


@pytest.mark.parametrize("role", [PRISON_P, PRISON_Q])
def test_a_citizen_opens_their_own_visit_by_reference_but_not_another_citizens(prisons, role):
    world, visits = prisons
    url = reverse("prison_visits:visit-status", args=[visits[role].reference])

    owner = world.client(CITIZEN_A).get(url)
    other = world.client(CITIZEN_B).get(url)
    anonymous = Client().get(url)

    assert owner.status_code == 200
    assert other.status_code == 404
    assert anonymous.status_code == 302  # to the look-up by reference and date of birth
    assert anonymous["Location"].startswith(reverse("prison_visits:visit-find"))
