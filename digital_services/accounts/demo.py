"""Demo users, one per role, for trying the site locally (``manage.py seed_demo``).

Every run leaves the same users with the same password, a confirmed email
address and (for staff) an authenticator app set up with one fixed, published
secret, so anyone can add it to their phone. Never for production: it does
nothing unless ``ACCOUNTS_DEMO_USERS`` is on (it is by default in development).
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from django.conf import settings
from django.contrib.auth import get_user_model

from digital_services.core.registry import DemoUser, services_list

from .constants import (
    ADMINISTRATOR,
    ASSISTED_DIGITAL_AGENT,
    CITIZEN,
    SERVICE_OWNER,
)
from .services import user_role_add

DEMO_PASSWORD = "demo-password-123"
#: Base32, published on purpose: one authenticator-app entry gives codes for every demo staff user.
DEMO_TOTP_SECRET = "MOJDEMOTOTPSECRETFORSTAFFUSERS23"


def demo_users() -> tuple[DemoUser, ...]:
    """A citizen, each service's demo staff (from its registry entry), then platform staff."""
    return (
        DemoUser("demo.citizen@example.com", "Sam Citizen", CITIZEN, is_staff=False),
        *(user for service in services_list() for user in service.demo_users),
        DemoUser("demo.assisted-digital@example.com", "Ash Helper", ASSISTED_DIGITAL_AGENT),
        DemoUser("demo.service-owner@example.com", "Sol Owner", SERVICE_OWNER),
        DemoUser("demo.administrator@example.com", "Ari Admin", ADMINISTRATOR),
    )


def __getattr__(name: str):
    if name == "DEMO_USERS":  # read from the registry when used
        return demo_users()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def demo_user_upsert(demo: DemoUser):
    """Create or refresh one demo user; returns the user."""
    User = get_user_model()
    user, _ = User.objects.get_or_create(email=demo.email)
    user.full_name = demo.full_name
    user.is_staff = demo.is_staff
    user.is_active = True
    if not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
    user.save()
    user_role_add(user=user, role=demo.role)
    EmailAddress.objects.update_or_create(
        user=user, email=demo.email, defaults={"verified": True, "primary": True}
    )
    if demo.is_staff:
        authenticator = Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).first()
        if authenticator is None:
            Authenticator.objects.create(
                user=user,
                type=Authenticator.Type.TOTP,
                data={"secret": encrypt(DEMO_TOTP_SECRET)},
            )
        else:
            authenticator.data = {"secret": encrypt(DEMO_TOTP_SECRET)}
            authenticator.save(update_fields=["data"])
    return user


def seed(stdout) -> None:
    if not settings.ACCOUNTS_DEMO_USERS:
        stdout.write("Accounts: demo users skipped (set ACCOUNTS_DEMO_USERS=true to create them).")
        return
    rows = []
    adapter = get_mfa_adapter()
    for demo in demo_users():
        user = demo_user_upsert(demo)
        uri = adapter.build_totp_url(user, DEMO_TOTP_SECRET) if demo.is_staff else ""
        rows.append(
            (demo.email, DEMO_PASSWORD, demo.role, DEMO_TOTP_SECRET if demo.is_staff else "–", uri)
        )
    width = max(len(r[0]) for r in rows)
    role_width = max(len(r[2]) for r in rows)
    stdout.write("Demo users (sign in at /accounts/login/):")
    stdout.write(f"  {'Email':<{width}}  {'Password':<17}  {'Role':<{role_width}}  TOTP secret")
    for email, password, role, secret, _ in rows:
        stdout.write(f"  {email:<{width}}  {password:<17}  {role:<{role_width}}  {secret}")
    stdout.write(
        "Staff share one authenticator secret: add it to an authenticator app once "
        "(or open one of these otpauth:// links on your phone):"
    )
    for email, _, _, _, uri in rows:
        if uri:
            stdout.write(f"  {email}: {uri}")
