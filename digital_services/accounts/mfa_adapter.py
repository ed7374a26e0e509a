"""allauth.mfa adapter: GOV.UK wording, and staff cannot switch off their second factor."""

from __future__ import annotations

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.utils.translation import gettext_lazy as _


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "cannot_delete_authenticator": _(
            "Staff cannot turn off their authenticator app. Ask an administrator to reset it"
        ),
        "incorrect_code": _(
            "The code is not correct. Enter the code your authenticator app shows now"
        ),
        "unverified_email": _("Confirm your email address before you set up an authenticator app"),
    }

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Staff must keep an authenticator app: staff pages need it.

        An administrator can still delete a lost one in the admin, after which
        the staff member is asked to set up a new app at their next visit.
        """
        if authenticator.type == Authenticator.Type.TOTP and authenticator.user.is_staff:
            return False
        return super().can_delete_authenticator(authenticator)
