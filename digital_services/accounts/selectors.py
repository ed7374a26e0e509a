"""Reads for accounts: has this session passed the staff second factor?"""

from __future__ import annotations

import time

from allauth.account.authentication import get_authentication_records
from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from digital_services.core.registry import CaseSummary, Service, cases_for_user

from .constants import ADMINISTRATOR, PLATFORM_STAFF_LANDING, STAFF_ENROLMENT_SESSION_KEY

#: Second factors that count for staff pages: an authenticator app code, or a
#: one-time recovery code when the app is lost. allauth records both as "mfa".
SECOND_FACTOR_TYPES = frozenset({"totp", "recovery_codes"})


def staff_second_factor_passed(*, request: HttpRequest) -> bool:
    """True when the signed-in user entered a second factor in this session, recently enough.

    Reads allauth's record of how this session authenticated; allauth ties the
    record to the user, so a record left from someone else's session never
    counts. The record is trusted for ``ACCOUNTS_STAFF_SECOND_FACTOR_MAX_AGE_SECONDS``.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    oldest = time.time() - settings.ACCOUNTS_STAFF_SECOND_FACTOR_MAX_AGE_SECONDS
    return any(
        record.get("method") == "mfa"
        and record.get("type") in SECOND_FACTOR_TYPES
        and float(record.get("at", 0)) >= oldest
        for record in get_authentication_records(request, user)
    )


def staff_enrolment_allows_setup(*, request: HttpRequest) -> bool:
    """True when this session opened the signed-in user's enrolment link, still in time.

    A staff member without an authenticator app may set one up only then.
    """
    from .models import StaffEnrolment

    enrolment_id = request.session.get(STAFF_ENROLMENT_SESSION_KEY)
    user = getattr(request, "user", None)
    if enrolment_id is None or user is None or not user.is_authenticated:
        return False
    return StaffEnrolment.objects.filter(
        pk=enrolment_id,
        user=user,
        status=StaffEnrolment.Status.USED,
        expires_at__gt=timezone.now(),
    ).exists()


def applications_for_user(*, user) -> list[tuple[Service, list[CaseSummary]]]:
    """The user's cases and drafts in every registered service, services without any left out."""
    if not user.is_authenticated:
        return []
    return cases_for_user(user)


def staff_landing_url(*, user) -> str:
    """Where a staff member lands after signing in: the work their role does.

    An administrator (or superuser) gets the staff pages' index; a caseworker their
    service's queue (the first such role they hold, in the services' order); an
    assisted-digital agent the page to start helping someone; a service owner the
    KPIs. Anyone else gets the index, which links to what they may open.
    """
    from django.urls import reverse

    from digital_services.core.registry import service_roles

    held = set(user.groups.values_list("name", flat=True))
    if user.is_superuser or ADMINISTRATOR in held:
        return reverse("admin:index")
    for _service, role in service_roles():
        if role.name in held and role.staff_landing_url_name:
            return reverse(role.staff_landing_url_name)
    for role_name, url_name in PLATFORM_STAFF_LANDING.items():
        if role_name in held:
            return reverse(url_name)
    return reverse("admin:index")
