"""The interest questions: none, one rate (8% or another, from when, until when), or a
breakdown the claimant worked out with an optional continuing rate or daily amount; and
the page that shows the interest worked out."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import lazy_form_helper
from digital_services.core.forms import GovukDateField
from digital_services.core.money import PenceField

from ..interest import STATUTORY_RATE, ContinuingKind, InterestEnd, InterestKind, InterestStart
from .forms import (
    EXPLANATION_MAX,
    REASON_SHORT_MAX,
    SAME_RATE_OTHER,
    SAME_RATE_STATUTORY,
    _radios,
    _rate_clean,
    _textarea,
)

# Interest -----------------------------------------------------------------------------


class InterestKindForm(forms.Form):
    kind = _radios(
        [
            (InterestKind.NONE, _("No, I do not want to claim interest")),
            (InterestKind.SAME_RATE, _("Yes, at the same rate for the whole period")),
            (InterestKind.BREAKDOWN, _("Yes, I have worked out the interest myself")),
        ],
        _("Select whether you want to claim interest"),
    )

    def __init__(self, *args, total_pence: int = 0, limit_pence: int = 0, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.total_pence = total_pence
        self.limit_pence = limit_pence
        self.rows = list(rows)
        self.over_limit = total_pence > limit_pence
        self.fields["kind"].label = _("Do you want to claim interest?")
        self.fields["kind"].help_text = _(
            "You can claim 8% a year (statutory interest) on the money you are owed, or a "
            "rate in your contract."
        )
        self.helper = lazy_form_helper(
            lambda: [Field.radios("kind", legend_size=Size.MEDIUM, legend_tag="h2")]
        )

    def clean(self):
        """The amounts are shown here with their total: over the online limit, or with no
        amounts yet, the claim cannot go on."""
        if self.over_limit:
            raise forms.ValidationError(
                _(
                    "Your claim is more than the most you can claim online. Change or remove an "
                    "amount, or make your claim another way"
                )
            )
        if self.total_pence < 1:
            raise forms.ValidationError(_("Add what you are claiming for first"))
        return super().clean()


class InterestRateForm(forms.Form):
    rate_type = _radios(
        [
            (SAME_RATE_STATUTORY, f"{STATUTORY_RATE:g}% a year (the statutory rate)"),
            (SAME_RATE_OTHER, _("A different rate")),
        ],
        _("Select which rate you are claiming"),
    )
    rate = forms.CharField(label=_("Rate (% a year)"), required=False, max_length=10)
    rate_reason = _textarea(
        _("Why you are claiming this rate"),
        "",
        REASON_SHORT_MAX,
        hint=_("For example, the rate in your contract"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rate_type"].label = _("What rate of interest are you claiming?")
        self.fields["rate"].widget.attrs.update({"inputmode": "decimal", "spellcheck": "false"})
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("rate_type", legend_size=Size.MEDIUM),
                Fieldset(
                    Field.text("rate", field_width=5),
                    Field.textarea("rate_reason"),
                    legend=_("If you chose a different rate"),
                    legend_size=Size.SMALL,
                ),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("rate_type") == SAME_RATE_OTHER:
            data["rate"] = _rate_clean(
                self,
                "rate",
                self.data.get(self.add_prefix("rate"), ""),
                required=_("Enter the rate"),
            )
            if not (data.get("rate_reason") or "").strip():
                self.add_error("rate_reason", _("Enter why you are claiming this rate"))
        elif data.get("rate_type") == SAME_RATE_STATUTORY:
            data["rate"] = STATUTORY_RATE
            data["rate_reason"] = ""
        return data


class InterestStartForm(forms.Form):
    start = _radios(
        [
            (InterestStart.SUBMISSION, _("From the date I submit my claim")),
            (InterestStart.CUSTOM, _("From a particular date")),
        ],
        _("Select when you want to claim interest from"),
    )
    start_date = GovukDateField(
        what=_("the date interest starts"),
        label=_("Date interest starts"),
        required=False,
        help_text=_("For example, the date payment was due. For example, 27 3 2024"),
    )
    start_reason = _textarea(
        _("Why you are claiming from this date"),
        "",
        REASON_SHORT_MAX,
        hint=_("For example, it is the date the invoice should have been paid"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start"].label = _("When do you want to claim interest from?")
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("start", legend_size=Size.MEDIUM),
                Fieldset(
                    Field("start_date"),
                    Field.textarea("start_reason"),
                    legend=_("If you chose a particular date"),
                    legend_size=Size.SMALL,
                ),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("start") == InterestStart.CUSTOM:
            day = data.get("start_date")
            if day is None and "start_date" not in self.errors:
                self.add_error("start_date", _("Enter the date interest starts"))
            elif day is not None and day > timezone.localdate():
                self.add_error("start_date", _("The date interest starts must be today or earlier"))
            elif day is not None and day.year < 1900:
                self.add_error("start_date", _("The date interest starts must be after 1900"))
            if not (data.get("start_reason") or "").strip():
                self.add_error("start_reason", _("Enter why you are claiming from this date"))
        elif data.get("start") == InterestStart.SUBMISSION:
            data["start_date"] = None
            data["start_reason"] = ""
        return data


class InterestEndForm(forms.Form):
    end = _radios(
        [
            (InterestEnd.SUBMISSION, _("To the date I submit my claim")),
            (InterestEnd.SETTLED, _("Until the claim is settled or judgment is made")),
        ],
        _("Select when you want to claim interest until"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["end"].label = _("When do you want to claim interest until?")
        self.fields["end"].help_text = _(
            "If you choose until the claim is settled, interest keeps adding up each day "
            "after you submit."
        )
        self.helper = lazy_form_helper(lambda: [Field.radios("end", legend_size=Size.MEDIUM)])


class InterestBreakdownForm(forms.Form):
    total_pence = PenceField(
        label=_("Total interest to date"),
        min_pence=1,
        error_messages={
            "required": _("Enter the total interest"),
            "min_value": _("The total interest must be at least £0.01"),
        },
    )
    explanation = _textarea(
        _("How you worked it out"),
        _("Enter how you worked out the interest"),
        EXPLANATION_MAX,
        hint=_("Show the amounts, rates and dates you used, for each part of your claim"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.text("total_pence", field_width=10), Field.textarea("explanation")]
        )


class InterestContinuingForm(forms.Form):
    continuing = _radios(
        [
            (ContinuingKind.NONE, _("No, only the total I have worked out")),
            (ContinuingKind.RATE, _("Yes, at a yearly rate on the amount I am claiming")),
            (ContinuingKind.DAILY, _("Yes, a fixed amount each day")),
        ],
        _("Select whether you want to claim interest after you submit"),
    )
    continuing_rate = forms.CharField(label=_("Rate (% a year)"), required=False, max_length=10)
    daily_pence = PenceField(
        label=_("Amount each day"),
        required=False,
        min_pence=1,
        error_messages={"min_value": _("The amount each day must be at least £0.01")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["continuing"].label = _(
            "Do you want to keep claiming interest after you submit your claim?"
        )
        self.fields["continuing"].help_text = _("It would add up until judgment or payment.")
        self.fields["continuing_rate"].widget.attrs.update({"inputmode": "decimal"})
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("continuing", legend_size=Size.MEDIUM),
                Fieldset(
                    Field.text("continuing_rate", field_width=5),
                    legend=_("If you chose a yearly rate"),
                    legend_size=Size.SMALL,
                ),
                Fieldset(
                    Field.text("daily_pence", field_width=10),
                    legend=_("If you chose a fixed amount each day"),
                    legend_size=Size.SMALL,
                ),
            ]
        )

    def clean(self):
        data = super().clean()
        choice = data.get("continuing")
        if choice == ContinuingKind.RATE:
            data["continuing_rate"] = _rate_clean(
                self,
                "continuing_rate",
                self.data.get(self.add_prefix("continuing_rate"), ""),
                required=_("Enter the rate"),
            )
        else:
            data["continuing_rate"] = None
        if choice == ContinuingKind.DAILY:
            if data.get("daily_pence") is None and "daily_pence" not in self.errors:
                self.add_error("daily_pence", _("Enter the amount each day"))
        else:
            data["daily_pence"] = None
        return data
