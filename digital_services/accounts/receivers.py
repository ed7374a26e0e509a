"""Listens to allauth.mfa: the one event it offers no other hook for."""

from .services import staff_second_factor_record_activation


def staff_second_factor_on_authenticator_added(sender, request, user, authenticator, **kwargs):
    """A staff member just set up an authenticator app with a valid code: that is their second factor."""
    if request is not None and user.is_staff:
        staff_second_factor_record_activation(request=request, authenticator=authenticator)
