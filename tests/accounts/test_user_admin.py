"""The user admin: administrators cannot make superusers, or grant roles they do not hold."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from digital_services.accounts.constants import ADMINISTRATOR, CASEWORKER_ROLES, CITIZEN
from digital_services.accounts.services import user_role_add
from digital_services.audit.models import AuditEvent
from tests.conftest import sign_in

from .factories import StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db

PRISON_CASEWORKER = CASEWORKER_ROLES["prison_visits"]


@pytest.fixture
def administrator(client):
    user = StaffUserFactory(email="ari.admin@example.com")
    user_role_add(user=user, role=ADMINISTRATOR)
    sign_in(client, user, second_factor=True)
    return user


@pytest.fixture
def superuser(client):
    user = StaffUserFactory(email="root@example.com", is_superuser=True)
    sign_in(client, user, second_factor=True)
    return user


def change_url(user):
    return reverse("admin:accounts_user_change", args=[user.pk])


def post_change(client, user, **changes):
    data = {
        "email": user.email,
        "full_name": user.full_name,
        "is_active": "on" if user.is_active else "",
        "is_staff": "on" if user.is_staff else "",
        "groups": [str(pk) for pk in user.groups.values_list("pk", flat=True)],
        **changes,
    }
    return client.post(change_url(user), {k: v for k, v in data.items() if v != ""})


def group(name):
    return Group.objects.get(name=name)


def access_events(user):
    return AuditEvent.objects.filter(
        action="accounts.user_access_changed", object_id=str(user.pk)
    ).order_by("pk")


def test_an_administrator_does_not_see_superuser_or_permission_fields(client, administrator):
    person = UserFactory()
    html = client.get(change_url(person)).content.decode()
    assert 'name="is_superuser"' not in html
    assert 'name="user_permissions"' not in html
    assert 'name="groups"' in html


def test_an_administrator_cannot_make_anyone_a_superuser_by_posting_the_fields(
    client, administrator
):
    person = UserFactory()
    permission = Permission.objects.get(codename="change_user")
    response = post_change(client, person, is_superuser="on", user_permissions=[str(permission.pk)])
    assert response.status_code == 302
    person.refresh_from_db()
    assert not person.is_superuser
    assert not person.user_permissions.exists()


def test_an_administrator_can_give_a_role_they_hold_and_it_is_audited(client, administrator):
    person = UserFactory()
    response = post_change(client, person, is_staff="on", groups=[str(group(ADMINISTRATOR).pk)])
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.is_staff
    assert list(person.groups.values_list("name", flat=True)) == [ADMINISTRATOR]
    event = access_events(person).get()
    assert event.actor == administrator
    assert event.detail == {
        "roles_added": [ADMINISTRATOR],
        "is_staff": {"from": False, "to": True},
    }


def test_an_administrator_cannot_give_a_role_they_do_not_hold(client, administrator):
    person = UserFactory()
    response = post_change(client, person, groups=[str(group(PRISON_CASEWORKER).pk)])
    assert response.status_code == 200  # the form says the choice is not valid
    assert not person.groups.filter(name=PRISON_CASEWORKER).exists()
    assert not access_events(person).exists()


def test_roles_the_administrator_does_not_hold_are_kept_when_they_save(client, administrator):
    person = StaffUserFactory()
    user_role_add(user=person, role=PRISON_CASEWORKER)
    response = post_change(client, person, groups=[str(group(ADMINISTRATOR).pk)])
    assert response.status_code == 302
    assert set(person.groups.values_list("name", flat=True)) == {
        PRISON_CASEWORKER,
        ADMINISTRATOR,
    }
    assert access_events(person).get().detail == {"roles_added": [ADMINISTRATOR]}


def test_an_administrator_cannot_change_their_own_roles_or_staff_flag(client, administrator):
    html = client.get(change_url(administrator)).content.decode()
    assert 'name="groups"' not in html
    assert 'name="is_staff"' not in html
    response = post_change(
        client,
        administrator,
        is_staff="",
        groups=[str(group(ADMINISTRATOR).pk), str(group(CITIZEN).pk)],
    )
    assert response.status_code == 302
    administrator.refresh_from_db()
    assert administrator.is_staff
    assert list(administrator.groups.values_list("name", flat=True)) == [ADMINISTRATOR]
    assert not access_events(administrator).exists()


def test_an_administrator_cannot_change_a_superusers_account(client, administrator):
    root = StaffUserFactory(is_superuser=True)
    page = client.get(change_url(root))  # they may still look: view only
    assert page.status_code == 200
    assert 'name="is_staff"' not in page.content.decode()
    response = post_change(client, root, is_staff="")
    assert response.status_code == 403
    root.refresh_from_db()
    assert root.is_staff


def test_a_superuser_can_make_a_superuser_and_it_is_audited(client, superuser):
    person = UserFactory()
    html = client.get(change_url(person)).content.decode()
    assert 'name="is_superuser"' in html
    response = post_change(client, person, is_staff="on", is_superuser="on")
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.is_superuser
    assert access_events(person).get().detail == {
        "is_staff": {"from": False, "to": True},
        "is_superuser": {"from": False, "to": True},
    }
