import time

import pytest


@pytest.fixture
def admin_client_with_mfa(client, django_user_model):
    """A superuser signed in as allauth records it after a TOTP code, so the admin opens."""
    user = django_user_model.objects.create_superuser(
        email="admin@justice.example", password="a-long-password-1"
    )
    client.force_login(user)
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "email": user.email},
        {"method": "mfa", "type": "totp", "at": time.time()},
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
    return client
