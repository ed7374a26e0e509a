from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.urls import Resolver404, resolve

from digital_services.core.registry import service_for_namespace, services_list

from .models import COMMENT_MAX_LENGTH, SatisfactionResponse
from .services import SLUG_PATTERN, comment_normalise, local_path_clean

RATING_LEGEND = "Overall, how did you feel about the service you received today?"
COMMENT_LABEL = "How could we improve this service?"


def service_from_path(path: str) -> str:
    """The slug of the service whose pages ``path`` is on, or ""."""
    if not path:
        return ""
    try:
        match = resolve(path)
    except Resolver404:
        return ""
    service = service_for_namespace(match.namespaces[0]) if match.namespaces else None
    return service.slug if service else ""


class FeedbackForm(forms.Form):
    """The feedback page. ``service``, ``journey`` and ``from`` are hidden fields
    carried over from the link; a value that is not valid is dropped, never
    shown as an error (the user cannot fix it)."""

    rating = forms.TypedChoiceField(
        label=RATING_LEGEND,
        choices=SatisfactionResponse.Rating.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how you felt about the service you received today",
            "invalid_choice": "Select how you felt about the service you received today",
        },
    )
    # No max_length here: Django would add a maxlength attribute, and the
    # browser would then cut text off silently. The length is checked below.
    comment = forms.CharField(
        label=COMMENT_LABEL,
        required=False,
        strip=False,
        help_text=(
            "Do not include any personal or financial information, for example "
            "your National Insurance number or credit card details."
        ),
        widget=forms.Textarea,
    )
    service = forms.CharField(required=False, widget=forms.HiddenInput)
    journey = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "from" is a Python keyword, so this field is added by name.
        self.fields["from"] = forms.CharField(required=False, widget=forms.HiddenInput)
        self.helper = FormHelper()
        self.helper.form_tag = False  # the template writes the <form> and its CSRF token
        self._comment_layout = Field.textarea(
            "comment", label_size=Size.MEDIUM, rows=6, max_characters=COMMENT_MAX_LENGTH
        )
        self.helper.layout = Layout(
            Field.radios("rating", legend_size=Size.MEDIUM),
            self._comment_layout,
            Field("service"),
            Field("journey"),
            Field("from"),
            Submit("submit", "Send feedback"),
        )

    def clean_comment(self):
        comment = comment_normalise(self.cleaned_data.get("comment"))
        if len(comment) > COMMENT_MAX_LENGTH:
            raise forms.ValidationError(
                f"Your comments must be {COMMENT_MAX_LENGTH:,} characters or fewer"
            )
        return comment

    def clean_from(self):
        return local_path_clean(self.cleaned_data.get("from"))

    def clean_service(self):
        slug = (self.cleaned_data.get("service") or "").strip()
        return slug if slug in {s.slug for s in services_list()} else ""

    def clean_journey(self):
        slug = (self.cleaned_data.get("journey") or "").strip()
        return slug if len(slug) <= 100 and SLUG_PATTERN.match(slug) else ""

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("service"):
            cleaned["service"] = service_from_path(cleaned.get("from", ""))
        if "comment" in self.errors:
            # crispy-forms-gds gives a textarea the input's error class; add the textarea's.
            self._comment_layout.add_class("govuk-textarea--error")
        return cleaned
