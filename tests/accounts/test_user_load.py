"""The signed-in user is loaded with SQL compiled once per process (``UserManager.get``,
issue #13), and is the user Django's look-up would give."""

from __future__ import annotations

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from digital_services.accounts import models as account_models
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def _fields(user) -> dict:
    return {f.attname: getattr(user, f.attname) for f in user._meta.concrete_fields}


def test_get_by_pk_is_djangos_get():
    User = get_user_model()
    user = User.objects.create_user(
        email="someone@example.com", password="a-long-password-1", full_name="Some One"
    )

    with CaptureQueriesContext(connection) as captured:
        found = User.objects.get(pk=user.pk)
    djangos = QuerySet(User).get(pk=user.pk)

    assert len(captured.captured_queries) == 1
    assert type(found) is User
    assert _fields(found) == _fields(djangos)
    assert _fields(User.objects.get(id=user.pk)) == _fields(djangos)
    with pytest.raises(User.DoesNotExist):
        User.objects.get(pk=user.pk + 1000)
    # Other look-ups are Django's own.
    assert User.objects.get(email="someone@example.com") == user
    assert User.objects.get(pk=str(user.pk)) == user


def test_each_signed_in_request_loads_the_user_this_way(client, django_user_model):
    user = django_user_model.objects.create_user(
        email="citizen@example.com", password="a-long-password-1"
    )
    sign_in(client, user)
    compiled = account_models._USER_BY_PK
    with mock.patch.object(compiled, "rows", wraps=compiled.rows) as rows:
        response = client.get(reverse("accounts:your-applications"))

    assert response.status_code == 200
    rows.assert_called_with(pk=user.pk)
