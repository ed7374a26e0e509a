"""Writes for Help with Fees applications: submit, ask for evidence, decide, part payments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.audit.services import audit_record
from digital_services.core.money import pence_format
from digital_services.core.transitions import (
    TransitionNotAllowed,
    transition_apply,
)

from .. import refunds
from ..constants import (
    HWF_EVIDENCE_DAYS,
    FeeCaseStatus,
    HwfOutcome,
    HwfStatus,
)
from ..models import (
    FeeCase,
    HelpWithFeesApplication,
)
from ..references import reference_random
from ..remission import hwf_assess, hwf_retrospective_too_late
from .common import (
    AUDIT_SERVICE,
    InvalidRequest,
    _email,
    _fee_link,
    _locked,
    contact_route_of,
    date_in_language,
)
from .fee_cases import _fee_receipt_send
from .refund_applications import fee_case_card_payment, hwf_refund_create

# Help with Fees.


@dataclass(frozen=True)
class HwfAnswers:
    """What the applicant tells us (the journey's answers, typed)."""

    applicant_name: str
    applicant_date_of_birth: dt.date
    capital_pence: int | None  # None: the 2023 savings band decides (``savings_band``)
    has_partner: bool = False
    partner_date_of_birth: dt.date | None = None
    children_0_13: int = 0
    children_14_plus: int = 0
    benefit: str = "none"
    gross_monthly_income_pence: int | None = None
    ni_number: str = ""
    home_office_reference: str = ""
    income_kinds: tuple[str, ...] = ()
    income_period: str = ""
    savings_band: str = ""
    # Retrospective (a paid fee not paid by card here): where the refund goes.
    refund_account_name: str = ""
    refund_bank_name: str = ""
    refund_account_number: str = ""
    refund_sort_code: str = ""


def hwf_paid_fee_problem(fee_case: FeeCase, *, today: dt.date | None = None) -> str:
    """Why Help with Fees cannot be applied for on this paid fee ("" when it can: paid in
    full, without remission, within the last 3 months)."""
    if fee_case.paid_at is None or fee_case.remission_pence:
        return gettext("Help with Fees cannot be applied for on this fee")
    return hwf_retrospective_too_late(
        timezone.localdate(fee_case.paid_at), today=today or timezone.localdate()
    )


def _refund_bank_errors(answers: HwfAnswers) -> dict[str, str]:
    errors = {}
    if not answers.refund_account_name.strip():
        errors["refund_account_name"] = gettext("Enter the name on the account")
    if not answers.refund_bank_name.strip():
        errors["refund_bank_name"] = gettext("Enter the name of the bank or building society")
    if not refunds.sort_code_valid(answers.refund_sort_code):
        errors["refund_sort_code"] = gettext("Enter a valid sort code like 309430")
    if not refunds.account_number_valid(answers.refund_account_number):
        errors["refund_account_number"] = gettext("Enter a valid account number like 00733445")
    return errors


def hwf_application_submit(
    *, fee_case: FeeCase, answers: HwfAnswers, user=None, request=None
) -> HelpWithFeesApplication:
    """Apply for Help with Fees on an unpaid fee for one claimant.

    The outcome is worked out now (scheme chosen by the fee's date) and shown to the
    applicant as what to expect; a caseworker decides. The fee waits for the
    decision. A fee paid within the last 3 months can be applied for too (retrospective
    Help with Fees): it stays paid and a decision giving help refunds the remitted amount,
    to the card when paid by card here, otherwise to the bank account in ``answers``.
    Raises ``TransitionNotAllowed`` (fee neither unpaid nor paid) and ``InvalidRequest``
    (a group fee: each claimant applies and the group remission is recorded; paid too
    long ago; bank details missing).
    """
    with transaction.atomic():
        fee_case = _locked(FeeCase, fee_case.pk)
        if fee_case.claimants > 1:
            raise InvalidRequest(
                {
                    "claimants": gettext(
                        "For a group, each claimant applies for Help with Fees separately"
                    )
                }
            )
        # Paid here, or (as the payer told us) to the tribunal: ``paid_elsewhere``.
        already_paid = fee_case.status in (FeeCaseStatus.PAID, FeeCaseStatus.PAID_ELSEWHERE)
        bank = {}
        if already_paid:
            if fee_case.hwf_applications.exists() or fee_case.linked_hwf_id:
                raise InvalidRequest(
                    {
                        "reference": gettext(
                            "This fee already has a Help with Fees application or decision"
                        )
                    }
                )
            problem = hwf_paid_fee_problem(fee_case)
            if problem:
                raise InvalidRequest({"reference": problem})
            if fee_case_card_payment(fee_case) is None:
                errors = _refund_bank_errors(answers)
                if errors:
                    raise InvalidRequest(errors)
                bank = {
                    "refund_account_name": answers.refund_account_name.strip(),
                    "refund_bank_name": answers.refund_bank_name.strip(),
                    "refund_account_number": refunds.account_number_normalise(
                        answers.refund_account_number
                    ),
                    "refund_sort_code": refunds.sort_code_normalise(answers.refund_sort_code),
                }
        elif fee_case.status != FeeCaseStatus.UNPAID:
            raise TransitionNotAllowed(
                f"Help with Fees cannot be applied for on a fee that is {fee_case.get_status_display().lower()}"
            )
        try:
            assessment = hwf_assess(
                fee_pence=fee_case.fee_pence,
                on_date=fee_case.fee_date,
                applicant_date_of_birth=answers.applicant_date_of_birth,
                has_partner=answers.has_partner,
                partner_date_of_birth=answers.partner_date_of_birth,
                capital_pence=answers.capital_pence,
                savings_band=answers.savings_band,
                benefit=answers.benefit,
                gross_monthly_income_pence=answers.gross_monthly_income_pence,
                children_0_13=answers.children_0_13,
                children_14_plus=answers.children_14_plus,
            )
        except ValueError as exc:
            raise InvalidRequest({"answers": str(exc)}) from exc
        application = HelpWithFeesApplication.objects.create(
            reference=reference_random(
                "HWF",
                exists=lambda ref: HelpWithFeesApplication.objects.filter(reference=ref).exists(),
            ),
            fee_case=fee_case,
            user=user if getattr(user, "is_authenticated", False) else fee_case.user,
            applicant_name=answers.applicant_name,
            applicant_date_of_birth=answers.applicant_date_of_birth,
            ni_number=answers.ni_number,
            home_office_reference=answers.home_office_reference,
            income_kinds=list(answers.income_kinds),
            income_period=answers.income_period,
            has_partner=answers.has_partner,
            partner_date_of_birth=answers.partner_date_of_birth if answers.has_partner else None,
            children_0_13=answers.children_0_13,
            children_14_plus=answers.children_14_plus,
            capital_pence=answers.capital_pence,
            savings_band=answers.savings_band,
            benefit=answers.benefit,
            gross_monthly_income_pence=answers.gross_monthly_income_pence,
            scheme=assessment.scheme,
            fee_pence=fee_case.fee_pence,
            computed_outcome=assessment.outcome,
            computed_amount_to_pay_pence=assessment.amount_to_pay_pence,
            computed_route=assessment.route,
            fee_already_paid=already_paid,
            **bank,
        )
        audit_record(
            action="hwf_application.submitted",
            obj=application,
            actor=user,
            request=request,
            service=AUDIT_SERVICE,
            detail={"fee_case_id": fee_case.pk, "computed_outcome": assessment.outcome},
        )
        if not already_paid:  # a paid fee stays paid: the decision may refund it
            transition_apply(
                fee_case,
                to=FeeCaseStatus.AWAITING_HWF,
                action="fee_case.awaiting_hwf",
                actor=user,
                request=request,
                service=AUDIT_SERVICE,
                detail={"hwf_application_id": application.pk},
            )
        _email(
            template="tribunal_fees.hwf_submitted",
            to=contact_route_of(fee_case),
            about=application,
            language=fee_case.language,
            personalisation={
                "hwf_reference": application.reference,
                "fee_reference": fee_case.reference,
                "description": fee_case.description,
                "while_we_decide": HWF_SUBMITTED_WHILE_WE_DECIDE[
                    "elsewhere" if fee_case.status == FeeCaseStatus.PAID_ELSEWHERE else already_paid
                ]["cy" if fee_case.language == "cy" else "en"],
                "case_url": _fee_link(
                    application.fee_case,
                    reverse("tribunal_fees:hwf-detail", args=[application.reference]),
                ),
            },
        )
    return application


#: The acknowledgement's middle: an unpaid fee waits; a paid one may be refunded.
HWF_SUBMITTED_WHILE_WE_DECIDE = {
    False: {
        "en": "Do not pay the fee while we decide. We will tell you our decision, and whether "
        "you have anything to pay.",
        "cy": "Peidiwch â thalu’r ffi tra byddwn yn penderfynu. Byddwn yn rhoi gwybod i chi am "
        "ein penderfyniad, ac a oes gennych unrhyw beth i’w dalu.",
    },
    True: {
        "en": "You have already paid this fee. We will tell you our decision, and refund what "
        "Help with Fees covers, without interest.",
        "cy": "Rydych eisoes wedi talu’r ffi hon. Byddwn yn rhoi gwybod i chi am ein "
        "penderfyniad, ac yn ad-dalu’r hyn y mae Help i Dalu Ffioedd yn ei gynnwys, heb log.",
    },
    # Paid to the tribunal, not through this service: the refund waits for the evidence.
    "elsewhere": {
        "en": "You told us you have already paid this fee to the tribunal. Send us evidence "
        "of payment, such as a receipt or a bank statement, from your application’s page "
        "(the link below). We will tell you our decision, and refund what Help with Fees "
        "covers, without interest, once we have checked your evidence.",
        "cy": "Rydych wedi dweud wrthym eich bod eisoes wedi talu’r ffi hon i’r tribiwnlys. "
        "Anfonwch dystiolaeth o’r taliad atom, fel derbynneb neu gyfriflen banc, o dudalen "
        "eich cais (y ddolen isod). Byddwn yn rhoi gwybod i chi am ein penderfyniad, ac yn "
        "ad-dalu’r hyn y mae Help i Dalu Ffioedd yn ei gynnwys, heb log, ar ôl i ni wirio "
        "eich tystiolaeth.",
    },
}


def hwf_application_evidence_request(
    *, application: HelpWithFeesApplication, actor, note: str, expires_on: dt.date | None = None
) -> HelpWithFeesApplication:
    """Ask the applicant for evidence (payslips, bank statements) by a date, 28 days by
    default. The application moves to the evidence check queue. Raises
    ``TransitionNotAllowed`` and ``InvalidRequest`` (no note, a date in the past)."""
    errors = {}
    if not (note or "").strip():
        errors["note"] = "Enter what evidence the applicant must send"
    today = timezone.localdate()
    expires_on = expires_on or today + dt.timedelta(days=HWF_EVIDENCE_DAYS)
    if expires_on <= today:
        errors["expires_on"] = "The date evidence is due must be in the future"
    if errors:
        raise InvalidRequest(errors)
    with transaction.atomic():
        application = _locked(HelpWithFeesApplication, application.pk)
        transition_apply(
            application,
            to=HwfStatus.EVIDENCE_REQUESTED,
            fields={"evidence_note": note.strip(), "evidence_expires_on": expires_on},
            stamp="evidence_requested",
            action="hwf_application.evidence_requested",
            actor=actor,
            service=AUDIT_SERVICE,
            detail={"expires_on": expires_on.isoformat()},
        )
        fee_case = application.fee_case
        _email(
            template="tribunal_fees.hwf_evidence_requested",
            to=contact_route_of(fee_case),
            about=application,
            language=fee_case.language,
            personalisation={
                "hwf_reference": application.reference,
                "evidence": application.evidence_note,
                "expires_on": date_in_language(expires_on),
                "case_url": _fee_link(
                    application.fee_case,
                    reverse("tribunal_fees:hwf-detail", args=[application.reference]),
                ),
            },
        )
    return application


def hwf_application_decide(
    *,
    application: HelpWithFeesApplication,
    actor,
    outcome: str | None = None,
    amount_to_pay_pence: int | None = None,
    override_reason: str = "",
) -> HelpWithFeesApplication:
    """Decide an application: the computed outcome, or an override with a reason.

    Without ``outcome`` the computed outcome stands. Full remission remits the fee;
    part leaves ``amount_to_pay_pence`` (between 1p and the fee less 1p) to pay;
    none leaves the whole fee to pay. Raises ``TransitionNotAllowed`` and
    ``InvalidRequest`` (an override without a reason, a bad part amount).
    """
    with transaction.atomic():
        application = _locked(HelpWithFeesApplication, application.pk)
        outcome = outcome or application.computed_outcome
        fee = application.fee_pence
        if outcome not in HwfOutcome.values:
            raise InvalidRequest({"outcome": "Select the outcome"})
        if outcome == HwfOutcome.FULL:
            to_pay = 0
        elif outcome == HwfOutcome.NONE:
            to_pay = fee
        else:
            to_pay = (
                amount_to_pay_pence
                if amount_to_pay_pence is not None
                else application.computed_amount_to_pay_pence
            )
            if not 1 <= to_pay < fee:
                raise InvalidRequest(
                    {
                        "amount_to_pay": f"The amount to pay must be between £0.01 and {pence_format(fee - 1)}"
                    }
                )
        overridden = (outcome, to_pay) != (
            application.computed_outcome,
            application.computed_amount_to_pay_pence,
        )
        if overridden and not (override_reason or "").strip():
            raise InvalidRequest(
                {"override_reason": "Enter why the decision differs from the calculated outcome"}
            )
        transition_apply(
            application,
            to=HwfStatus.DECIDED,
            fields={
                "outcome": outcome,
                "amount_to_pay_pence": to_pay,
                "overridden": overridden,
                "override_reason": override_reason.strip() if overridden else "",
            },
            stamp="decided",
            action="hwf_application.decided",
            actor=actor,
            service=AUDIT_SERVICE,
            detail={"outcome": outcome, "amount_to_pay_pence": to_pay, "overridden": overridden},
        )
        fee_case = _locked(FeeCase, application.fee_case_id)
        refund = None
        if application.fee_already_paid:
            # The fee stays paid; what was remitted comes back through the refund queue.
            remitted = min(fee - to_pay, fee_case.amount_paid_pence or 0)
            if remitted > 0:
                refund = hwf_refund_create(
                    application=application, amount_pence=remitted, actor=actor
                )
        else:
            fee_status = FeeCaseStatus.REMITTED if to_pay == 0 else FeeCaseStatus.UNPAID
            transition_apply(
                fee_case,
                to=fee_status,
                fields={
                    "amount_due_pence": to_pay,
                    "remission_pence": fee_case.fee_pence - to_pay,
                },
                action=f"fee_case.{fee_status}",
                actor=actor,
                service=AUDIT_SERVICE,
                detail={"hwf_application_id": application.pk},
            )
        _email(
            template="tribunal_fees.hwf_decided",
            to=contact_route_of(fee_case),
            about=application,
            language=fee_case.language,
            personalisation={
                "hwf_reference": application.reference,
                "outcome": HwfOutcome(outcome).label,
                "amount_to_pay": pence_format(to_pay),
                # Nothing owed after full remission: no offer to pay by card.
                "next_step": (
                    HWF_REFUND_NEXT_STEP[refund is not None]
                    if application.fee_already_paid
                    else HWF_DECIDED_NEXT_STEP[to_pay > 0]
                )["cy" if fee_case.language == "cy" else "en"],
                "case_url": _fee_link(
                    fee_case, reverse("tribunal_fees:fee-detail", args=[fee_case.reference])
                ),
            },
        )
    return application


#: The decision email's last line: pay the rest by card, or (full remission) nothing to pay.
HWF_DECIDED_NEXT_STEP = {
    True: {
        "en": "You can pay by card here:",
        "cy": "Gallwch dalu â cherdyn yma:",
    },
    False: {
        "en": "You do not need to pay anything. You can see your fee here:",
        "cy": "Nid oes angen i chi dalu dim. Gallwch weld eich ffi yma:",
    },
}


#: The same line after a retrospective application on a paid fee: a refund, or nothing back.
HWF_REFUND_NEXT_STEP = {
    True: {
        "en": "You have already paid, so we will refund the difference once 2 members of "
        "staff have checked it. You can see your fee here:",
        "cy": "Rydych eisoes wedi talu, felly byddwn yn ad-dalu’r gwahaniaeth ar ôl i 2 aelod "
        "o staff ei wirio. Gallwch weld eich ffi yma:",
    },
    False: {
        "en": "You have already paid the fee, so there is nothing to refund. You can see "
        "your fee here:",
        "cy": "Rydych eisoes wedi talu’r ffi, felly nid oes dim i’w ad-dalu. Gallwch weld "
        "eich ffi yma:",
    },
}


def hwf_application_part_payment_record(
    *, application: HelpWithFeesApplication, actor, amount_pence: int
) -> HelpWithFeesApplication:
    """Record that the applicant paid their part (by cheque or at the office): the fee is
    paid. Only after a part-remission decision, for exactly the amount to pay. Raises
    ``TransitionNotAllowed`` and ``InvalidRequest``."""
    with transaction.atomic():
        application = _locked(HelpWithFeesApplication, application.pk)
        if application.outcome != HwfOutcome.PART:
            raise TransitionNotAllowed(
                "A part payment is only recorded after a part remission decision"
            )
        if amount_pence != application.amount_to_pay_pence:
            raise InvalidRequest(
                {
                    "amount": f"Enter the amount to pay, {pence_format(application.amount_to_pay_pence)}"
                }
            )
        fee_case = _locked(FeeCase, application.fee_case_id)
        if fee_case.status != FeeCaseStatus.UNPAID:
            raise TransitionNotAllowed(
                f"The fee is {fee_case.get_status_display().lower()}: no part payment to record"
            )
        transition_apply(
            application,
            to=HwfStatus.PART_PAYMENT_RECORDED,
            fields={"part_payment_pence": amount_pence},
            stamp="part_payment_recorded",
            action="hwf_application.part_payment_recorded",
            actor=actor,
            service=AUDIT_SERVICE,
            detail={"amount_pence": amount_pence},
        )
        transition_apply(
            fee_case,
            to=FeeCaseStatus.PAID,
            fields={"paid_at": timezone.now(), "amount_paid_pence": amount_pence},
            action="fee_case.paid",
            actor=actor,
            service=AUDIT_SERVICE,
            detail={"hwf_application_id": application.pk, "method": "part_payment"},
        )
        _fee_receipt_send(fee_case)
    return application


#: "Already received a decision?": the one message for a reference we cannot use, so that
#: the page does not tell a guesser whether an application exists or is still undecided.
HWF_LINK_NOT_FOUND = _("We cannot find a Help with Fees decision with that reference")


def _same_applicant(application: HelpWithFeesApplication, fee_case: FeeCase) -> bool:
    """A decision is used only by the person it was made for: the same account, or, for
    applications made without one, the same email address."""
    if application.user_id or fee_case.user_id:
        return application.user_id == fee_case.user_id
    emails = (
        (application.fee_case.email or "").strip().lower(),
        (fee_case.email or "").strip().lower(),
    )
    return bool(emails[0]) and emails[0] == emails[1]


def fee_case_hwf_link(*, fee_case: FeeCase, hwf_reference: str, actor) -> FeeCase:
    """Apply a Help with Fees decision the citizen already has to this unpaid fee.

    The decision must exist and be decided, be for a fee of the same tribunal, kind and
    amount, give some help, and not be this fee's own or already applied to another fee.
    Full remission remits the fee; part remission leaves the decision's amount to pay.
    Raises ``InvalidRequest`` (``reference``) for a decision that cannot be used and
    ``TransitionNotAllowed`` when the fee has nothing left to pay.
    """
    with transaction.atomic():
        fee_case = _locked(FeeCase, fee_case.pk)
        if fee_case.status != FeeCaseStatus.UNPAID or fee_case.remission_pence:
            raise TransitionNotAllowed(
                gettext("Only an unpaid fee without remission can take a decision")
            )
        if fee_case.linked_hwf_id or fee_case.hwf_applications.exists():
            raise InvalidRequest(
                {
                    "reference": gettext(
                        "This fee already has a Help with Fees application or decision"
                    )
                }
            )
        application = (
            HelpWithFeesApplication.objects.select_for_update(of=("self",))
            .select_related("fee_case")
            .filter(reference=hwf_reference, status=HwfStatus.DECIDED)
            .first()
        )
        if application is None or not _same_applicant(application, fee_case):
            # Someone else's decision reads as no decision: a reference is not a key.
            raise InvalidRequest({"reference": HWF_LINK_NOT_FOUND})
        decided_for = application.fee_case
        if (
            decided_for.jurisdiction,
            decided_for.kind,
            application.fee_pence,
        ) != (fee_case.jurisdiction, fee_case.kind, fee_case.fee_pence):
            raise InvalidRequest(
                {
                    "reference": gettext(
                        "That decision is for a different fee. Apply for Help with "
                        "Fees for this fee instead"
                    )
                }
            )
        if application.fee_already_paid or decided_for.status == FeeCaseStatus.PAID:
            # Its own fee was paid (a refund follows) or part paid: the help is used.
            raise InvalidRequest(
                {"reference": gettext("That decision has already been used for another fee")}
            )
        if FeeCase.objects.filter(linked_hwf=application).exists():
            raise InvalidRequest(
                {"reference": gettext("That decision has already been used for another fee")}
            )
        if application.outcome == HwfOutcome.NONE:
            raise InvalidRequest(
                {"reference": gettext("That decision does not give any help with this fee")}
            )
        to_pay = application.amount_to_pay_pence
        fields = {
            "linked_hwf": application,
            "amount_due_pence": to_pay,
            "remission_pence": fee_case.fee_pence - to_pay,
        }
        detail = {"hwf_application_id": application.pk, "amount_due_pence": to_pay}
        if to_pay == 0:
            transition_apply(
                fee_case,
                to=FeeCaseStatus.REMITTED,
                fields=fields,
                action="fee_case.remitted",
                actor=actor,
                service=AUDIT_SERVICE,
                detail=detail,
            )
        else:  # part remission: still unpaid, for less
            for name, value in fields.items():
                setattr(fee_case, name, value)
            fee_case.save(update_fields=[*fields, "updated_at"])
            audit_record(
                action="fee_case.hwf_linked",
                obj=fee_case,
                actor=actor,
                service=AUDIT_SERVICE,
                detail=detail,
            )
    return fee_case
