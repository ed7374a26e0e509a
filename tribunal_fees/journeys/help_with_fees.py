"""The Help with Fees journey."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.grants import grant_check
from digital_services.core.money import pence_format
from digital_services.journeys.contact import (
    contact_initial_for,
    contact_route,
    sentence_start,
)
from digital_services.journeys.definitions import (
    Answers,
    Journey,
    Step,
    journey_register,
)
from digital_services.journeys.exceptions import JourneySubmitError

from .. import services
from ..constants import (
    GRANT_SCOPE_FEE,
    Benefit,
    FeeCaseStatus,
    FeeKind,
    HwfOutcome,
    HwfScheme,
)
from ..fees import (
    FeeNotFound,
)
from ..forms import (
    HwfAlreadyPaidForm,
    HwfApplicantForm,
    HwfBenefitsForm,
    HwfChildrenForm,
    HwfFeeKnownForm,
    HwfFeeReferenceForm,
    HwfIdentityForm,
    HwfIncomeForm,
    HwfOutcomeForm,
    HwfPaidElsewhereForm,
    HwfPartnerBirthForm,
    HwfPartnerForm,
    HwfSavingsBandForm,
    HwfSavingsForm,
    RefundBankForm,
    jurisdiction_for,
)
from ..models import FeeCase
from ..remission import hwf_assess, hwf_savings_band_passes, hwf_scheme_for
from .common import (
    SERVICE,
    _citizen_name,
    _fee_steps,
    answered_kind,
    current_route,
    quote_for,
)

# Help with Fees ------------------------------------------------------------------------


def _has_reference(answers: Answers) -> bool:
    return answers.value("fee", "has_reference") == "yes"


def _describing_fee(answers: Answers) -> bool:
    return answers.value("fee", "has_reference") == "no"


def _paid_question(answers: Answers) -> bool:
    """ "Have you already paid this fee?" for a fee of a tribunal charging fees today that
    the citizen describes (one we do not hold: paid to the tribunal, not through us)."""
    return _describing_fee(answers) and current_route(answers)


def _paid_elsewhere(answers: Answers) -> bool:
    """Retrospective Help with Fees on a fee paid to the tribunal outside this service."""
    return _paid_question(answers) and answers.value("already-paid", "already_paid") == "yes"


def _paid_elsewhere_kwargs(answers: Answers) -> dict:
    quote = quote_for(answers)
    return {"fee_pence": quote.amount_pence if quote is not None else None}


def hwf_fee_case_lookup(reference: str | None) -> FeeCase | None:
    """The fee named by its reference, if it is one Help with Fees can still apply to: unpaid,
    or paid in the last 3 months (retrospective Help with Fees), for one claimant, with no
    remission and no application already (once decided, the decision stands).

    It does not say who may use it: ``hwf_fee_case_granted`` does, for the journey."""
    if not reference:
        return None
    fee_case = (
        FeeCase.objects.filter(
            reference=reference,
            status__in=(FeeCaseStatus.UNPAID, FeeCaseStatus.PAID),
            remission_pence=0,
            claimants=1,
            linked_hwf__isnull=True,
        )
        .filter(hwf_applications__isnull=True)
        .select_related("fee_schedule")
        .first()
    )
    if fee_case is not None and fee_case.status == FeeCaseStatus.PAID:
        return None if services.hwf_paid_fee_problem(fee_case) else fee_case
    return fee_case


def _refund_bank_needed(answers: Answers) -> bool:
    """Bank details for the refund: only for a paid fee not paid by card in this service
    (a card payment made here is refunded to that card), or paid to the tribunal."""
    if _paid_elsewhere(answers):
        return True
    if not _has_reference(answers):
        return False
    fee_case = hwf_fee_case_granted(answers)
    return (
        fee_case is not None
        and fee_case.status == FeeCaseStatus.PAID
        and services.fee_case_card_payment(fee_case) is None
    )


def hwf_fee_case_granted(answers: Answers) -> FeeCase | None:
    """The fee the answers name, only when they also hold its grant (core/grants.py), which
    the fee's own page puts there for whoever may see the fee: its owner, or a browser that
    sent it, opened our email's link or found it with the payer's email address. A
    reference typed on its own names nobody's fee (issue #11: it used to be anyone's)."""
    reference = answers.value("fee-reference", "reference")
    grant = answers.value("fee-reference", "grant", "")
    if not reference or not grant_check(grant, scope=GRANT_SCOPE_FEE, reference=reference):
        return None
    return hwf_fee_case_lookup(reference)


def _hwf_fee(answers: Answers) -> tuple[int | None, object, str, str]:
    """(fee in pence, date of the fee, what it is, problem) for the outcome page."""
    if _has_reference(answers):
        reference = answers.value("fee-reference", "reference")
        fee_case = hwf_fee_case_granted(answers)
        if fee_case is None:
            return (
                None,
                None,
                "",
                gettext(
                    "We cannot find a fee you can apply for with the reference %(reference)s. "
                    "Check the reference you gave"
                )
                % {"reference": reference},
            )
        return fee_case.fee_pence, fee_case.fee_date, fee_case.description, ""
    quote = quote_for(answers)
    if quote is None:
        return None, None, "", gettext("There was no fee to pay on the date you gave")
    return quote.amount_pence, quote.on_date, FeeKind(quote.kind).label, ""


def _savings_in_bands(answers: Answers) -> bool:
    """The 2023 scheme (a fee due from 27 November 2023) asks the savings in its bands."""
    _fee_pence, fee_date, _what, problem = _hwf_fee(answers)
    return not problem and hwf_scheme_for(fee_date).scheme == HwfScheme.NOV_2023


def _savings_amount_needed(answers: Answers) -> bool:
    """The amount: always in the 2013 scheme; in the 2023 scheme only when the band given
    straddles the limit for this fee (£1,421 to £5,000, under 66: 3 × the fee)."""
    if not _savings_in_bands(answers):
        return True
    fee_pence, fee_date, _what, _problem = _hwf_fee(answers)
    band = answers.value("savings-band", "savings_band")
    applicant_dob = answers.value("applicant", "applicant_date_of_birth")
    if band is None or applicant_dob is None:
        return False
    has_partner = answers.value("partner", "has_partner") == "yes"
    return (
        hwf_savings_band_passes(
            figures=hwf_scheme_for(fee_date),
            savings_band=band,
            fee_pence=fee_pence,
            applicant_date_of_birth=applicant_dob,
            partner_date_of_birth=(
                answers.value("partner-dob", "partner_date_of_birth") if has_partner else None
            ),
            on_date=fee_date,
        )
        is None
    )


def _savings(answers: Answers) -> tuple[int | None, str]:
    """(amount in pence or None, band or "") as answered; nothing yet counts as none."""
    capital = answers.value("savings", "capital_pence")
    band = answers.value("savings-band", "savings_band", "")
    return (0 if capital is None and not band else capital), band


def _hwf_assessment(answers: Answers):
    fee_pence, fee_date, _what, problem = _hwf_fee(answers)
    if problem:
        return None, problem
    has_partner = answers.value("partner", "has_partner") == "yes"
    benefit = answers.value("benefits", "benefit", Benefit.NONE)
    try:
        assessment = hwf_assess(
            fee_pence=fee_pence,
            on_date=fee_date,
            applicant_date_of_birth=answers.value("applicant", "applicant_date_of_birth"),
            has_partner=has_partner,
            partner_date_of_birth=answers.value("partner-dob", "partner_date_of_birth"),
            capital_pence=_savings(answers)[0],
            savings_band=_savings(answers)[1],
            benefit=benefit,
            gross_monthly_income_pence=answers.value("income", "gross_monthly_income_pence"),
            children_0_13=answers.value("children", "children_0_13", 0) or 0,
            children_14_plus=answers.value("children", "children_14_plus", 0) or 0,
        )
    except (TypeError, ValueError):
        return None, gettext("Answer the questions about your money first")
    return assessment, ""


def _outcome_kwargs(answers: Answers) -> dict:
    fee_pence, fee_date, what, problem = _hwf_fee(answers)
    assessment, problem = _hwf_assessment(answers) if not problem else (None, problem)
    fee = {"pence": fee_pence, "date": fee_date, "what": what} if fee_pence is not None else None
    fee_case = hwf_fee_case_granted(answers) if fee and _has_reference(answers) else None
    if fee_case is not None and fee_case.status == FeeCaseStatus.PAID:
        # Retrospective: already paid, so help comes back as a refund (card or bank).
        fee["paid"] = True
        fee["refund_to"] = (
            gettext("into the bank account you gave us")
            if _refund_bank_needed(answers)
            else gettext("to the card you paid with")
        )
    elif fee is not None and _paid_elsewhere(answers):
        paid = answers.value("payment-elsewhere", "amount_paid_pence")
        fee["paid"] = True
        fee["refund_to"] = gettext(
            "into the bank account you gave us, once we have checked your evidence of payment"
        )
        if assessment is not None and paid is not None:
            fee["refund_pence"] = min(assessment.remission_pence, paid)
    return {"fee": fee, "assessment": assessment, "problem": problem}


def _check_summary(answers: Answers) -> tuple[str, list[tuple[str, str]]] | None:
    """The fee and the likely outcome on the check page, from the answers as they are now."""
    fee_pence, _fee_date, what, problem = _hwf_fee(answers)
    if problem:
        return None
    assessment, problem = _hwf_assessment(answers)
    rows = [(gettext("Fee"), f"{what}: {pence_format(fee_pence)}")]
    if assessment is not None:
        if assessment.outcome == HwfOutcome.FULL:
            likely = gettext("Full Help with Fees: you would pay nothing")
        elif assessment.outcome == HwfOutcome.PART:
            likely = gettext(
                "Some help: you would pay %(to_pay)s and Help with Fees the other %(remission)s"
            ) % {
                "to_pay": pence_format(assessment.amount_to_pay_pence),
                "remission": pence_format(assessment.remission_pence),
            }
        else:
            likely = gettext("No Help with Fees: you would pay the whole %(fee)s") % {
                "fee": pence_format(fee_pence)
            }
        rows.append((gettext("Likely outcome"), likely))
    return gettext("Your fee and what you are likely to get"), rows


def _outcome_summary(cleaned: dict) -> list[tuple[str, str]]:
    return [
        (gettext("How we send our decision"), sentence_start(contact_route(cleaned).describe()))
    ]


def _hwf_submit_error(exc: services.InvalidRequest) -> JourneySubmitError:
    steps = {
        "kind": "fee-kind",
        "case_number": "case-number",
        "claim_elements": "claim-about",
        "claimants": "fee-reference",
        "answers": "savings",
        "reference": "fee-reference",
        "refund_account_name": "refund-bank",
        "refund_bank_name": "refund-bank",
        "refund_account_number": "refund-bank",
        "refund_sort_code": "refund-bank",
        "paid_on": "payment-elsewhere",
        "amount_paid_pence": "payment-elsewhere",
        "method": "payment-elsewhere",
    }
    first = next(iter(exc.errors))
    return JourneySubmitError(list(exc.errors.values()), step=steps.get(first))


def _paid_elsewhere_record(fee_case: FeeCase, *, answers: Answers, user) -> FeeCase:
    """The fee just described was paid to the tribunal: record the payment as told."""
    try:
        return services.fee_case_paid_elsewhere_record(
            fee_case=fee_case,
            paid_on=answers.value("payment-elsewhere", "paid_on"),
            amount_pence=answers.value("payment-elsewhere", "amount_paid_pence"),
            method=answers.value("payment-elsewhere", "method", ""),
            case_number=answers.value("payment-elsewhere", "case_number", ""),
            actor=user if getattr(user, "is_authenticated", False) else None,
        )
    except services.InvalidRequest as exc:
        raise JourneySubmitError(list(exc.errors.values()), step="payment-elsewhere") from exc


def hwf_submit(*, answers: Answers, user, channel, assisted_session, language) -> str:
    """Apply for Help with Fees on the fee (recorded now if it was described on the way)."""
    from ..views import access_url

    not_found = JourneySubmitError(
        gettext("We cannot find a fee you can apply for with that reference"), step="fee-reference"
    )
    try:
        if _has_reference(answers):
            fee_case = hwf_fee_case_granted(answers)
            if fee_case is None:
                raise not_found
            if fee_case.user_id is not None and getattr(user, "pk", None) != fee_case.user_id:
                raise not_found  # someone else's fee: say no more than for a wrong reference
        else:
            kind = answered_kind(answers)
            fee_case = services.fee_case_create(
                user=user,
                kind=kind,
                fee_date=answers.value("date", "fee_date"),
                jurisdiction=jurisdiction_for(kind),
                claimants=1,
                claim_elements=answers.value("claim-about", "claim_elements"),
                case_number=answers.value("case-number", "case_number", ""),
                contact=contact_route(
                    answers.value("outcome"),
                    name=answers.value("applicant", "applicant_name", "") or _citizen_name(user),
                ),
                language=language,
            )
            if _paid_elsewhere(answers):
                fee_case = _paid_elsewhere_record(fee_case, answers=answers, user=user)
        has_partner = answers.value("partner", "has_partner") == "yes"
        benefit = answers.value("benefits", "benefit", Benefit.NONE)
        application = services.hwf_application_submit(
            fee_case=fee_case,
            answers=services.HwfAnswers(
                applicant_name=answers.value("applicant", "applicant_name"),
                applicant_date_of_birth=answers.value("applicant", "applicant_date_of_birth"),
                capital_pence=answers.value("savings", "capital_pence"),
                savings_band=answers.value("savings-band", "savings_band", ""),
                has_partner=has_partner,
                partner_date_of_birth=(
                    answers.value("partner-dob", "partner_date_of_birth") if has_partner else None
                ),
                children_0_13=answers.value("children", "children_0_13", 0) or 0,
                children_14_plus=answers.value("children", "children_14_plus", 0) or 0,
                benefit=benefit,
                gross_monthly_income_pence=(
                    answers.value("income", "gross_monthly_income_pence")
                    if benefit == Benefit.NONE
                    else None
                ),
                ni_number=answers.value("identity", "ni_number", ""),
                home_office_reference=answers.value("identity", "home_office_reference", ""),
                income_kinds=tuple(
                    answers.value("income", "income_kinds", []) if benefit == Benefit.NONE else ()
                ),
                income_period=(
                    answers.value("income", "income_period", "") if benefit == Benefit.NONE else ""
                ),
                **(
                    {
                        f"refund_{name}": answers.value("refund-bank", name, "")
                        for name in ("account_name", "bank_name", "account_number", "sort_code")
                    }
                    if _refund_bank_needed(answers)
                    else {}
                ),
            ),
            user=user,
        )
    except services.InvalidRequest as exc:
        raise _hwf_submit_error(exc) from exc
    except services.TransitionNotAllowed as exc:
        raise JourneySubmitError(str(exc), step="fee-reference") from exc
    except FeeNotFound as exc:
        raise JourneySubmitError(
            gettext("There was no fee to pay on the date you gave"), step="date"
        ) from exc
    return access_url(
        user=user,
        scope=GRANT_SCOPE_FEE,
        reference=fee_case.reference,
        target=reverse("tribunal_fees:hwf-confirmation", args=[application.reference]),
    )


HELP_WITH_FEES = journey_register(
    Journey(
        service=SERVICE,
        slug="apply-for-help-with-fees",
        title=_("Apply for Help with Fees"),
        submit=hwf_submit,
        check_summary=_check_summary,
        declaration=(
            _(
                "I confirm that the information I have given is correct and complete. I understand "
                "that if I give false information I may have to pay the full fee and could be "
                "prosecuted."
            )
        ),
        steps=[
            Step(
                slug="fee",
                title=_("Your fee reference"),
                form_class=HwfFeeKnownForm,
            ),
            Step(
                slug="fee-reference",
                title=_("What is your fee reference?"),
                form_class=HwfFeeReferenceForm,
                template_name="tribunal_fees/journey_fee_reference.html",
                condition=_has_reference,
            ),
            *_fee_steps(when=_describing_fee, hwf=True),
            Step(
                slug="already-paid",
                title=_("Have you already paid this fee?"),
                form_class=HwfAlreadyPaidForm,
                condition=_paid_question,
            ),
            Step(
                slug="payment-elsewhere",
                title=_("Your payment"),
                form_class=HwfPaidElsewhereForm,
                condition=_paid_elsewhere,
                form_kwargs=_paid_elsewhere_kwargs,
                hint=_(
                    "Tell us about the payment you made to the tribunal. After you apply, "
                    "you send us evidence of it, such as a receipt or a bank statement."
                ),
            ),
            Step(slug="applicant", title=_("About you"), form_class=HwfApplicantForm),
            Step(
                slug="identity",
                title=_("Your National Insurance number"),
                form_class=HwfIdentityForm,
            ),
            Step(slug="partner", title=_("Do you have a partner?"), form_class=HwfPartnerForm),
            Step(
                slug="partner-dob",
                title=_("Your partner’s date of birth"),
                form_class=HwfPartnerBirthForm,
                condition=lambda a: a.value("partner", "has_partner") == "yes",
            ),
            Step(
                slug="savings-band",
                title=_("Savings and investments"),
                form_class=HwfSavingsBandForm,
                condition=_savings_in_bands,
            ),
            Step(
                slug="savings",
                title=_("How much you have in savings and investments"),
                form_class=HwfSavingsForm,
                condition=_savings_amount_needed,
            ),
            Step(slug="benefits", title=_("Benefits"), form_class=HwfBenefitsForm),
            Step(
                slug="income",
                title=_("Your income"),
                form_class=HwfIncomeForm,
                condition=lambda a: a.value("benefits", "benefit") == Benefit.NONE,
            ),
            Step(
                slug="children",
                title=_("Children you support"),
                form_class=HwfChildrenForm,
                condition=lambda a: a.value("benefits", "benefit") == Benefit.NONE,
                hint=_("Count the children who live with you or whom you support financially."),
            ),
            Step(
                slug="refund-bank",
                title=_("Where we pay a refund"),
                form_class=RefundBankForm,
                condition=_refund_bank_needed,
                hint=_(
                    "You have already paid this fee, and not by card through this service. "
                    "If you get Help with Fees, we pay back what it covers into this account."
                ),
            ),
            Step(
                slug="outcome",
                title=_("What you are likely to get"),
                form_class=HwfOutcomeForm,
                template_name="tribunal_fees/journey_hwf_outcome.html",
                form_kwargs=_outcome_kwargs,
                summary=_outcome_summary,
                initial=contact_initial_for,
            ),
        ],
    )
)
