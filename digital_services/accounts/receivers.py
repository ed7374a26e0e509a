"""Listens to allauth.mfa: the one event it offers no other hook for."""

from .services import staff_enrolment_complete, staff_second_factor_record_activation


def staff_second_factor_on_authenticator_added(sender, request, user, authenticator, **kwargs):
    """A staff member just set up an authenticator app with a valid code: that is their second factor."""
    if request is not None and user.is_staff:
        staff_second_factor_record_activation(request=request, authenticator=authenticator)
        if authenticator.type == authenticator.Type.TOTP:
            staff_enrolment_complete(request=request, authenticator=authenticator)


def cases_claim_on_email_confirmed(sender, request, email_address, **kwargs):
    """An email address was just confirmed: cases sent with it without an account are now
    this account's (they appear in "Your applications")."""
    from digital_services.core.registry import cases_claim_for_user

    if not email_address.user.is_staff:  # staff accounts hold no citizen cases
        cases_claim_for_user(user=email_address.user, email=email_address.email)


def cases_claim_on_sign_in(sender, request, user, **kwargs):
    """Signed in: claim the cases sent meanwhile without an account with any of the user's
    confirmed addresses (never an unconfirmed one)."""
    from allauth.account.models import EmailAddress

    from digital_services.core.registry import cases_claim_for_user

    if user.is_staff:
        return
    for email in EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    ):
        cases_claim_for_user(user=user, email=email)
