"""Payment plans: how money is to be paid (immediately, by a set date, or by instalments),
as offered in a response, proposed by the claimant, decided by the court or ordered in a
judgment (the abstract ``models.defence.PaymentPlan``), and the words that describe one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext

from digital_services.core.dates import date_format
from digital_services.core.money import pence_format

from ..constants import InstalmentFrequency, PaymentOption

#: "Immediately" means within 5 days (notes §2).
IMMEDIATE_DAYS = 5
PLAN_FIELDS = (
    "payment_option",
    "pay_by_date",
    "instalment_amount_pence",
    "instalment_first_date",
    "instalment_frequency",
)


@dataclass(frozen=True)
class PaymentPlanAnswers:
    payment_option: str = ""
    pay_by_date: dt.date | None = None
    instalment_amount_pence: int | None = None
    instalment_first_date: dt.date | None = None
    instalment_frequency: str = ""


def plan_from(row) -> PaymentPlanAnswers:
    """The plan held on a response, reply or judgment row."""
    return PaymentPlanAnswers(**{name: getattr(row, name) for name in PLAN_FIELDS})


def plan_fields(plan: PaymentPlanAnswers) -> dict:
    """The model fields for ``plan``, keeping only what its option uses."""
    option = plan.payment_option
    return {
        "payment_option": option,
        "pay_by_date": plan.pay_by_date if option == PaymentOption.BY_SET_DATE else None,
        "instalment_amount_pence": plan.instalment_amount_pence
        if option == PaymentOption.INSTALMENTS
        else None,
        "instalment_first_date": plan.instalment_first_date
        if option == PaymentOption.INSTALMENTS
        else None,
        "instalment_frequency": plan.instalment_frequency
        if option == PaymentOption.INSTALMENTS
        else "",
    }


def plan_validate(plan: PaymentPlanAnswers, *, today: dt.date, total_pence: int) -> None:
    """A plan that can be kept: a known option; a set date not in the past; instalments of
    at least £1 and not more than the total, every week, 2 weeks or month, from a first
    date not in the past. Raises ``ValidationError`` naming the field."""
    option = plan.payment_option
    if option not in PaymentOption.values:
        raise ValidationError({"payment_option": gettext("Select how the money should be paid")})
    errors = {}
    if option == PaymentOption.BY_SET_DATE:
        if plan.pay_by_date is None:
            errors["pay_by_date"] = gettext("Enter the date the money should be paid by")
        elif plan.pay_by_date < today:
            errors["pay_by_date"] = gettext("The date to pay by must be today or in the future")
    if option == PaymentOption.INSTALMENTS:
        amount = plan.instalment_amount_pence
        if not amount:
            errors["instalment_amount_pence"] = gettext("Enter the amount of each instalment")
        elif amount < 100:
            errors["instalment_amount_pence"] = gettext("Each instalment must be at least £1.00")
        elif total_pence and amount > total_pence:
            errors["instalment_amount_pence"] = gettext(
                "Each instalment must be %(total)s or less"
            ) % {"total": pence_format(total_pence)}
        if plan.instalment_frequency not in InstalmentFrequency.values:
            errors["instalment_frequency"] = gettext("Select how often the instalments are paid")
        if plan.instalment_first_date is None:
            errors["instalment_first_date"] = gettext("Enter the date of the first instalment")
        elif plan.instalment_first_date < today:
            errors["instalment_first_date"] = gettext(
                "The date of the first instalment must be today or in the future"
            )
    if errors:
        raise ValidationError(errors)


_WORDS = {
    "en": {
        "immediately": "immediately (within {days} days)",
        "by": "by {date}",
        "instalments": "{amount} {every} from {date}",
        InstalmentFrequency.WEEKLY: "every week",
        InstalmentFrequency.FORTNIGHTLY: "every 2 weeks",
        InstalmentFrequency.MONTHLY: "every month",
        "court": "as the court decides",
    },
    "cy": {
        "immediately": "ar unwaith (o fewn {days} diwrnod)",
        "by": "erbyn {date}",
        "instalments": "{amount} {every} o {date}",
        InstalmentFrequency.WEEKLY: "bob wythnos",
        InstalmentFrequency.FORTNIGHTLY: "bob pythefnos",
        InstalmentFrequency.MONTHLY: "bob mis",
        "court": "fel y mae’r llys yn penderfynu",
    },
}


def date_in(language: str, day: dt.date | None) -> str:
    """``day`` as a message in ``language`` writes it ("1 Mawrth 2027" in Welsh)."""
    with translation.override(language if language in _WORDS else "en"):
        return date_format(day) if day else ""


def plan_words(plan, *, language: str = "en") -> str:
    """The plan in words: "immediately (within 5 days)", "by 1 March 2027", "£50.00 every
    month from 1 February 2027"; in Welsh for ``language="cy"`` (dates too)."""
    language = language if language in _WORDS else "en"
    words = _WORDS[language]
    option = getattr(plan, "payment_option", "")
    with translation.override(language):
        if option == PaymentOption.IMMEDIATELY:
            return words["immediately"].format(days=IMMEDIATE_DAYS)
        if option == PaymentOption.BY_SET_DATE and plan.pay_by_date:
            return words["by"].format(date=date_format(plan.pay_by_date))
        if option == PaymentOption.INSTALMENTS and plan.instalment_amount_pence:
            return words["instalments"].format(
                amount=pence_format(plan.instalment_amount_pence),
                every=words.get(plan.instalment_frequency, ""),
                date=date_format(plan.instalment_first_date),
            )
    return words["court"]
