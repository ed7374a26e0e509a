"""More of the OPG caseworkers' forms: fee decisions, removing an attorney (a replacement
may step in) and sending an attorney a new access code. Each calls one service."""

from __future__ import annotations

from django import forms

from ..fee_decisions import DECISION_CHOICES


class FeeDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=DECISION_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a decision"},
    )
    notes = forms.CharField(
        label="Reason, or the evidence needed",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Sent to the correspondent. Needed to decline or to ask for more evidence.",
    )


class AttorneyRemoveForm(forms.Form):
    person = forms.ChoiceField(
        label="Attorney to remove",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the attorney to remove"},
    )
    reason = forms.CharField(
        label="Reason",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the reason"},
    )
    replacement = forms.ChoiceField(
        label="Replacement attorney who steps in",
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, acting=(), replacements=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = list(acting)
        self.fields["replacement"].choices = [("", "Nobody steps in"), *replacements]


class AttorneyCodeForm(forms.Form):
    person = forms.ChoiceField(
        label="Attorney to send a new access code to",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the attorney"},
        help_text="Their earlier code stops working. The letter goes to the address on the LPA.",
    )

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = list(people)
