"""allauth adapter: GOV.UK wording for errors, the citizen role on sign-up, staff landing page."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from digital_services.audit.http import client_ip_get
from digital_services.core.redirects import next_url_safe
from digital_services.notifications.services import notification_send

from .constants import CITIZEN
from .selectors import staff_landing_url
from .services import user_role_add

TEMPLATE_EMAIL_CONFIRMATION_SIGNUP = "accounts.email_confirmation_signup"
TEMPLATE_ACCOUNT_ALREADY_EXISTS = "accounts.account_already_exists"


class AccountAdapter(DefaultAccountAdapter):
    # Written to the GOV.UK style: say what went wrong and what to do, no "please",
    # and never whether an account exists for an email address.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": _("This account cannot be used. Contact us if you think this is wrong"),
        "duplicate_email": _("This email address is already on your account"),
        "email_password_mismatch": _("The email address or password is not correct"),
        "email_taken": _("Enter a different email address"),
        "enter_current_password": _("Enter your current password"),
        "incorrect_code": _("The code is not correct. Check the code in the email and try again"),
        "incorrect_password": _("The password is not correct"),
        "invalid_or_expired_key": _("The link has expired or has already been used"),
        "invalid_login": _("The email address or password is not correct"),
        "invalid_password_reset": _(
            "The link to reset your password has expired or has already been used"
        ),
        "too_many_login_attempts": _(
            "You have tried to sign in too many times. Wait a few minutes, then try again"
        ),
        "unknown_email": _("Enter the email address you used to create your account"),
        "unverified_primary_email": _("Confirm your email address before you continue"),
        "same_as_current": _("Enter a different email address from the one you used before"),
        "rate_limited": _("You have asked for too many codes. Wait a few minutes, then try again"),
    }

    def is_safe_url(self, url) -> bool:
        """A ``next`` after signing in must pass the site's one check as well as allauth's
        (``core.redirects.next_url_safe``): same host, and a path that is itself on the site."""
        request = context.request
        if request is not None and url and next_url_safe(request, url) is None:
            return False
        return super().is_safe_url(url)

    def get_client_ip(self, request) -> str:
        """The client's address as the whole site sees it (``TRUSTED_PROXY_COUNT``).

        allauth's rate limits key on this; its own reading of X-Forwarded-For
        would be a second, different answer.
        """
        ip = client_ip_get(request)
        if not ip:
            raise PermissionDenied("Unable to determine client IP address")
        return ip

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """Failed passwords count per account *and* address.

        allauth counts them per account alone, so five wrong passwords from
        anywhere locked the account out for everyone. Guessing from one address
        is still stopped (this key), and so is spraying many accounts from one
        address (the per-address limit).
        """
        key = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{key}:{client_ip_get(request) or 'unknown'}"

    def pre_authenticate(self, request, **credentials) -> None:
        """Stop at once when django-axes has locked the account out.

        allauth's own per-address limit would otherwise answer first with a
        form error, so a locked-out person would never see the lockout page.
        Setting ``axes_locked_out`` makes axes' middleware show that page.
        """
        if settings.AXES_ENABLED and AxesProxyHandler.is_locked(request, credentials):
            request.axes_locked_out = True
            raise self.validation_error("too_many_login_attempts")
        super().pre_authenticate(request, **credentials)

    def send_confirmation_mail(self, request, emailconfirmation, signup: bool) -> None:
        """On sign-up the code goes through the outbox, as the "already have an account"
        email does: both answers to a sign-up do the same work (see ``notifications``)."""
        if not signup:
            return super().send_confirmation_mail(request, emailconfirmation, signup)
        notification_send(
            template=TEMPLATE_EMAIL_CONFIRMATION_SIGNUP,
            to=emailconfirmation.email_address.email,
            personalisation={"code": emailconfirmation.key},
        )

    def send_account_already_exists_mail(self, email: str) -> None:
        """Through the outbox, like the sign-up code (allauth sends it there and then)."""
        from allauth.account.internal.flows.password_reset import get_reset_password_url

        notification_send(
            template=TEMPLATE_ACCOUNT_ALREADY_EXISTS,
            to=email,
            personalisation={"password_reset_url": get_reset_password_url(context.request)},
        )

    def save_user(self, request, user, form, commit=True):
        """Every account created by signing up is a citizen's."""
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            user_role_add(user=user, role=CITIZEN)
        return user

    def get_login_redirect_url(self, request) -> str:
        """Staff land on their role's work (staff pages first ask for a second factor)."""
        if request.user.is_authenticated and request.user.is_staff:
            return staff_landing_url(user=request.user)
        return super().get_login_redirect_url(request)
