"""Staff must pass a second factor (TOTP) before any staff page or the admin opens."""

from __future__ import annotations

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from .constants import STAFF_SECOND_FACTOR_NEXT_SESSION_KEY
from .selectors import staff_second_factor_passed

#: Every staff URL lives under one of these prefixes; new staff pages must too.
STAFF_PATH_PREFIXES = ("/admin/", "/assisted-digital/")


def safe_next_url(request, url: str | None, *, default: str) -> str:
    """``url`` if it points at this site, otherwise ``default``."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return default


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
