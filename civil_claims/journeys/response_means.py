"""The statement of means an individual gives when they ask for time to pay (notes section
2): bank accounts, residence, dependants (education, disability), other dependants and
caring, employment, self-employment (tax owed), unemployment, debts, court orders, priority
debts, monthly income and expenses, and an explanation. Lists are "add another" steps.
``statement_of_means(answers)`` turns the answers into what the response keeps."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms
from django.utils.functional import lazy
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import lazy_form_helper
from digital_services.core.money import PENCE_FIELD_MAX, PenceField, pence_format

from .forms import EXPLANATION_MAX, REASON_SHORT_MAX, _radios, _textarea
from .response_forms import YES, YES_NO

CLAIM_NUMBER_MAX = 20

#: ``str.lower`` that waits for the language of the page (``label.lower()`` would read a lazy
#: label in English at import).
_lower = lazy(lambda text: str(text).lower(), str)


def _money(label: str, *, required: str = "", what: str = "") -> PenceField:
    what = what or _lower(label)
    return PenceField(
        label=label,
        required=bool(required),
        min_pence=0,
        max_pence=PENCE_FIELD_MAX,
        error_messages={
            "required": required,
            "invalid": format_lazy(_("Enter {what} in pounds and pence, like 125.50"), what=what),
            "max_value": format_lazy(_("{label} must be %(limit)s or less"), label=label),
        },
    )


def _count(label: str, what: str, *, maximum: int = 50) -> forms.IntegerField:
    field = forms.IntegerField(
        label=label,
        min_value=0,
        max_value=maximum,
        help_text=_("Enter 0 if none"),
        error_messages={
            "required": format_lazy(_("Enter {what}"), what=what),
            "invalid": format_lazy(_("Enter {what} as a whole number, like 2"), what=what),
            "min_value": format_lazy(_("{what} must be 0 or more"), what=capfirst(what)),
            "max_value": format_lazy(
                _("{what} must be {maximum} or fewer"), what=capfirst(what), maximum=maximum
            ),
        },
    )
    field.widget.attrs.update({"inputmode": "numeric"})
    return field


def _text(label: str, required: str, max_length: int = REASON_SHORT_MAX) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=bool(required),
        max_length=max_length,
        error_messages={
            "required": required,
            "max_length": format_lazy(
                _("{label} must be {max} characters or fewer"), label=label, max=max_length
            ),
        },
    )


#: The kinds of bank account, also each account's title in the list.
ACCOUNT_KINDS = {
    "current": _("Current account"),
    "savings": _("Savings account"),
    "isa": _("ISA"),
    "other": _("Other"),
}


class BankAccountForm(forms.Form):
    kind = _radios(list(ACCOUNT_KINDS.items()), _("Select the type of account"))
    joint = _radios(YES_NO, _("Select yes if it is a joint account"))
    balance_pence = _money(
        _("Balance"), required=_("Enter the balance of the account"), what=_("the balance")
    )
    overdrawn = forms.BooleanField(label=_("The account is overdrawn"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].label = _("Type of account")
        self.fields["joint"].label = _("Is it a joint account?")
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("kind", legend_size=Size.MEDIUM),
                Field.radios("joint", legend_size=Size.SMALL, inline=True),
                Field.text("balance_pence"),
                Field.checkbox("overdrawn"),
            ]
        )


RESIDENCE_CHOICES = [
    ("own", _("A home you own or pay a mortgage on")),
    ("joint", _("A home you own jointly with someone else")),
    ("council", _("Council or housing association home")),
    ("private_rent", _("A home you rent privately")),
    ("other", _("Other")),
]


class ResidenceForm(forms.Form):
    kind = _radios(RESIDENCE_CHOICES, _("Select where you live"))
    other = _text(_("Describe where you live"), "")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].label = _("Where do you live?")
        self.helper = lazy_form_helper(
            lambda: [
                Field.radios("kind", legend_size=Size.MEDIUM),
                Fieldset(
                    Field.text("other"), legend=_("If you chose other"), legend_size=Size.SMALL
                ),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("kind") == "other":
            if not (data.get("other") or "").strip():
                self.add_error("other", _("Describe where you live"))
        else:
            data["other"] = ""
        return data


class DependantsForm(forms.Form):
    under_11 = _count(_("Children under 11"), _("the number of children under 11"))
    age_11_to_15 = _count(_("Children aged 11 to 15"), _("the number of children aged 11 to 15"))
    age_16_to_19 = _count(_("Children aged 16 to 19"), _("the number of children aged 16 to 19"))
    in_education = _count(
        _("Of the children aged 16 to 19, how many are in full-time education or training?"),
        _("the number in full-time education or training"),
    )
    disability = _radios(YES_NO, _("Select yes if any of the children are disabled"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["disability"].label = _("Are any of the children disabled?")
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("under_11", field_width=2),
                Field.text("age_11_to_15", field_width=2),
                Field.text("age_16_to_19", field_width=2),
                Field.text("in_education", field_width=2),
                Field.radios("disability", legend_size=Size.SMALL, inline=True),
            ]
        )

    def clean(self):
        data = super().clean()
        older, studying = data.get("age_16_to_19"), data.get("in_education")
        if older is not None and studying is not None and studying > older:
            self.add_error(
                "in_education",
                _("The number in education cannot be more than the children aged 16 to 19"),
            )
        return data


class OtherDependantsForm(forms.Form):
    number = _count(
        _("How many other people do you support financially?"),
        _("the number of other people you support"),
    )
    details = _text(_("Who are they? (optional)"), "")
    carer = _radios(YES_NO, _("Select yes if you get Carer’s Allowance or Carer’s Credit"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].help_text = _("For example, an adult relative. Enter 0 if none")
        self.fields["carer"].label = _("Do you get Carer’s Allowance or Carer’s Credit?")
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("number", field_width=2),
                Field.text("details"),
                Field.radios("carer", legend_size=Size.SMALL, inline=True),
            ]
        )


EMPLOYED, SELF_EMPLOYED, BOTH, UNEMPLOYED, RETIRED = (
    "employed",
    "self_employed",
    "both",
    "unemployed",
    "retired",
)


class EmploymentForm(forms.Form):
    status = _radios(
        [
            (EMPLOYED, _("Employed")),
            (SELF_EMPLOYED, _("Self-employed")),
            (BOTH, _("Both employed and self-employed")),
            (UNEMPLOYED, _("Unemployed")),
            (RETIRED, _("Retired")),
        ],
        _("Select your employment"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].label = _("What is your employment?")
        self.helper = lazy_form_helper(lambda: [Field.radios("status", legend_size=Size.MEDIUM)])


class EmployerForm(forms.Form):
    employer = _text(_("Employer’s name"), _("Enter your employer’s name"))
    job_title = _text(_("Your job title"), _("Enter your job title"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(lambda: [Field.text("employer"), Field.text("job_title")])


class SelfEmploymentForm(forms.Form):
    job_title = _text(_("What is your work?"), _("Enter what your work is"))
    turnover_pence = _money(
        _("Your yearly turnover"),
        required=_("Enter your yearly turnover"),
        what=_("your yearly turnover"),
    )
    tax_owed_pence = _money(_("Tax you owe, if any (optional)"), what=_("the tax you owe"))
    tax_reason = _text(_("What the tax is for (optional)"), "")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("job_title"),
                Field.text("turnover_pence"),
                Field.text("tax_owed_pence"),
                Field.text("tax_reason"),
            ]
        )

    def clean(self):
        data = super().clean()
        if data.get("tax_owed_pence") and not (data.get("tax_reason") or "").strip():
            self.add_error("tax_reason", _("Enter what the tax you owe is for"))
        return data


class UnemploymentForm(forms.Form):
    years = _count(_("Years"), _("the number of years"), maximum=80)
    months = _count(_("Months"), _("the number of months"), maximum=11)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [
                Fieldset(
                    Field.text("years", field_width=2),
                    Field.text("months", field_width=2),
                    legend=_("How long have you been unemployed?"),
                    legend_size=Size.MEDIUM,
                )
            ]
        )


class DebtForm(forms.Form):
    owed_to = _text(_("Who do you owe money to?"), _("Enter who you owe money to"))
    total_pence = _money(
        _("Total owed"), required=_("Enter the total owed"), what=_("the total owed")
    )
    monthly_pence = _money(
        _("Monthly payment"),
        required=_("Enter the monthly payment (0 if none)"),
        what=_("the monthly payment"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owed_to"].help_text = _("For example, a credit card or loan company")
        self.helper = lazy_form_helper(
            lambda: [Field.text("owed_to"), Field.text("total_pence"), Field.text("monthly_pence")]
        )


class CourtOrderForm(forms.Form):
    claim_number = _text(_("Claim number"), _("Enter the claim number"), CLAIM_NUMBER_MAX)
    owed_pence = _money(
        _("Amount still owed"), required=_("Enter the amount still owed"), what=_("the amount owed")
    )
    monthly_pence = _money(
        _("Monthly instalment"),
        required=_("Enter the monthly instalment (0 if none)"),
        what=_("the monthly instalment"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [
                Field.text("claim_number", field_width=10),
                Field.text("owed_pence"),
                Field.text("monthly_pence"),
            ]
        )


class _MonthlyForm(forms.Form):
    """Optional monthly amounts (blank is none)."""

    ITEMS: tuple[tuple[str, str], ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in self.ITEMS:
            self.fields[name] = _money(
                format_lazy(_("{label} (optional)"), label=label), what=_lower(label)
            )
        self.helper = lazy_form_helper(lambda: [Field.text(name) for name, _label in self.ITEMS])

    def clean(self):
        data = super().clean()
        for name, _label in self.ITEMS:
            if data.get(name) is None and name not in self.errors:
                data[name] = 0
        return data


def monthly_summary(form_class):
    """``Step.summary`` for a form of monthly amounts: only those given, or that none were."""

    def summary(cleaned: dict) -> list[tuple[str, str]]:
        rows = [
            (label, pence_format(cleaned[name]))
            for name, label in form_class.ITEMS
            if cleaned.get(name)
        ]
        return rows or [(_("Each month"), _("None"))]

    return summary


class PriorityDebtsForm(_MonthlyForm):
    """Arrears on what the law puts first, as a monthly amount."""

    ITEMS = (
        ("mortgage", _("Mortgage arrears")),
        ("rent", _("Rent arrears")),
        ("council_tax", _("Council Tax arrears")),
        ("gas", _("Gas arrears")),
        ("electricity", _("Electricity arrears")),
        ("water", _("Water arrears")),
        ("maintenance", _("Maintenance arrears")),
    )


class IncomeForm(_MonthlyForm):
    ITEMS = (
        ("wages", _("Wages after tax")),
        ("universal_credit", _("Universal Credit")),
        ("other_benefits", _("Other benefits and tax credits")),
        ("child_benefit", _("Child Benefit")),
        ("pension", _("Pension")),
        ("other", _("Other income")),
    )


class ExpensesForm(_MonthlyForm):
    ITEMS = (
        ("mortgage", _("Mortgage")),
        ("rent", _("Rent")),
        ("council_tax", _("Council Tax")),
        ("gas", _("Gas")),
        ("electricity", _("Electricity")),
        ("water", _("Water")),
        ("travel", _("Travel")),
        ("school", _("School costs")),
        ("food", _("Food and housekeeping")),
        ("tv_broadband", _("TV and broadband")),
        ("hire_purchase", _("Hire purchase")),
        ("mobile", _("Mobile phone")),
        ("maintenance", _("Maintenance payments")),
        ("other", _("Other")),
    )


class ExplanationForm(forms.Form):
    explanation = _textarea(
        _("Why can you not pay straight away?"),
        _("Enter why you cannot pay straight away"),
        EXPLANATION_MAX,
        hint=_("Tell us anything else about your finances the claimant and court should know."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(
            lambda: [Field.textarea("explanation", label_size=Size.MEDIUM)]
        )


# What the response keeps ------------------------------------------------------------------


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def monthly_total(values: dict | None) -> int:
    return sum(v for v in (values or {}).values() if isinstance(v, int))


def statement_of_means(answers) -> dict:
    """The statement of means as the response keeps it (JSON), with monthly totals."""
    income, expenses = answers.value("som-income") or {}, answers.value("som-expenses") or {}
    priority = answers.value("som-priority-debts") or {}
    debts = answers.value("som-debts") or []
    orders = answers.value("som-court-orders") or []
    monthly_out = (
        monthly_total(expenses)
        + monthly_total(priority)
        + sum(d["monthly_pence"] or 0 for d in debts)
        + sum(o["monthly_pence"] or 0 for o in orders)
    )
    return _plain(
        {
            "bank_accounts": answers.value("som-bank-accounts") or [],
            "residence": answers.value("som-residence") or {},
            "dependants": answers.value("som-dependants") or {},
            "other_dependants": answers.value("som-other-dependants") or {},
            "employment": (answers.value("som-employment") or {}).get("status", ""),
            "employers": answers.value("som-employers") or [],
            "self_employment": answers.value("som-self-employment") or {},
            "unemployment": answers.value("som-unemployment") or {},
            "debts": debts,
            "court_orders": orders,
            "priority_debts": priority,
            "monthly_income": income,
            "monthly_expenses": expenses,
            "explanation": (answers.value("som-explanation") or {}).get("explanation", ""),
            "monthly_income_total_pence": monthly_total(income),
            "monthly_outgoings_total_pence": monthly_out,
        }
    )


def means_summary(answers) -> list[tuple[str, str]]:
    """Monthly income against outgoings, for the check page."""
    means = statement_of_means(answers)
    income = means["monthly_income_total_pence"]
    out = means["monthly_outgoings_total_pence"]
    return [
        (_("Monthly income"), pence_format(income)),
        (_("Monthly outgoings, debts and court orders"), pence_format(out)),
        (_("Left each month"), pence_format(income - out)),
    ]


__all__ = ["YES", "statement_of_means", "means_summary"]
