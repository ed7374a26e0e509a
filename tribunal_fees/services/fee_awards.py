"""Fee awards: a tribunal's order that another party reimburse the appellant's fee.

In the First-tier Tribunal (Immigration and Asylum Chamber) a judge who allows an appeal
can order the Home Office to pay the appellant back the appeal fee (a fee award). The
Home Office pays it, not this service: the fee stays paid and nothing is refunded here.
The case records the order so that the appellant can see it on their fee's page.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from digital_services.audit.services import audit_record

from ..constants import FeeCaseStatus, Jurisdiction
from ..models import FeeCase
from .common import AUDIT_SERVICE, InvalidRequest, _locked


def fee_case_fee_award_record(
    *, fee_case: FeeCase, amount_pence: int, made_on: dt.date, actor, request=None
) -> FeeCase:
    """Record a fee award on a paid immigration appeal fee, for the appellant to see.

    No refund and no status change: the award is paid by the party ordered to pay it.
    Raises ``InvalidRequest`` (not an immigration appeal fee, not paid, an award already
    recorded, an amount of 0 or more than was paid, or a date in the future or before
    the fee was paid)."""
    with transaction.atomic():
        fee_case = _locked(FeeCase, fee_case.pk)
        errors: dict[str, str] = {}
        if fee_case.jurisdiction != Jurisdiction.IAC:
            errors["amount"] = "Fee awards are recorded only on immigration appeal fees"
        elif fee_case.status != FeeCaseStatus.PAID:
            errors["amount"] = "A fee award can only be recorded on a fee that has been paid"
        elif fee_case.fee_award_pence is not None:
            errors["amount"] = "A fee award is already recorded on this fee"
        elif not 0 < amount_pence <= (fee_case.amount_paid_pence or 0):
            errors["amount"] = "The award must be more than £0 and no more than the fee paid"
        if made_on > timezone.localdate():
            errors["made_on"] = "The date of the award must be today or in the past"
        elif fee_case.paid_at is not None and made_on < timezone.localdate(fee_case.paid_at):
            errors["made_on"] = "The date of the award must be on or after the fee was paid"
        if errors:
            raise InvalidRequest(errors)
        fee_case.fee_award_pence = amount_pence
        fee_case.fee_award_made_on = made_on
        fee_case.fee_award_recorded_by = actor
        fee_case.save(
            update_fields=[
                "fee_award_pence",
                "fee_award_made_on",
                "fee_award_recorded_by",
                "updated_at",
            ]
        )
        audit_record(
            action="fee_case.fee_award_recorded",
            obj=fee_case,
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"amount_pence": amount_pence, "made_on": made_on.isoformat()},
        )
    return fee_case
