import time

import pytest
from django.test import RequestFactory

from digital_services.audit.services import audit_record


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user(
        email="caseworker@justice.example", password="a-long-password-1", is_staff=True
    )


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        email="admin@justice.example", password="a-long-password-1"
    )


def sign_in_with_second_factor(client, user):
    """Sign in as allauth does after a TOTP code, so the staff pages open."""
    client.force_login(user)
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "password", "at": time.time(), "email": user.email},
        {"method": "mfa", "type": "totp", "at": time.time()},
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
    return client


@pytest.fixture
def admin_client_with_mfa(client, superuser):
    return sign_in_with_second_factor(client, superuser)


@pytest.fixture
def rf():
    return RequestFactory()


@pytest.fixture
def audit_event(citizen, staff_user):
    return audit_record(
        action="visit.booked",
        obj=citizen,
        actor=staff_user,
        service="prison-visits",
        detail={"slot": "2026-12-01T14:00"},
    )
