from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt
from django.contrib.auth import get_user_model
from django.core.management.base import OutputWrapper

from digital_services.accounts import demo
from digital_services.accounts.constants import ALL_ROLES

pytestmark = pytest.mark.django_db


def run_seed() -> str:
    out = StringIO()
    demo.seed(OutputWrapper(out))
    return out.getvalue()


@pytest.fixture(autouse=True)
def _demo_users_on(settings):
    settings.ACCOUNTS_DEMO_USERS = True


def test_seeding_twice_leaves_one_user_per_role():
    run_seed()
    run_seed()

    users = get_user_model().objects.filter(email__in=[d.email for d in demo.DEMO_USERS])
    assert users.count() == len(demo.DEMO_USERS) == len(ALL_ROLES)
    assert sorted(users.values_list("groups__name", flat=True)) == sorted(ALL_ROLES)
    assert EmailAddress.objects.filter(verified=True, primary=True).count() == len(demo.DEMO_USERS)
    assert Authenticator.objects.count() == sum(d.is_staff for d in demo.DEMO_USERS)


def test_demo_users_sign_in_with_the_published_password():
    run_seed()

    for demo_user in demo.DEMO_USERS:
        assert (
            get_user_model().objects.get(email=demo_user.email).check_password(demo.DEMO_PASSWORD)
        )


def test_demo_staff_have_an_authenticator_with_the_published_secret():
    run_seed()

    for authenticator in Authenticator.objects.all():
        assert authenticator.user.is_staff
        assert decrypt(authenticator.data["secret"]) == demo.DEMO_TOTP_SECRET


def test_seeding_prints_a_table_of_sign_in_details():
    output = run_seed()

    for demo_user in demo.DEMO_USERS:
        assert demo_user.email in output
    assert demo.DEMO_PASSWORD in output
    assert demo.DEMO_TOTP_SECRET in output
    assert "otpauth://totp/" in output


def test_seeding_does_nothing_when_demo_users_are_off(settings):
    settings.ACCOUNTS_DEMO_USERS = False

    output = run_seed()

    assert "skipped" in output
    assert not get_user_model().objects.exists()
