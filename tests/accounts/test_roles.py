import pytest
from django.contrib.auth.models import Group

from digital_services.accounts.constants import (
    ADMINISTRATOR,
    ALL_ROLES,
    ASSISTED_DIGITAL_AGENT,
    CASEWORKER_ROLES,
    CITIZEN,
    ROLE_PERMISSIONS,
    SERVICE_OWNER,
)
from digital_services.accounts.services import UnknownRoleError, user_role_add

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_migration_creates_exactly_the_roles_in_constants():
    assert set(Group.objects.values_list("name", flat=True)) >= set(ALL_ROLES)
    assert set(ROLE_PERMISSIONS) == set(ALL_ROLES)


@pytest.mark.parametrize("role", ALL_ROLES)
def test_each_role_has_the_platform_permissions_and_only_its_own_services_on_top(role):
    """Every role holds ROLE_PERMISSIONS (the platform's table plus what each service's
    registry entry declares), and nothing outside what follows.

    A caseworker may only gain permissions of their own service's app, the
    administrator those of any service, and no other role gains anything.
    """
    group = Group.objects.get(name=role)

    granted = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    added_by_apps = {name.split(".")[0] for name in granted - ROLE_PERMISSIONS[role]}

    assert granted >= ROLE_PERMISSIONS[role]
    own_service = [app for app, name in CASEWORKER_ROLES.items() if name == role]
    if own_service:
        # Declared or not: a caseworker holds nothing outside their own service's app.
        assert {name.split(".")[0] for name in granted} <= set(own_service)
    elif role == ADMINISTRATOR:
        assert added_by_apps <= set(CASEWORKER_ROLES)
    else:
        assert added_by_apps == set()


def test_an_assisted_digital_agent_may_act_on_behalf_of_citizens():
    agent = UserFactory()
    user_role_add(user=agent, role=ASSISTED_DIGITAL_AGENT)

    assert agent.has_perm("assisted_digital.act_on_behalf")
    assert not agent.has_perm("accounts.view_kpis")


def test_a_service_owner_may_view_kpis_but_not_act_on_behalf():
    owner = UserFactory()
    user_role_add(user=owner, role=SERVICE_OWNER)

    assert owner.has_perm("accounts.view_kpis")
    assert not owner.has_perm("assisted_digital.act_on_behalf")


def test_a_citizen_has_no_permissions():
    citizen = UserFactory()
    user_role_add(user=citizen, role=CITIZEN)

    assert citizen.get_all_permissions() == set()


def test_adding_a_role_twice_keeps_one_membership():
    user = UserFactory()

    user_role_add(user=user, role=CITIZEN)
    user_role_add(user=user, role=CITIZEN)

    assert user.groups.count() == 1


def test_adding_an_unknown_role_fails_loudly():
    with pytest.raises(UnknownRoleError):
        user_role_add(user=UserFactory(), role="wizard")
