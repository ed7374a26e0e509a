"""What the LPA forms share: names with the notes' limits, addresses, dates of birth, free text.

Limits come from the domain notes section 2 (lasting_power.constants). Every message is
written for its field, GOV.UK style; nothing typed is lost on an error (the step view
redisplays the bound form).
"""

from __future__ import annotations

import re

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.forms import GovukDateField
from digital_services.notifications.addresses import address_fields_check

from ..constants import ADDRESS_LINE_MAX, POSTCODE_MAX, TITLE_MAX, WORD_MAX

TITLE_OTHER = "other"
TITLE_NONE = "none"
TITLE_CHOICES = [
    ("", _("Choose a title")),
    ("Mr", "Mr"),
    ("Mrs", "Mrs"),
    ("Miss", "Miss"),
    ("Ms", "Ms"),
    ("Dr", "Dr"),
    (TITLE_NONE, _("Prefer not to say")),
    (TITLE_OTHER, _("Other")),
]
YES_NO = [("yes", _("Yes")), ("no", _("No"))]
LINK = re.compile(r"https?://", re.IGNORECASE)
OLDEST_AGE = 130


def text_field(label: str, *, max_length: int, required: str | None = None, **kwargs):
    """A one-line text field; ``required`` is its "Enter ..." message (None: optional)."""
    return forms.CharField(
        label=label if required is not None else format_lazy(_("{label} (optional)"), label=label),
        max_length=max_length,
        required=required is not None,
        error_messages={
            "required": required or "",
            "max_length": format_lazy(
                _("{label} must be {max} characters or fewer"), label=label, max=max_length
            ),
        },
        **kwargs,
    )


def name_clean(value: str, label: str) -> str:
    value = " ".join((value or "").split())
    if "<" in value or ">" in value:
        raise forms.ValidationError(gettext("%(label)s must not include < or >") % {"label": label})
    return value


def yes_no_field(label: str, required: str, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": required},
    )


def date_of_birth_field(text: dict) -> GovukDateField:
    """``text``: the person's sentences (``forms.people.PERSON_TEXT``)."""
    return GovukDateField(
        label=_("Date of birth"),
        what=text["date_of_birth"],
        help_text=_("For example, 27 3 1960"),
    )


def date_of_birth_check(value, *, text: dict):
    """A real date, not in the future (and not impossibly long ago)."""
    if value is None:
        return None
    today = timezone.localdate()
    if value > today:
        raise forms.ValidationError(text["date_of_birth_future"])
    if value.year < today.year - OLDEST_AGE:
        raise forms.ValidationError(text["date_of_birth_old"] % {"years": OLDEST_AGE})
    return value


def free_text_check(value: str, label: str) -> str:
    """No word longer than 85 characters and no links [DM Document.php]."""
    value = (value or "").strip()
    if LINK.search(value):
        raise forms.ValidationError(
            gettext("%(label)s must not include links (http:// or https://)") % {"label": label}
        )
    if any(len(word) > WORD_MAX for word in value.split()):
        raise forms.ValidationError(
            gettext("%(label)s must not include a word longer than %(max)s characters")
            % {"label": label, "max": WORD_MAX}
        )
    return value


class TitleMixin:
    """Title: a list with "Other" (1 to 5 characters) and "Prefer not to say"."""

    def title_fields(self, text: dict) -> None:
        self.fields["title"] = forms.ChoiceField(
            label=_("Title"),
            choices=TITLE_CHOICES,
            error_messages={"required": text["title"]},
        )
        self.fields["title_other"] = text_field(
            _("Other title"), max_length=TITLE_MAX, help_text=_("If you chose other")
        )

    def title_value(self, data: dict) -> str:
        """The title as it should be printed ('' for prefer not to say)."""
        if data.get("title") == TITLE_OTHER:
            return data.get("title_other", "")
        if data.get("title") == TITLE_NONE:
            return ""
        return data.get("title", "")

    def clean_title_other(self):
        value = name_clean(self.cleaned_data.get("title_other"), gettext("Other title"))
        if self.cleaned_data.get("title") == TITLE_OTHER and not value:
            raise forms.ValidationError(gettext("Enter the title"))
        return value if self.cleaned_data.get("title") == TITLE_OTHER else ""


class AddressMixin:
    """Line 1 required, each line up to 50, postcode up to 8 with no format rule;
    line 2 or the postcode must be given [DM Common/Address.php]."""

    def address_fields(self, text: dict) -> None:
        self.fields["address_line_1"] = text_field(
            _("Address line 1"),
            max_length=ADDRESS_LINE_MAX,
            required=text["address_line_1"],
            widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
        )
        self.fields["address_line_2"] = text_field(
            _("Address line 2"),
            max_length=ADDRESS_LINE_MAX,
            widget=forms.TextInput(attrs={"autocomplete": "address-line2"}),
        )
        self.fields["address_line_3"] = text_field(
            _("Town or city"),
            max_length=ADDRESS_LINE_MAX,
            widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
        )
        self.fields["postcode"] = text_field(
            _("Postcode"),
            max_length=POSTCODE_MAX,
            widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
        )

    def address_clean(self, data: dict, text: dict) -> None:
        for name in ("address_line_1", "address_line_2", "address_line_3"):
            if name in data:
                data[name] = " ".join((data.get(name) or "").split())
        address_fields_check(self, data, ["address_line_1", "address_line_2", "address_line_3"])
        if "postcode" in data:
            data["postcode"] = " ".join((data.get("postcode") or "").upper().split())
        if (
            data.get("address_line_1")
            and not data.get("address_line_2")
            and not data.get("postcode")
            and "postcode" not in self.errors
        ):
            self.add_error("postcode", text["postcode"])
