"""Writes for Pay tribunal fees: fee cases and their payments, Help with Fees, refunds.

Every status change goes through the platform's ``transition_apply``: it locks the
row, checks the model's ``TRANSITIONS``, stamps ``<verb>_at`` / ``<verb>_by`` and
``status_changed_at``, saves with ``update_fields`` and records the audit event
(action ``<model>.<new status>``, service ``AUDIT_SERVICE``). Emails go
through the notifications outbox in the same transaction (sent after commit).
Errors are domain errors (``TransitionNotAllowed``, ``FourEyesRuleBroken``,
``InvalidRequest``); views turn them into messages.
"""

from digital_services.core.transitions import TransitionNotAllowed

from .common import (
    AUDIT_SERVICE,
    FourEyesRuleBroken,
    InvalidRequest,
    TribunalFeesError,
    contact_route_of,
)
from .fee_awards import fee_case_fee_award_record
from .fee_cases import (
    cases_claim_for_user,
    cases_detach_user,
    fee_case_create,
    fee_case_group_remission_record,
    fee_case_mark_not_paid,
    fee_case_payment_check,
    fee_case_payment_outcome,
    fee_case_payment_start,
    fee_cases_uncertain_sweep,
)
from .fee_refunds import fee_case_refund_start, fee_case_refundable_pence
from .help_with_fees import (
    HwfAnswers,
    fee_case_hwf_link,
    hwf_application_decide,
    hwf_application_evidence_request,
    hwf_application_part_payment_record,
    hwf_application_submit,
    hwf_paid_fee_problem,
)
from .paid_elsewhere import (
    fee_case_paid_elsewhere_record,
    fee_case_payment_evidence,
    hwf_payment_evidence_add,
    hwf_payment_evidence_open,
    paid_elsewhere_errors,
)
from .refund_applications import (
    RefundAnswers,
    RefundFeeAnswer,
    fee_case_card_payment,
    refund_answers_errors,
    refund_application_approve,
    refund_application_card_payment,
    refund_application_check,
    refund_application_issue,
    refund_application_reject,
    refund_application_submit,
    refund_interest_for,
)

__all__ = [
    "AUDIT_SERVICE",
    "FourEyesRuleBroken",
    "HwfAnswers",
    "InvalidRequest",
    "RefundAnswers",
    "RefundFeeAnswer",
    "TransitionNotAllowed",
    "TribunalFeesError",
    "cases_claim_for_user",
    "cases_detach_user",
    "contact_route_of",
    "fee_case_create",
    "fee_case_fee_award_record",
    "fee_case_group_remission_record",
    "fee_case_paid_elsewhere_record",
    "fee_case_refund_start",
    "fee_case_refundable_pence",
    "fee_case_payment_evidence",
    "hwf_payment_evidence_add",
    "hwf_payment_evidence_open",
    "paid_elsewhere_errors",
    "fee_case_mark_not_paid",
    "fee_case_payment_check",
    "fee_case_payment_outcome",
    "fee_case_payment_start",
    "fee_cases_uncertain_sweep",
    "hwf_application_decide",
    "hwf_application_evidence_request",
    "hwf_application_part_payment_record",
    "fee_case_hwf_link",
    "hwf_application_submit",
    "refund_answers_errors",
    "refund_application_approve",
    "refund_application_card_payment",
    "fee_case_card_payment",
    "hwf_paid_fee_problem",
    "refund_application_check",
    "refund_application_issue",
    "refund_application_reject",
    "refund_application_submit",
    "refund_interest_for",
]
