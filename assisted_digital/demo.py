"""Demo citizens for trying assisted digital locally (``manage.py seed_demo``).

Two people the demo agent (demo.assisted-digital@example.com) can find and help:
one without an email address who wants letters, one with an email address.
Idempotent: every run leaves the same two records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model

from digital_services.accounts.citizens import placeholder_email_make
from digital_services.accounts.constants import CITIZEN
from digital_services.accounts.models import CitizenProfile
from digital_services.accounts.services import user_role_add


@dataclass(frozen=True)
class DemoCitizen:
    full_name: str
    date_of_birth: dt.date
    address: tuple[str, str, str]  # line 1, town, postcode
    email: str
    phone: str
    preferred_contact: str


DEMO_CITIZENS = (
    DemoCitizen(
        "Margaret Evans",
        dt.date(1948, 3, 14),
        ("12 Station Road", "Swansea", "SA1 1AA"),
        "",
        "01792 000111",
        CitizenProfile.Contact.LETTER,
    ),
    DemoCitizen(
        "Tom Baker",
        dt.date(1985, 11, 2),
        ("4 Mill Lane", "Leeds", "LS1 4AB"),
        "tom.baker@example.com",
        "07700 900123",
        CitizenProfile.Contact.EMAIL,
    ),
)


def demo_citizen_upsert(demo: DemoCitizen):
    """Create or refresh one demo citizen, found by name and date of birth; returns the user."""
    User = get_user_model()
    profile = (
        CitizenProfile.objects.select_related("user")
        .filter(user__full_name=demo.full_name, date_of_birth=demo.date_of_birth)
        .first()
    )
    if profile is not None:
        user = profile.user
    elif demo.email:
        user, _ = User.objects.get_or_create(email=demo.email)
    else:
        user = User.objects.create_user(email=placeholder_email_make(), password=None)
    user.full_name = demo.full_name
    user.save(update_fields=["full_name"])
    line_1, town, postcode = demo.address
    CitizenProfile.objects.update_or_create(
        user=user,
        defaults={
            "date_of_birth": demo.date_of_birth,
            "address_line_1": line_1,
            "town": town,
            "postcode": postcode,
            "phone": demo.phone.replace(" ", ""),
            "has_email": bool(demo.email),
            "preferred_contact": demo.preferred_contact,
        },
    )
    user_role_add(user=user, role=CITIZEN)
    return user


def seed(stdout) -> None:
    if not settings.ACCOUNTS_DEMO_USERS:
        stdout.write("Assisted digital: demo citizens skipped (ACCOUNTS_DEMO_USERS is off).")
        return
    stdout.write("Assisted digital: citizens to find at /assisted-digital/ (name + date of birth):")
    for demo in DEMO_CITIZENS:
        demo_citizen_upsert(demo)
        contact = f"email {demo.email}" if demo.email else "no email, letters"
        stdout.write(
            f"  {demo.full_name}, born {demo.date_of_birth:%d/%m/%Y}, {demo.address[2]} ({contact})"
        )
