"""The citizen's status page and "Your applications"."""

from datetime import date

import pytest
from django.urls import reverse

from digital_services.notifications.registry import template_problems, templates_all
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in

from .factories import BookedVisitFactory, RejectedVisitFactory, slot_on

pytestmark = pytest.mark.django_db


def test_the_owner_sees_their_booked_visit_with_who_can_come(client, citizen, prison, frozen):
    visit = BookedVisitFactory(prison=prison, user=citizen, slot=slot_on(date(2026, 12, 1)))
    child = visit.visitors.get(position=1)
    child.allowed, child.exclusion = False, "not_on_list"
    child.save()
    sign_in(client, citizen)

    response = client.get(reverse("prison_visits:visit-status", args=[visit.reference]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Your visit is booked" in page
    assert "Tuesday 1 December 2026, 2pm to 4pm" in page
    assert "No: Is not on the prisoner’s contact list" in page
    assert "What to bring" in page


def test_a_rejected_visit_shows_the_reasons(client, citizen, prison, frozen):
    visit = RejectedVisitFactory(prison=prison, user=citizen)
    sign_in(client, citizen)

    page = client.get(
        reverse("prison_visits:visit-status", args=[visit.reference])
    ).content.decode()

    assert "Your visit could not be booked" in page
    assert "None of the times you chose are available" in page


def test_someone_elses_visit_is_not_found(client, citizen, prison, frozen):
    visit = BookedVisitFactory(prison=prison, user=UserFactory())
    sign_in(client, citizen)

    assert (
        client.get(reverse("prison_visits:visit-status", args=[visit.reference])).status_code == 404
    )


def test_the_status_page_needs_sign_in(client, prison, frozen):
    visit = BookedVisitFactory(prison=prison)

    response = client.get(reverse("prison_visits:visit-status", args=[visit.reference]))

    assert response.status_code == 302


def test_your_applications_lists_the_users_visits(client, citizen, prison, frozen):
    visit = BookedVisitFactory(prison=prison, user=citizen)
    sign_in(client, citizen)

    page = client.get(reverse("accounts:your-applications")).content.decode()

    assert visit.reference_display in page
    assert "Visit to Jo Bloggs at HMP Alpha" in page
    assert reverse("prison_visits:visit-status", args=[visit.reference]) in page


def test_every_prison_visits_template_is_sound():
    ours = [t for t in templates_all() if t.key.startswith("prison_visits.")]

    assert len(ours) == 14
    for template in ours:
        assert template_problems(template) == [], template.key
