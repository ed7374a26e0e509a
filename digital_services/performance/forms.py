from datetime import date

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.core.validators import RegexValidator
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.registry import service_for_namespace, services_list

from .kpis import ALL_SERVICES_LABEL, period_shift
from .models import COMMENT_MAX_LENGTH, ContactMessage, SatisfactionResponse
from .selectors import MONTH, WEEK
from .services import SLUG_PATTERN, comment_normalise, local_path_clean

RATING_LEGEND = _("Overall, how did you feel about the service you received today?")
COMMENT_LABEL = _("How could we improve this service?")
#: The ratings as the feedback page shows them (the model's labels, in the page's language).
RATING_CHOICES = [
    (SatisfactionResponse.Rating.VERY_SATISFIED, _("Very satisfied")),
    (SatisfactionResponse.Rating.SATISFIED, _("Satisfied")),
    (SatisfactionResponse.Rating.NEITHER, _("Neither satisfied nor dissatisfied")),
    (SatisfactionResponse.Rating.DISSATISFIED, _("Dissatisfied")),
    (SatisfactionResponse.Rating.VERY_DISSATISFIED, _("Very dissatisfied")),
]


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
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select how you felt about the service you received today"),
            "invalid_choice": _("Select how you felt about the service you received today"),
        },
    )
    # No max_length here: Django would add a maxlength attribute, and the
    # browser would then cut text off silently. The length is checked below.
    comment = forms.CharField(
        label=COMMENT_LABEL,
        required=False,
        strip=False,
        help_text=_(
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
            Submit("submit", gettext("Send feedback")),
        )

    def clean_comment(self):
        comment = comment_normalise(self.cleaned_data.get("comment"))
        if len(comment) > COMMENT_MAX_LENGTH:
            raise forms.ValidationError(
                gettext("Your comments must be %(count)s characters or fewer")
                % {"count": f"{COMMENT_MAX_LENGTH:,}"}
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


class ContactForm(forms.Form):
    """The contact form on the feedback page. Every answer is kept when one is wrong."""

    topic = forms.ChoiceField(
        label=_("What is it about?"),
        choices=ContactMessage.Topic.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select what your message is about"),
            "invalid_choice": _("Select what your message is about"),
        },
    )
    service = forms.ChoiceField(
        label=_("Which service is it about? (optional)"),
        required=False,
        error_messages={"invalid_choice": _("Select a service from the list")},
    )
    reference = forms.CharField(
        label=_("Your reference, if you have one (optional)"),
        help_text=_("For example, a visit or fee reference from one of our emails"),
        required=False,
        error_messages={"max_length": _("Your reference must be 30 characters or fewer")},
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocapitalize": "characters"}),
    )
    message = forms.CharField(
        label=_("Your message"),
        strip=False,
        help_text=_("Do not include bank or card details."),
        widget=forms.Textarea,
        error_messages={"required": _("Enter your message")},
    )
    email = forms.EmailField(
        label=_("Email address (optional)"),
        help_text=_("Only if you would like a reply"),
        required=False,
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com")
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from"] = forms.CharField(required=False, widget=forms.HiddenInput)
        self.fields["service"].choices = [("", gettext("Not about one service"))] + [
            (s.slug, gettext(s.name)) for s in services_list()
        ]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self._message_layout = Field.textarea(
            "message", label_size=Size.SMALL, rows=6, max_characters=COMMENT_MAX_LENGTH
        )
        self.helper.layout = Layout(
            Field.radios("topic", legend_size=Size.SMALL),
            Field.select("service"),
            Field.text("reference", field_width=20),
            self._message_layout,
            Field.text("email"),
            Field("from"),
            Submit("submit", gettext("Send message")),
        )

    def clean_reference(self):
        value = " ".join((self.cleaned_data.get("reference") or "").split())
        if len(value) > 30:
            raise forms.ValidationError(gettext("Your reference must be 30 characters or fewer"))
        return value

    def clean_message(self):
        message = comment_normalise(self.cleaned_data.get("message"))
        if not message:
            raise forms.ValidationError(gettext("Enter your message"))
        if len(message) > COMMENT_MAX_LENGTH:
            raise forms.ValidationError(
                gettext("Your message must be %(count)s characters or fewer")
                % {"count": f"{COMMENT_MAX_LENGTH:,}"}
            )
        return message

    def clean_from(self):
        return local_path_clean(self.cleaned_data.get("from"))

    def clean(self):
        cleaned = super().clean()
        if "message" in self.errors:
            self._message_layout.add_class("govuk-textarea--error")
        return cleaned


# --- The KPI dashboard's filters ------------------------------------------------

#: The longest range the dashboard shows, in years, by granularity.
KPI_MAX_YEARS = {WEEK: 2, MONTH: 5}
#: How many periods the dashboard shows when no dates are given.
KPI_DEFAULT_PERIODS = 12


class KpiDateField(DateInputField):
    """A GOV.UK date input (day, month, year), optional, with messages that
    name the date ("Start date must include a month")."""

    def __init__(self, *, name: str, **kwargs):
        super().__init__(required=False, require_all_fields=False, **kwargs)
        self.name = name
        self.real_date_message = f"{name} must be a real date"
        for part, subfield in zip(("day", "month", "year"), self.fields, strict=True):
            subfield.error_messages["incomplete"] = f"{name} must include a {part}"
            subfield.validators = [RegexValidator(r"^\s*[0-9]+\s*$", self.real_date_message)]

    def compress(self, data_list):
        day, month, year = (str(part or "").strip() for part in data_list)
        if not (day and month and year):
            return None
        if len(year) != 4:
            raise forms.ValidationError(f"{self.name} year must include 4 numbers")
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise forms.ValidationError(self.real_date_message) from None


class KpiFilterForm(forms.Form):
    """The dashboard's filters, sent by GET so a view of the figures can be
    bookmarked or shared. Without dates: the last 12 weeks or months."""

    service = forms.ChoiceField(
        label="Service",
        required=False,
        error_messages={"invalid_choice": "Select a service from the list"},
    )
    period = forms.ChoiceField(
        label="Show figures",
        choices=[(WEEK, "By week"), (MONTH, "By month")],
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select whether to show figures by week or by month"},
    )
    date_from = KpiDateField(
        name="Start date",
        label="Start date",
        help_text=(
            "For example, 27 3 2026. Leave both dates blank for the last "
            f"{KPI_DEFAULT_PERIODS} weeks or months. Figures are for whole weeks "
            "(Monday to Sunday) or months."
        ),
    )
    date_to = KpiDateField(name="End date", label="End date", help_text="For example, 26 6 2026")

    def __init__(self, *args, today: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.fields["service"].choices = [("", ALL_SERVICES_LABEL)] + [
            (s.slug, s.name) for s in services_list()
        ]
        self.helper = FormHelper()
        # The template writes the GET <form> and its button: a named submit
        # button would add itself to the bookmarkable query string.
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.select("service"),
            Field.radios("period", legend_size=Size.SMALL, small=True, inline=True),
            Field("date_from", context={"legend_size": Size.for_legend(Size.SMALL)}),
            Field("date_to", context={"legend_size": Size.for_legend(Size.SMALL)}),
        )

    def clean_period(self):
        return self.cleaned_data.get("period") or WEEK

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if self.has_error("date_from") or self.has_error("date_to"):
            return cleaned
        if start and not end:
            self.add_error("date_to", "Enter an end date")
        elif end and not start:
            self.add_error("date_from", "Enter a start date")
        elif start and end:
            years = KPI_MAX_YEARS[cleaned["period"]]
            by = "week" if cleaned["period"] == WEEK else "month"
            if end > self.today:
                self.add_error("date_to", "End date must be today or in the past")
            elif start > end:
                self.add_error("date_from", "Start date must be the same as or before the end date")
            elif start < _years_before(end, years):
                self.add_error(
                    "date_from",
                    f"Start date must be no more than {years} years before the end date "
                    f"when showing figures by {by}",
                )
        return cleaned

    def range_get(self) -> dict:
        """``start``, ``end``, ``granularity`` and ``service`` (None for all)
        for ``kpi_dashboard_get``. Call only on a valid form."""
        data = self.cleaned_data
        granularity = data["period"]
        start, end = data.get("date_from"), data.get("date_to")
        if not (start and end):
            end = self.today
            start = period_shift(end, granularity=granularity, periods=1 - KPI_DEFAULT_PERIODS)
        return {
            "start": start,
            "end": end,
            "granularity": granularity,
            "service": data.get("service") or None,
        }


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
