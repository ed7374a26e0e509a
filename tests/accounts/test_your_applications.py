from datetime import UTC, datetime

import pytest
from django.urls import reverse

from digital_services.core import registry
from digital_services.core.registry import CaseSummary, Service

pytestmark = pytest.mark.django_db

URL = reverse("accounts:your-applications")


@pytest.fixture
def fake_service(monkeypatch):
    """A registered service whose cases belong to whoever has "owner" in their email address."""

    def list_cases(user):
        if "owner" not in user.email:
            return []
        return [
            CaseSummary(
                reference="FAKE-1234",
                title="Application for a fake thing",
                status="Received",
                url="/fake/1/",
                updated_at=datetime(2026, 3, 5, 10, tzinfo=UTC),
            ),
            CaseSummary(
                reference="",
                title="Unfinished fake application",
                status="Not finished",
                url="/fake/draft/",
                is_draft=True,
                action_label="Continue",
            ),
        ]

    service = Service(
        slug="fake-service",
        name="Apply for a fake thing",
        description="A service that exists only in tests.",
        start_url_name="core:start",
        list_cases=list_cases,
        order=1,
    )
    monkeypatch.setitem(registry._services, service.slug, service)
    return service


def test_your_applications_needs_you_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_your_applications_shows_an_empty_state_when_you_have_none(client, person, fake_service):
    client.force_login(person)

    html = client.get(URL).content.decode()

    assert "You have no applications yet" in html
    assert "FAKE-1234" not in html


def test_your_applications_lists_cases_from_a_registered_service(client, fake_service):
    from .factories import UserFactory

    owner = UserFactory(email="owner@example.com")
    client.force_login(owner)

    html = client.get(URL).content.decode()

    assert '<h2 class="govuk-heading-m">Apply for a fake thing</h2>' in html
    assert "FAKE-1234" in html
    assert "5 March 2026" in html
    assert 'href="/fake/draft/">Continue' in html
    assert "You have no applications yet" not in html


def test_your_applications_lists_drafts_before_submitted_cases(client, fake_service):
    from .factories import UserFactory

    client.force_login(UserFactory(email="owner@example.com"))

    html = client.get(URL).content.decode()

    assert html.index("Unfinished fake application") < html.index("Application for a fake thing")


def test_your_applications_is_never_cached(client, person):
    client.force_login(person)

    assert "no-cache" in client.get(URL)["Cache-Control"]


def test_each_person_sees_only_their_own_cases_of_every_kind_one_after_the_other(client, settings):
    """The services' lists build their SQL once per process (``core.queries.CompiledQuery``)
    and run it with the signed-in person's id: two people's pages in turn, each with cases of
    every kind (the second on the other side of the claims, in Welsh), show each their own."""
    import time_machine

    from lasting_power import demo as lpa_demo
    from lasting_power.constants import LpaType
    from tests.civil_claims.factories import claim_issued
    from tests.civil_claims.factories_defendant import claim_linked_to
    from tests.civil_claims.factories_possession_defendant import (
        possession_claim_issued,
        possession_claim_linked_to,
    )
    from tests.conftest import sign_in
    from tests.prison_visits.factories import RequestedVisitFactory
    from tests.tribunal_fees.factories import FeeCaseFactory

    from .factories import UserFactory

    settings.SITE_URL = "http://testserver"
    with time_machine.travel("2026-11-25 10:00 +0000", tick=False):
        first, second = UserFactory(), UserFactory()
        cases = {
            first: [
                claim_issued(user=first),
                possession_claim_issued(user=first),
                lpa_demo.lpa_answered(first, LpaType.PROPERTY_FINANCE, lpa_demo.COMPLETED),
                RequestedVisitFactory(user=first),
                FeeCaseFactory(user=first),
            ],
            second: [
                claim_linked_to(second),
                possession_claim_linked_to(second),
                RequestedVisitFactory(user=second),
                FeeCaseFactory(user=second),
            ],
        }
    references = {
        person: [getattr(case, "reference_display", case.reference) for case in own]
        for person, own in cases.items()
    }

    pages = {}
    for person in (first, second, first):
        if person is second:
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
        else:
            client.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)
        sign_in(client, person)
        pages[person] = client.get(URL).content.decode()
        other = second if person is first else first
        assert all(reference in pages[person] for reference in references[person])
        assert not any(reference in pages[person] for reference in references[other])

    assert "Money claim against" in pages[first]
    assert "Possession claim: " in pages[first]
    assert "Hawliad am arian a wnaed yn eich erbyn gan" in pages[second]
    assert "Hawliad meddiant ar gyfer" in pages[second]
