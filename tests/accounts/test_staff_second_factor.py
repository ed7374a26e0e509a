import time

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.urls import reverse

from .conftest import totp_code
from .factories import PASSWORD, TOTP_SECRET, StaffUserFactory

pytestmark = pytest.mark.django_db

SECOND_FACTOR_URL = reverse("accounts:staff-second-factor")


def sign_in(client, user):
    return client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})


def test_staff_with_an_authenticator_app_are_asked_for_a_code_at_sign_in(client, staff_with_totp):
    response = sign_in(client, staff_with_totp)

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    page = client.get(reverse("mfa_authenticate"))
    assert "Enter the code from your authenticator app" in page.content.decode()


def test_a_code_from_the_app_completes_sign_in_and_opens_the_admin(client, staff_with_totp):
    sign_in(client, staff_with_totp)

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(TOTP_SECRET)})

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_wrong_code_at_sign_in_is_refused_with_an_error(client, staff_with_totp):
    sign_in(client, staff_with_totp)
    wrong = f"{(int(totp_code(TOTP_SECRET)) + 1) % 1_000_000:06d}"

    response = client.post(reverse("mfa_authenticate"), {"code": wrong})

    html = response.content.decode()
    assert "<title>Error: Enter the code from your authenticator app" in html
    assert "The code is not correct" in html
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("path", ["/admin/", "/admin/accounts/user/", "/assisted-digital/"])
def test_staff_pages_redirect_staff_without_a_second_factor(client, staff_with_totp, path):
    client.force_login(staff_with_totp)

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith(SECOND_FACTOR_URL + "?next=")


def test_the_second_factor_page_offers_a_code_to_staff_with_an_app(client, staff_with_totp):
    client.force_login(staff_with_totp)

    response = client.get(SECOND_FACTOR_URL + "?next=/admin/")

    html = response.content.decode()
    assert "Confirm it’s you" in html
    assert reverse("mfa_reauthenticate") + "?next=%2Fadmin%2F" in html


def test_entering_a_code_after_being_stopped_opens_the_staff_page(client, staff_with_totp):
    client.force_login(staff_with_totp)
    client.get("/admin/")

    response = client.post(
        reverse("mfa_reauthenticate") + "?next=/admin/",
        {"code": totp_code(TOTP_SECRET), "next": "/admin/"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def open_enrolment_link(client, staff):
    """A new staff member opens the one-time link sent to them (see test_staff_enrolment)."""
    from digital_services.accounts.services import staff_enrolment_issue, staff_enrolment_token

    enrolment = staff_enrolment_issue(user=staff)
    url = reverse("accounts:staff-enrol", args=[staff_enrolment_token(enrolment)])
    assert client.post(url)["Location"] == reverse("mfa_activate_totp")


def reauthenticate_then_open_setup(client):
    """allauth asks for the password again before an authenticator can be added."""
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    response = client.post(
        reverse("account_reauthenticate"),
        {"password": PASSWORD, "next": reverse("mfa_activate_totp")},
    )
    assert response["Location"] == reverse("mfa_activate_totp")
    return client.get(reverse("mfa_activate_totp"))


# allauth announces the new authenticator on commit, inside the request; a
# transactional test lets that happen as in production (the record lands in the session).
@pytest.mark.django_db(transaction=True)
def test_staff_without_an_app_set_one_up_and_are_then_let_in(client):
    staff = StaffUserFactory()
    sign_in(client, staff)
    assert client.get("/admin/")["Location"].startswith(SECOND_FACTOR_URL)
    open_enrolment_link(client, staff)

    page = client.get(SECOND_FACTOR_URL)
    assert "Set up an authenticator app" in page.content.decode()
    html = reauthenticate_then_open_setup(client).content.decode()
    secret = client.session["mfa.totp.secret"]
    assert secret in html
    assert 'src="data:image/svg+xml;base64,' in html

    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()
    codes_page = client.get(reverse("mfa_view_recovery_codes")).content.decode()
    assert "Save your recovery codes" in codes_page
    assert client.get(SECOND_FACTOR_URL)["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_setting_up_an_app_rejects_a_wrong_code(client, staff):
    sign_in(client, staff)
    open_enrolment_link(client, staff)
    reauthenticate_then_open_setup(client)
    secret = client.session["mfa.totp.secret"]
    wrong = f"{(int(totp_code(secret)) + 1) % 1_000_000:06d}"

    response = client.post(reverse("mfa_activate_totp"), {"code": wrong})

    html = response.content.decode()
    assert "<title>Error: Set up an authenticator app" in html
    assert "The code is not correct" in html
    assert f'value="{wrong}"' in html
    assert not Authenticator.objects.filter(user=staff).exists()


def test_a_second_factor_expires_after_the_configured_time(client, staff_with_totp, settings):
    settings.ACCOUNTS_STAFF_SECOND_FACTOR_MAX_AGE_SECONDS = 600
    with time_machine.travel(time.time(), tick=False) as traveller:
        sign_in(client, staff_with_totp)
        client.post(reverse("mfa_authenticate"), {"code": totp_code(TOTP_SECRET)})
        assert client.get("/admin/").status_code == 200

        traveller.shift(601)

        assert client.get("/admin/")["Location"].startswith(SECOND_FACTOR_URL)


def test_staff_cannot_switch_off_their_authenticator_app(client, staff_with_totp):
    sign_in(client, staff_with_totp)
    client.post(reverse("mfa_authenticate"), {"code": totp_code(TOTP_SECRET)})

    client.post(reverse("mfa_deactivate_totp"))

    assert Authenticator.objects.filter(user=staff_with_totp, type=Authenticator.Type.TOTP).exists()


def test_the_admin_sign_in_page_sends_people_to_the_one_sign_in(client):
    response = client.get("/admin/login/?next=/admin/accounts/user/")

    assert response.status_code == 302
    assert response["Location"] == reverse("account_login") + "?next=%2Fadmin%2Faccounts%2Fuser%2F"


def test_the_admin_sign_in_page_ignores_a_next_address_on_another_site(client):
    response = client.get("/admin/login/?next=https://evil.example/")

    assert response["Location"] == reverse("account_login") + "?next=%2Fadmin%2F"


def test_people_who_are_not_staff_are_refused_the_admin(client, person):
    client.force_login(person)

    response = client.get("/admin/", follow=True)

    assert response.status_code == 403


def test_the_second_factor_page_is_only_for_staff(client, person):
    client.force_login(person)

    assert client.get(SECOND_FACTOR_URL).status_code == 403


def test_pages_outside_the_staff_prefixes_open_without_a_second_factor(client, staff_with_totp):
    client.force_login(staff_with_totp)

    assert client.get(reverse("accounts:your-applications")).status_code == 200
