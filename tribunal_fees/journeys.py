"""The citizen journeys of Pay tribunal fees (declared as data for the journey engine).

``PAY``: what the fee is for, when the claim was presented, who pays, how many
claimants and what the claim is about; then "Your fee" explains the amount (or that
there is no fee to pay) and offers to pay now or to apply for Help with Fees. Sending
it records the fee (``services.fee_case_create``) and goes to the card payment, or on
to Help with Fees for that fee; a group records how many claimants have Help with
Fees and pays the split of the group fee (``services.fee_case_group_remission_record``).

``HELP_WITH_FEES``: for a fee we already hold (its reference, filled in when the
citizen comes from the fee's page) or one described on the way (fees from 29 July
2013 to 26 July 2017); the applicant, partner, savings, benefits, income and
children; the likely outcome worked out by ``remission.hwf_assess``; then
``services.hwf_application_submit``.

``REFUND``: the 2017 refund scheme: who paid, the applicant, the original case, each
fee paid, bank details, the declaration; ``services.refund_application_submit``.

Someone who is not signed in can use all three: what they send is not tied to an
account, so the confirmation URL is a signed link that lets their browser see it
(``views.access_url``).
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from digital_services.core.dates import date_format
from digital_services.core.grants import grant_check
from digital_services.core.money import pence_format
from digital_services.journeys.contact import (
    CHANNEL_FOR,
    contact_initial_for,
    contact_route,
    contact_step,
    postal_address,
    sentence_start,
)
from digital_services.journeys.definitions import (
    Answers,
    Journey,
    RepeatingStep,
    Step,
    journey_register,
)
from digital_services.journeys.exceptions import JourneySubmitError
from digital_services.payments.services import PaymentProviderUnavailable

from . import services
from .constants import (
    BAND_REMISSION_DIVISOR,
    BANDED_KINDS,
    FEES_FIRST_DAY,
    FEES_LAST_DAY,
    GRANT_SCOPE_FEE,
    GRANT_SCOPE_REFUND,
    Benefit,
    ClaimantBand,
    ClaimElement,
    ClaimType,
    FeeCaseStatus,
    FeeKind,
    PayerRole,
    RefundFeeKind,
)
from .fees import (
    AmbiguousFee,
    FeeNotFound,
    FeeQuote,
    claim_type_decide,
    fee_lookup,
    group_fee_after_remission,
)
from .forms import (
    APPLY_HWF,
    KIND_HEARING,
    KIND_OTHER,
    CaseNumberForm,
    ClaimAboutForm,
    ClaimantsForm,
    EmailForm,
    FeeChoiceForm,
    FeeDateForm,
    FeeKindForm,
    GroupHwfForm,
    HwfApplicantForm,
    HwfBenefitsForm,
    HwfChildrenForm,
    HwfFeeKnownForm,
    HwfFeeReferenceForm,
    HwfIncomeForm,
    HwfOutcomeForm,
    HwfPartnerBirthForm,
    HwfPartnerForm,
    HwfSavingsForm,
    OtherFeeForm,
    PayerForm,
    RefundApplicantForm,
    RefundBankForm,
    RefundCaseForm,
    RefundContactForm,
    RefundFeeForm,
    RefundProfileForm,
    RefundRespondentForm,
    fee_kind_for,
    jurisdiction_for,
)
from .models import FeeCase
from .remission import hwf_assess

SERVICE = "tribunal-fees"  # the registry slug

#: Example answers for the quality tests (tests/quality/harness.py) where made-up
#: data cannot be valid: a date when fees were charged, a case number, bank details.


# Answers read back -------------------------------------------------------------------


def answered_kind(answers: Answers) -> str | None:
    return fee_kind_for(answers.value("fee-kind", "kind"), answers.value("other-fee", "other_kind"))


def fee_date_in_scheme(answers: Answers) -> bool:
    """True when the date given falls while fees were charged (29 July 2013 to 26 July 2017)."""
    fee_date = answers.value("date", "fee_date")
    return fee_date is not None and FEES_FIRST_DAY <= fee_date <= FEES_LAST_DAY


def answered_claimants(answers: Answers) -> int:
    return answers.value("claimants", "claimants") or 1


def quote_for(answers: Answers) -> FeeQuote | None:
    """The fee for the answers so far, or None when no fee applies (or it cannot be told yet)."""
    kind = answered_kind(answers)
    fee_date = answers.value("date", "fee_date")
    elements = answers.value("claim-about", "claim_elements")
    if kind is None or fee_date is None or not fee_date_in_scheme(answers) or not elements:
        return None
    try:
        return fee_lookup(
            jurisdiction=jurisdiction_for(kind),
            kind=kind,
            claim_type=claim_type_decide(claim_elements=elements),
            claimants=answered_claimants(answers),
            on_date=fee_date,
        )
    except (FeeNotFound, AmbiguousFee, ValueError):
        return None


def no_fee_reason(answers: Answers) -> str:
    """Why there is nothing to pay, for the "no fee to pay" page (empty when there is a fee)."""
    fee_date = answers.value("date", "fee_date")
    if fee_date is not None and fee_date > FEES_LAST_DAY:
        return (
            f"Employment tribunal fees stopped on {date_format(FEES_LAST_DAY)}, when the Supreme "
            "Court decided they were unlawful. Nothing is payable for a claim presented or a "
            f"fee due on {date_format(fee_date)}."
        )
    if fee_date is not None and fee_date < FEES_FIRST_DAY:
        return (
            f"Employment tribunal fees started on {date_format(FEES_FIRST_DAY)}. Nothing is "
            f"payable for a claim presented or a fee due on {date_format(fee_date)}."
        )
    kind = answered_kind(answers)
    label = FeeKind(kind).label.lower() if kind in FeeKind.values else "fee"
    elements = answers.value("claim-about", "claim_elements") or []
    try:
        claim_type = ClaimType(claim_type_decide(claim_elements=elements)).label
    except ValueError:
        return f"There is no {label} for this claim."
    return f"There is no {label} for a {claim_type} claim, so you have nothing to pay."


def _fee_step_kwargs(answers: Answers) -> dict:
    quote = quote_for(answers)
    claimants = answered_claimants(answers)
    group = None
    if quote is not None and claimants > 1 and quote.kind in BANDED_KINDS:
        divisor = BAND_REMISSION_DIVISOR[ClaimantBand(quote.band)]
        group = {
            "claimants": claimants,
            "band": ClaimantBand(quote.band).label,
            "divisor": divisor,
            "share_pence": quote.amount_pence // divisor,
            "one_remitted_pence": group_fee_after_remission(
                group_fee_pence=quote.amount_pence, claimants=claimants, remitted=1
            ),
        }
    return {
        "quote": quote,
        "rows": fee_explanation_rows(quote, claimants=claimants) if quote else [],
        "group": group,
        "no_fee_reason": "" if quote else no_fee_reason(answers),
    }


def _choice_summary(cleaned: dict) -> list[tuple[str, str]]:
    labels = dict(FeeChoiceForm.base_fields["next_step"].choices)
    return [("What you want to do", str(labels.get(cleaned.get("next_step"), "")))]


def _claim_summary(cleaned: dict) -> list[tuple[str, str]]:
    elements = cleaned.get("claim_elements") or []
    labels = [ClaimElement(value).label for value in elements if value in ClaimElement.values]
    try:
        claim_type = ClaimType(claim_type_decide(claim_elements=elements)).label
    except ValueError:
        claim_type = ""
    return [("What the claim is about", "\n".join(labels)), ("Claim type", claim_type)]


# Steps that describe a fee (used by both PAY and HELP_WITH_FEES) -------------------------


def _fee_steps(*, when=None, hwf: bool = False) -> list[Step]:
    """The questions that identify a fee; ``when(answers)`` must also hold for each."""

    def applies(extra):
        return lambda answers: (when is None or when(answers)) and extra(answers)

    steps = [
        Step(
            slug="fee-kind",
            title="What are you paying for?",
            form_class=FeeKindForm,
            condition=applies(lambda answers: True),
        ),
        Step(
            slug="other-fee",
            title="Which fee are you paying?",
            form_class=OtherFeeForm,
            condition=applies(lambda a: a.value("fee-kind", "kind") == KIND_OTHER),
        ),
        Step(
            slug="case-number",
            title="Your case number",
            form_class=CaseNumberForm,
            condition=applies(lambda a: a.value("fee-kind", "kind") in (KIND_HEARING, KIND_OTHER)),
            form_kwargs=lambda a: {"jurisdiction": jurisdiction_for(answered_kind(a))},
        ),
        Step(
            slug="date",
            title="When the fee applies from",
            form_class=FeeDateForm,
            condition=applies(lambda answers: True),
            form_kwargs=lambda a: {"kind": answered_kind(a), "fees_only": hwf},
        ),
    ]
    if not hwf:
        steps.append(
            Step(
                slug="payer",
                title="Who is paying the fee?",
                form_class=PayerForm,
                condition=applies(fee_date_in_scheme),
            )
        )
        steps.append(
            Step(
                slug="claimants",
                title="How many claimants are there?",
                form_class=ClaimantsForm,
                condition=applies(
                    lambda a: fee_date_in_scheme(a) and answered_kind(a) in BANDED_KINDS
                ),
            )
        )
    steps.append(
        Step(
            slug="claim-about",
            title="What is the claim about?",
            form_class=ClaimAboutForm,
            condition=applies(fee_date_in_scheme),
            summary=_claim_summary,
            hint="This decides whether the claim is Type A or Type B. A claim with any "
            "Type B complaint pays the Type B fee, once.",
        )
    )
    return steps


# Pay a fee -----------------------------------------------------------------------------


def _on_site(url: str) -> str:
    """Our own pages (the payments sandbox) as a path, so the redirect works on any host
    name the site is reached by; GOV.UK Pay's pages stay absolute."""
    if url.startswith(settings.SITE_URL + "/"):
        return url.removeprefix(settings.SITE_URL)
    return url


def _pay_submit_error(exc: services.InvalidRequest) -> JourneySubmitError:
    steps = {
        "kind": "fee-kind",
        "case_number": "case-number",
        "claimants": "claimants",
        "claim_elements": "claim-about",
        "payer_role": "payer",
        "remitted_claimants": "group-hwf",
    }
    first = next(iter(exc.errors))
    return JourneySubmitError(list(exc.errors.values()), step=steps.get(first))


def pay_submit(*, answers: Answers, user, channel, assisted_session, language) -> str:
    """Record the fee, then send the citizen to pay it, or on to Help with Fees."""
    from .views import access_url

    kind = answered_kind(answers)
    claimants = answered_claimants(answers)
    try:
        fee_case = services.fee_case_create(
            user=user,
            kind=kind,
            fee_date=answers.value("date", "fee_date"),
            jurisdiction=jurisdiction_for(kind),
            claimants=claimants,
            claim_elements=answers.value("claim-about", "claim_elements"),
            case_number=answers.value("case-number", "case_number", ""),
            payer_role=answers.value("payer", "payer_role", PayerRole.CLAIMANT),
            contact=contact_route(answers.value("email"), name=_citizen_name(user)),
            language=language,
        )
        if answers.value("fee", "next_step") == APPLY_HWF:
            if claimants == 1:
                return access_url(
                    user=user,
                    scope=GRANT_SCOPE_FEE,
                    reference=fee_case.reference,
                    target=reverse("tribunal_fees:fee-hwf", args=[fee_case.reference]),
                )
            fee_case = services.fee_case_group_remission_record(
                fee_case=fee_case,
                remitted_claimants=answers.value("group-hwf", "remitted_claimants", 0),
                actor=user,
            )
        fee_url = access_url(
            user=user,
            scope=GRANT_SCOPE_FEE,
            reference=fee_case.reference,
            target=reverse("tribunal_fees:fee-detail", args=[fee_case.reference]),
        )
        if fee_case.status == FeeCaseStatus.REMITTED:
            return fee_url
        return _on_site(
            services.fee_case_payment_start(
                fee_case=fee_case,
                started_by=user,
                entered_by=getattr(assisted_session, "agent", None),
                return_to=fee_url,
            )
        )
    except services.InvalidRequest as exc:
        raise _pay_submit_error(exc) from exc
    except FeeNotFound as exc:
        raise JourneySubmitError(
            "There is no fee to pay for this on the date you gave", step="date"
        ) from exc
    except PaymentProviderUnavailable as exc:
        raise JourneySubmitError(
            "Sorry, the payment service is not working at the moment. You have not been "
            "charged. Try again later."
        ) from exc


PAY = journey_register(
    Journey(
        service=SERVICE,
        slug="pay",
        title="Pay an employment tribunal fee",
        submit=pay_submit,
        check_title="Check your answers before you continue",
        submit_label="Continue",
        steps=[
            *_fee_steps(),
            Step(
                slug="fee",
                title="Your fee",
                form_class=FeeChoiceForm,
                template_name="tribunal_fees/journey_fee.html",
                form_kwargs=_fee_step_kwargs,
                summary=_choice_summary,
            ),
            Step(
                slug="group-hwf",
                title="Claimants getting Help with Fees",
                form_class=GroupHwfForm,
                condition=lambda a: (
                    a.value("fee", "next_step") == APPLY_HWF and answered_claimants(a) > 1
                ),
                form_kwargs=lambda a: {"claimants": answered_claimants(a)},
            ),
            contact_step(
                slug="email",
                title="How we contact you",
                form_class=EmailForm,
                help_text="We’ll send your receipt and any updates about this fee this way.",
            ),
        ],
    )
)


# Help with Fees ------------------------------------------------------------------------


def _has_reference(answers: Answers) -> bool:
    return answers.value("fee", "has_reference") == "yes"


def _describing_fee(answers: Answers) -> bool:
    return answers.value("fee", "has_reference") == "no"


def hwf_fee_case_lookup(reference: str | None) -> FeeCase | None:
    """The fee named by its reference, if it is one Help with Fees can still apply to.

    It does not say who may use it: ``hwf_fee_case_granted`` does, for the journey."""
    if not reference:
        return None
    return (
        FeeCase.objects.filter(
            reference=reference, status=FeeCaseStatus.UNPAID, remission_pence=0, claimants=1
        )
        .select_related("fee_schedule")
        .first()
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
                f"We cannot find an unpaid fee for one claimant with the reference {reference}. "
                "Check the reference you gave",
            )
        return fee_case.fee_pence, fee_case.fee_date, fee_case.description, ""
    quote = quote_for(answers)
    if quote is None:
        return None, None, "", "There was no fee to pay on the date you gave"
    return quote.amount_pence, quote.on_date, FeeKind(quote.kind).label, ""


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
            capital_pence=answers.value("savings", "capital_pence", 0),
            benefit=benefit,
            gross_monthly_income_pence=answers.value("income", "gross_monthly_income_pence"),
            children_0_13=answers.value("children", "children_0_13", 0) or 0,
            children_14_plus=answers.value("children", "children_14_plus", 0) or 0,
        )
    except (TypeError, ValueError):
        return None, "Answer the questions about your money first"
    return assessment, ""


def _outcome_kwargs(answers: Answers) -> dict:
    fee_pence, fee_date, what, problem = _hwf_fee(answers)
    assessment, problem = _hwf_assessment(answers) if not problem else (None, problem)
    fee = {"pence": fee_pence, "date": fee_date, "what": what} if fee_pence is not None else None
    return {"fee": fee, "assessment": assessment, "problem": problem}


def _outcome_summary(cleaned: dict) -> list[tuple[str, str]]:
    return [("How we send our decision", sentence_start(contact_route(cleaned).describe()))]


def _citizen_name(user) -> str:
    """The name above the address on a letter: the citizen's, when we know it."""
    if not getattr(user, "is_authenticated", False):
        return ""
    return getattr(user, "full_name", "") or ""


def _hwf_submit_error(exc: services.InvalidRequest) -> JourneySubmitError:
    steps = {
        "kind": "fee-kind",
        "case_number": "case-number",
        "claim_elements": "claim-about",
        "claimants": "fee-reference",
        "answers": "savings",
    }
    first = next(iter(exc.errors))
    return JourneySubmitError(list(exc.errors.values()), step=steps.get(first))


def hwf_submit(*, answers: Answers, user, channel, assisted_session, language) -> str:
    """Apply for Help with Fees on the fee (recorded now if it was described on the way)."""
    from .views import access_url

    not_found = JourneySubmitError(
        "We cannot find an unpaid fee for one claimant with that reference", step="fee-reference"
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
        has_partner = answers.value("partner", "has_partner") == "yes"
        benefit = answers.value("benefits", "benefit", Benefit.NONE)
        application = services.hwf_application_submit(
            fee_case=fee_case,
            answers=services.HwfAnswers(
                applicant_name=answers.value("applicant", "applicant_name"),
                applicant_date_of_birth=answers.value("applicant", "applicant_date_of_birth"),
                capital_pence=answers.value("savings", "capital_pence"),
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
            ),
            user=user,
        )
    except services.InvalidRequest as exc:
        raise _hwf_submit_error(exc) from exc
    except services.TransitionNotAllowed as exc:
        raise JourneySubmitError(str(exc), step="fee-reference") from exc
    except FeeNotFound as exc:
        raise JourneySubmitError(
            "There was no fee to pay on the date you gave", step="date"
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
        title="Apply for Help with Fees",
        submit=hwf_submit,
        declaration=(
            "I confirm that the information I have given is correct and complete. I understand "
            "that if I give false information I may have to pay the full fee and could be "
            "prosecuted."
        ),
        steps=[
            Step(
                slug="fee",
                title="Your fee reference",
                form_class=HwfFeeKnownForm,
            ),
            Step(
                slug="fee-reference",
                title="What is your fee reference?",
                form_class=HwfFeeReferenceForm,
                template_name="tribunal_fees/journey_fee_reference.html",
                condition=_has_reference,
            ),
            *_fee_steps(when=_describing_fee, hwf=True),
            Step(slug="applicant", title="About you", form_class=HwfApplicantForm),
            Step(slug="partner", title="Do you have a partner?", form_class=HwfPartnerForm),
            Step(
                slug="partner-dob",
                title="Your partner’s date of birth",
                form_class=HwfPartnerBirthForm,
                condition=lambda a: a.value("partner", "has_partner") == "yes",
            ),
            Step(slug="savings", title="Savings and investments", form_class=HwfSavingsForm),
            Step(slug="benefits", title="Benefits", form_class=HwfBenefitsForm),
            Step(
                slug="income",
                title="Your income",
                form_class=HwfIncomeForm,
                condition=lambda a: a.value("benefits", "benefit") == Benefit.NONE,
            ),
            Step(
                slug="children",
                title="Children you support",
                form_class=HwfChildrenForm,
                condition=lambda a: a.value("benefits", "benefit") == Benefit.NONE,
                hint="Count the children who live with you or whom you support financially.",
            ),
            Step(
                slug="outcome",
                title="What you are likely to get",
                form_class=HwfOutcomeForm,
                template_name="tribunal_fees/journey_hwf_outcome.html",
                form_kwargs=_outcome_kwargs,
                summary=_outcome_summary,
                initial=contact_initial_for,
            ),
        ],
    )
)


# Refund (2017 scheme) ------------------------------------------------------------------


def _refund_fee_title(cleaned: dict) -> str:
    kind = cleaned.get("kind")
    label = RefundFeeKind(kind).label if kind in RefundFeeKind.values else "Fee"
    amount = cleaned.get("amount_pence")
    return f"{label}, {pence_format(amount)}" if amount else label


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
    from .views import access_url

    refund_answers = refund_answers_from(answers)
    errors = services.refund_answers_errors(refund_answers)
    if errors:
        first = next(iter(errors))
        step = REFUND_ERROR_STEPS.get(first.split("-")[0] if first.startswith("fees") else first)
        raise JourneySubmitError(list(errors.values()), step=step)
    try:
        application = services.refund_application_submit(
            answers=refund_answers, user=user, language=language
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
        title="Apply for a refund of tribunal fees",
        submit=refund_submit,
        declaration=(
            "I believe that the facts stated in this application are true. I made the payments "
            "listed, or reimbursed the person who made them, and nobody has been ordered to "
            "pay them back to me. I understand that giving false information to get a refund "
            "is fraud."
        ),
        steps=[
            Step(slug="who-paid", title="Who paid the fees?", form_class=RefundProfileForm),
            Step(slug="applicant", title="Your details", form_class=RefundApplicantForm),
            contact_step(
                slug="contact", title="Your contact details", form_class=RefundContactForm
            ),
            Step(
                slug="case",
                title="Your original case",
                form_class=RefundCaseForm,
            ),
            Step(
                slug="respondent",
                title="Who the claim was against",
                form_class=RefundRespondentForm,
            ),
            RepeatingStep(
                slug="fees",
                title="Fees you paid",
                form_class=RefundFeeForm,
                item_name="fee",
                item_name_plural="fees",
                min_items=1,
                max_items=len(RefundFeeKind),
                item_title=_refund_fee_title,
            ),
            Step(
                slug="bank",
                title="Where should we send the refund?",
                form_class=RefundBankForm,
                hint="We pay refunds into a UK bank or building society account.",
            ),
        ],
    )
)


def fee_explanation_rows(quote: FeeQuote, *, claimants: int) -> list[tuple[str, str]]:
    """Why the fee is this amount: the rows of "Your fee"."""
    rows = [("Fee", FeeKind(quote.kind).label)]
    if quote.claim_type in (ClaimType.A, ClaimType.B):
        rows.append(("Claim type", ClaimType(quote.claim_type).label))
    if quote.kind in BANDED_KINDS:
        rows.append(("Claimants", f"{claimants:,} ({ClaimantBand(quote.band).label})"))
    rows.append(("Fee in force on", date_format(quote.on_date)))
    rows.append(("Amount", pence_format(quote.amount_pence)))
    return rows
