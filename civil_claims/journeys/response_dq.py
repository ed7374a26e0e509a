"""The response's directions questionnaire (the hearing questions the notes name: where,
experts, witnesses, support needed, dates to avoid) and its statement of truth."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import lazy_form_helper
from digital_services.core.forms import GovukDateField

from ..constants import PartyType
from .forms import CONTEMPT_WARNING, EXPLANATION_MAX, StatementOfTruthForm
from .response_forms import YES, YES_NO, _yes_no

# Directions questionnaire (hearing requirements) -----------------------------------------------


class _YesDetailsForm(forms.Form):
    """A yes/no question with details asked for when the answer is yes."""

    question = ""
    required_message = ""
    details_label = ""
    details_required = ""
    hint = ""

    answer = forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect)
    details = forms.CharField(required=False, max_length=EXPLANATION_MAX, widget=forms.Textarea)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        answer, details = self.fields["answer"], self.fields["details"]
        answer.label, answer.help_text = self.question, self.hint
        answer.error_messages = {
            "required": self.required_message,
            "invalid_choice": self.required_message,
        }
        details.label = self.details_label
        details.widget.attrs["rows"] = 3
        details.error_messages["max_length"] = format_lazy(
            _("{label} must be {max} characters or fewer"),
            label=self.details_label,
            max=f"{EXPLANATION_MAX:,}",
        )
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("answer", legend_size=Size.MEDIUM, inline=True),
                Fieldset(
                    Field.textarea("details"),
                    legend=_("If you answered yes"),
                    legend_size=Size.SMALL,
                ),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("answer") == YES:
            if not (data.get("details") or "").strip():
                self.add_error("details", self.details_required)
        else:
            data["details"] = ""
        return data


class HearingCourtForm(_YesDetailsForm):
    question = _("Do you want the hearing at a particular court?")
    hint = _("The court decides where the hearing is, but takes your wishes into account.")
    required_message = _("Select yes if you want the hearing at a particular court")
    details_label = _("Which court, and why?")
    details_required = _("Enter the court and why you want the hearing there")


class ExpertsForm(_YesDetailsForm):
    question = _("Do you want to use an expert?")
    hint = _("For example, a surveyor or a mechanic. Most small claims do not need one.")
    required_message = _("Select yes if you want to use an expert")
    details_label = _("What kind of expert, and why?")
    details_required = _("Enter what kind of expert you want to use and why")


class VulnerabilityForm(_YesDetailsForm):
    question = _("Is there anything that makes it harder for you to take part in a hearing?")
    hint = _("For example, a disability, an illness, or needing an interpreter.")
    required_message = _("Select yes if anything makes it harder for you to take part")
    details_label = _("What support do you need?")
    details_required = _("Enter what support you need")


class WitnessesForm(forms.Form):
    self_witness = _yes_no(
        _("Select yes if you will give evidence yourself"),
        _("Will you give evidence yourself at the hearing?"),
    )
    other_witnesses = forms.IntegerField(
        label=_("How many other people will give evidence for you?"),
        min_value=0,
        max_value=20,
        help_text=_("Enter 0 if nobody else will"),
        error_messages={
            "required": _("Enter how many other people will give evidence for you"),
            "invalid": _("Enter the number of other witnesses as a whole number, like 2"),
            "min_value": _("The number of other witnesses must be 0 or more"),
            "max_value": _("The number of other witnesses must be 20 or fewer"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other_witnesses"].widget.attrs.update({"inputmode": "numeric"})
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("self_witness", legend_size=Size.MEDIUM, inline=True),
                Field.text("other_witnesses", field_width=2),
            ]
        )


class UnavailableDateForm(forms.Form):
    day = GovukDateField(
        what=_("the date you cannot go to a hearing"),
        label=_("A date you cannot go to a hearing"),
        help_text=_("In the next 12 months. For example, 27 3 2027"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(lambda: [Field("day")])

    def clean(self):
        data = super().clean()
        day = data.get("day")
        today = timezone.localdate()
        if day is not None and day < today:
            self.add_error("day", _("The date you cannot go must be today or in the future"))
        elif day is not None and (day - today).days > 366:
            self.add_error("day", _("The date you cannot go must be in the next 12 months"))
        return data


# Statement of truth -----------------------------------------------------------------------------


class ResponseStatementOfTruthForm(StatementOfTruthForm):
    """The claim's statement of truth, worded for the response."""

    def __init__(self, *args, claim=None, **kwargs):
        party_type = claim.defendant_type if claim is not None else PartyType.INDIVIDUAL
        super().__init__(*args, party_type=party_type, **kwargs)
        self.warning = CONTEMPT_WARNING
        self.signing_for = gettext(
            "You are signing for the defendant. You must be authorised to do so, for example as "
            "a director, partner or officer of the organisation."
        )
        field = self.fields["believed_true"]
        if self.qualified:
            field.label = _(
                "The defendant believes that the facts stated in this response are true, and I "
                "am authorised to sign this statement"
            )
        else:
            field.label = _("I believe that the facts stated in this response are true")
        field.error_messages["required"] = _(
            "Confirm that you believe the facts in this response are true"
        )
