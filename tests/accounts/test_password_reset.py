import re

import pytest
from django.core import mail
from django.urls import reverse

from .factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "orange-lantern-77"


def test_password_reset_sends_a_link_that_sets_a_new_password(client, person):
    response = client.post(reverse("account_reset_password"), {"email": person.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    assert mail.outbox[-1].subject == "Reset your password"
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[-1].body).group(1)

    form_page = client.get(link, follow=True)
    assert "Create a new password" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    response = client.post(set_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_from_key_done")
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)


def test_password_reset_rejects_a_weak_new_password(client, person):
    client.post(reverse("account_reset_password"), {"email": person.email})
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[-1].body).group(1)
    form_page = client.get(link, follow=True)
    set_url = form_page.redirect_chain[-1][0]

    response = client.post(set_url, {"password1": "12345678901", "password2": "12345678901"})

    html = response.content.decode()
    assert "<title>Error: Create a new password" in html
    assert "There is a problem" in html


def test_a_used_or_broken_reset_link_says_so(client, person):
    response = client.get(reverse("account_reset_password_from_key", args=["zz", "not-a-key"]))

    assert "The link has expired or has already been used" in response.content.decode()


def test_password_reset_for_an_unknown_email_looks_exactly_the_same(client):
    UserFactory(email="known@example.com")

    known = client.post(reverse("account_reset_password"), {"email": "known@example.com"})
    unknown = client.post(reverse("account_reset_password"), {"email": "unknown@example.com"})

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [m.to for m in mail.outbox] == [["known@example.com"], ["unknown@example.com"]]
    assert mail.outbox[1].subject == "We could not find an account for this email address"


def test_password_reset_asks_for_an_email_address(client):
    response = client.post(reverse("account_reset_password"), {"email": ""})

    html = response.content.decode()
    assert "<title>Error: Reset your password" in html
    assert '<a href="#id_email">Enter your email address</a>' in html
