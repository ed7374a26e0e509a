"""The claim's other questions: the amount, interest, the fee, the claim itself and the
statement of truth. One question a page where the pattern asks for it; GOV.UK messages."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from crispy_forms_gds.layout import Field, Fluid, Size
from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import lazy_form_helper
from digital_services.core.money import PenceField

from ..constants import (
    REASON_MAX_LENGTH,
    SOT_SIGNER_NAME_MAX_LENGTH,
    SOT_SIGNER_ROLE_MAX_LENGTH,
    TIMELINE_DATE_MAX_LENGTH,
    EvidenceType,
    PartyType,
)

REASON_SHORT_MAX = 255
EXPLANATION_MAX = 2000
RATE_MAX = Decimal("100")
PAY_BY_CARD, PAY_WITH_HWF = "card", "hwf"
SAME_RATE_STATUTORY, SAME_RATE_OTHER = "statutory", "other"
HWF_TYPED = re.compile(r"^HWF([A-Z0-9]{3})([A-Z0-9]{3})$")


def _radios(choices, required: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": required, "invalid_choice": required},
    )


def _textarea(
    label: str, required: str, max_length: int, *, hint: str = "", optional: bool = False
) -> forms.CharField:
    """A textarea; ``optional`` adds "(optional)" to its label (not to its messages)."""
    return forms.CharField(
        label=format_lazy(_("{label} (optional)"), label=label) if optional else label,
        required=bool(required),
        max_length=max_length,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": required,
            "max_length": format_lazy(
                _("{label} must be {max} characters or fewer"), label=label, max=f"{max_length:,}"
            ),
        },
    )


def _rate_clean(form: forms.Form, field: str, typed: str, *, required: str) -> Decimal | None:
    text = (typed or "").strip().removesuffix("%").strip()
    if not text:
        form.add_error(field, required)
        return None
    try:
        rate = Decimal(text)
    except InvalidOperation:
        form.add_error(field, _("Enter the rate as a number, like 8 or 4.5"))
        return None
    if not rate.is_finite() or rate <= 0 or rate > RATE_MAX:
        form.add_error(field, _("Enter a rate more than 0% and no more than 100%"))
        return None
    if rate.as_tuple().exponent < -2:
        form.add_error(field, _("Enter a rate with no more than 2 decimal places, like 4.25"))
        return None
    return rate


# The amount ---------------------------------------------------------------------------


class AmountRowForm(forms.Form):
    """One row of the amount: what it is for, and how much."""

    reason = forms.CharField(
        label=_("What you are claiming for"),
        max_length=REASON_SHORT_MAX,
        help_text=_("For example, an unpaid invoice, a deposit or the cost of repairs"),
        error_messages={
            "required": _("Enter what you are claiming for"),
            "max_length": format_lazy(
                _("What you are claiming for must be {max} characters or fewer"),
                max=REASON_SHORT_MAX,
            ),
        },
    )
    amount_pence = PenceField(
        label=_("Amount"),
        min_pence=1,
        error_messages={
            "required": _("Enter the amount"),
            "min_value": _("The amount must be at least £0.01"),
        },
    )

    def __init__(self, *args, limit_pence: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["amount_pence"]
        field.max_pence = limit_pence
        field.error_messages["max_value"] = _(
            "The amount must be %(limit)s or less: you cannot use this service for a larger claim"
        )
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("reason", field_width=Fluid.TWO_THIRDS),
                Field.text("amount_pence", field_width=10),
            ]
        )


# The court fee ------------------------------------------------------------------------


class FeeForm(forms.Form):
    """The fee as worked out now, and how the claimant will pay it.

    ``quoted_fee_pence`` (hidden) keeps the fee the citizen was shown when they answered,
    so sending the claim can tell whether it has changed since (``FeeChanged``). When the
    stored answer's fee differs from today's, the page says "Your court fee has changed".
    """

    how = _radios(
        [
            (PAY_BY_CARD, _("Pay by debit or credit card")),
            (PAY_WITH_HWF, _("I have a Help with Fees reference")),
        ],
        _("Select how you will pay the court fee"),
    )
    quoted_fee_pence = forms.CharField(required=False, max_length=12, widget=forms.HiddenInput)

    def __init__(self, *args, fee=None, figures=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fee = fee
        self.figures = figures
        self.previous_fee_pence = _pence_or_none(self.initial.get("quoted_fee_pence"))
        if fee is not None and not self.is_bound:
            self.initial["quoted_fee_pence"] = fee.fee_pence
        self.fee_changed = (
            fee is not None
            and self.previous_fee_pence is not None
            and self.previous_fee_pence != fee.fee_pence
        )
        self.fields["how"].label = _("How will you pay the court fee?")
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("how", legend_size=Size.MEDIUM, legend_tag="h2"),
                "quoted_fee_pence",
            ]
        )

    def clean_quoted_fee_pence(self):
        return _pence_or_none(self.cleaned_data.get("quoted_fee_pence"))

    def clean(self):
        if self.fee is None:
            raise forms.ValidationError(
                _(
                    "We cannot work out the court fee for your claim. Check the amount you are "
                    "claiming"
                )
            )
        data = super().clean()
        if data.get("quoted_fee_pence") is None:
            data["quoted_fee_pence"] = self.fee.fee_pence
        return data


def _pence_or_none(value) -> int | None:
    text = str(value if value is not None else "").strip()
    return int(text) if re.fullmatch(r"[0-9]{1,11}", text) else None


class HwfReferenceForm(forms.Form):
    reference = forms.CharField(
        label=_("Your Help with Fees reference"),
        max_length=20,
        help_text=_("It is 11 characters and starts with HWF, for example HWF-A1B-23C"),
        error_messages={"required": _("Enter your Help with Fees reference")},
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.text("reference", field_width=10, label_size=Size.MEDIUM)]
        )

    def clean_reference(self):
        compact = re.sub(r"[\s\-‐-―]+", "", self.cleaned_data["reference"]).upper()
        match = HWF_TYPED.match(compact)
        if not match:
            raise forms.ValidationError(
                _("Enter your Help with Fees reference in the right format, like HWF-A1B-23C")
            )
        return f"HWF-{match.group(1)}-{match.group(2)}"


# The claim ----------------------------------------------------------------------------


class ReasonForm(forms.Form):
    reason = _textarea(
        _("Why you believe you are owed the money"),
        _("Enter why you believe you are owed the money"),
        REASON_MAX_LENGTH,
        hint=_(
            "Briefly say what happened and why the defendant owes you the money. The "
            "defendant will see this."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].widget.attrs["rows"] = 8
        self.helper = lazy_form_helper(lambda: [Field.textarea("reason", label_size=Size.MEDIUM)])


class ResolvingForm(forms.Form):
    """Whether the claimant tried to settle first (a court expects them to have)."""

    tried = _radios(
        [("yes", _("Yes")), ("no", _("No"))],
        _("Select yes if you have tried to resolve the dispute with the defendant"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tried"].label = _("Have you tried to resolve this with the defendant?")
        self.fields["tried"].help_text = _(
            "For example, by writing to them to ask for the money. The court expects you to "
            "try before you claim, and may take it into account if you did not."
        )
        self.helper = lazy_form_helper(
            lambda: [Field.radios("tried", legend_size=Size.MEDIUM, inline=True)]
        )


class TimelineEventForm(forms.Form):
    when = forms.CharField(
        label=_("Date"),
        max_length=TIMELINE_DATE_MAX_LENGTH,
        help_text=_("For example, 5 April 2024, or April 2024 if you do not know the day"),
        error_messages={
            "required": _("Enter when it happened"),
            "max_length": format_lazy(
                _("The date must be {max} characters or fewer"), max=TIMELINE_DATE_MAX_LENGTH
            ),
        },
    )
    what = _textarea(
        _("What happened"),
        _("Enter what happened"),
        REASON_SHORT_MAX * 4,
        hint=_("For example, “I sent the invoice” or “They paid part of what they owed”"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["what"].widget.attrs["rows"] = 3
        self.helper = lazy_form_helper(
            lambda: [Field.text("when", field_width=20), Field.textarea("what")]
        )


class EvidenceForm(forms.Form):
    evidence_type = forms.ChoiceField(
        label=_("Type of evidence"),
        choices=EvidenceType.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select the type of evidence"),
            "invalid_choice": _("Select the type of evidence"),
        },
    )
    description = _textarea(
        _("Describe the evidence"),
        "",
        REASON_SHORT_MAX * 4,
        optional=True,
        hint=_(
            "For example, “the invoice dated 5 April 2024”. You do not send it now: the "
            "court will tell you when to."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].widget.attrs["rows"] = 3
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("evidence_type", legend_size=Size.MEDIUM),
                Field.textarea("description"),
            ]
        )


# Statement of truth -------------------------------------------------------------------

CONTEMPT_WARNING = _(
    "Proceedings for contempt of court may be brought against anyone who makes, or causes "
    "to be made, a false statement in a document verified by a statement of truth without "
    "an honest belief in its truth."
)


class StatementOfTruthForm(forms.Form):
    """An individual ticks it; for a company or organisation, the signer gives name and role."""

    believed_true = forms.BooleanField(
        label=_("I believe that the facts stated in this claim are true"),
        error_messages={"required": _("Confirm that you believe the facts in this claim are true")},
    )

    def __init__(self, *args, party_type: str = PartyType.INDIVIDUAL, **kwargs):
        super().__init__(*args, **kwargs)
        self.warning = CONTEMPT_WARNING
        self.qualified = party_type in (PartyType.COMPANY, PartyType.ORGANISATION)
        #: Said above the form to a company or organisation's signer.
        self.signing_for = _(
            "You are signing for the claimant. You must be authorised to do so, for example as "
            "a director, partner or officer of the organisation."
        )
        fields = []
        if self.qualified:
            self.fields["believed_true"].label = _(
                "The claimant believes that the facts stated in this claim are true, and I am "
                "authorised to sign this statement"
            )
            self.fields["signer_name"] = forms.CharField(
                label=_("Your full name"),
                max_length=SOT_SIGNER_NAME_MAX_LENGTH,
                error_messages={
                    "required": _("Enter your full name"),
                    "max_length": format_lazy(
                        _("Your full name must be {max} characters or fewer"),
                        max=SOT_SIGNER_NAME_MAX_LENGTH,
                    ),
                },
                widget=forms.TextInput(attrs={"autocomplete": "name"}),
            )
            self.fields["signer_role"] = forms.CharField(
                label=_("Your job title or role"),
                max_length=SOT_SIGNER_ROLE_MAX_LENGTH,
                help_text=_("For example, director or company secretary"),
                error_messages={
                    "required": _("Enter your job title or role"),
                    "max_length": format_lazy(
                        _("Your job title or role must be {max} characters or fewer"),
                        max=SOT_SIGNER_ROLE_MAX_LENGTH,
                    ),
                },
            )
            fields += [Field.text("signer_name"), Field.text("signer_role")]
        fields.append(Field.checkbox("believed_true"))
        self.helper = lazy_form_helper(lambda: fields)
