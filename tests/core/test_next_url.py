"""Every ``next`` the site honours goes through one helper that keeps the redirect on this site."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from digital_services.core.redirects import next_url_safe

pytestmark = pytest.mark.django_db

#: Absolute URLs on this site whose path alone would leave it.
SAME_HOST_BUT_OFF_SITE_PATHS = [
    "http://testserver//evil.example/x",
    "http://testserver/\\evil.example/x",
    "http://testserver///evil.example",
]


@pytest.mark.parametrize(
    "url, expected",
    [
        ("/contact/", "/contact/"),
        ("/prison-visits/?a=1", "/prison-visits/?a=1"),
        ("http://testserver/contact/?x=2#frag", "/contact/?x=2"),
        ("https://evil.example/x", None),
        ("//evil.example/x", None),
        ("javascript:alert(1)", None),
        ("/\\evil.example", None),
        ("", None),
        *[(url, None) for url in SAME_HOST_BUT_OFF_SITE_PATHS],
    ],
)
def test_next_url_safe_keeps_only_paths_on_this_site(url, expected):
    request = RequestFactory().get("/")
    assert next_url_safe(request, url) == expected
    assert next_url_safe(request, url, default="/fallback/") == (expected or "/fallback/")


@pytest.mark.parametrize("unsafe", SAME_HOST_BUT_OFF_SITE_PATHS)
def test_cookie_banner_never_redirects_to_a_protocol_relative_path(client, unsafe):
    response = client.post(reverse("core:cookies"), {"cookies": "accept", "next": unsafe})
    assert response.status_code == 302
    assert response["Location"] == reverse("core:start")


@pytest.mark.parametrize("unsafe", SAME_HOST_BUT_OFF_SITE_PATHS)
def test_cookies_page_form_never_carries_a_protocol_relative_next(client, unsafe):
    response = client.post(reverse("core:cookies"), {"analytics": "no", "next": unsafe})
    assert response["Location"] == reverse("core:cookies")


@pytest.mark.parametrize("unsafe", SAME_HOST_BUT_OFF_SITE_PATHS)
def test_admin_sign_in_never_passes_a_protocol_relative_next_on(client, unsafe):
    response = client.get(reverse("admin:login"), {"next": unsafe})
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


@pytest.mark.parametrize("unsafe", SAME_HOST_BUT_OFF_SITE_PATHS)
def test_signing_in_never_follows_a_next_that_leaves_the_site(client, unsafe, django_user_model):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user(
        email="next.tester@example.com", password="a-long-password-1"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    response = client.post(
        reverse("account_login"),
        {"login": user.email, "password": "a-long-password-1", "next": unsafe},
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
