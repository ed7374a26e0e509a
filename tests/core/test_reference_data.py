"""Rows that data migrations seed come back after a flush (as transactional tests do)."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from digital_services.accounts.constants import (
    ADMINISTRATOR,
    ALL_ROLES,
    CASEWORKER_ROLES,
    ROLE_PERMISSIONS,
)
from tribunal_fees.models import FeeSchedule


def _permissions(role: str) -> set[str]:
    group = Group.objects.get(name=role)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


@pytest.mark.django_db(transaction=True)
def test_roles_their_permissions_and_the_fee_schedule_survive_a_flush():
    before = {role: _permissions(role) for role in ALL_ROLES}
    fees_before = FeeSchedule.objects.count()
    assert fees_before > 0

    call_command("flush", interactive=False, verbosity=0)

    assert {role: _permissions(role) for role in ALL_ROLES} == before
    assert FeeSchedule.objects.count() == fees_before
    assert _permissions(ADMINISTRATOR) >= ROLE_PERMISSIONS[ADMINISTRATOR]
    assert any(
        p.startswith("prison_visits.") for p in _permissions(CASEWORKER_ROLES["prison_visits"])
    )
