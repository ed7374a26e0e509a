"""Deleting a citizen's account: at their request ("Your data"), or after years without use.

An account cannot simply be deleted: audit events point at it and may never change
(ADR 0005), and cases the law says to keep belong to their service for their declared
period. So closing an account deletes what belongs to the account (drafts, contact
details, email addresses, second factors), unlinks every service's cases from it
(``Service.detach_user``), removes the email address and name from the user row, and
deactivates it. The cases themselves keep the details they were sent with until their
own retention rule anonymises them.
"""

from __future__ import annotations

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Q

from digital_services.audit.services import audit_record
from digital_services.core.registry import services_list

#: Closed accounts get an address here: ".invalid" can never be delivered to (RFC 2606).
CLOSED_EMAIL_DOMAIN = "closed.invalid"


class AccountCloseNotAllowed(Exception):
    """Staff accounts are closed by an administrator, not from "Your data"."""


def _account_close(user) -> dict[str, int]:
    """Close one account (inside the caller's transaction). Returns counts, never values."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    from digital_services.accounts.models import CitizenProfile, User
    from digital_services.journeys.models import Draft
    from digital_services.notifications.constants import Status
    from digital_services.notifications.models import OutboundMessage

    counts = {"drafts": Draft.objects.filter(user=user).delete()[1].get("journeys.Draft", 0)}
    for service in services_list():
        detach = getattr(service, "detach_user", None)
        if detach is not None:
            counts[service.slug] = detach(user)
    addresses = [user.email.lower()]
    profile = CitizenProfile.objects.filter(user=user).first()
    if profile is not None and profile.phone:
        addresses.append(profile.phone)
    # Messages already sent (or given up on) to this account's address or phone: nobody
    # needs their contents any more. Ones still waiting are left to be delivered.
    counts["messages"] = (
        OutboundMessage.objects.filter(recipient__in=addresses)
        .exclude(status__in=(Status.CREATED, Status.SENDING))
        .update(recipient="", personalisation={}, last_error="")
    )
    CitizenProfile.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    # A new password hash also ends every session of the account (session auth hash).
    User.objects.filter(pk=user.pk).update(
        email=f"closed-{user.pk}@{CLOSED_EMAIL_DOMAIN}",
        full_name="",
        is_active=False,
        password=make_password(None),
    )
    return counts


def account_close(*, user, request=None) -> dict[str, int]:
    """Delete a citizen's account at their request, and audit the request and its outcome.

    Drafts go at once; cases that must be kept stay for their declared period without a
    link to the account. Raises ``AccountCloseNotAllowed`` for staff accounts; any other
    error rolls the closure back, is audited as failed, and is raised again.
    """
    if user.is_staff or user.is_superuser:
        raise AccountCloseNotAllowed("Staff accounts are closed by an administrator")
    audit_record(
        action="privacy.account_deletion.requested",
        obj=user,
        actor=user,
        request=request,
        service="",
    )
    try:
        with transaction.atomic():
            counts = _account_close(user)
            audit_record(
                action="privacy.account_deletion.completed",
                obj=user,
                actor=user,
                request=request,
                service="",
                detail=counts,
            )
    except Exception as exc:
        audit_record(
            action="privacy.account_deletion.failed",
            obj=user,
            actor=user,
            request=request,
            service="",
            detail={"error": type(exc).__name__},
        )
        raise
    return counts


def accounts_close_inactive(*, user_ids: list) -> int:
    """Close citizens' accounts unused for RETENTION_INACTIVE_ACCOUNT_DAYS (retention rule).

    Called by the retention job with one batch of ids, inside its transaction.
    """
    from digital_services.accounts.models import User

    users = list(
        User.objects.filter(pk__in=user_ids)
        .filter(Q(is_staff=False) & Q(is_superuser=False))
        .exclude(email__endswith=f"@{CLOSED_EMAIL_DOMAIN}")
    )
    for user in users:
        _account_close(user)
    if users:
        audit_record(
            action="privacy.accounts.closed_inactive", service="", detail={"count": len(users)}
        )
    return len(users)
