"""The refund journey (2017 scheme)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import dateformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.money import pence_format
from digital_services.journeys.contact import (
    CHANNEL_FOR,
    contact_step,
    postal_address,
)
from digital_services.journeys.definitions import (
    Answers,
    Journey,
    RepeatingStep,
    Step,
    journey_register,
)
from digital_services.journeys.engine import display_value
from digital_services.journeys.exceptions import JourneySubmitError

from .. import services
from ..constants import (
    GRANT_SCOPE_REFUND,
    RefundFeeKind,
)
from ..forms import (
    RefundApplicantForm,
    RefundBankForm,
    RefundCaseForm,
    RefundContactForm,
    RefundFeeForm,
    RefundNameChangedForm,
    RefundOnlineFeeForm,
    RefundPaidHereForm,
    RefundProfileForm,
    RefundRespondentForm,
)
from .common import SERVICE

# Refund (2017 scheme) ------------------------------------------------------------------


def _refund_fee_title(cleaned: dict) -> str:
    kind = cleaned.get("kind")
    label = str(RefundFeeKind(kind).label) if kind in RefundFeeKind.values else gettext("Fee")
    amount = cleaned.get("amount_pence")
    return f"{label}, {pence_format(amount)}" if amount else label


def _refund_fee_summary(cleaned: dict) -> list[tuple[str, str]]:
    """One fee on the check page: "When you paid" is one row ("March 2016"), not Month and Year."""
    form = RefundFeeForm()
    rows = [
        (str(form.fields[name].label), display_value(form.fields[name], cleaned.get(name)))
        for name in ("kind", "amount_pence", "method")
    ]
    month, year, day = cleaned.get("paid_month"), cleaned.get("paid_year"), cleaned.get("paid_day")
    when = gettext("Not known")
    if month and year:
        # The month's name in the page's language ("March 2016", "Mawrth 2016").
        when = dateformat.format(dt.date(year, month, 1), "F Y")
    if day and month and year:
        when = f"{day} {when}"
    rows.append((gettext("When you paid"), when))
    return rows


REFUND_ERROR_STEPS = {
    "profile": "who-paid",
    "full_name": "applicant",
    "email": "contact",
    "address": "contact",
    "respondent_name": "respondent",
    "et_case_number": "case",
    "eat_case_number": "case",
    "fees": "fees",
    "account_name": "bank",
    "bank_name": "bank",
    "sort_code": "bank",
    "account_number": "bank",
}


def _paid_here(answers: Answers) -> bool:
    return answers.value("paid-here", "paid_here") == "yes"


def refund_fee_case_from(answers: Answers):
    """The fee paid by card in this service that the answers name, if any (checked again
    on sending: the reference and email address must still match a paid fee)."""
    from ..selectors import fee_case_paid_for_refund

    if not _paid_here(answers):
        return None
    return fee_case_paid_for_refund(
        answers.value("online-fee", "reference", ""), answers.value("online-fee", "email", "")
    )


def refund_answers_from(answers: Answers) -> services.RefundAnswers:
    applicant = answers.value("applicant") or {}
    contact = answers.value("contact") or {}
    case = answers.value("case") or {}
    respondent = answers.value("respondent") or {}
    bank = answers.value("bank") or {}
    return services.RefundAnswers(
        profile=answers.value("who-paid", "profile", ""),
        title=applicant.get("title", ""),
        full_name=applicant.get("full_name", ""),
        date_of_birth=applicant.get("date_of_birth"),
        email=contact.get("email", ""),
        phone=contact.get("phone", ""),
        address=postal_address(contact),
        contact_channel=CHANNEL_FOR.get(contact.get("contact", ""), "email"),
        mobile=contact.get("mobile", ""),
        region=case.get("region", "england_wales"),
        et_case_number=case.get("et_case_number", ""),
        eat_case_number=case.get("eat_case_number", ""),
        respondent_name=respondent.get("respondent_name", ""),
        respondent_address=respondent.get("respondent_address", ""),
        fees=tuple(
            services.RefundFeeAnswer(
                kind=fee["kind"],
                amount_pence=fee["amount_pence"],
                method=fee["method"],
                paid_month=fee.get("paid_month"),
                paid_day=fee.get("paid_day"),
                paid_year=fee.get("paid_year"),
            )
            for fee in (answers.value("fees") or [])
        ),
        account_name=bank.get("account_name", ""),
        bank_name=bank.get("bank_name", ""),
        account_number=bank.get("account_number", ""),
        sort_code=bank.get("sort_code", ""),
        declaration=True,  # sending from the check page confirms the declaration
    )


def refund_submit(*, answers: Answers, user, channel, assisted_session, language) -> str:
    """Apply for a refund of fees paid from July 2013 to July 2017."""
    from ..views import access_url

    refund_answers = refund_answers_from(answers)
    errors = services.refund_answers_errors(refund_answers)
    if errors:
        first = next(iter(errors))
        step = REFUND_ERROR_STEPS.get(first.split("-")[0] if first.startswith("fees") else first)
        raise JourneySubmitError(list(errors.values()), step=step)
    try:
        application = services.refund_application_submit(
            answers=refund_answers,
            user=user,
            fee_case=refund_fee_case_from(answers),
            language=language,
        )
    except services.InvalidRequest as exc:
        raise JourneySubmitError(list(exc.errors.values())) from exc
    return access_url(
        user=user,
        scope=GRANT_SCOPE_REFUND,
        reference=application.reference,
        target=reverse("tribunal_fees:refund-confirmation", args=[application.reference]),
    )


REFUND = journey_register(
    Journey(
        service=SERVICE,
        slug="refund",
        title=_("Apply for a refund of employment tribunal fees"),
        submit=refund_submit,
        declaration=_(
            "I believe that the facts stated in this application are true. I made the payments "
            "listed, or reimbursed the person who made them, and nobody has been ordered to "
            "pay them back to me. I understand that giving false information to get a refund "
            "is fraud."
        ),
        steps=[
            Step(slug="who-paid", title=_("Who paid the fees?"), form_class=RefundProfileForm),
            Step(slug="applicant", title=_("Your details"), form_class=RefundApplicantForm),
            Step(
                slug="name-changed",
                title=_("Has your name changed since you paid?"),
                form_class=RefundNameChangedForm,
            ),
            contact_step(
                slug="contact", title=_("Your contact details"), form_class=RefundContactForm
            ),
            Step(
                slug="paid-here",
                title=_("Did you pay online with this service?"),
                form_class=RefundPaidHereForm,
            ),
            Step(
                slug="online-fee",
                title=_("The fee you paid online"),
                form_class=RefundOnlineFeeForm,
                condition=_paid_here,
            ),
            Step(
                slug="case",
                title=_("Your original case"),
                form_class=RefundCaseForm,
            ),
            Step(
                slug="respondent",
                title=_("Who the claim was against"),
                form_class=RefundRespondentForm,
            ),
            RepeatingStep(
                slug="fees",
                title=_("Fees you paid"),
                form_class=RefundFeeForm,
                item_name=_("fee"),
                item_name_plural=_("fees"),
                min_items=1,
                max_items=len(RefundFeeKind),
                item_title=_refund_fee_title,
                summary=_refund_fee_summary,
            ),
            Step(
                slug="bank",
                title=_("Where should we send the refund?"),
                form_class=RefundBankForm,
                hint=_("We pay refunds into a UK bank or building society account."),
            ),
        ],
    )
)
