"""Names, choices and allowed moves for Pay tribunal fees.

Money amounts are not here: fees live in the ``FeeSchedule`` table (seeded by a
data migration) and the Help with Fees thresholds in ``remission.SCHEMES``.
"""

from __future__ import annotations

import datetime as dt
import re

from django.db import models
from django.utils.translation import gettext_lazy as _

SERVICE = "tribunal_fees"  # the payments and audit "service" for this app

#: References made before the platform's generator (core/references.py) used this
#: alphabet (no I, O, S, 0, 1, 2 or 5): look-ups still accept them.
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ346789"
#: The scopes of this service's grants (core/grants.py): a fee (and its Help with Fees
#: applications) and a refund application.
GRANT_SCOPE_FEE = "tribunal_fees.fee"
GRANT_SCOPE_REFUND = "tribunal_fees.refund"

ET_CASE_NUMBER = re.compile(r"^(\d{7})/(\d{4})$")
EAT_CASE_NUMBER = re.compile(r"^UKEAT/\d{4}/\d{2}/\d{3}$")

#: Fees were charged from 29 July 2013 until the Supreme Court's UNISON judgment
#: on 26 July 2017; the 2017 refund scheme covers fees paid in that window.
FEES_FIRST_DAY = dt.date(2013, 7, 29)
FEES_LAST_DAY = dt.date(2017, 7, 26)
#: The refund form accepts payment months from July 2013 to August 2017 (cheques cleared late).
REFUND_MONTH_FIRST = (2013, 7)
REFUND_MONTH_LAST = (2017, 8)
#: Refund references: "C" and 7 digits, sequential from C1000001.
REFUND_REFERENCE_BASE = 1_000_000

#: Evidence requested by a caseworker must arrive within this many days.
HWF_EVIDENCE_DAYS = 28


class Jurisdiction(models.TextChoices):
    """The tribunal a fee is paid to (the fee schedule's first dimension)."""

    ET = "ET", _("Employment tribunal")
    EAT = "EAT", _("Employment appeal tribunal")
    IAC = "IAC", _("First-tier Tribunal (Immigration and Asylum Chamber)")
    PC = "PC", _("First-tier Tribunal (Property Chamber)")


class FeeKind(models.TextChoices):
    ISSUE = "issue", _("Issue fee")
    HEARING = "hearing", _("Hearing fee")
    RECONSIDERATION_DEFAULT = (
        "reconsideration_default",
        _("Reconsideration of a default judgment"),
    )
    RECONSIDERATION_FINAL = (
        "reconsideration_final",
        _("Reconsideration of a judgment after the final hearing"),
    )
    DISMISSAL_WITHDRAWAL = (
        "dismissal_withdrawal",
        _("Dismissal following withdrawal or settlement"),
    )
    EMPLOYER_CONTRACT_CLAIM = "employer_contract_claim", _("Employer's contract claim")
    JUDICIAL_MEDIATION = "judicial_mediation", _("Judicial mediation")
    EAT_LODGE = "eat_lodge", _("Employment appeal tribunal: lodge an appeal")
    EAT_HEARING = "eat_hearing", _("Employment appeal tribunal: hearing fee")
    IAC_PAPERS = "iac_papers", _("Appeal fee: decision without a hearing")
    IAC_HEARING = "iac_hearing", _("Appeal fee: decision at a hearing")
    PC_APPLICATION = "pc_application", _("Residential property application fee")
    PC_HEARING = "pc_hearing", _("Residential property hearing fee")


#: The tribunal each fee is paid to.
KIND_JURISDICTION: dict[str, str] = {
    **{kind: Jurisdiction.ET for kind in FeeKind.values},
    FeeKind.EAT_LODGE: Jurisdiction.EAT,
    FeeKind.EAT_HEARING: Jurisdiction.EAT,
    FeeKind.IAC_PAPERS: Jurisdiction.IAC,
    FeeKind.IAC_HEARING: Jurisdiction.IAC,
    FeeKind.PC_APPLICATION: Jurisdiction.PC,
    FeeKind.PC_HEARING: Jurisdiction.PC,
}
#: The 2013–2017 employment fees (the employment route of the pay journey).
EMPLOYMENT_JURISDICTIONS = (Jurisdiction.ET, Jurisdiction.EAT)


class IacExemption(models.TextChoices):
    """Who pays no appeal fee in the First-tier Tribunal (Immigration and Asylum Chamber):
    SI 2011/2841 article 5 (as amended by SI 2016/928), and article 7(3) (substituted by
    SI 2020/314 from 20 April 2020) for the Lord Chancellor's discretion to remit a fee
    in exceptional circumstances."""

    LEGAL_AID = "legal_aid", _("I get legal aid for this appeal")
    ASYLUM_SUPPORT = "asylum_support", _("I get asylum support from the Home Office")
    CHILD_LOCAL_AUTHORITY = (
        "child_local_authority",
        _("I am under 18 and get support from a local authority"),
    )
    DISCRETIONARY = (
        "discretionary",
        _("I want to ask for an exemption because of exceptional circumstances"),
    )
    NONE = "none", _("None of these")


#: The exemptions that mean no fee is due at all (the discretionary one must be asked for).
IAC_EXEMPT = (
    IacExemption.LEGAL_AID,
    IacExemption.ASYLUM_SUPPORT,
    IacExemption.CHILD_LOCAL_AUTHORITY,
)


#: Fees that depend on the number of claimants (the group fee bands).
BANDED_KINDS = (FeeKind.ISSUE, FeeKind.HEARING)


class ClaimType(models.TextChoices):
    A = "A", _("Type A")
    B = "B", _("Type B")
    ANY = "any", _("Any type")


class ClaimantBand(models.TextChoices):
    ONE = "1", _("1 claimant")
    TWO_TO_TEN = "2-10", _("2 to 10 claimants")
    ELEVEN_TO_200 = "11-200", _("11 to 200 claimants")
    OVER_200 = "201+", _("201 or more claimants")
    ANY = "any", _("Any number of claimants")


#: For a group claim with remission: the group fee divided by this, times the
#: claimants *not* remitted, capped at the group fee (see fees.group_fee_after_remission).
BAND_REMISSION_DIVISOR = {
    ClaimantBand.ONE: 1,
    ClaimantBand.TWO_TO_TEN: 2,
    ClaimantBand.ELEVEN_TO_200: 4,
    ClaimantBand.OVER_200: 6,
}


class ClaimElement(models.TextChoices):
    """What a claim is about. Type B if any element is Type B (the ET1 rule); which
    elements were Type A depends on the date (``TYPE_A_PERIODS``)."""

    UNPAID_WAGES = "unpaid_wages", _("Unpaid wages or unlawful deductions from wages")
    REDUNDANCY_PAY = "redundancy_pay", _("Redundancy pay")
    HOLIDAY_PAY = "holiday_pay", _("Holiday pay or other Working Time rights")
    NOTICE_PAY = "notice_pay", _("Notice pay")
    BREACH_OF_CONTRACT = "breach_of_contract", _("Breach of contract")
    UNFAIR_DISMISSAL = "unfair_dismissal", _("Unfair dismissal")
    DISCRIMINATION = "discrimination", _("Discrimination")
    EQUAL_PAY = "equal_pay", _("Equal pay")
    TUPE_CONSULTATION = (
        "tupe_consultation",
        _("Failure to inform or consult about a transfer (TUPE)"),
    )
    COMPENSATORY_REST = (
        "compensatory_rest",
        _("Refusal of compensatory rest or payment under the Working Time Regulations"),
    )
    TRAINING_TIME_OFF = "training_time_off", _("Time off for study or training")
    WHISTLEBLOWING = "whistleblowing", _("Whistleblowing")
    PROTECTIVE_AWARD = "protective_award", _("A protective award")
    NI_FUND = "ni_fund", _("A payment from the National Insurance Fund")
    OTHER = "other", _("Something else")


#: SI 2014/590 (the Courts and Tribunals Fees (Miscellaneous Amendments) Order 2014),
#: article 2(3), replaced Table 2 (Type A claims) of SI 2013/1893 Schedule 2 from this
#: day: claims wrongly listed as Type A pay the Type B fee when presented on or after it.
TYPE_A_TABLE_REPLACED = dt.date(2014, 4, 6)
_BEFORE_2014_TABLE = TYPE_A_TABLE_REPLACED - dt.timedelta(days=1)

#: (element, first day, last day or None): while a row holds, the element is Type A.
TYPE_A_PERIODS: tuple[tuple[str, dt.date, dt.date | None], ...] = (
    (ClaimElement.UNPAID_WAGES, FEES_FIRST_DAY, None),
    (ClaimElement.REDUNDANCY_PAY, FEES_FIRST_DAY, None),
    (ClaimElement.HOLIDAY_PAY, FEES_FIRST_DAY, None),
    (ClaimElement.NOTICE_PAY, FEES_FIRST_DAY, None),
    (ClaimElement.BREACH_OF_CONTRACT, FEES_FIRST_DAY, None),
    # Equality Act 2010 ss. 66 and 67 (sex equality clause and rule)
    (ClaimElement.EQUAL_PAY, FEES_FIRST_DAY, _BEFORE_2014_TABLE),
    # TUPE 2006 regulation 13
    (ClaimElement.TUPE_CONSULTATION, FEES_FIRST_DAY, _BEFORE_2014_TABLE),
    # Working Time Regulations 1998 regulations 24, 24A, 27 and 27A
    (ClaimElement.COMPENSATORY_REST, FEES_FIRST_DAY, _BEFORE_2014_TABLE),
    # Employment Rights Act 1996 ss. 63D to 63I
    (ClaimElement.TRAINING_TIME_OFF, FEES_FIRST_DAY, _BEFORE_2014_TABLE),
)


class PayerRole(models.TextChoices):
    CLAIMANT = "claimant", _("The claimant")
    REPRESENTATIVE = "representative", _("A representative")
    RESPONDENT = "respondent", _("The respondent (employer)")


class FeeCaseStatus(models.TextChoices):
    UNPAID = "unpaid", _("Not paid")
    AWAITING_HWF = "awaiting_hwf", _("Waiting for a Help with Fees decision")
    PAYMENT_IN_PROGRESS = "payment_in_progress", _("Payment in progress")
    PAID = "paid", _("Paid")
    PAYMENT_UNCERTAIN = "payment_uncertain", _("Payment not confirmed")
    REMITTED = "remitted", _("Nothing to pay (Help with Fees)")
    # Paid to the tribunal another way (not through this service), as the citizen told us
    # when applying for Help with Fees after paying: a caseworker checks the evidence of
    # payment before any refund. No receipt from us: we did not take the money.
    PAID_ELSEWHERE = "paid_elsewhere", _("Paid to the tribunal (not through this service)")


class PaidElsewhereMethod(models.TextChoices):
    """How a fee paid outside this service was paid (for the caseworker checking it)."""

    CARD = "card", _("By card, online or by phone")
    CHEQUE = "cheque", _("By cheque or postal order")
    OTHER = "other", _("Another way")


FEE_CASE_TRANSITIONS: dict[str, tuple[str, ...]] = {
    FeeCaseStatus.UNPAID: (
        FeeCaseStatus.AWAITING_HWF,
        FeeCaseStatus.PAYMENT_IN_PROGRESS,
        FeeCaseStatus.PAID,  # a part payment recorded by a caseworker
        FeeCaseStatus.REMITTED,  # group remission covering every claimant
        FeeCaseStatus.PAID_ELSEWHERE,  # told about with a Help with Fees application
    ),
    FeeCaseStatus.AWAITING_HWF: (FeeCaseStatus.UNPAID, FeeCaseStatus.REMITTED),
    FeeCaseStatus.PAYMENT_IN_PROGRESS: (
        FeeCaseStatus.PAID,
        FeeCaseStatus.UNPAID,
        FeeCaseStatus.PAYMENT_UNCERTAIN,
    ),
    FeeCaseStatus.PAYMENT_UNCERTAIN: (
        FeeCaseStatus.PAID,
        FeeCaseStatus.UNPAID,
        FeeCaseStatus.PAYMENT_IN_PROGRESS,
    ),
    FeeCaseStatus.PAID: (),
    FeeCaseStatus.REMITTED: (),
    FeeCaseStatus.PAID_ELSEWHERE: (),
}


class HwfStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for a decision")
    EVIDENCE_REQUESTED = "evidence_requested", _("Evidence requested")
    DECIDED = "decided", _("Decided")
    PART_PAYMENT_RECORDED = "part_payment_recorded", _("Part payment received")


HWF_TRANSITIONS: dict[str, tuple[str, ...]] = {
    HwfStatus.SUBMITTED: (HwfStatus.EVIDENCE_REQUESTED, HwfStatus.DECIDED),
    HwfStatus.EVIDENCE_REQUESTED: (HwfStatus.DECIDED,),
    HwfStatus.DECIDED: (HwfStatus.PART_PAYMENT_RECORDED,),
    HwfStatus.PART_PAYMENT_RECORDED: (),
}


class HwfOutcome(models.TextChoices):
    FULL = "full", _("Full remission")
    PART = "part", _("Part remission")
    NONE = "none", _("No remission")


class HwfScheme(models.TextChoices):
    OCT_2013 = "2013", _("October 2013 scheme")
    NOV_2023 = "2023", _("November 2023 scheme")


class Benefit(models.TextChoices):
    """Benefits that pass the applicant through the income test (the benefits passport)."""

    NONE = "none", _("None of these")
    INCOME_BASED_JSA = "jsa", _("Income-based Jobseeker's Allowance (JSA)")
    INCOME_RELATED_ESA = "esa", _("Income-related Employment and Support Allowance (ESA)")
    INCOME_SUPPORT = "income_support", _("Income Support")
    UNIVERSAL_CREDIT = (
        "universal_credit",
        _("Universal Credit, with gross annual earnings under £6,000"),
    )
    PENSION_CREDIT = "pension_credit", _("Pension Credit (guarantee credit)")
    SCOTTISH_LEGAL_AID = "scottish_legal_aid", _("Scottish civil legal aid")


class IncomeKind(models.TextChoices):
    """Kinds of income the 2023 scheme counts in gross monthly income (yours and your
    partner's, before tax and National Insurance)."""

    WAGES = "wages", _("Wages, salary or tips")
    SELF_EMPLOYED = "self_employed", _("Earnings from self-employment")
    BENEFITS = "benefits", _("Benefits and tax credits")
    PENSIONS = "pensions", _("Pensions")
    MAINTENANCE = "maintenance", _("Maintenance or child support")
    RENT = "rent", _("Rent from someone living with you, or from other property")
    OTHER = "other", _("Other income, such as student loans or money from family")
    NONE = "none", _("No income")


class IncomePeriod(models.TextChoices):
    LAST_MONTH = "last_month", _("The last calendar month")
    AVERAGE_3_MONTHS = "average_3_months", _("An average of the last 3 months")


class RefundStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting to be checked")
    CHECKED = "checked", _("Checked, waiting for approval")
    APPROVED = "approved", _("Approved, waiting to be paid")
    ISSUED = "issued", _("Refund sent")
    REJECTED = "rejected", _("Rejected")


REFUND_TRANSITIONS: dict[str, tuple[str, ...]] = {
    RefundStatus.SUBMITTED: (RefundStatus.CHECKED, RefundStatus.REJECTED),
    RefundStatus.CHECKED: (RefundStatus.APPROVED, RefundStatus.REJECTED),
    RefundStatus.APPROVED: (RefundStatus.ISSUED, RefundStatus.REJECTED),
    RefundStatus.ISSUED: (),
    RefundStatus.REJECTED: (),
}


class FeeRefundReason(models.TextChoices):
    """Why a fee paid through this service is refunded (not the 2017 scheme, not Help with
    Fees): issue #19's "a fee paid twice, paid in error"."""

    PAID_TWICE = "paid_twice", _("The fee was paid twice")
    PAID_IN_ERROR = "paid_in_error", _("The fee was paid in error")


class RefundProfile(models.TextChoices):
    PAID_MYSELF = "paid_myself", _("I paid the fees and was not reimbursed under a tribunal order")
    REIMBURSED_REPRESENTATIVE = (
        "reimbursed_representative",
        _("My representative paid the fees and I reimbursed them"),
    )


class RefundFeeKind(models.TextChoices):
    ET_ISSUE = "et_issue", _("Employment tribunal issue fee")
    ET_HEARING = "et_hearing", _("Employment tribunal hearing fee")
    ET_RECONSIDERATION = "et_reconsideration", _("Employment tribunal reconsideration fee")
    EAT_ISSUE = "eat_issue", _("Employment appeal tribunal issue fee")
    EAT_HEARING = "eat_hearing", _("Employment appeal tribunal hearing fee")


#: The refund form's fee for each fee this service took (to date a refund fee exactly).
REFUND_KIND_FOR_FEE: dict[str, str] = {
    FeeKind.ISSUE: RefundFeeKind.ET_ISSUE,
    FeeKind.HEARING: RefundFeeKind.ET_HEARING,
    FeeKind.RECONSIDERATION_DEFAULT: RefundFeeKind.ET_RECONSIDERATION,
    FeeKind.RECONSIDERATION_FINAL: RefundFeeKind.ET_RECONSIDERATION,
    FeeKind.EAT_LODGE: RefundFeeKind.EAT_ISSUE,
    FeeKind.EAT_HEARING: RefundFeeKind.EAT_HEARING,
}


class PaymentMethod(models.TextChoices):
    CARD = "card", _("Card")
    CHEQUE = "cheque", _("Cheque")
    CASH = "cash", _("Cash")
    UNKNOWN = "unknown", _("I do not know")


class RefundIssueMethod(models.TextChoices):
    CARD = "card", _("Back to the card (payments refund) and interest by bank transfer")
    BANK_TRANSFER = "bank_transfer", _("Bank transfer")


class Region(models.TextChoices):
    ENGLAND_WALES = "england_wales", _("England and Wales")
    SCOTLAND = "scotland", _("Scotland")
