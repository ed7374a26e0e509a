"""allauth's forms with GOV.UK wording, no placeholders, and crispy-forms-gds layout.

allauth picks these up through ``ACCOUNT_FORMS`` and ``MFA_FORMS`` in settings.
Each form keeps allauth's behaviour (and its protection against account
enumeration); only the labels, hints, messages and rendering change.
"""

from __future__ import annotations

from allauth.account import forms as account_forms
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.totp import forms as totp_forms
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout
from django import forms
from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _

EMAIL_REQUIRED = _("Enter your email address")
EMAIL_INVALID = _("Enter an email address in the correct format, like name@example.com")
PASSWORD_HINT = _(
    "Use at least 10 characters. Do not use a common password, your email address, or only numbers."
)


class GovukFormMixin:
    """Relabels allauth's fields and renders them with crispy-forms-gds.

    ``field_text`` maps a field name to its label, hint and error messages.
    Fields named in ``code_fields`` get a short input suited to one-time codes.
    The ``<form>`` tag, CSRF token and buttons are in the page template.
    """

    field_text: dict[str, dict] = {}
    code_fields: tuple[str, ...] = ()
    numeric_code = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            if isinstance(field, forms.EmailField):
                field.widget.attrs["spellcheck"] = "false"
            text = self.field_text.get(name, {})
            if "label" in text:
                field.label = text["label"]
            if "hint" in text:
                field.help_text = text["hint"]
            for key in ("required", "invalid"):
                if key in text:
                    field.error_messages[key] = text[key]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        fields = []
        for name in self.fields:
            if name in self.code_fields:
                attrs = {"spellcheck": "false", "autocomplete": "one-time-code"}
                if self.numeric_code:
                    attrs["inputmode"] = "numeric"
                fields.append(Field.text(name, field_width=10, **attrs))
            else:
                fields.append(Field(name))
        self.helper.layout = Layout(*fields)


EMAIL_TEXT = {"label": _("Email address"), "required": EMAIL_REQUIRED, "invalid": EMAIL_INVALID}


class LoginForm(GovukFormMixin, account_forms.LoginForm):
    field_text = {
        "login": EMAIL_TEXT,
        "password": {"label": _("Password"), "hint": "", "required": _("Enter your password")},
    }


class SignupForm(GovukFormMixin, account_forms.SignupForm):
    """allauth's sign-up; an email that already has an account costs the same work.

    allauth skips creating the user (and so hashing the password) when the
    address has an account, which made that answer about 0.25 s faster and told
    anyone who had an account. The password is hashed either way, and either way
    one email goes through the outbox (``AccountAdapter``).
    """

    def try_save(self, request):
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))  # the same work as a new account
        return super().try_save(request)

    field_text = {
        "email": {
            **EMAIL_TEXT,
            "hint": _("We will send a code to this address to check it is yours."),
        },
        "password1": {
            "label": _("Create a password"),
            "hint": PASSWORD_HINT,
            "required": _("Enter a password"),
        },
        "password2": {
            "label": _("Confirm your password"),
            "required": _("Enter your password again"),
        },
    }


class ResetPasswordForm(GovukFormMixin, account_forms.ResetPasswordForm):
    field_text = {"email": EMAIL_TEXT}


class ResetPasswordKeyForm(GovukFormMixin, account_forms.ResetPasswordKeyForm):
    field_text = {
        "password1": {
            "label": _("New password"),
            "hint": PASSWORD_HINT,
            "required": _("Enter a new password"),
        },
        "password2": {
            "label": _("Confirm your new password"),
            "required": _("Enter your new password again"),
        },
    }


class ChangePasswordForm(GovukFormMixin, account_forms.ChangePasswordForm):
    field_text = {
        "oldpassword": {
            "label": _("Current password"),
            "hint": "",
            "required": _("Enter your current password"),
        },
        **ResetPasswordKeyForm.field_text,
    }


class SetPasswordForm(GovukFormMixin, account_forms.SetPasswordForm):
    field_text = {
        "password1": {
            "label": _("Password"),
            "hint": PASSWORD_HINT,
            "required": _("Enter a password"),
        },
        "password2": {
            "label": _("Confirm your password"),
            "required": _("Enter your password again"),
        },
    }


class RequestLoginCodeForm(GovukFormMixin, account_forms.RequestLoginCodeForm):
    field_text = {"email": EMAIL_TEXT}


CODE_FROM_EMAIL = {"label": _("Code"), "required": _("Enter the code from the email")}


class ConfirmLoginCodeForm(GovukFormMixin, account_forms.ConfirmLoginCodeForm):
    field_text = {"code": CODE_FROM_EMAIL}
    code_fields = ("code",)


class ConfirmEmailVerificationCodeForm(
    GovukFormMixin, account_forms.ConfirmEmailVerificationCodeForm
):
    field_text = {"code": CODE_FROM_EMAIL}
    code_fields = ("code",)


class ChangeEmailForm(GovukFormMixin, account_forms.ChangeEmailForm):
    field_text = {"email": {**EMAIL_TEXT, "label": _("New email address")}}


class AddEmailForm(GovukFormMixin, account_forms.AddEmailForm):
    field_text = {"email": EMAIL_TEXT}


class ReauthenticateForm(GovukFormMixin, account_forms.ReauthenticateForm):
    field_text = {
        "password": {"label": _("Password"), "hint": "", "required": _("Enter your password")}
    }


AUTHENTICATOR_CODE = {
    "label": _("Code from your authenticator app"),
    "hint": _("The 6-digit code changes every 30 seconds. You can also enter a recovery code."),
    "required": _("Enter the code from your authenticator app"),
}


class MfaAuthenticateForm(GovukFormMixin, mfa_forms.AuthenticateForm):
    field_text = {"code": AUTHENTICATOR_CODE}
    code_fields = ("code",)
    numeric_code = True


class MfaReauthenticateForm(GovukFormMixin, mfa_forms.ReauthenticateForm):
    field_text = {"code": AUTHENTICATOR_CODE}
    code_fields = ("code",)
    numeric_code = True


class ActivateTOTPForm(GovukFormMixin, totp_forms.ActivateTOTPForm):
    field_text = {
        "code": {
            "label": _("Code from your authenticator app"),
            "hint": _("Enter the 6-digit code the app shows for this account."),
            "required": _("Enter the code from your authenticator app"),
        }
    }
    code_fields = ("code",)
    numeric_code = True
