"""The OPG caseworkers' forms in the admin (plain Django forms: each calls one service in
``lasting_power.registration``). Dates are typed day first, as caseworkers write them."""

from __future__ import annotations

import re

from django import forms
from django.utils import timezone

from ..constants import LpaStatus, ObjectionOutcome, ObjectionType
from ..signing import Signature

#: Dates as caseworkers type them, day first ("27/11/2026"), never read month first.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d %m %Y", "%Y-%m-%d"]
DATE_HELP = "For example 27/11/2026"


def _date(label: str, *, required=True, initial=None, what: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_INPUT_FORMATS,
        help_text=DATE_HELP,
        initial=initial,
        error_messages={
            "required": f"Enter {what or label.lower()}",
            "invalid": f"Enter {what or label.lower()} as a real date, for example 27/11/2026",
        },
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class FindForm(forms.Form):
    reference = forms.CharField(
        label="LPA reference or barcode",
        max_length=40,
        help_text="Type the reference (A000 0000 0000) or scan the barcode on page 19.",
        error_messages={"required": "Enter the LPA reference or scan its barcode"},
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off"}),
    )


class SigningDatesForm(forms.Form):
    """One date per signature (``signers``: key, role, who, section, as the applicant's
    signing-date checker asks them), and any other problems, one per line."""

    dates_required = True

    def __init__(self, *args, signers, **kwargs):
        super().__init__(*args, **kwargs)
        self.signers = signers
        for key, _role, who, section in signers:
            self.fields[f"signed_{key}"] = _date(
                f"{who}, {section}",
                required=self.dates_required,
                what=f"the date {who} signed {section}",
            )
        self.fields["other_problems"] = forms.CharField(
            label="Other problems to correct",
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text="One a line (a missing page, an unreadable signature). Leave empty if none.",
        )

    def clean(self):
        """Adds ``signatures`` (None when no date was entered: check later) and
        ``problems`` (the other problems, a line each) for the service."""
        data = super().clean()
        dates = [data.get(f"signed_{key}") for key, *_ in self.signers]
        data["signatures"] = (
            None
            if None in dates
            else [
                Signature(key=key, role=role, who=who, section=section, on=on)
                for (key, role, who, section), on in zip(self.signers, dates, strict=True)
            ]
        )
        data["problems"] = _lines(data.get("other_problems", ""))
        return data


class ReceiveForm(SigningDatesForm):
    """The day it arrived; the signing dates now (checked at once) or none (later)."""

    dates_required = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {
            "received_on": _date("Date received", initial=timezone.localdate),
            **self.fields,
        }

    def clean(self):
        data = super().clean()
        keys = [f"signed_{key}" for key, *_ in self.signers]
        given = [k for k in keys if data.get(k) is not None or self.errors.get(k)]
        if given and len(given) != len(keys):
            for key in keys:
                if key not in given:
                    self.add_error(key, "Enter every signing date, or none to check it later")
        if not given and _lines(data.get("other_problems", "")):
            self.add_error("other_problems", "Enter the signing dates to check the LPA now")
        return data


class CheckForm(SigningDatesForm):
    """Checking a received LPA, or corrected pages of an imperfect one."""


class ConfirmForm(forms.Form):
    """No questions: the button is the confirmation."""


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label="New status",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the new status"},
    )
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Enter the reason"},
        help_text="Cannot register: the reason is sent to the correspondent.",
    )

    def __init__(self, *args, statuses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (
                value,
                "Registered again (lift the suspension)"
                if value == LpaStatus.REGISTERED
                else LpaStatus(value).label,
            )
            for value in statuses
        ]


class ObjectionForm(forms.Form):
    received_on = _date("Date received", initial=timezone.localdate)
    objection_type = forms.ChoiceField(
        label="Type of objection",
        choices=ObjectionType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the type of objection"},
    )
    other_references = forms.CharField(
        label="Other LPAs it is about",
        required=False,
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Their references, one a line or separated by commas. Leave empty if none.",
    )
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def clean(self):
        """Adds ``references``: the other LPAs' references, as typed, one each."""
        data = super().clean()
        text = data.get("other_references", "")
        data["references"] = [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]
        return data


class ObjectionResolveForm(forms.Form):
    link = forms.ChoiceField(
        label="Objection",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the objection"},
    )
    outcome = forms.ChoiceField(
        label="Outcome for this LPA",
        choices=[
            (ObjectionOutcome.UPHELD, "Upheld: it cannot be registered"),
            (ObjectionOutcome.NOT_UPHELD, "Not upheld"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the outcome"},
    )
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, links=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["link"].choices = [(str(link.pk), str(link.objection)) for link in links]
        if len(links) == 1:
            self.fields["link"].initial = str(links[0].pk)
