"""The attorney's form: the LPA reference and the access code from their letter."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from digital_services.core.references import reference_is_valid, reference_plain

#: Said when the pair does not match a code that can be used, whichever was wrong (or the
#: code was used or replaced), so nothing is learnt by trying.
LINK_NOT_FOUND = _(
    "The LPA reference and access code do not match an LPA you can add. Check both "
    "against your letter and try again. An access code works only once"
)
LINK_RATE_LIMITED = _(
    "You have tried to enter an LPA reference and access code too many times. "
    "Wait an hour and try again"
)
_TEXT = {"spellcheck": "false", "autocapitalize": "characters", "autocomplete": "off"}


class AttorneyLinkForm(forms.Form):
    reference = forms.CharField(
        label=_("LPA reference"),
        help_text=_("It is on the letter we sent you, for example A123 4567 89AB"),
        max_length=30,
        error_messages={"required": _("Enter the LPA reference")},
        widget=forms.TextInput(attrs=_TEXT),
    )
    access_code = forms.CharField(
        label=_("Access code"),
        help_text=_("The 12-character code under the LPA reference on the letter"),
        max_length=30,
        error_messages={"required": _("Enter the access code")},
        widget=forms.TextInput(attrs=_TEXT),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field.text("reference", field_width=10), Field.text("access_code", field_width=10)
        )

    def clean_reference(self):
        plain = reference_plain(self.cleaned_data["reference"]).replace("*", "")
        if len(plain) == 12 and plain.startswith("A"):
            plain = plain[1:]
        if len(plain) != 11 or not plain.isalnum() or not plain.isascii():
            raise forms.ValidationError(
                _("Enter the LPA reference as it is shown on the letter, like A123 4567 89AB")
            )
        return plain

    def clean_access_code(self):
        code = self.cleaned_data["access_code"]
        if not reference_is_valid(code, length=12):
            raise forms.ValidationError(
                _("Enter the access code as it is shown on the letter: 12 letters and numbers")
            )
        return code
