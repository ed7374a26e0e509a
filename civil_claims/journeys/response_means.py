"""The statement of means an individual gives when they ask for time to pay (notes section
2): bank accounts, residence, dependants (education, disability), other dependants and
caring, employment, self-employment (tax owed), unemployment, debts, court orders, priority
debts, monthly income and expenses, and an explanation. Lists are "add another" steps.
``statement_of_means(answers)`` turns the answers into what the response keeps."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms

from digital_services.core.money import PENCE_FIELD_MAX, PenceField, pence_format

from .forms import EXPLANATION_MAX, REASON_SHORT_MAX, _helper, _radios, _textarea
from .response_forms import YES, YES_NO

CLAIM_NUMBER_MAX = 20


def _money(label: str, *, required: str = "", what: str = "") -> PenceField:
    what = what or label.lower()
    return PenceField(
        label=label,
        required=bool(required),
        min_pence=0,
        max_pence=PENCE_FIELD_MAX,
        error_messages={
            "required": required,
            "invalid": f"Enter {what} in pounds and pence, like 125.50",
            "max_value": f"{label} must be %(limit)s or less",
        },
    )


def _count(label: str, what: str, *, maximum: int = 50) -> forms.IntegerField:
    field = forms.IntegerField(
        label=label,
        min_value=0,
        max_value=maximum,
        help_text="Enter 0 if none",
        error_messages={
            "required": f"Enter {what}",
            "invalid": f"Enter {what} as a whole number, like 2",
            "min_value": f"{what[0].upper()}{what[1:]} must be 0 or more",
            "max_value": f"{what[0].upper()}{what[1:]} must be {maximum} or fewer",
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
            "max_length": f"{label} must be {max_length} characters or fewer",
        },
    )


class BankAccountForm(forms.Form):
    kind = _radios(
        [
            ("current", "Current account"),
            ("savings", "Savings account"),
            ("isa", "ISA"),
            ("other", "Other"),
        ],
        "Select the type of account",
    )
    joint = _radios(YES_NO, "Select yes if it is a joint account")
    balance_pence = _money(
        "Balance", required="Enter the balance of the account", what="the balance"
    )
    overdrawn = forms.BooleanField(label="The account is overdrawn", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].label = "Type of account"
        self.fields["joint"].label = "Is it a joint account?"
        self.helper = _helper(
            Field.radios("kind", legend_size=Size.MEDIUM),
            Field.radios("joint", legend_size=Size.SMALL, inline=True),
            Field.text("balance_pence"),
            Field.checkbox("overdrawn"),
        )


RESIDENCE_CHOICES = [
    ("own", "A home you own or pay a mortgage on"),
    ("joint", "A home you own jointly with someone else"),
    ("council", "Council or housing association home"),
    ("private_rent", "A home you rent privately"),
    ("other", "Other"),
]


class ResidenceForm(forms.Form):
    kind = _radios(RESIDENCE_CHOICES, "Select where you live")
    other = _text("Describe where you live", "")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].label = "Where do you live?"
        self.helper = _helper(
            Field.radios("kind", legend_size=Size.MEDIUM),
            Fieldset(Field.text("other"), legend="If you chose other", legend_size=Size.SMALL),
        )

    def clean(self):
        data = super().clean()
        if data.get("kind") == "other":
            if not (data.get("other") or "").strip():
                self.add_error("other", "Describe where you live")
        else:
            data["other"] = ""
        return data


class DependantsForm(forms.Form):
    under_11 = _count("Children under 11", "the number of children under 11")
    age_11_to_15 = _count("Children aged 11 to 15", "the number of children aged 11 to 15")
    age_16_to_19 = _count("Children aged 16 to 19", "the number of children aged 16 to 19")
    in_education = _count(
        "Of the children aged 16 to 19, how many are in full-time education or training?",
        "the number in full-time education or training",
    )
    disability = _radios(YES_NO, "Select yes if any of the children are disabled")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["disability"].label = "Are any of the children disabled?"
        self.helper = _helper(
            Field.text("under_11", field_width=2),
            Field.text("age_11_to_15", field_width=2),
            Field.text("age_16_to_19", field_width=2),
            Field.text("in_education", field_width=2),
            Field.radios("disability", legend_size=Size.SMALL, inline=True),
        )

    def clean(self):
        data = super().clean()
        older, studying = data.get("age_16_to_19"), data.get("in_education")
        if older is not None and studying is not None and studying > older:
            self.add_error(
                "in_education",
                "The number in education cannot be more than the children aged 16 to 19",
            )
        return data


class OtherDependantsForm(forms.Form):
    number = _count(
        "How many other people do you support financially?",
        "the number of other people you support",
    )
    details = _text("Who are they? (optional)", "")
    carer = _radios(YES_NO, "Select yes if you get Carer’s Allowance or Carer’s Credit")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].help_text = "For example, an adult relative. Enter 0 if none"
        self.fields["carer"].label = "Do you get Carer’s Allowance or Carer’s Credit?"
        self.helper = _helper(
            Field.text("number", field_width=2),
            Field.text("details"),
            Field.radios("carer", legend_size=Size.SMALL, inline=True),
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
            (EMPLOYED, "Employed"),
            (SELF_EMPLOYED, "Self-employed"),
            (BOTH, "Both employed and self-employed"),
            (UNEMPLOYED, "Unemployed"),
            (RETIRED, "Retired"),
        ],
        "Select your employment",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].label = "What is your employment?"
        self.helper = _helper(Field.radios("status", legend_size=Size.MEDIUM))


class EmployerForm(forms.Form):
    employer = _text("Employer’s name", "Enter your employer’s name")
    job_title = _text("Your job title", "Enter your job title")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.text("employer"), Field.text("job_title"))


class SelfEmploymentForm(forms.Form):
    job_title = _text("What is your work?", "Enter what your work is")
    turnover_pence = _money(
        "Your yearly turnover",
        required="Enter your yearly turnover",
        what="your yearly turnover",
    )
    tax_owed_pence = _money("Tax you owe, if any (optional)", what="the tax you owe")
    tax_reason = _text("What the tax is for (optional)", "")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("job_title"),
            Field.text("turnover_pence"),
            Field.text("tax_owed_pence"),
            Field.text("tax_reason"),
        )

    def clean(self):
        data = super().clean()
        if data.get("tax_owed_pence") and not (data.get("tax_reason") or "").strip():
            self.add_error("tax_reason", "Enter what the tax you owe is for")
        return data


class UnemploymentForm(forms.Form):
    years = _count("Years", "the number of years", maximum=80)
    months = _count("Months", "the number of months", maximum=11)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Fieldset(
                Field.text("years", field_width=2),
                Field.text("months", field_width=2),
                legend="How long have you been unemployed?",
                legend_size=Size.MEDIUM,
            )
        )


class DebtForm(forms.Form):
    owed_to = _text("Who do you owe money to?", "Enter who you owe money to")
    total_pence = _money("Total owed", required="Enter the total owed", what="the total owed")
    monthly_pence = _money(
        "Monthly payment",
        required="Enter the monthly payment (0 if none)",
        what="the monthly payment",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owed_to"].help_text = "For example, a credit card or loan company"
        self.helper = _helper(
            Field.text("owed_to"), Field.text("total_pence"), Field.text("monthly_pence")
        )


class CourtOrderForm(forms.Form):
    claim_number = _text("Claim number", "Enter the claim number", CLAIM_NUMBER_MAX)
    owed_pence = _money(
        "Amount still owed", required="Enter the amount still owed", what="the amount owed"
    )
    monthly_pence = _money(
        "Monthly instalment",
        required="Enter the monthly instalment (0 if none)",
        what="the monthly instalment",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("claim_number", field_width=10),
            Field.text("owed_pence"),
            Field.text("monthly_pence"),
        )


class _MonthlyForm(forms.Form):
    """Optional monthly amounts (blank is none)."""

    ITEMS: tuple[tuple[str, str], ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in self.ITEMS:
            self.fields[name] = _money(f"{label} (optional)", what=label.lower())
        self.helper = _helper(*[Field.text(name) for name, _label in self.ITEMS])

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
        return rows or [("Each month", "None")]

    return summary


class PriorityDebtsForm(_MonthlyForm):
    """Arrears on what the law puts first, as a monthly amount."""

    ITEMS = (
        ("mortgage", "Mortgage arrears"),
        ("rent", "Rent arrears"),
        ("council_tax", "Council Tax arrears"),
        ("gas", "Gas arrears"),
        ("electricity", "Electricity arrears"),
        ("water", "Water arrears"),
        ("maintenance", "Maintenance arrears"),
    )


class IncomeForm(_MonthlyForm):
    ITEMS = (
        ("wages", "Wages after tax"),
        ("universal_credit", "Universal Credit"),
        ("other_benefits", "Other benefits and tax credits"),
        ("child_benefit", "Child Benefit"),
        ("pension", "Pension"),
        ("other", "Other income"),
    )


class ExpensesForm(_MonthlyForm):
    ITEMS = (
        ("mortgage", "Mortgage"),
        ("rent", "Rent"),
        ("council_tax", "Council Tax"),
        ("gas", "Gas"),
        ("electricity", "Electricity"),
        ("water", "Water"),
        ("travel", "Travel"),
        ("school", "School costs"),
        ("food", "Food and housekeeping"),
        ("tv_broadband", "TV and broadband"),
        ("hire_purchase", "Hire purchase"),
        ("mobile", "Mobile phone"),
        ("maintenance", "Maintenance payments"),
        ("other", "Other"),
    )


class ExplanationForm(forms.Form):
    explanation = _textarea(
        "Why can you not pay straight away?",
        "Enter why you cannot pay straight away",
        EXPLANATION_MAX,
        hint="Tell us anything else about your finances the claimant and court should know.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.textarea("explanation", label_size=Size.MEDIUM))


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
        ("Monthly income", pence_format(income)),
        ("Monthly outgoings, debts and court orders", pence_format(out)),
        ("Left each month", pence_format(income - out)),
    ]


__all__ = ["YES", "statement_of_means", "means_summary"]
