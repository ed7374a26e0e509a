"""Writes for accounts: roles, and the staff second factor recorded in a session."""

from __future__ import annotations

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.http import HttpRequest

from .constants import all_roles

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
