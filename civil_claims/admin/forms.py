"""The caseworkers' action forms (plain forms: each calls one service)."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from digital_services.core.money import PenceField

from ..constants import (
    BREATHING_SPACE_REFERENCE_MAX_LENGTH,
    BreathingSpaceKind,
    ContactChannel,
    CorrespondenceKind,
    HwfOutcome,
)
from ..services.casework import PARTY_CONTACT_FIELDS

#: Dates as caseworkers type them, day first ("27/11/2026"), never read month first.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"]


class HwfDecisionForm(forms.Form):
    """A Help with Fees decision on a fee; ``party`` is who is told (and sends more)."""

    party = "claimant"

    outcome = forms.ChoiceField(
        choices=HwfOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the Help with Fees outcome"},
    )
    remitted_pence = PenceField(
        label="Amount remitted",
        required=False,
        min_pence=1,
        help_text="Part remission only: how much of the fee Help with Fees covers.",
    )
    note = forms.CharField(
        label="What the claimant needs to send",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="More information only. It is sent to the claimant.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.party != "claimant":
            self.fields["note"].label = f"What the {self.party} needs to send"
            self.fields[
                "note"
            ].help_text = f"More information only. It is sent to the {self.party}."

    def clean(self):
        data = super().clean()
        if data.get("outcome") == HwfOutcome.PART and not data.get("remitted_pence"):
            self.add_error("remitted_pence", "Enter the amount remitted")
        if data.get("outcome") == HwfOutcome.MORE_INFO and not (data.get("note") or "").strip():
            self.add_error("note", f"Say what information the {self.party} needs to send")
        return data


class ConfirmForm(forms.Form):
    """No questions: the button is the confirmation."""


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Note",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the note"},
    )


class StayForm(forms.Form):
    reason = forms.CharField(
        label="Reason for the stay",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the reason for the stay"},
    )


class TransferForm(forms.Form):
    court = forms.CharField(
        label="Court transferred to",
        max_length=120,
        error_messages={"required": "Enter the name of the court"},
    )
    reason = forms.CharField(
        label="Reason", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ContactForm(forms.Form):
    """A party's contact details, starting from what is on the claim."""

    address_line_1 = forms.CharField(label="Address line 1", max_length=100)
    address_line_2 = forms.CharField(label="Address line 2", max_length=100, required=False)
    address_town = forms.CharField(label="Town or city", max_length=60)
    address_postcode = forms.CharField(label="Postcode", max_length=10)
    correspondence_line_1 = forms.CharField(
        label="Correspondence address line 1", max_length=100, required=False
    )
    correspondence_line_2 = forms.CharField(
        label="Correspondence address line 2", max_length=100, required=False
    )
    correspondence_town = forms.CharField(
        label="Correspondence town or city", max_length=60, required=False
    )
    correspondence_postcode = forms.CharField(
        label="Correspondence postcode", max_length=10, required=False
    )
    email = forms.EmailField(label="Email", required=False)
    phone = forms.CharField(label="Phone", max_length=30, required=False)
    contact_channel = forms.ChoiceField(
        label="How we contact them", choices=ContactChannel.choices, widget=forms.RadioSelect
    )
    mobile = forms.CharField(label="Mobile for text messages", max_length=20, required=False)

    def __init__(self, *args, party=None, **kwargs):
        if party is not None:
            kwargs.setdefault("initial", {f: getattr(party, f) for f in PARTY_CONTACT_FIELDS})
        super().__init__(*args, **kwargs)


class CorrespondenceForm(forms.Form):
    kind = forms.ChoiceField(
        label="What was received", choices=CorrespondenceKind.choices, widget=forms.RadioSelect
    )
    received_on = forms.DateField(
        input_formats=DATE_INPUT_FORMATS,
        label="Date received",
        help_text="For example 27/11/2026",
        initial=timezone.localdate,
    )
    description = forms.CharField(
        label="Description", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class BreathingSpaceEnterForm(forms.Form):
    kind = forms.ChoiceField(
        label="Type of breathing space",
        choices=BreathingSpaceKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the type of breathing space"},
    )
    started_on = forms.DateField(
        input_formats=DATE_INPUT_FORMATS,
        label="Date it began",
        help_text="As the Insolvency Service's notice gives it, for example 27/11/2026",
        error_messages={
            "required": "Enter the date the breathing space began",
            "invalid": "Enter the date the breathing space began as a real date, like 27/11/2026",
        },
    )
    reference = forms.CharField(
        label="Breathing space reference",
        required=False,
        max_length=BREATHING_SPACE_REFERENCE_MAX_LENGTH,
        help_text="The Insolvency Service's reference, if the notice gives one.",
    )


class BreathingSpaceLiftForm(forms.Form):
    lifted_on = forms.DateField(
        input_formats=DATE_INPUT_FORMATS,
        label="Date it ended",
        help_text="For example 27/11/2026",
        initial=timezone.localdate,
        error_messages={
            "required": "Enter the date the breathing space ended",
            "invalid": "Enter the date the breathing space ended as a real date, like 27/11/2026",
        },
    )
