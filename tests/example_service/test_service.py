"""The example service is a complete service added with its app folder and one
INSTALLED_APPS line (tests/settings.py): it shows up on the start page, in "Your
applications", in the access matrix, in the accessibility walk and in the admin,
with its role and demo user, and no platform file names it."""

from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from digital_services.accounts import demo
from digital_services.accounts.constants import ADMINISTRATOR, ALL_ROLES, CASEWORKER_ROLES
from digital_services.accounts.services import user_role_add
from digital_services.core.registry import service_get
from tests.accounts.factories import StaffUserFactory, UserFactory
from tests.conftest import sign_in
from tests.quality.access.check import rows_for
from tests.quality.access.patterns import url_patterns
from tests.quality.access.world import CASEWORKERS, ROLE_GROUPS
from tests.quality.harness import ClientDriver, JourneyWalker, journeys_list, page_paths

from .constants import CASEWORKER_ROLE, SERVICE_SLUG, LicenceStatus
from .factories import SubmittedApplicationFactory
from .journeys import APPLY
from .models import LicenceApplication

ROOT = Path(__file__).resolve().parents[2]
#: The platform and the real services: none of it may name the example service.
PLATFORM = [
    "digital_services",
    "assisted_digital",
    "prison_visits",
    "tribunal_fees",
    "civil_claims",
    "lasting_power",
    "templates",
    "bench",
    "scripts",
    "Makefile",
    "pyproject.toml",
    "manage.py",
]


def test_no_platform_file_names_the_example_service():
    mentions = []
    for entry in PLATFORM:
        path = ROOT / entry
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        for file in files:
            if "__pycache__" in file.parts or file.suffix in (".pyc", ".png", ".woff2", ".ico"):
                continue
            text = file.read_text(errors="ignore")
            if "example_service" in text or SERVICE_SLUG in text:
                mentions.append(str(file.relative_to(ROOT)))

    assert not mentions


def test_the_service_is_registered_from_its_own_folder():
    service = service_get(SERVICE_SLUG)

    assert service.start_url == "/example-licence/"
    assert service.label == "example_service"


@pytest.mark.django_db
def test_the_start_page_lists_the_service(client):
    page = client.get(reverse("core:start")).content.decode()

    assert "Apply for an example licence" in page
    assert 'href="/example-licence/"' in page
    assert client.get("/example-licence/").status_code == 200


@pytest.mark.django_db
def test_your_applications_lists_the_users_applications(client):
    citizen = UserFactory()
    application = SubmittedApplicationFactory(user=citizen, activity="kite flying")
    SubmittedApplicationFactory(activity="someone else’s")
    sign_in(client, citizen)

    page = client.get(reverse("accounts:your-applications")).content.decode()

    assert "Apply for an example licence" in page
    assert "Example licence for kite flying" in page
    assert application.reference in page
    assert "someone else’s" not in page


@pytest.mark.django_db
def test_the_role_its_permissions_and_the_demo_user_come_from_the_registry():
    group = Group.objects.get(name=CASEWORKER_ROLE)
    held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    admin_held = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=ADMINISTRATOR).permissions.all()
    }

    assert CASEWORKER_ROLES["example_service"] == CASEWORKER_ROLE
    assert CASEWORKER_ROLE in ALL_ROLES
    assert held == {
        "example_service.view_licenceapplication",
        "example_service.decide_licenceapplication",
    }
    assert "example_service.view_licenceapplication" in admin_held
    assert "example_service.decide_licenceapplication" not in admin_held
    assert [u.email for u in demo.DEMO_USERS if u.role == CASEWORKER_ROLE] == [
        "demo.example@example.com"
    ]


@pytest.mark.django_db
def test_every_url_of_the_service_has_an_access_matrix_row_from_its_declaration():
    patterns = [
        p
        for p in url_patterns()
        if (p.name or "").startswith("example_service:")
        or p.route.startswith("admin/example_service/")
    ]
    rows, missing = rows_for(patterns)
    by_name = {pattern.name: entry for _label, pattern, entry in rows}

    assert not missing
    assert len(patterns) > 10  # start, confirmation, detail, the journey's and admin pages
    assert {"example_service:start", "example_service:application-detail"} <= set(by_name)
    assert CASEWORKER_ROLE in ROLE_GROUPS and CASEWORKER_ROLE in CASEWORKERS


def test_an_undeclared_url_of_the_service_has_no_matrix_row(monkeypatch):
    from dataclasses import replace

    from digital_services.core import registry

    service = service_get(SERVICE_SLUG)
    without_detail = {k: v for k, v in service.access.items() if k != "application-detail"}
    monkeypatch.setitem(registry._services, SERVICE_SLUG, replace(service, access=without_detail))
    detail = [p for p in url_patterns() if p.name == "example_service:application-detail"]

    _rows, missing = rows_for(detail)

    assert missing == [detail[0].label]


def test_the_accessibility_walk_finds_its_start_page_and_its_journey():
    assert "/example-licence/" in page_paths()
    assert APPLY in journeys_list()


def test_its_model_is_in_the_admin():
    assert LicenceApplication in admin.site._registry


@pytest.mark.django_db
def test_a_caseworker_sees_applications_in_the_admin_and_a_citizen_does_not(client):
    SubmittedApplicationFactory()
    caseworker = StaffUserFactory()
    user_role_add(user=caseworker, role=CASEWORKER_ROLE)
    changelist = reverse("admin:example_service_licenceapplication_changelist")

    assert sign_in(client, caseworker, second_factor=True).get(changelist).status_code == 200
    client.logout()
    assert sign_in(client, UserFactory()).get(changelist).status_code in (302, 403)


@pytest.mark.django_db
def test_the_journey_sends_an_application_its_sender_then_owns(client):
    citizen = UserFactory()
    sign_in(client, citizen)

    walker = JourneyWalker(APPLY, ClientDriver(client))
    end = walker.walk()

    application = LicenceApplication.objects.get()
    assert application.user == citizen
    assert application.status == LicenceStatus.SUBMITTED
    assert "Application sent" in client.get(end).content.decode()
    detail = reverse("example_service:application-detail", args=[application.reference])
    assert client.get(detail).status_code == 200


@pytest.mark.django_db
def test_an_application_is_not_found_for_anyone_but_its_owner(client):
    application = SubmittedApplicationFactory()
    detail = reverse("example_service:application-detail", args=[application.reference])

    assert sign_in(client, UserFactory()).get(detail).status_code == 404


@pytest.mark.django_db
def test_its_migrations_match_its_models():
    from django.core.management import call_command

    call_command("makemigrations", "example_service", "--check", "--dry-run", verbosity=0)
