"""The defendant's forms: the claim number and access code from their letter, and how
they want to be contacted about the claim."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout
from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.references import reference_normalise
from digital_services.journeys.contact import (
    CHANNEL_FOR,
    CONTACT_EMAIL,
    CONTACT_POST,
    CONTACT_SMS,
    ContactForm,
)

from .constants import ACCESS_CODE_LENGTH, CLAIM_NUMBER, ContactChannel
from .services.defendant import claim_number_normalise

#: Said when the pair does not match a live code, whichever of the two was wrong (or the
#: code was used or replaced), so nothing is learnt by trying.
LINK_NOT_FOUND = _(
    "The claim number and access code do not match a claim you can link to. Check both "
    "against your letter and try again. An access code works only once"
)
LINK_RATE_LIMITED = _(
    "You have tried to enter a claim number and access code too many times. "
    "Wait an hour and try again"
)


class ClaimLinkForm(forms.Form):
    claim_number = forms.CharField(
        label=_("Claim number"),
        help_text=_("It is on the letter we sent you, for example 123MC456"),
        max_length=20,
        error_messages={"required": _("Enter the claim number")},
        widget=forms.TextInput(
            attrs={"spellcheck": "false", "autocapitalize": "characters", "autocomplete": "off"}
        ),
    )
    access_code = forms.CharField(
        label=_("Access code"),
        help_text=format_lazy(
            _("The {length}-character code under the claim number on the letter"),
            length=ACCESS_CODE_LENGTH,
        ),
        max_length=20,
        error_messages={"required": _("Enter the access code")},
        widget=forms.TextInput(
            attrs={"spellcheck": "false", "autocapitalize": "characters", "autocomplete": "off"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field.text("claim_number", field_width=10),
            Field.text("access_code", field_width=10),
        )

    def clean_claim_number(self):
        number = claim_number_normalise(self.cleaned_data["claim_number"])
        if not CLAIM_NUMBER.match(number):
            raise forms.ValidationError(
                _("Enter the claim number as it is shown on the letter, like 123MC456")
            )
        return number

    def clean_access_code(self):
        code = reference_normalise(self.cleaned_data["access_code"])
        if len(code) != ACCESS_CODE_LENGTH or not code.isalnum() or not code.isascii():
            raise forms.ValidationError(
                gettext(
                    "Enter the access code as it is shown on the letter: %(length)s letters "
                    "and numbers"
                )
                % {"length": ACCESS_CODE_LENGTH}
            )
        return code


class DefendantContactForm(ContactForm):
    """How the defendant wants to hear about the claim: reminders of the deadline and what
    happens next. Post goes to the address they give (their address for service)."""

    contact_label = _("How should we contact you about this claim?")
    contact_hint = _(
        "We send reminders of the deadline to respond and news about the claim this way."
    )
    contact_required = _("Select how we should contact you about this claim")


CHOICE_FOR_CHANNEL = {
    ContactChannel.EMAIL: CONTACT_EMAIL,
    ContactChannel.SMS: CONTACT_SMS,
    ContactChannel.LETTER: CONTACT_POST,
}


def contact_initial_for_party(party) -> dict:
    """The form's starting answer: the route and details the claim has for the defendant."""
    lines = party.correspondence_lines if party.correspondence_line_1 else party.address_lines
    street = lines[:-2] if len(lines) > 2 else lines[:1]
    return {
        "contact": CHOICE_FOR_CHANNEL.get(party.contact_channel, CONTACT_POST),
        "email": party.email,
        "mobile": party.mobile,
        "address_line_1": street[0] if street else "",
        "address_line_2": street[1] if len(street) > 1 else "",
        "address_town": lines[-2] if len(lines) > 2 else "",
        "address_postcode": lines[-1] if len(lines) > 1 else "",
    }


def contact_changes_from(cleaned: dict) -> dict:
    """The defendant's party fields the answer changes (``party_contact_change``)."""
    channel = CHANNEL_FOR[cleaned["contact"]]
    changes = {"contact_channel": channel}
    if channel == ContactChannel.EMAIL:
        changes["email"] = cleaned["email"]
    elif channel == ContactChannel.SMS:
        changes["mobile"] = cleaned["mobile"]
    else:
        changes.update(
            correspondence_line_1=cleaned["address_line_1"],
            correspondence_line_2=cleaned["address_line_2"],
            correspondence_town=cleaned["address_town"],
            correspondence_postcode=cleaned["address_postcode"],
        )
    return changes
