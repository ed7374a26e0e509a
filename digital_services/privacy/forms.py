from django import forms
from django.utils.translation import gettext_lazy as _


class AccountDeleteForm(forms.Form):
    """The citizen confirms they understand what deleting their account does."""

    confirm = forms.BooleanField(
        label=_("I understand that my account and unsent applications will be deleted"),
        error_messages={"required": _("Confirm that you want to delete your account")},
    )
