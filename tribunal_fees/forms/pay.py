"""Forms for the pay a fee journey: which fee, the case, who pays, claimants, finding a fee."""

from __future__ import annotations

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import lazy_form_helper
from digital_services.journeys.contact import ContactForm

from ..constants import (
    EAT_CASE_NUMBER,
    FEES_FIRST_DAY,
    FEES_LAST_DAY,
    ClaimElement,
    FeeKind,
    Jurisdiction,
    PayerRole,
)
from ..models import et_case_number_validate
from .common import (
    APPLY_HWF,
    KIND_HEARING,
    KIND_ISSUE,
    KIND_OTHER,
    OTHER_KINDS,
    PAY_NOW,
    _date_field,
    _date_messages_set,
    _real_date,
    fee_reference_clean,
)


class FeeKindForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What are you paying for?"),
        choices=[
            Choice(
                KIND_ISSUE,
                _("An issue fee for a new claim"),
                hint=_("Paid when you send your claim (form ET1) to the employment tribunal."),
            ),
            Choice(
                KIND_HEARING,
                _("A hearing fee"),
                hint=_("The tribunal tells you when to pay it. You need your case number."),
            ),
            Choice(
                KIND_OTHER,
                _("Another fee"),
                hint=_(
                    "For example reconsideration of a judgment, judicial mediation or an appeal."
                ),
            ),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what you are paying for")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(lambda: [Field.radios("kind", legend_size=Size.MEDIUM)])


class OtherFeeForm(forms.Form):
    other_kind = forms.ChoiceField(
        label=_("Which fee are you paying?"),
        choices=[(kind.value, kind.label) for kind in OTHER_KINDS],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select which fee you are paying")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.radios("other_kind", legend_size=Size.MEDIUM)]
        )


class CaseNumberForm(forms.Form):
    """The tribunal case number: ``NNNNNNN/YYYY``, or ``UKEAT/NNNN/YY/NNN`` for an appeal."""

    case_number = forms.CharField(max_length=20)

    def __init__(self, *args, jurisdiction: str = Jurisdiction.ET, **kwargs):
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        field = self.fields["case_number"]
        if jurisdiction == Jurisdiction.EAT:
            field.label = gettext("What is your appeal number?")
            field.help_text = gettext("For example, UKEAT/0123/16/001")
            field.error_messages["required"] = gettext("Enter your appeal number")
        else:
            field.label = gettext("What is your employment tribunal case number?")
            field.help_text = gettext(
                "It is on letters from the tribunal, for example 1234567/2016"
            )
            field.error_messages["required"] = gettext("Enter your employment tribunal case number")
        field.widget.attrs.update({"spellcheck": "false"})
        self.helper = lazy_form_helper(
            lambda: [Field.text("case_number", field_width=20, label_size=Size.MEDIUM)]
        )

    def clean_case_number(self):
        value = "".join(self.cleaned_data["case_number"].split()).upper()
        if self.jurisdiction == Jurisdiction.EAT:
            if not EAT_CASE_NUMBER.match(value):
                raise forms.ValidationError(
                    gettext("Enter the appeal number in the right format, like UKEAT/0123/16/001")
                )
        else:
            et_case_number_validate(value)
        return value


class FeeDateForm(forms.Form):
    """The date the claim was presented (or the fee was due): the fee in force then applies."""

    fee_date = _date_field(_("Date"), "the date", help_text=_("For example, 27 3 2016"))

    def __init__(self, *args, kind: str | None = None, fees_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fees_only = fees_only
        field = self.fields["fee_date"]
        if kind in (FeeKind.IAC_PAPERS, FeeKind.IAC_HEARING):
            field.label = gettext("What date is on the Home Office decision you are appealing?")
            what = "the date of the decision"
            field.help_text = gettext("It is on the decision letter, for example 27 3 2026")
        elif kind == FeeKind.PC_APPLICATION:
            field.label = gettext("When are you making the application?")
            what = "the date of the application"
            field.help_text = gettext("Usually today, for example 27 3 2026")
        elif kind == FeeKind.PC_HEARING:
            field.label = gettext("When did the tribunal tell you the hearing date?")
            what = "the date of the hearing notice"
            field.help_text = gettext("It is on the notice of hearing, for example 27 3 2026")
        elif kind in (FeeKind.ISSUE, None):
            field.label = gettext("When was the claim presented to the tribunal?")
            what = "the date the claim was presented"
        else:
            field.label = gettext("When was the fee due?")
            what = "the date the fee was due"
            field.help_text = gettext(
                "It is on the letter from the tribunal, for example 27 3 2016"
            )
        self.what = what
        _date_messages_set(field, what)
        self.helper = lazy_form_helper(lambda: [Field("fee_date", legend_size=Size.MEDIUM)])

    def clean_fee_date(self):
        value = _real_date(self.cleaned_data["fee_date"], self.what)
        if self.fees_only and not FEES_FIRST_DAY <= value <= FEES_LAST_DAY:
            raise forms.ValidationError(
                gettext(
                    "There was no fee to pay on that date: employment tribunal fees were charged "
                    "from 29 July 2013 to 26 July 2017"
                )
            )
        return value


class PayerForm(forms.Form):
    payer_role = forms.ChoiceField(
        label=_("Who is paying the fee?"),
        choices=[
            Choice(PayerRole.CLAIMANT, _("The claimant"), hint=_("The person making the claim.")),
            Choice(
                PayerRole.REPRESENTATIVE,
                _("A representative"),
                hint=_("A solicitor, trade union or adviser paying for the claimant."),
            ),
            Choice(PayerRole.RESPONDENT, _("The respondent"), hint=_("The employer.")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who is paying the fee")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.radios("payer_role", legend_size=Size.MEDIUM)]
        )


class ClaimantsForm(forms.Form):
    claimants = forms.IntegerField(
        label=_("How many people are named as claimants on the claim?"),
        help_text=_(
            "Enter 1 if you are claiming on your own. A group of claimants pays one group fee."
        ),
        min_value=1,
        max_value=100_000,
        error_messages={
            "required": _("Enter the number of claimants"),
            "invalid": _("Enter the number of claimants as a whole number, like 3"),
            "min_value": _("The number of claimants must be 1 or more"),
            "max_value": _("The number of claimants must be 100,000 or fewer"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["claimants"].widget.attrs.update({"inputmode": "numeric"})
        self.helper = lazy_form_helper(
            lambda: [Field.text("claimants", field_width=5, label_size=Size.MEDIUM)]
        )


def _element_hint(element: str, type_a: frozenset[str]) -> str:
    if element == ClaimElement.NI_FUND:
        return gettext("No fee if this is all the claim is about")
    return gettext("A Type A complaint") if element in type_a else gettext("A Type B complaint")


class ClaimAboutForm(forms.Form):
    """What the claim is about; each complaint's hint gives its type on the date the claim
    was presented (the Type A list changed on 6 April 2014)."""

    claim_elements = forms.MultipleChoiceField(
        label=_("What is the claim about?"),
        help_text=_("Select all that apply."),
        choices=ClaimElement.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select what the claim is about")},
    )

    def __init__(self, *args, on_date=None, **kwargs):
        from ..fees import type_a_elements_on

        super().__init__(*args, **kwargs)
        type_a = type_a_elements_on(on_date or FEES_LAST_DAY)
        self.fields["claim_elements"].choices = [
            Choice(element.value, element.label, hint=_element_hint(element, type_a))
            for element in ClaimElement
        ]
        self.helper = lazy_form_helper(
            lambda: [Field.checkboxes("claim_elements", legend_size=Size.MEDIUM)]
        )


class FeeChoiceForm(forms.Form):
    """On "Your fee": pay now, or apply for Help with Fees first."""

    next_step = forms.ChoiceField(
        label=_("What do you want to do?"),
        choices=[
            Choice(PAY_NOW, _("Pay the fee now by card")),
            Choice(
                APPLY_HWF,
                _("Apply for Help with Fees"),
                hint=_(
                    "If you are on certain benefits or a low income, you may pay less or nothing."
                ),
            ),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select whether you want to pay now or apply for Help with Fees")
        },
    )

    def __init__(
        self,
        *args,
        quote=None,
        rows=(),
        group=None,
        no_fee_reason: str = "",
        exempt: bool = False,
        discretionary: bool = False,
        unconfirmed: bool = False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.unconfirmed = unconfirmed
        self.exempt = exempt
        self.discretionary = discretionary
        self.quote = quote
        self.rows = list(rows)
        self.group = group
        self.no_fee_reason = no_fee_reason
        self.helper = lazy_form_helper(lambda: [Field.radios("next_step", legend_size=Size.MEDIUM)])

    def clean(self):
        cleaned = super().clean()
        if self.quote is None:
            raise forms.ValidationError(gettext("There is no fee to pay"))
        return cleaned


class GroupHwfForm(forms.Form):
    remitted_claimants = forms.IntegerField(
        label=_("How many of the claimants are getting Help with Fees?"),
        help_text=(
            _(
                "Count the claimants who have applied for or been given full Help with Fees. "
                "Each of them applies separately."
            )
        ),
        min_value=0,
        error_messages={
            "required": _("Enter how many claimants are getting Help with Fees"),
            "invalid": _("Enter the number of claimants as a whole number, like 2"),
            "min_value": _("The number of claimants getting Help with Fees must be 0 or more"),
        },
    )

    def __init__(self, *args, claimants: int = 1, **kwargs):
        super().__init__(*args, **kwargs)
        self.claimants = claimants
        field = self.fields["remitted_claimants"]
        field.max_value = claimants
        field.widget.attrs.update({"inputmode": "numeric"})
        self.helper = lazy_form_helper(
            lambda: [Field.text("remitted_claimants", field_width=5, label_size=Size.MEDIUM)]
        )

    def clean_remitted_claimants(self):
        value = self.cleaned_data["remitted_claimants"]
        if value > self.claimants:
            raise forms.ValidationError(
                gettext("The number of claimants getting Help with Fees must be %(most)s or fewer")
                % {"most": f"{self.claimants:,}"}
            )
        return value


class EmailForm(ContactForm):
    """How we contact the payer: the platform's step (email, text message or post)."""

    contact_label = _("How should we send your receipt and updates about this fee?")


class FeeFindForm(forms.Form):
    """ "Find your fee": its reference and the email address given when it was made."""

    reference = forms.CharField(
        label=_("Fee reference"),
        help_text=_("It is in the email we sent you, for example TF-ABC-DEF"),
        max_length=20,
        error_messages={"required": _("Enter your fee reference")},
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocapitalize": "characters"}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("The email address you gave when you told us about the fee"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("reference", field_width=10),
                Field.text("email", field_width=Fluid.TWO_THIRDS),
            ]
        )

    def clean_reference(self):
        return fee_reference_clean(self.cleaned_data["reference"])
