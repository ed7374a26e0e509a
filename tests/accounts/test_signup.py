import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from digital_services.accounts.constants import CITIZEN

from .conftest import code_from_last_email, outbox_deliver_pending
from .factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "plum-tree-kettle-42"


def signup(client, email="new.person@example.com", password1=NEW_PASSWORD, password2=NEW_PASSWORD):
    return client.post(
        reverse("account_signup"), {"email": email, "password1": password1, "password2": password2}
    )


def test_signup_page_is_a_govuk_page_without_placeholders(client):
    response = client.get(reverse("account_signup"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Create an account – " in html
    assert html.count("<h1") == 1
    assert 'class="govuk-input' in html
    assert "placeholder=" not in html


def test_signup_sends_a_code_and_entering_it_confirms_the_email_and_signs_in(client):
    response = signup(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    outbox_deliver_pending()
    assert mail.outbox[-1].to == ["new.person@example.com"]
    assert mail.outbox[-1].subject == "Confirm your email address"
    user = get_user_model().objects.get(email="new.person@example.com")
    assert not EmailAddress.objects.get(user=user).verified

    page = client.get(reverse("account_email_verification_sent"))
    assert "Confirm your email address" in page.content.decode()
    assert "new.person@example.com" in page.content.decode()

    response = client.post(
        reverse("account_email_verification_sent"),
        {"action": "verify", "code": code_from_last_email()},
    )

    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert client.session["_auth_user_id"] == str(user.pk)


def test_signup_gives_the_new_account_the_citizen_role(client):
    signup(client)

    user = get_user_model().objects.get(email="new.person@example.com")
    assert list(user.groups.values_list("name", flat=True)) == [CITIZEN]


def test_email_verification_rejects_a_wrong_code_with_an_error_summary(client):
    signup(client)

    response = client.post(
        reverse("account_email_verification_sent"), {"action": "verify", "code": "WRONG1"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Confirm your email address" in html
    assert "There is a problem" in html
    assert "The code is not correct" in html
    assert not EmailAddress.objects.get(email="new.person@example.com").verified


def test_signup_errors_are_summarised_and_keep_what_was_typed(client):
    response = signup(client, email="kept@example.com", password1="", password2="")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Create an account" in html
    assert "There is a problem" in html
    assert '<a href="#id_password1">Enter a password</a>' in html
    assert 'value="kept@example.com"' in html
    assert "govuk-form-group--error" in html


def test_signup_rejects_a_badly_formatted_email_address(client):
    response = signup(client, email="not-an-email")

    assert (
        "Enter an email address in the correct format, like name@example.com"
        in response.content.decode()
    )


def test_signup_rejects_passwords_that_do_not_match(client):
    response = signup(client, password2="something-else-99")

    assert "You must type the same password each time" in response.content.decode()
    assert not get_user_model().objects.filter(email="new.person@example.com").exists()


def test_signup_with_an_email_that_has_an_account_looks_the_same_and_tells_the_owner(client):
    UserFactory(email="taken@example.com")

    response = signup(client, email="taken@example.com")

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert get_user_model().objects.filter(email="taken@example.com").count() == 1
    outbox_deliver_pending()
    assert mail.outbox[-1].subject == "You already have an account"
    assert "/accounts/password/reset/" in mail.outbox[-1].body


# The same work whether or not the email has an account (no timing tells) ------------


@pytest.mark.parametrize("has_account", [False, True], ids=["new email", "email with an account"])
def test_signup_hashes_a_password_and_queues_one_outbox_email_either_way(client, has_account):
    from unittest import mock

    from django.contrib.auth.hashers import get_hasher

    from digital_services.notifications.models import OutboundMessage

    if has_account:
        UserFactory(email="new.person@example.com")
    mail.outbox.clear()
    hasher = type(get_hasher())
    with mock.patch.object(hasher, "encode", autospec=True, side_effect=hasher.encode) as hashed:
        response = signup(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert [call.args[1] for call in hashed.call_args_list] == [NEW_PASSWORD]
    message = OutboundMessage.objects.get()
    assert message.recipient == "new.person@example.com"
    assert message.template_key == (
        "accounts.account_already_exists" if has_account else "accounts.email_confirmation_signup"
    )
    assert mail.outbox == []  # nothing sent while the person waits
