"""Writes for a fee paid to the tribunal outside this service, when its payer applies for
Help with Fees afterwards (retrospective, within 3 months of paying): the payment as the
citizen describes it, and their evidence of payment.

Nothing here refunds anything: a Help with Fees decision giving help puts a refund in the
usual queue (``hwf_refund_create``), and the first caseworker may mark it checked only once
evidence of payment has arrived (``refund_application_check``); a second approves it.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from digital_services.audit.services import audit_record
from digital_services.core.money import pence_format
from digital_services.core.transitions import TransitionNotAllowed, transition_apply
from digital_services.documents.constants import DocumentKind
from digital_services.documents.models import Document
from digital_services.documents.services import document_store
from digital_services.documents.uploads import UPLOAD_MAX_BYTES, upload_media_type

from ..constants import FeeCaseStatus, PaidElsewhereMethod, RefundStatus
from ..models import FeeCase, HelpWithFeesApplication
from ..remission import hwf_retrospective_too_late
from .common import AUDIT_SERVICE, InvalidRequest, _locked

#: The evidence of payment a citizen may send: a receipt, a bank or card statement, as a
#: PDF or a photo, checked by the platform's upload check (its first bytes).
EVIDENCE_MAX_BYTES = UPLOAD_MAX_BYTES
#: A fee's evidence files at most (each upload adds one; a caseworker reads them all).
EVIDENCE_MAX_FILES = 5


def paid_elsewhere_errors(
    *,
    fee_pence: int,
    paid_on: dt.date | None,
    amount_pence: int | None,
    method: str,
    case_number: str,
    today: dt.date | None = None,
) -> dict[str, str]:
    """Every problem with a payment described by its payer (field → GOV.UK message): the
    day must not be in the future and must be within 3 months (the last day counts), the
    amount between 1p and the fee, the way it was paid one we list, and the case number
    given."""
    today = today or timezone.localdate()
    errors: dict[str, str] = {}
    if paid_on is None:
        errors["paid_on"] = gettext("Enter the date you paid")
    elif paid_on > today:
        errors["paid_on"] = gettext("The date you paid must be today or in the past")
    else:
        too_late = hwf_retrospective_too_late(paid_on, today=today)
        if too_late:
            errors["paid_on"] = too_late
    if amount_pence is None or amount_pence < 1:
        errors["amount_paid_pence"] = gettext("Enter how much you paid")
    elif amount_pence > fee_pence:
        errors["amount_paid_pence"] = gettext(
            "The amount you paid must be %(fee)s or less: that is the fee"
        ) % {"fee": pence_format(fee_pence)}
    if method not in PaidElsewhereMethod.values:
        errors["method"] = gettext("Select how you paid")
    if not (case_number or "").strip():
        errors["case_number"] = gettext("Enter your tribunal case number or appeal reference")
    return errors


def fee_case_paid_elsewhere_record(
    *,
    fee_case: FeeCase,
    paid_on: dt.date,
    amount_pence: int,
    method: str,
    case_number: str,
    actor=None,
    request=None,
) -> FeeCase:
    """Record that an unpaid fee we hold was paid to the tribunal another way, as its payer
    says (status ``paid_elsewhere``: no receipt from us, and no money of ours to refund
    until a caseworker has checked the evidence). Raises ``InvalidRequest`` (see
    ``paid_elsewhere_errors``) and ``TransitionNotAllowed`` (the fee is not unpaid)."""
    errors = paid_elsewhere_errors(
        fee_pence=fee_case.fee_pence,
        paid_on=paid_on,
        amount_pence=amount_pence,
        method=method,
        case_number=case_number,
    )
    if errors:
        raise InvalidRequest(errors)
    paid_at = timezone.make_aware(dt.datetime.combine(paid_on, dt.time(12)))
    return transition_apply(
        fee_case,
        to=FeeCaseStatus.PAID_ELSEWHERE,
        fields={
            "paid_at": paid_at,
            "amount_paid_pence": amount_pence,
            "amount_due_pence": 0,
            "paid_elsewhere_method": method,
            "case_number": case_number.strip().upper()[:40],
        },
        action="fee_case.paid_elsewhere",
        actor=actor,
        request=request,
        service=AUDIT_SERVICE,
        detail={"amount_pence": amount_pence, "method": method},
    )


def fee_case_payment_evidence(fee_case: FeeCase) -> list[Document]:
    """The evidence of payment sent for a fee paid elsewhere, oldest first."""
    from django.contrib.contenttypes.models import ContentType

    return list(
        Document.objects.filter(
            content_type=ContentType.objects.get_for_model(FeeCase),
            object_id=str(fee_case.pk),
            kind=DocumentKind.UPLOAD,
        ).order_by("created_at", "pk")
    )


def hwf_payment_evidence_open(application: HelpWithFeesApplication) -> bool:
    """Whether evidence of payment can still be sent: the fee was paid elsewhere and no
    caseworker has checked (or rejected) a refund on it yet."""
    if application.fee_case.status != FeeCaseStatus.PAID_ELSEWHERE:
        return False
    refund = getattr(application, "refund", None)
    return refund is None or refund.status == RefundStatus.SUBMITTED


def evidence_media_type(content: bytes) -> str | None:
    """The media type of an evidence file, from its first bytes (None: not one we take)."""
    return upload_media_type(content)


def hwf_payment_evidence_add(
    *, application: HelpWithFeesApplication, content: bytes, filename: str, user=None
) -> Document:
    """Store one file of evidence of payment for the fee the application is about, where
    the caseworkers checking its refund find it. Raises ``InvalidRequest`` (``evidence``:
    empty, too big, not a PDF, JPG or PNG, too many files) and ``TransitionNotAllowed``
    (not a fee paid elsewhere, or its refund already checked)."""
    if not content:
        raise InvalidRequest({"evidence": gettext("The selected file is empty")})
    if len(content) > EVIDENCE_MAX_BYTES:
        raise InvalidRequest({"evidence": gettext("The selected file must be smaller than 10MB")})
    media_type = evidence_media_type(content)
    if media_type is None:
        raise InvalidRequest({"evidence": gettext("The selected file must be a PDF, JPG or PNG")})
    with transaction.atomic():
        application = _locked(HelpWithFeesApplication, application.pk)
        if not hwf_payment_evidence_open(application):
            raise TransitionNotAllowed("Evidence of payment is not needed for this application")
        fee_case = application.fee_case
        if len(fee_case_payment_evidence(fee_case)) >= EVIDENCE_MAX_FILES:
            raise InvalidRequest(
                {
                    "evidence": gettext(
                        "You have already sent %(count)s files. We will contact you if we need more"
                    )
                    % {"count": EVIDENCE_MAX_FILES}
                }
            )
        owner = user if getattr(user, "is_authenticated", False) else application.user
        document = document_store(
            content=bytes(content),
            kind=DocumentKind.UPLOAD,
            content_type=media_type,
            filename=filename or "evidence-of-payment",
            owner=owner,
            case=fee_case,
        )
        audit_record(
            action="fee_case.payment_evidence_added",
            obj=fee_case,
            actor=user if getattr(user, "is_authenticated", False) else None,
            service=AUDIT_SERVICE,
            detail={"document_id": document.pk, "hwf_application_id": application.pk},
        )
    return document
