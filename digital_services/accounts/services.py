"""Writes for accounts: roles, and the staff second factor recorded in a session."""

from __future__ import annotations

from datetime import timedelta

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import signing
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from digital_services.core.dates import date_format, time_format

from .constants import STAFF_ENROLMENT_SALT, STAFF_ENROLMENT_SESSION_KEY, all_roles

#: The flags of a user that give or take away access; every change is audited.
ACCESS_FLAGS = ("is_staff", "is_superuser", "is_active")


class UnknownRoleError(ValueError):
    """The role is not one of ``constants.all_roles()`` (or its group was deleted)."""


def user_role_add(*, user, role: str) -> None:
    """Give ``user`` a role (join its group). Adding a role twice does nothing.

    Raises ``UnknownRoleError`` when the role does not exist, so a typo never
    silently leaves someone without the access they need.
    """
    if role not in all_roles():
        raise UnknownRoleError(role)
    try:
        group = Group.objects.get(name=role)
    except Group.DoesNotExist as exc:
        raise UnknownRoleError(role) from exc
    user.groups.add(group)


def staff_second_factor_record_activation(
    *, request: HttpRequest, authenticator: Authenticator
) -> None:
    """Count setting up an authenticator app as this session's second factor.

    allauth records an "mfa" authentication when a code is entered at sign-in
    or re-authentication, but not when a TOTP authenticator is activated,
    although activating it means entering a valid code from the new app. A
    staff member who had no authenticator is sent to set one up; without this
    record they would be asked for a code a second time straight after.
    Only TOTP counts; recovery codes created alongside it do not.
    """
    if authenticator.type != Authenticator.Type.TOTP:
        return
    if getattr(request, "user", None) is None or request.user.pk != authenticator.user_id:
        return
    record_authentication(
        request, request.user, "mfa", id=authenticator.pk, type=authenticator.type, activated=True
    )


def user_access_audit(*, user, actor, before: dict, after: dict, request=None) -> None:
    """Record a change of someone's roles or staff flags (``accounts.user_access_changed``).

    ``before`` and ``after`` hold ``roles`` (a set of group names) and the flags
    ``is_staff``, ``is_superuser`` and ``is_active``. Nothing is recorded when
    nothing changed. The detail names roles and flags only, never personal data.
    """
    from digital_services.audit.services import audit_record

    detail: dict = {}
    added = sorted(set(after["roles"]) - set(before["roles"]))
    removed = sorted(set(before["roles"]) - set(after["roles"]))
    if added:
        detail["roles_added"] = added
    if removed:
        detail["roles_removed"] = removed
    for flag in ACCESS_FLAGS:
        if before[flag] != after[flag]:
            detail[flag] = {"from": before[flag], "to": after[flag]}
    if detail:
        audit_record(
            action="accounts.user_access_changed",
            obj=user,
            actor=actor,
            request=request,
            service="",
            detail=detail,
        )


def user_access_snapshot(*, user) -> dict:
    """What ``user_access_audit`` compares: role names and the access flags."""
    if user.pk is None:
        return {"roles": set(), **{flag: False for flag in ACCESS_FLAGS}}
    return {
        "roles": set(user.groups.values_list("name", flat=True)),
        **{flag: getattr(user, flag) for flag in ACCESS_FLAGS},
    }


# Staff enrolment: the one way a staff member without an authenticator app gets one --------


class StaffEnrolmentInvalid(Exception):
    """An enrolment link that cannot be used: ``reason`` is "invalid", "expired" or "used"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def staff_enrolment_token(enrolment) -> str:
    return signing.TimestampSigner(salt=STAFF_ENROLMENT_SALT).sign(str(enrolment.nonce))


def staff_enrolment_issue(*, user, actor=None, request=None):
    """Send ``user`` a one-time link to set up their authenticator app; returns the enrolment.

    The link goes to the account's own address through the outbox, and any
    earlier link of theirs stops working. Audited (``accounts.staff_enrolment_issued``).
    """
    from digital_services.audit.services import audit_record
    from digital_services.notifications.services import notification_send

    from .models import StaffEnrolment

    now = timezone.now()
    expires_at = now + timedelta(hours=settings.ACCOUNTS_STAFF_ENROLMENT_MAX_AGE_HOURS)
    with transaction.atomic():
        StaffEnrolment.objects.filter(
            user=user, status__in=[StaffEnrolment.Status.ISSUED, StaffEnrolment.Status.USED]
        ).update(status=StaffEnrolment.Status.REVOKED)
        enrolment = StaffEnrolment.objects.create(
            user=user,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            expires_at=expires_at,
        )
        url = reverse("accounts:staff-enrol", args=[staff_enrolment_token(enrolment)])
        notification_send(
            template="accounts.staff_enrolment",
            to=user.email,
            personalisation={
                "enrolment_url": settings.SITE_URL + url,
                "expires_on": f"{time_format(expires_at)} on {date_format(expires_at)}",
            },
        )
        audit_record(
            action="accounts.staff_enrolment_issued",
            obj=user,
            actor=actor,
            request=request,
            service="",
            detail={"enrolment": enrolment.pk},
        )
    return enrolment


def staff_enrolment_open(*, token: str, request):
    """The signed-in staff member opened their enrolment link: this session may now set up
    an authenticator app. Works once. Raises ``StaffEnrolmentInvalid`` for a link that is
    tampered with, someone else's, revoked, used or expired.
    """
    from digital_services.audit.services import audit_record

    from .models import StaffEnrolment

    max_age = settings.ACCOUNTS_STAFF_ENROLMENT_MAX_AGE_HOURS * 3600
    try:
        nonce = signing.TimestampSigner(salt=STAFF_ENROLMENT_SALT).unsign(token, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise StaffEnrolmentInvalid("expired") from exc
    except signing.BadSignature as exc:
        raise StaffEnrolmentInvalid("invalid") from exc
    with transaction.atomic():
        enrolment = StaffEnrolment.objects.select_for_update().filter(nonce=nonce).first()
        if enrolment is None or enrolment.user_id != request.user.pk:
            raise StaffEnrolmentInvalid("invalid")
        if enrolment.status != StaffEnrolment.Status.ISSUED:
            raise StaffEnrolmentInvalid(
                "invalid" if enrolment.status == StaffEnrolment.Status.REVOKED else "used"
            )
        if enrolment.expires_at <= timezone.now():
            raise StaffEnrolmentInvalid("expired")
        enrolment.status = StaffEnrolment.Status.USED
        enrolment.used_at = timezone.now()
        enrolment.save(update_fields=["status", "used_at"])
        audit_record(
            action="accounts.staff_enrolment_opened",
            obj=request.user,
            request=request,
            service="",
            detail={"enrolment": enrolment.pk},
        )
    request.session[STAFF_ENROLMENT_SESSION_KEY] = enrolment.pk
    return enrolment


def staff_enrolment_complete(*, request, authenticator: Authenticator) -> None:
    """A staff member set up an authenticator app: close the enrolment this session opened
    and audit it (``accounts.staff_second_factor_enrolled``)."""
    from digital_services.audit.services import audit_record

    from .models import StaffEnrolment

    enrolment_id = request.session.pop(STAFF_ENROLMENT_SESSION_KEY, None)
    updated = 0
    if enrolment_id is not None:
        updated = StaffEnrolment.objects.filter(
            pk=enrolment_id, user_id=authenticator.user_id, status=StaffEnrolment.Status.USED
        ).update(status=StaffEnrolment.Status.COMPLETED, completed_at=timezone.now())
    audit_record(
        action="accounts.staff_second_factor_enrolled",
        obj=authenticator.user,
        actor=authenticator.user,
        request=request,
        service="",
        detail={
            "authenticator": authenticator.pk,
            "enrolment": enrolment_id if updated else None,
        },
    )


def staff_second_factor_reset(*, user, actor, request=None):
    """An administrator resets a staff member's second factor (a lost phone, say): their
    authenticator app and recovery codes are deleted, and a new enrolment link is sent to
    their own address. Audited (``accounts.staff_second_factor_reset``). Returns the enrolment.
    """
    from digital_services.audit.services import audit_record

    with transaction.atomic():
        deleted = list(Authenticator.objects.filter(user=user).values_list("type", flat=True))
        Authenticator.objects.filter(user=user).delete()
        audit_record(
            action="accounts.staff_second_factor_reset",
            obj=user,
            actor=actor,
            request=request,
            service="",
            detail={"deleted": sorted(deleted)},
        )
        return staff_enrolment_issue(user=user, actor=actor, request=request)
