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
from .selectors import applications_for_user, staff_second_factor_passed


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
        default=reverse("admin:index"),
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
            else "Set up an authenticator app",
            "has_authenticator_app": has_authenticator_app,
            "enter_code_url": f"{reverse('mfa_reauthenticate')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}",
            "set_up_url": reverse("mfa_activate_totp"),
            "continue_url": reverse("accounts:staff-second-factor"),
        },
    )
