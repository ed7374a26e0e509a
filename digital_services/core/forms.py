"""Forms for the platform's own pages: the cookie banner and the cookies page."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms

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
