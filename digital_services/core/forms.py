"""Forms for the platform's own pages (the cookie banner and the cookies page), and the
GOV.UK date field every service's forms use."""

from datetime import date

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.core.validators import RegexValidator
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

#: crispy-forms-gds's date input labels (its own gettext_lazy), listed here so that
#: ``catalogues_extract`` keeps their Welsh (GOV.UK Frontend's) in the platform's catalogue.
DATE_PART_LABELS = (_("Day"), _("Month"), _("Year"))

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
        label=_("Do you want to accept analytics cookies?"),
        choices=[
            (ANALYTICS_YES, _("Yes")),
            (ANALYTICS_NO, _("No")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select yes if you want to accept analytics cookies")},
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
            Button("save", _("Save cookie settings")),
        )

    def analytics_choice(self) -> str:
        return self.cleaned_data["analytics"]


class GovukDateField(DateInputField):
    """Day, month and year boxes giving a ``date``; a date that does not exist (31 2 1990,
    a year of 5 digits, numbers too big for a date) is one GOV.UK "must be a real date"
    error instead of Python's wording or a server error."""

    def __init__(self, *, what: str, **kwargs):
        # Lazy, so the messages come out in the page's language (fields are made at import).
        kwargs.setdefault("require_all_fields", False)
        super().__init__(**kwargs)
        what_capital = capfirst(what)
        real_date = format_lazy(_("{what} must be a real date"), what=what_capital)
        self.error_messages["required"] = format_lazy(_("Enter {what}"), what=what)
        self.error_messages["incomplete"] = format_lazy(_("Enter {what}"), what=what)
        self.error_messages["invalid"] = real_date
        for part, message in zip(
            self.fields,
            (
                _("{what} must include a day"),
                _("{what} must include a month"),
                _("{what} must include a year"),
            ),
            strict=True,
        ):
            part.error_messages["incomplete"] = format_lazy(message, what=what_capital)
            part.validators = [RegexValidator(r"^[0-9]+$", real_date)]

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        if len(year) != 4:
            raise forms.ValidationError(_("Year must include 4 numbers"), code="invalid")
        try:
            return date(int(year), int(month), int(day))
        except (ValueError, OverflowError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
