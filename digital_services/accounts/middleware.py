"""Staff must pass a second factor (TOTP) before any staff page or the admin opens."""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from digital_services.core.redirects import next_url_safe

from .constants import (
    SIGNED_IN_COOKIE_MAX_AGE_SECONDS,
    SIGNED_IN_COOKIE_NAME,
    SIGNED_OUT_MESSAGE,
    STAFF_SECOND_FACTOR_NEXT_SESSION_KEY,
)
from .selectors import staff_enrolment_allows_setup, staff_second_factor_passed

#: Every staff URL lives under one of these prefixes; new staff pages must too.
STAFF_PATH_PREFIXES = ("/admin/", "/assisted-digital/")


def safe_next_url(request, url: str | None, *, default: str) -> str:
    """``url`` as a path on this site, otherwise ``default`` (see ``core.redirects``)."""
    return next_url_safe(request, url, default=default)


class StaffSecondFactorMiddleware:
    """Sends staff without a second factor in this session to the second-factor page.

    Also sends the admin's own sign-in page to the site's sign-in, so there is
    one way in, with the second factor. Must come after AuthenticationMiddleware
    and allauth's AccountMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path == reverse("mfa_activate_totp") and self._setup_refused(request):
            # Set up only through an enrolment link: never trust on first use.
            return redirect("accounts:staff-second-factor")
        if not path.startswith(STAFF_PATH_PREFIXES):
            return self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if path == reverse("admin:login"):
            if signed_in and not user.is_staff:
                raise PermissionDenied("Only staff can use the staff pages")
            next_url = safe_next_url(
                request, request.GET.get(REDIRECT_FIELD_NAME), default=reverse("admin:index")
            )
            return redirect(
                f"{reverse('account_login')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"
            )
        if signed_in and user.is_staff and not staff_second_factor_passed(request=request):
            next_url = request.get_full_path() if request.method == "GET" else path
            request.session[STAFF_SECOND_FACTOR_NEXT_SESSION_KEY] = next_url
            return redirect(
                f"{reverse('accounts:staff-second-factor')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"
            )
        return self.get_response(request)

    @staticmethod
    def _setup_refused(request) -> bool:
        """Staff without an authenticator app may set one up only after opening their link."""
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_staff:
            return False
        if is_mfa_enabled(user, [Authenticator.Type.TOTP]):
            return False
        return not staff_enrolment_allows_setup(request=request)


class SignedOutNoticeMiddleware:
    """Tells someone whose signed-in session timed out that they were signed out.

    The session timeout warning needs JavaScript; without it, the session just
    ends. A small cookie remembers that this browser was signed in; when it comes
    back without a signed-in session, the page (or the sign-in page it is sent
    to) shows a notice, and the cookie goes. Signing out on purpose removes the
    cookie in the same response, so no notice follows a deliberate sign-out.
    Must come after AuthenticationMiddleware and MessageMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        was_signed_in = request.COOKIES.get(SIGNED_IN_COOKIE_NAME) == "1"
        if (
            was_signed_in
            and not request.user.is_authenticated
            and request.path_info != reverse("core:signed-out")  # that page says it already
        ):
            messages.info(request, SIGNED_OUT_MESSAGE)
        response = self.get_response(request)
        signed_in = request.user.is_authenticated
        if signed_in and not was_signed_in:
            response.set_cookie(
                SIGNED_IN_COOKIE_NAME,
                "1",
                max_age=SIGNED_IN_COOKIE_MAX_AGE_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        elif was_signed_in and not signed_in:
            response.delete_cookie(SIGNED_IN_COOKIE_NAME, samesite="Lax")
        return response
