"""Staff must pass a second factor (TOTP) before any staff page or the admin opens."""

from django.shortcuts import redirect
from django.urls import reverse

STAFF_PATH_PREFIXES = ("/admin/", "/assisted-digital/")


def staff_second_factor_passed(request) -> bool:
    """True when this session signed in with a TOTP (or recovery) code."""
    methods = request.session.get("account_authentication_methods", [])
    return any(m.get("method") == "mfa" for m in methods)


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.is_staff
            and request.path.startswith(STAFF_PATH_PREFIXES)
            and not staff_second_factor_passed(request)
        ):
            return redirect(reverse("accounts:staff-second-factor") + f"?next={request.path}")
        return self.get_response(request)
