from django import forms


class AccountDeleteForm(forms.Form):
    """The citizen confirms they understand what deleting their account does."""

    confirm = forms.BooleanField(
        label="I understand that my account and unsent applications will be deleted",
        error_messages={"required": "Confirm that you want to delete your account"},
    )
