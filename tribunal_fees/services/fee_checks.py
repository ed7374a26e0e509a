"""The checks on a fee before it is recorded: tribunal, claim type (only when the fee
depends on it), claimants, case number and payer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils.translation import gettext

from ..constants import (
    EAT_CASE_NUMBER,
    KIND_JURISDICTION,
    ClaimType,
    FeeKind,
    Jurisdiction,
    PayerRole,
)
from ..fees import (
    FeeNotFound,
    claim_fee_exempt,
    claim_type_decide,
    fee_varies_by_claim_type,
)
from ..models import et_case_number_validate
from .common import InvalidRequest


def fee_case_answers_check(
    *,
    kind: str,
    fee_date: dt.date,
    jurisdiction: str | None,
    claimants: int,
    claim_elements: Iterable[str] | None,
    claim_type: str | None,
    case_number: str,
    payer_role: str,
) -> tuple[str, str, list[str], str]:
    """(jurisdiction, claim type, claim elements kept, case number) for a fee to record.

    The claim type is needed only when the schedule in force differs between Type A and
    Type B (``fees.fee_varies_by_claim_type``); otherwise no claim elements are kept and
    the claim type is empty unless one was given. Raises ``InvalidRequest`` and
    ``FeeNotFound`` (a claim only for a National Insurance Fund payment pays no fee).
    """
    errors: dict[str, str] = {}
    if kind not in FeeKind.values:
        errors["kind"] = gettext("Select what you are paying for")
    elif jurisdiction is None:
        jurisdiction = KIND_JURISDICTION[kind]
    elif KIND_JURISDICTION[kind] != jurisdiction:
        errors["kind"] = gettext("Select a fee of the tribunal you are paying")
    elements = list(claim_elements or [])
    if elements and claim_fee_exempt(claim_elements=elements):
        raise FeeNotFound(gettext("A claim only for a National Insurance Fund payment pays no fee"))
    needs_type = (
        kind in FeeKind.values
        and "kind" not in errors
        and fee_varies_by_claim_type(jurisdiction=jurisdiction, kind=kind, on_date=fee_date)
    )
    if needs_type and elements:
        try:
            claim_type = claim_type_decide(claim_elements=elements, on_date=fee_date)
        except ValueError:
            errors["claim_elements"] = gettext("Select what the claim is about")
    elif needs_type and claim_type not in (ClaimType.A, ClaimType.B):
        errors["claim_elements"] = gettext("Select what the claim is about")
    elif not needs_type:
        claim_type = claim_type if claim_type in (ClaimType.A, ClaimType.B) else ""
        elements = []
    if isinstance(claimants, bool) or not isinstance(claimants, int) or claimants < 1:
        errors["claimants"] = gettext("Enter the number of claimants, 1 or more")
    case_number = (case_number or "").strip().upper()
    if kind == FeeKind.HEARING and not case_number:
        errors["case_number"] = gettext("Enter your employment tribunal case number")
    elif case_number and jurisdiction == Jurisdiction.ET:
        try:
            et_case_number_validate(case_number)
        except Exception as exc:  # ValidationError: one message
            errors["case_number"] = exc.messages[0]
    elif (
        case_number and jurisdiction == Jurisdiction.EAT and not EAT_CASE_NUMBER.match(case_number)
    ):
        errors["case_number"] = gettext(
            "Enter the appeal number in the right format, like UKEAT/0123/16/001"
        )
    if payer_role not in PayerRole.values:
        errors["payer_role"] = gettext("Select who is paying")
    if errors:
        raise InvalidRequest(errors)
    return jurisdiction, claim_type or "", elements, case_number
