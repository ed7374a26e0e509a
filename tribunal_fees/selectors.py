"""Reads for Pay tribunal fees, already narrowed to what the viewer may see."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.accounts.citizens import case_owner_for_request
from digital_services.core.dates import date_format
from digital_services.core.grants import grant_held
from digital_services.core.money import pence_format
from digital_services.core.queries import CompiledQuery, Related, related_rows
from digital_services.core.registry import CaseSummary
from digital_services.payments.models import Payment
from digital_services.payments.selectors import payment_latest_for_case

from .constants import (
    EMPLOYMENT_JURISDICTIONS,
    FEES_FIRST_DAY,
    FEES_LAST_DAY,
    GRANT_SCOPE_FEE,
    GRANT_SCOPE_REFUND,
    FeeCaseStatus,
)
from .models import FeeCase, HelpWithFeesApplication, RefundApplication
from .references import reference_stored_forms
from .refunds import sort_code_display


def _one(queryset, reference: str):
    """The row whose reference is what was typed (``reference_stored_forms``); a reference
    as stored wins over one read with look-alikes. Raises the model's ``DoesNotExist``."""
    forms = reference_stored_forms(reference)
    rows = {row.reference: row for row in queryset.filter(reference__in=forms)}
    for form in forms:
        if form in rows:
            return rows[form]
    raise queryset.model.DoesNotExist


def fee_case_for_owner(*, user, reference: str) -> FeeCase:
    """The user's own fee with this reference. Raises ``FeeCase.DoesNotExist``."""
    if not getattr(user, "is_authenticated", False):
        raise FeeCase.DoesNotExist
    return _one(FeeCase.objects.select_related("fee_schedule").filter(user=user), reference)


def fee_case_unowned(*, reference: str) -> FeeCase:
    """A fee sent by someone who was not signed in (it has no owner). For a browser holding
    its grant. Raises ``FeeCase.DoesNotExist``."""
    return _one(FeeCase.objects.select_related("fee_schedule").filter(user__isnull=True), reference)


def fee_case_for_payer(*, reference: str, email: str) -> FeeCase | None:
    """The fee with this reference whose payer gave ``email`` when it was made, or None
    (the same None for an unknown reference and a wrong address). For "Find your fee"."""
    if not (email or "").strip():
        return None
    try:
        return _one(
            FeeCase.objects.exclude(email="").filter(email__iexact=email.strip()), reference
        )
    except FeeCase.DoesNotExist:
        return None


def fee_case_paid_for_refund(reference: str, email: str) -> FeeCase | None:
    """A 2013–2017 employment fee paid by card in this service, named by its reference and
    the payer's email address (as "Find your fee"): the refund can go back to that card."""
    fee_case = fee_case_for_payer(reference=reference, email=email)
    if (
        fee_case is None
        or fee_case.status != FeeCaseStatus.PAID
        or fee_case.jurisdiction not in EMPLOYMENT_JURISDICTIONS
        or not FEES_FIRST_DAY <= fee_case.fee_date <= FEES_LAST_DAY
    ):
        return None
    return fee_case


def hwf_application_for_owner(*, user, reference: str) -> HelpWithFeesApplication:
    """The user's own Help with Fees application. Raises ``DoesNotExist``."""
    if not getattr(user, "is_authenticated", False):
        raise HelpWithFeesApplication.DoesNotExist
    return _one(
        HelpWithFeesApplication.objects.select_related("fee_case").filter(user=user), reference
    )


def hwf_application_unowned(*, reference: str) -> HelpWithFeesApplication:
    """An application on a fee nobody owns. Raises ``DoesNotExist``."""
    return _one(
        HelpWithFeesApplication.objects.select_related("fee_case").filter(
            user__isnull=True, fee_case__user__isnull=True
        ),
        reference,
    )


def refund_application_for_owner(*, user, reference: str) -> RefundApplication:
    """The user's own refund application. Raises ``DoesNotExist``."""
    if not getattr(user, "is_authenticated", False):
        raise RefundApplication.DoesNotExist
    return _one(RefundApplication.objects.prefetch_related("fees").filter(user=user), reference)


def refund_application_unowned(*, reference: str) -> RefundApplication:
    """A refund application sent by someone not signed in. Raises ``DoesNotExist``."""
    return _one(
        RefundApplication.objects.prefetch_related("fees").filter(user__isnull=True), reference
    )


def _case_for_viewer(request, reference: str, *, for_owner, unowned, model, scope, granted):
    """The case ``reference`` as this request may see it: its owner's (signed in, or the
    citizen a member of staff is helping), or one sent without an account whose grant this
    browser holds (core/grants.py; ``granted(case)`` is the reference the grant names).
    None for anyone else, or no such case."""
    owner = case_owner_for_request(request)
    if owner is not None:
        try:
            return for_owner(user=owner, reference=reference)
        except model.DoesNotExist:
            pass
    try:
        case = unowned(reference=reference)
    except model.DoesNotExist:
        return None
    if not grant_held(request, scope=scope, reference=granted(case)):
        return None
    return case


def fee_case_for_viewer(*, request, reference: str) -> FeeCase | None:
    """The fee this request may see (``_case_for_viewer``)."""
    return _case_for_viewer(
        request,
        reference,
        for_owner=fee_case_for_owner,
        unowned=fee_case_unowned,
        model=FeeCase,
        scope=GRANT_SCOPE_FEE,
        granted=lambda fee_case: fee_case.reference,
    )


def hwf_application_for_viewer(*, request, reference: str) -> HelpWithFeesApplication | None:
    """The Help with Fees application this request may see: the grant is its fee's."""
    return _case_for_viewer(
        request,
        reference,
        for_owner=hwf_application_for_owner,
        unowned=hwf_application_unowned,
        model=HelpWithFeesApplication,
        scope=GRANT_SCOPE_FEE,
        granted=lambda application: application.fee_case.reference,
    )


def refund_application_for_viewer(*, request, reference: str) -> RefundApplication | None:
    """The refund application this request may see (``_case_for_viewer``)."""
    return _case_for_viewer(
        request,
        reference,
        for_owner=refund_application_for_owner,
        unowned=refund_application_unowned,
        model=RefundApplication,
        scope=GRANT_SCOPE_REFUND,
        granted=lambda application: application.reference,
    )


def fee_case_latest_payment(*, fee_case: FeeCase) -> Payment | None:
    return payment_latest_for_case(for_case=fee_case, purpose=fee_case.payment_purpose)


#: A fee case's applications in the order they were sent (their SQL built once per process).
_HWF_BY_SUBMISSION = Related("hwf_applications", "decided_by", order_by=("submitted_at", "pk"))
_REFUNDS_BY_SUBMISSION = Related("refund_applications", order_by=("submitted_at", "pk"))


def fee_case_parties_for_staff(*, fee_case: FeeCase) -> dict:
    """Everyone on a fee case and every decision about them, for its staff page: who pays
    (and their account), the Help with Fees applicants with each decision, and the refund
    applicants with their representative."""
    return {
        "payer_role": fee_case.get_payer_role_display(),
        "payer": (fee_case.user.get_full_name() if fee_case.user_id else "") or fee_case.email,
        "hwf_applications": related_rows(fee_case, _HWF_BY_SUBMISSION),
        "refund_applications": related_rows(fee_case, _REFUNDS_BY_SUBMISSION),
    }


FEE_NEXT_STEPS = {
    FeeCaseStatus.UNPAID: _("Pay the fee by card, or apply for Help with Fees."),
    FeeCaseStatus.AWAITING_HWF: _(
        "We are deciding your Help with Fees application. Do not pay yet."
    ),
    FeeCaseStatus.PAYMENT_IN_PROGRESS: _(
        "Your payment has started. If you did not finish it, you can go back to it."
    ),
    FeeCaseStatus.PAYMENT_UNCERTAIN: _(
        "We could not confirm your payment. Do not pay again yet: we are checking with the "
        "payment provider and will contact you within 5 working days."
    ),
    FeeCaseStatus.PAID: _("You have paid this fee. You do not need to do anything else."),
    FeeCaseStatus.REMITTED: _(
        "You do not have to pay this fee. You do not need to do anything else."
    ),
    FeeCaseStatus.PAID_ELSEWHERE: _(
        "You told us you paid this fee to the tribunal. If your Help with Fees application "
        "succeeds, we refund what it covers once we have checked your evidence of payment."
    ),
}


#: The user's fees, Help with Fees and refund applications, newest first, for "Your
#: applications": built and compiled once per process (``CompiledQuery``).
_FEES = CompiledQuery(
    lambda *, user_id: FeeCase.objects.filter(user=user_id).order_by("-updated_at")[:50]
)
_HWF_APPLICATIONS = CompiledQuery(
    lambda *, user_id: (
        HelpWithFeesApplication.objects.filter(user=user_id)
        .select_related("fee_case")
        .order_by("-updated_at")[:50]
    )
)
_REFUNDS = CompiledQuery(
    lambda *, user_id: (
        RefundApplication.objects.filter(user=user_id)
        .exclude(reference=None)
        .select_related("hwf_application")
        .order_by("-updated_at")[:50]
    )
)


def cases_for_user(user) -> list[CaseSummary]:
    """The user's fees, Help with Fees and refund applications for "Your applications"."""
    if not getattr(user, "is_authenticated", False):
        return []
    cases = [
        CaseSummary(
            reference=fee.reference,
            title=fee.description,
            status=fee.get_status_display(),
            url=reverse("tribunal_fees:fee-detail", args=[fee.reference]),
            updated_at=fee.updated_at,
            action_label=gettext("View fee"),
        )
        for fee in _FEES.rows(user_id=user.pk)
    ]
    cases += [
        CaseSummary(
            reference=hwf.reference,
            title=gettext("Help with Fees for %(reference)s")
            % {"reference": hwf.fee_case.reference},
            status=hwf.get_status_display(),
            url=reverse("tribunal_fees:hwf-detail", args=[hwf.reference]),
            updated_at=hwf.updated_at,
            action_label=gettext("View application"),
        )
        for hwf in _HWF_APPLICATIONS.rows(user_id=user.pk)
    ]
    cases += [
        CaseSummary(
            reference=refund.reference,
            title=(
                gettext("Refund after Help with Fees %(reference)s")
                % {"reference": refund.hwf_application.reference}
                if refund.hwf_application_id
                else gettext("Refund of a tribunal fee: %(reason)s")
                % {"reason": str(refund.get_fee_refund_reason_display()).lower()}
                if refund.fee_refund_reason
                else gettext("Refund of employment tribunal fees")
            ),
            status=refund.get_status_display(),
            url=reverse("tribunal_fees:refund-detail", args=[refund.reference]),
            updated_at=refund.updated_at,
            action_label=gettext("View refund"),
        )
        for refund in _REFUNDS.rows(user_id=user.pk)
    ]
    return cases


def fee_case_next_step_for_staff(*, fee_case: FeeCase, payment: Payment | None) -> str:
    """What a caseworker should do about a fee whose payment is in doubt."""
    if fee_case.status == FeeCaseStatus.PAYMENT_UNCERTAIN:
        if payment is None or not payment.is_finished:
            return "Check the payment with the provider; the reconcile job will also finish it."
        if payment.status == "error":
            return (
                "The provider reported an error, so no money was taken. Mark the fee not paid "
                "so the user can pay again, and tell them."
            )
        return "Check the payment with the provider."
    if fee_case.status == FeeCaseStatus.PAYMENT_IN_PROGRESS:
        if payment is not None and payment.status in ("failed", "cancelled"):
            return "The payment failed or was abandoned: the fee goes back to not paid."
        return "The user is paying now, or left the card page; it is checked after 90 minutes."
    if fee_case.status == FeeCaseStatus.UNPAID and payment is not None:
        return "Earlier payment failed or was abandoned: the user can pay again. Nothing to do."
    return "Nothing to do."


REFUND_FINANCE_CSV_HEADER = [
    "reference",
    "issued date",
    "name",
    "region",
    "case number",
    "fees",
    "interest",
    "total",
    "method",
    "card refund",
    "bank transfer",
    "account name",
    "sort code",
    "account number",
    "payments refund id",
    "status",
]


def refund_finance_rows(*, applications: QuerySet[RefundApplication]) -> Iterator[list[str]]:
    """One row per refund for finance (the payments contractor). Amounts in pounds."""
    applications = applications.select_related("fee_case")
    for application in applications.order_by("issued_at", "submitted_at", "id").iterator():
        issued = (
            timezone.localtime(application.issued_at).date().isoformat()
            if application.issued_at
            else ""
        )
        yield [
            application.reference or "",
            issued,
            application.full_name,
            application.get_region_display(),
            application.et_case_number
            or application.eat_case_number
            # A Help with Fees refund: the tribunal case number of the fee refunded.
            or (
                application.fee_case.case_number
                if application.hwf_application_id and application.fee_case_id
                else ""
            ),
            pence_format(application.fees_pence, plain=True),
            pence_format(application.interest_pence, plain=True),
            pence_format(application.total_pence, plain=True),
            application.issue_method,
            pence_format(application.card_refund_pence, plain=True),
            pence_format(application.bank_transfer_pence, plain=True),
            application.account_name,
            sort_code_display(application.sort_code),
            application.account_number,
            str(application.payments_refund_id or ""),
            application.status,
        ]


def case_data_for_user(user) -> dict:
    """Everything this service holds about ``user`` ("Your data"; registry hook)."""
    return {
        "fees": [
            {
                "reference": case.reference,
                "fee": case.description,
                "status": case.get_status_display(),
                "email": case.email,
                "mobile": case.mobile,
                "postal_address": case.postal_address,
                "amount_due": pence_format(case.amount_due_pence),
                "created": case.created_at,
            }
            for case in FeeCase.objects.filter(user=user).order_by("-created_at", "-id")
        ],
        "help_with_fees_applications": [
            {
                "reference": application.reference,
                "name": application.applicant_name,
                "date_of_birth": application.applicant_date_of_birth,
                "national_insurance_number": application.ni_number,
                "partner_date_of_birth": application.partner_date_of_birth,
                "children_aged_0_to_13": application.children_0_13,
                "children_aged_14_or_over": application.children_14_plus,
                "savings_and_investments": (
                    pence_format(application.capital_pence)
                    if application.capital_pence is not None
                    else application.get_savings_band_display()
                ),
                "benefit": application.get_benefit_display(),
                "gross_monthly_income": (
                    pence_format(application.gross_monthly_income_pence)
                    if application.gross_monthly_income_pence is not None
                    else None
                ),
                "status": application.get_status_display(),
                "sent": application.submitted_at,
            }
            for application in HelpWithFeesApplication.objects.filter(user=user).order_by(
                "-submitted_at", "-id"
            )
        ],
        "refund_applications": [
            {
                "reference": application.reference,
                "name": " ".join(filter(None, (application.title, application.full_name))),
                "date_of_birth": application.date_of_birth,
                "email": application.email,
                "phone": application.phone,
                "mobile": application.mobile,
                "address": application.address,
                "respondent": application.respondent_name,
                "respondent_address": application.respondent_address,
                "representative": application.representative_name,
                "notes": application.notes,
                "account_name": application.account_name,
                "bank": application.bank_name,
                "account_number": application.account_number,
                "sort_code": sort_code_display(application.sort_code)
                if application.sort_code
                else "",
                "status": application.get_status_display(),
                "sent": application.submitted_at,
            }
            for application in RefundApplication.objects.filter(user=user).order_by(
                "-submitted_at", "-id"
            )
        ],
    }


def refund_payment_elsewhere_rows(application: RefundApplication) -> dict | None:
    """For the caseworkers checking a Help with Fees refund of a fee paid to the tribunal
    outside this service: the payment as its payer described it (``facts``: label, value)
    and their evidence of payment (``evidence``: documents). None for any other refund."""
    from .services.paid_elsewhere import fee_case_payment_evidence

    fee_case = application.fee_case
    if (
        not application.hwf_application_id
        or fee_case is None
        or fee_case.status != FeeCaseStatus.PAID_ELSEWHERE
    ):
        return None
    return {
        "facts": [
            ("Tribunal case number", fee_case.case_number),
            ("Fee", f"{fee_case.description}: {pence_format(fee_case.fee_pence)}"),
            ("Amount paid", pence_format(fee_case.amount_paid_pence or 0)),
            ("Date paid", date_format(timezone.localdate(fee_case.paid_at))),
            ("How it was paid", fee_case.get_paid_elsewhere_method_display()),
        ],
        "evidence": fee_case_payment_evidence(fee_case),
    }
