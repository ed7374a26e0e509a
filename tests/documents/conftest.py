import time

import pytest
from django.contrib.auth.models import Permission


@pytest.fixture
def other_citizen(django_user_model):
    return django_user_model.objects.create_user(
        email="someone.else@example.com", password="a-long-password-1"
    )


@pytest.fixture
def make_staff(django_user_model):
    """A member of staff holding the given permissions ("app_label.codename")."""

    def make(*permissions: str, email: str = "caseworker@justice.example"):
        user = django_user_model.objects.create_user(
            email=email, password="a-long-password-1", is_staff=True
        )
        for permission in permissions:
            app_label, codename = permission.split(".")
            user.user_permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        return user

    return make


def sign_in(client, user, *, second_factor: bool = True):
    """Signed in; staff as allauth records it after a TOTP code."""
    client.force_login(user)
    if second_factor:
        session = client.session
        now = time.time()
        session["account_authentication_methods"] = [
            {"method": "password", "at": now, "email": user.email},
            {"method": "mfa", "type": "totp", "at": now},
        ]
        session["account_authentication_methods_user"] = str(user.pk)
        session.save()
    return client
