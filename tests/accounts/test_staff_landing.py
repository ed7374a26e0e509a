"""Issue #12 point 5: after signing in (password, then the authenticator code) each staff
role lands on its work, not on an admin index that says they may see nothing."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from digital_services.accounts.constants import (
    ADMINISTRATOR,
    ASSISTED_DIGITAL_AGENT,
    SERVICE_OWNER,
    caseworker_roles,
)
from digital_services.core.registry import service_roles
from tests.conftest import sign_in as sign_in_with_second_factor

from .conftest import totp_code
from .factories import PASSWORD, TOTP_SECRET, StaffWithTotpFactory

pytestmark = pytest.mark.django_db


def signed_in_landing(client, role: str) -> str:
    user = StaffWithTotpFactory()
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(TOTP_SECRET)})
    assert response.status_code == 302
    return response["Location"]


@pytest.mark.parametrize(
    ("role", "url_name"),
    [
        (ASSISTED_DIGITAL_AGENT, "assisted_digital:start"),
        (SERVICE_OWNER, "performance_staff:dashboard"),
        (ADMINISTRATOR, "admin:index"),
    ],
)
def test_each_platform_staff_role_lands_on_its_work(client, role, url_name):
    landing = signed_in_landing(client, role)

    assert landing == reverse(url_name)
    assert client.get(landing).status_code == 200


def test_every_caseworker_lands_on_their_services_queue(client):
    """A role with staff permissions declares its queue; a role that has no staff pages
    yet (a service with only a start page) lands on the index."""
    assert caseworker_roles(), "no service declares a caseworker role"
    with_work = [(s, r) for s, r in service_roles() if r.permissions]
    assert with_work, "no service role holds any permission"
    for service, role in service_roles():
        client.logout()
        landing = signed_in_landing(client, role.name)
        if not role.permissions:
            assert landing == reverse("admin:index"), role.name
            continue
        assert role.staff_landing_url_name, f"{service.slug}: {role.name} declares no landing"
        assert landing == reverse(role.staff_landing_url_name)
        assert landing.startswith(f"/admin/{service.label}/"), landing
        assert client.get(landing).status_code == 200, landing


def test_the_staff_index_links_to_assisted_digital_and_the_kpis_for_who_may_open_them(client):
    from tests.accounts.factories import StaffUserFactory

    agent = StaffUserFactory()
    agent.groups.add(Group.objects.get(name=ASSISTED_DIGITAL_AGENT))
    sign_in_with_second_factor(client, agent, second_factor=True)
    page = client.get(reverse("admin:index")).content.decode()
    assert reverse("assisted_digital:start") in page
    assert reverse("performance_staff:dashboard") not in page
    assert "permission to view or edit anything" not in page

    owner = StaffUserFactory()
    owner.groups.add(Group.objects.get(name=SERVICE_OWNER))
    sign_in_with_second_factor(client, owner, second_factor=True)
    page = client.get(reverse("admin:index")).content.decode()
    assert reverse("performance_staff:dashboard") in page
    assert reverse("assisted_digital:start") not in page
