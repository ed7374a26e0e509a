"""Forms for the platform's own pages (the cookie banner and the cookies page), and the
GOV.UK date field every service's forms use."""

from datetime import date

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.core.validators import RegexValidator

ANALYTICS_COOKIE_NAME = "cookies_policy_analytics"
ANALYTICS_YES = "yes"
ANALYTICS_NO = "no"


class CookieBannerForm(forms.Form):
    """The banner's two buttons: ``cookies=accept`` or ``cookies=reject``, and where to go back to."""

    cookies = forms.ChoiceField(choices=[("accept", "Accept"), ("reject", "Reject")])
    next = forms.CharField(required=False, max_length=2000)

    def analytics_choice(self) -> str:
        return ANALYTICS_YES if self.cleaned_data["cookies"] == "accept" else ANALYTICS_NO


class CookiePreferencesForm(forms.Form):
    """The cookies page question: yes or no to analytics cookies."""

    analytics = forms.ChoiceField(
        label="Do you want to accept analytics cookies?",
        choices=[
            (ANALYTICS_YES, "Yes"),
            (ANALYTICS_NO, "No"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes if you want to accept analytics cookies"},
    )
    next = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's <form> has the token
        self.helper.layout = Layout(
            Field.radios("analytics", legend_size="m", legend_tag="h2", inline=True),
            "next",
            Button("save", "Save cookie settings"),
        )

    def analytics_choice(self) -> str:
        return self.cleaned_data["analytics"]


class GovukDateField(DateInputField):
    """Day, month and year boxes giving a ``date``; a date that does not exist (31 2 1990,
    a year of 5 digits, numbers too big for a date) is one GOV.UK "must be a real date"
    error instead of Python's wording or a server error."""

    def __init__(self, *, what: str, **kwargs):
        kwargs.setdefault("require_all_fields", False)
        super().__init__(**kwargs)
        self.error_messages["required"] = f"Enter {what}"
        self.error_messages["incomplete"] = f"Enter {what}"
        self.error_messages["invalid"] = f"{what[:1].upper()}{what[1:]} must be a real date"
        for part, name in zip(self.fields, ("day", "month", "year"), strict=True):
            part.error_messages["incomplete"] = (
                f"{what[:1].upper()}{what[1:]} must include a {name}"
            )
            part.validators = [
                RegexValidator(r"^[0-9]+$", f"{what[:1].upper()}{what[1:]} must be a real date")
            ]

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        if len(year) != 4:
            raise forms.ValidationError("Year must include 4 numbers", code="invalid")
        try:
            return date(int(year), int(month), int(day))
        except (ValueError, OverflowError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
