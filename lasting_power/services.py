"""Writes for lasting powers of attorney: start, save each answer as it is given, read
warnings, reuse, delete, the fee, paying and completing (which locks the LPA).

Every write locks the LPA's row and refuses a completed one (``TransitionNotAllowed``,
the notes' LockedException): once completed, nothing about the LPA changes.
"""

from __future__ import annotations

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from digital_services.audit.services import audit_record
from digital_services.core.references import reference_new
from digital_services.core.transitions import TransitionNotAllowed, transition_apply
from digital_services.documents.services import documents_delete_for
from digital_services.journeys.codec import answer_encode
from digital_services.payments import services as payments
from digital_services.payments.constants import PaymentStatus
from digital_services.payments.models import Payment

from . import fees
from .constants import (
    PAYMENT_PURPOSE,
    SERVICE_SLUG,
    LpaStatus,
    PaymentMethod,
)
from .journeys import lpa_flow
from .journeys.definitions import journey_for
from .models import Lpa, Objection

logger = logging.getLogger(__name__)

__all__ = ["TransitionNotAllowed"]


def _reference_new() -> str:
    """A-prefixed, 11 characters from the platform's alphabet with a check character:
    shown as A000 0000 0000 like the old tool's ids."""
    return reference_new(
        length=11,
        store_as=lambda body: f"A{body}",
        exists=lambda stored: Lpa.objects.filter(reference=stored).exists(),
    )


def _locked(lpa: Lpa) -> Lpa:
    """The row, locked for this transaction; raises if it is completed."""
    lpa = Lpa.objects.select_for_update().get(pk=lpa.pk)
    if lpa.is_locked:
        raise TransitionNotAllowed(
            f"LPA {lpa.reference_display} is completed and can no longer be changed",
            source=lpa.status,
        )
    return lpa


def lpa_start(
    *,
    user,
    lpa_type: str,
    channel: str = "digital",
    language: str = "en",
    actor=None,
    request=None,
) -> Lpa:
    """A new, empty LPA of one type for ``user`` (the citizen: also when an agent types),
    in ``language`` ("en" or "cy": the pages' language; its messages follow it)."""
    with transaction.atomic():
        lpa = Lpa.objects.create(
            reference=_reference_new(),
            user=user,
            lpa_type=lpa_type,
            channel=channel,
            language=language if language in ("en", "cy") else "en",
        )
        _kpi(lpa, kind="journey_started")
        audit_record(
            action="lpa.started",
            obj=lpa,
            actor=actor or user,
            request=request,
            service=SERVICE_SLUG,
            detail={"type": lpa_type, "channel": channel},
        )
    return lpa


def _kpi(lpa: Lpa, *, kind: str, outcome: str = "") -> None:
    """A start or a completion for the service's KPIs (performance), by type and channel."""
    from digital_services.performance.services import performance_event_record

    performance_event_record(
        kind=kind,
        service=SERVICE_SLUG,
        journey=lpa.lpa_type,
        channel=lpa.channel,
        outcome=outcome,
    )


def _donor_name(answers: dict) -> str:
    donor = answers.get("donor") or {}
    return " ".join(p for p in (donor.get("first_name"), donor.get("last_name")) if p)[:120]


def _write(lpa: Lpa, answers: dict, *, acknowledged=None) -> Lpa:
    """Save the answers; a fee worked out from the old answers (a repeat application, say)
    is cleared, so the fee questions are answered again before paying."""
    fields = ["answers", "donor_name", "updated_at"]
    if answers != lpa.answers and (lpa.fee_reduction or lpa.fee_pence is not None):
        lpa.fee_reduction, lpa.fee_pence = {}, None
        fields += ["fee_reduction", "fee_pence"]
    lpa.answers = answers
    lpa.donor_name = _donor_name(answers)
    if acknowledged is not None:
        lpa.acknowledged = sorted(set(acknowledged))
        fields.append("acknowledged")
    lpa.save(update_fields=fields)
    return lpa


def lpa_answer_save(*, lpa: Lpa, step: str, cleaned_data: dict) -> Lpa:
    """Keep one step's answer (a form's cleaned data) as it is given."""
    _section, step_def = journey_for(lpa.lpa_type).step_get(step)
    with transaction.atomic():
        lpa = _locked(lpa)
        answers = dict(lpa.answers)
        answers[step] = answer_encode(step_def.form_class, cleaned_data)
        return _write(lpa, answers)


def _items(answers: dict, step: str) -> dict:
    stored = answers.get(step)
    if not isinstance(stored, dict) or not isinstance(stored.get("items"), list):
        return {"items": [], "complete": False}
    return {"items": list(stored["items"]), "complete": bool(stored.get("complete"))}


def lpa_item_save(*, lpa: Lpa, step: str, cleaned_data: dict, number: int | None = None) -> int:
    """Add (``number`` None) or change one person in a list; returns their number (from 1).
    Adding someone reopens the list, so the applicant says again when it is finished."""
    _section, step_def = journey_for(lpa.lpa_type).step_get(step)
    with transaction.atomic():
        lpa = _locked(lpa)
        answers = dict(lpa.answers)
        stored = _items(answers, step)
        encoded = answer_encode(step_def.form_class, cleaned_data)
        if number is None:
            if step_def.max_items is not None and len(stored["items"]) >= step_def.max_items:
                raise TransitionNotAllowed(
                    f"You can add up to {step_def.max_items} {step_def.item_name_plural}"
                )
            stored["items"].append(encoded)
            stored["complete"] = False
            number = len(stored["items"])
        else:
            if not 1 <= number <= len(stored["items"]):
                raise LookupError(f"No {step_def.item_name} {number}")
            stored["items"][number - 1] = encoded
        answers[step] = stored
        _write(lpa, answers)
    return number


def lpa_item_remove(*, lpa: Lpa, step: str, number: int) -> Lpa:
    with transaction.atomic():
        lpa = _locked(lpa)
        answers = dict(lpa.answers)
        stored = _items(answers, step)
        if not 1 <= number <= len(stored["items"]):
            raise LookupError(f"No item {number}")
        del stored["items"][number - 1]
        answers[step] = stored
        return _write(lpa, answers)


def lpa_items_confirm(*, lpa: Lpa, step: str) -> Lpa:
    """The list is finished (with nobody in it: "none" confirmed)."""
    with transaction.atomic():
        lpa = _locked(lpa)
        answers = dict(lpa.answers)
        stored = _items(answers, step)
        stored["complete"] = True
        answers[step] = stored
        return _write(lpa, answers)


def lpa_warnings_acknowledge(*, lpa: Lpa, step: str) -> Lpa:
    """The applicant read the step's warnings and chose to continue anyway."""
    with transaction.atomic():
        lpa = _locked(lpa)
        keys = [warning.key for warning in lpa_flow(lpa).unread(step)]
        return _write(lpa, dict(lpa.answers), acknowledged=[*lpa.acknowledged, *keys])


def lpa_delete(*, lpa: Lpa, actor, request=None) -> None:
    """Delete an LPA and its stored documents (a completed one too: it is the applicant's
    copy; what was sent to OPG is OPG's)."""
    with transaction.atomic():
        lpa = Lpa.objects.select_for_update().get(pk=lpa.pk)
        audit_record(
            action="lpa.deleted",
            obj=lpa,
            actor=actor,
            request=request,
            service=SERVICE_SLUG,
            detail={"status": lpa.status},
        )
        documents_delete_for(case=lpa)
        objections = list(lpa.objection_links.values_list("objection_id", flat=True))
        lpa.delete()
        # An objection goes with the last LPA it is about (its links went with each LPA).
        Objection.objects.filter(pk__in=objections, links__isnull=True).delete()


def lpa_reuse(
    *, lpa: Lpa, lpa_type: str, language: str | None = None, actor=None, request=None
) -> Lpa:
    """A new LPA seeded from ``lpa`` (the same account's): the same donor is filled in,
    and every person form offers the old LPA's people. The rest is not copied. Its
    language is ``language`` (the pages') or, if not given, the old LPA's."""
    with transaction.atomic():
        new = Lpa.objects.create(
            reference=_reference_new(),
            user=lpa.user,
            lpa_type=lpa_type,
            channel=lpa.channel,
            language=language if language in ("en", "cy") else lpa.language,
            seed=lpa,
        )
        answers = {"donor": lpa.answers["donor"]} if lpa.answers.get("donor") else {}
        _write(new, answers)
        _kpi(new, kind="journey_started")
        audit_record(
            action="lpa.reused",
            obj=new,
            actor=actor or lpa.user,
            request=request,
            service=SERVICE_SLUG,
            detail={"seed": lpa.pk, "type": lpa_type},
        )
    return new


# The fee, paying and completing -----------------------------------------------------


def lpa_fee_decide(*, lpa: Lpa, cleaned_data: dict, on=None) -> fees.FeeOutcome:
    """Work out the fee from the fee reduction answers (lasting_power.fees) and keep it.

    ``cleaned_data``: ``wanted`` (yes/no), ``benefits``, ``damages_over_limit`` and
    ``income_under_limit`` (booleans). Raises ``TransitionNotAllowed`` on a completed LPA
    and ``ValueError`` if the answers are not all given yet.
    """
    with transaction.atomic():
        lpa = _locked(lpa)
        flow = lpa_flow(lpa)
        if not flow.is_complete:
            raise ValueError("Answer every question before the fee")
        wanted = cleaned_data.get("wanted") == "yes"
        reduction = fees.FeeReduction.NONE
        if wanted:
            reduction = fees.fee_reduction_decide(
                benefits=cleaned_data.get("benefits") or [],
                damages_over_limit=bool(cleaned_data.get("damages_over_limit")),
                income_under_limit=bool(cleaned_data.get("income_under_limit")),
            )
        repeat = flow.evaluation.answers.value("repeat-application", "repeat") == "yes"
        outcome = fees.lpa_fee_for(on=on or timezone.now(), repeat=repeat, reduction=reduction)
        lpa.fee_pence = outcome.amount_pence
        lpa.fee_reduction = {
            "wanted": wanted,
            "benefits": list(cleaned_data.get("benefits") or []) if wanted else [],
            "damages_over_limit": bool(cleaned_data.get("damages_over_limit")) and wanted,
            "income_under_limit": bool(cleaned_data.get("income_under_limit")) and wanted,
            "reduction": reduction,
            "repeat": repeat,
        }
        lpa.save(update_fields=["fee_pence", "fee_reduction", "updated_at"])
    return outcome


def lpa_fee_outcome(lpa: Lpa) -> fees.FeeOutcome | None:
    """The fee as decided (None until the fee page is answered)."""
    if not lpa.fee_reduction:
        return None
    return fees.lpa_fee_for(
        on=lpa.updated_at if lpa.completed_at is None else lpa.completed_at,
        repeat=bool(lpa.fee_reduction.get("repeat")),
        reduction=lpa.fee_reduction.get("reduction", fees.FeeReduction.NONE),
    )


def lpa_complete(
    *, lpa: Lpa, method: str = "", actor=None, request=None, payment: Payment | None = None
) -> Lpa:
    """Complete the LPA: every question answered and the fee settled (a cheque chosen,
    nothing to pay now, or a card ``payment`` that succeeded). It is locked from then on;
    the documents are made and sent the correspondent's way after the commit, and the
    account holder gets a payment confirmation by their chosen route (``receipts``).

    Raises ``TransitionNotAllowed`` (already completed, or not ready) .
    """
    with transaction.atomic():
        lpa = Lpa.objects.select_for_update().get(pk=lpa.pk)
        if lpa.status == LpaStatus.IN_PROGRESS:
            if not lpa_flow(lpa).is_complete:
                raise TransitionNotAllowed("Answer every question before completing the LPA")
            if not lpa.fee_reduction:
                raise TransitionNotAllowed("Answer the fee questions before completing the LPA")
            if lpa.fee_pence and method not in PaymentMethod.values:
                raise TransitionNotAllowed("Choose how to pay before completing the LPA")
        transition_apply(
            lpa,
            to=LpaStatus.COMPLETED,
            fields={"payment_method": method if lpa.fee_pence else ""},
            stamp="completed",
            actor=actor,
            request=request,
            action="lpa.completed",
            service=SERVICE_SLUG,
            detail={"method": method, "fee_pence": lpa.fee_pence},
        )
        _kpi(lpa, kind="journey_completed", outcome=method or "no-payment-now")
        from .delivery import lpa_documents_send
        from .receipts import lpa_payment_confirmation_send

        lpa_payment_confirmation_send(lpa=lpa, payment=payment)

        transaction.on_commit(lambda pk=lpa.pk: lpa_documents_send(lpa_id=pk))
    return lpa


def lpa_payment_start(*, lpa: Lpa, started_by=None, entered_by=None, request=None) -> str:
    """Pay the fee by card (by telephone when ``entered_by`` is an agent in an assisted
    session); returns the URL to send the browser to. Raises ``TransitionNotAllowed``
    and the payments app's ``PaymentProviderUnavailable``."""
    if lpa.is_locked:
        raise TransitionNotAllowed(f"LPA {lpa.reference_display} is already completed")
    if not lpa.fee_pence:
        raise TransitionNotAllowed("There is nothing to pay by card")
    return payments.payment_start(
        for_case=lpa,
        purpose=PAYMENT_PURPOSE,
        amount_pence=lpa.fee_pence,
        reference=lpa.reference,
        description=f"Lasting power of attorney {lpa.reference_display}",
        return_to=reverse("lasting_power:lpa-pay", args=[lpa.pk]),
        service="lasting_power",
        started_by=started_by,
        entered_by=entered_by,
    )


def lpa_payment_outcome(*, payment: Payment) -> None:
    """The payments app's outcome handler: a successful card payment of the fee in force
    completes the LPA. A failed one changes nothing: the applicant can pay again."""
    if payment.content_type_id != ContentType.objects.get_for_model(Lpa).pk:
        return
    lpa = Lpa.objects.filter(pk=payment.object_id).first()
    if lpa is None or payment.status != PaymentStatus.SUCCESS or lpa.is_locked:
        return
    if payment.amount_pence != lpa.fee_pence:
        logger.error("Payment %s does not match the fee of LPA %s: check it", payment.pk, lpa.pk)
        return
    lpa_complete(lpa=lpa, method=PaymentMethod.CARD, actor=payment.started_by, payment=payment)
