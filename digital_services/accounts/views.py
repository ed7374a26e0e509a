from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache

from .citizens import case_owner_for_request
from .constants import STAFF_SECOND_FACTOR_NEXT_SESSION_KEY
from .middleware import safe_next_url
from .selectors import (
    applications_for_user,
    staff_enrolment_allows_setup,
    staff_landing_url,
    staff_second_factor_passed,
)
from .services import StaffEnrolmentInvalid, staff_enrolment_open


@never_cache
@login_required
def your_applications(request):
    """Every case and draft of the signed-in user, across all services.

    In an assisted-digital session: those of the citizen being helped.
    """
    return render(
        request,
        "accounts/your_applications.html",
        {
            "groups": applications_for_user(user=case_owner_for_request(request)),
            "page_title": "Your applications",
        },
    )


@never_cache
@login_required
def staff_second_factor(request):
    """Why staff are asked for a code, and the way to give one.

    Staff who have an authenticator app enter a code from it (allauth.mfa's
    re-authentication); staff who have none are sent to set one up. Either
    way the session then counts as second-factor verified and this page sends
    them on to the staff page they asked for.
    """
    if not request.user.is_staff:
        raise PermissionDenied("Only staff need a second factor")
    next_url = safe_next_url(
        request,
        request.GET.get(REDIRECT_FIELD_NAME)
        or request.session.get(STAFF_SECOND_FACTOR_NEXT_SESSION_KEY),
        default=staff_landing_url(user=request.user),
    )
    if staff_second_factor_passed(request=request):
        request.session.pop(STAFF_SECOND_FACTOR_NEXT_SESSION_KEY, None)
        return redirect(next_url)
    request.session[STAFF_SECOND_FACTOR_NEXT_SESSION_KEY] = next_url
    has_authenticator_app = is_mfa_enabled(request.user, [Authenticator.Type.TOTP])
    return render(
        request,
        "accounts/staff_second_factor.html",
        {
            "page_title": "Confirm it’s you"
            if has_authenticator_app
            else "Set up an authenticator app"
            if staff_enrolment_allows_setup(request=request)
            else "Ask an administrator for a link to set up your authenticator app",
            "has_authenticator_app": has_authenticator_app,
            "can_set_up": staff_enrolment_allows_setup(request=request),
            "enter_code_url": f"{reverse('mfa_reauthenticate')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}",
            "set_up_url": reverse("mfa_activate_totp"),
            "continue_url": reverse("accounts:staff-second-factor"),
        },
    )


ENROLMENT_LINK_PROBLEMS = {
    "invalid": "This link does not work",
    "expired": "This link has expired",
    "used": "This link has already been used",
}


@never_cache
@login_required
def staff_enrol(request, token: str):
    """The link a new staff member was sent: opening it (a POST, so a mail scanner uses
    nothing up) lets this session set up an authenticator app. It works only for the
    signed-in account it was sent to."""
    if not request.user.is_staff:
        raise PermissionDenied("Only staff set up an authenticator app here")
    if request.method == "POST":
        try:
            staff_enrolment_open(token=token, request=request)
        except StaffEnrolmentInvalid as exc:
            return render(
                request,
                "accounts/staff_enrol.html",
                {"page_title": ENROLMENT_LINK_PROBLEMS[exc.reason], "problem": exc.reason},
                status=410 if exc.reason in ("expired", "used") else 404,
            )
        return redirect("mfa_activate_totp")
    return render(
        request,
        "accounts/staff_enrol.html",
        {"page_title": "Set up your authenticator app", "problem": None},
    )
