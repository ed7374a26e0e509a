"""The people and the things the access matrix needs: one user per role, and objects they own.

Roles are the groups of ``digital_services.accounts.constants`` (the data migration
creates them). Staff roles are ``is_staff`` and sign in with the second factor.

Prison caseworkers of prison P and prison Q: there is no Prison model yet (issue #6),
so both are plain members of the prison_visits caseworker group and are, today,
identical. They are kept as two roles so that every test parametrised over roles
already runs for both; the prison service makes them differ by giving each user a
prison and adding its cases to ``PRISON_CASES`` in ``matrix/`` (see
``test_prison_caseworkers.py``).
"""

from __future__ import annotations

from datetime import timedelta
from functools import cached_property

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone

from digital_services.accounts.constants import (
    ADMINISTRATOR,
    ASSISTED_DIGITAL_AGENT,
    CASEWORKER_ROLES,
    CITIZEN,
    SERVICE_OWNER,
)
from digital_services.accounts.services import user_role_add
from tests.conftest import sign_in

ANONYMOUS = "anonymous"
CITIZEN_A = "citizen A"
CITIZEN_B = "citizen B"
PRISON_P = "prison caseworker (prison P)"
PRISON_Q = "prison caseworker (prison Q)"
CIVIL = "civil_claims caseworker"
TRIBUNAL = "tribunal_fees caseworker"
LPA = "lasting_power caseworker"
AGENT = "assisted-digital agent"
OWNER = "service owner"
ADMIN = "administrator"

#: Every role the matrix checks, and the group (from accounts.constants) each one holds.
ROLE_GROUPS: dict[str, str | None] = {
    ANONYMOUS: None,
    CITIZEN_A: CITIZEN,
    CITIZEN_B: CITIZEN,
    PRISON_P: CASEWORKER_ROLES["prison_visits"],
    PRISON_Q: CASEWORKER_ROLES["prison_visits"],
    CIVIL: CASEWORKER_ROLES["civil_claims"],
    TRIBUNAL: CASEWORKER_ROLES["tribunal_fees"],
    LPA: CASEWORKER_ROLES["lasting_power"],
    AGENT: ASSISTED_DIGITAL_AGENT,
    OWNER: SERVICE_OWNER,
    ADMIN: ADMINISTRATOR,
}
#: The caseworker role of a service added since (from its registry entry), one user each:
#: named by its group.
OTHER_CASEWORKERS = {
    group: app_label
    for app_label, group in CASEWORKER_ROLES.items()
    if group not in ROLE_GROUPS.values()
}
ROLE_GROUPS.update({group: group for group in OTHER_CASEWORKERS})
ROLES = tuple(ROLE_GROUPS)
CITIZENS = (CITIZEN_A, CITIZEN_B)
CASEWORKERS = (PRISON_P, PRISON_Q, CIVIL, TRIBUNAL, LPA, *OTHER_CASEWORKERS)
STAFF = (*CASEWORKERS, AGENT, OWNER, ADMIN)
SIGNED_IN = (*CITIZENS, *STAFF)

#: The service each caseworker role works for.
CASEWORKER_SERVICE = {
    PRISON_P: "prison_visits",
    PRISON_Q: "prison_visits",
    CIVIL: "civil_claims",
    TRIBUNAL: "tribunal_fees",
    LPA: "lasting_power",
    **OTHER_CASEWORKERS,
}

PASSWORD = "a-long-password-1"


def _slug(role: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in role.lower()).strip("-")


def role_user_create(role: str):
    """A user holding ``role`` (None for anonymous), with a verified email address."""
    group = ROLE_GROUPS[role]
    if group is None:
        return None
    user = get_user_model().objects.create_user(
        email=f"{_slug(role)}@example.com",
        password=PASSWORD,
        full_name=role.title(),
        is_staff=role in STAFF,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    user_role_add(user=user, role=group)
    return user


class World:
    """Users for the roles asked for, and (made on first use) things citizen A owns."""

    def __init__(self, roles=ROLES):
        self.users = {role: role_user_create(role) for role in roles}
        if CITIZEN_A not in self.users:
            self.users[CITIZEN_A] = role_user_create(CITIZEN_A)

    def user(self, role: str):
        return self.users[role]

    def client(self, role: str, *, second_factor: bool = True, **client_kwargs) -> Client:
        """A test client signed in as ``role``; staff with the second factor unless told not."""
        client = Client(**client_kwargs)
        user = self.users[role]
        if user is not None:
            sign_in(client, user, second_factor=second_factor and user.is_staff)
        return client

    # Things citizen A owns ------------------------------------------------------------

    @cached_property
    def payment(self):
        """A payment citizen A started (on the local sandbox), for A's own case."""
        from digital_services.payments.models import Payment
        from digital_services.payments.services import payment_start

        citizen = self.users[CITIZEN_A]
        payment_start(
            for_case=citizen,
            purpose="issue-fee",
            service="tribunal_fees",
            amount_pence=16000,
            reference="ET-7KQ-4MP",
            description="Employment tribunal issue fee",
            return_to="/tribunal-fees/",
            started_by=citizen,
        )
        return Payment.objects.get(
            content_type=ContentType.objects.get_for_model(citizen),
            object_id=str(citizen.pk),
            purpose="issue-fee",
        )

    def draft_for(self, journey, role: str = CITIZEN_A, answers: dict | None = None):
        """``role``'s draft of ``journey`` with the first question answered."""
        from digital_services.journeys.models import Draft

        first = journey.all_steps()[0][1]
        return Draft.objects.create(
            user=self.users[role],
            service=journey.service,
            journey=journey.slug,
            answers=answers or {first.slug: {"full_name": "Ann Secret"}},
            current_step=first.slug,
            expires_at=timezone.now() + timedelta(days=28),
        )

    def resume_token(self, journey) -> str:
        """A fresh emailed link to a draft of ``journey`` kept by someone not signed in."""
        from digital_services.journeys.models import Draft, ResumeLink
        from digital_services.journeys.selectors import resume_token_make

        first = journey.all_steps()[0][1]
        draft = Draft.objects.create(
            session_key=f"anonymous-{journey.key}-{ResumeLink.objects.count()}",
            service=journey.service,
            journey=journey.slug,
            answers={first.slug: {"full_name": "Ann Secret"}},
            current_step=first.slug,
            expires_at=timezone.now() + timedelta(days=28),
        )
        return resume_token_make(ResumeLink.objects.create(draft=draft))
