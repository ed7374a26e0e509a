"""Submitting a claim and paying its fee (or asking for Help with Fees).

The journey (``civil_claims.journeys``) collects and validates the answers, turns
them into a ``ClaimDraft`` of plain data and calls ``claim_submit``. Then either the
claimant pays by card (``claim_payment_start``; the payments app calls
``claim_payment_outcome`` when it finishes, which issues the claim) or, with a Help
with Fees reference, the claim waits in ``hwf_pending`` for a caseworker.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from digital_services.core.references import reference_new
from digital_services.core.transitions import TransitionNotAllowed, transition_apply
from digital_services.payments import services as payments
from digital_services.payments.constants import PaymentStatus
from digital_services.payments.models import Payment

from ..constants import (
    AMOUNT_ROWS_MAX,
    AUDIT_SERVICE,
    EVIDENCE_ITEMS_MAX,
    HWF_REFERENCE,
    PAYMENT_PURPOSE_ISSUE_FEE,
    REASON_MAX_LENGTH,
    TIMELINE_DATE_MAX_LENGTH,
    TIMELINE_EVENTS_MAX,
    ClaimStatus,
    ContactChannel,
    EvidenceType,
    PartyRole,
    PartyType,
    online_claim_limit_pence,
)
from ..deadlines import issue_date_for
from ..fees import IssueFee, issue_fee_quote
from ..interest import InterestAnswers, InterestCalculation, interest_work_out
from ..models import AmountRow, Claim, EvidenceItem, Party, TimelineEvent
from .common import claim_link, locked, logger, message_send, party_route


class ClaimInvalid(ValueError):
    """The draft breaks a rule the journey should already have checked (the message says
    which). Nothing is saved."""


class FeeChanged(Exception):
    """The fee worked out now differs from the one the claimant was shown (accrued
    interest moved the claim into another band): show the "your fee has changed" page
    with ``figures`` and submit again with the new fee."""

    def __init__(self, figures: ClaimFigures):
        super().__init__(f"The fee is now {figures.fee.fee_pence}p")
        self.figures = figures


@dataclass(frozen=True)
class PartyDraft:
    """A claimant or defendant as the journey collected them.

    ``name``: an individual's or sole trader's full name, or the company's or
    organisation's name. ``contact_channel`` is an outbox channel ("email", "sms",
    "letter"): the claimant's from the contact step; the defendant's is "email" when
    their email is known, otherwise "letter". Addresses are lines; postcode apart.
    """

    party_type: str
    name: str
    address_line_1: str
    address_town: str
    address_postcode: str
    address_line_2: str = ""
    title: str = ""
    first_name: str = ""
    last_name: str = ""
    trading_name: str = ""
    contact_person: str = ""
    companies_house_number: str = ""
    date_of_birth: dt.date | None = None
    correspondence_line_1: str = ""
    correspondence_line_2: str = ""
    correspondence_town: str = ""
    correspondence_postcode: str = ""
    email: str = ""
    phone: str = ""
    contact_channel: str = ContactChannel.LETTER
    mobile: str = ""


@dataclass(frozen=True)
class ClaimDraft:
    """Everything a claim is made of, as plain data.

    ``amount_rows``: (reason, amount in pence) pairs, 1 to 1000. ``timeline``:
    (date as typed, description) pairs. ``evidence``: (EvidenceType value,
    description) pairs. ``sot_signed`` is the statement-of-truth tick; a company or
    organisation also gives ``sot_signer_name`` and ``sot_signer_role``.
    ``hwf_reference`` (11 characters, like HWF-A1B-2C3) instead of paying.
    """

    claimant: PartyDraft
    defendant: PartyDraft
    amount_rows: list[tuple[str, int]]
    reason: str
    interest: InterestAnswers = field(default_factory=InterestAnswers)
    timeline: list[tuple[str, str]] = field(default_factory=list)
    evidence: list[tuple[str, str]] = field(default_factory=list)
    sot_signed: bool = False
    sot_signer_name: str = ""
    sot_signer_role: str = ""
    hwf_reference: str = ""
    dispute_resolution_tried: bool = False
    language: str = "en"

    @property
    def amount_pence(self) -> int:
        return sum(amount for _reason, amount in self.amount_rows)


@dataclass(frozen=True)
class ClaimFigures:
    """The amount, interest to the issue date and the fee, worked out as of a moment."""

    issue_date: dt.date
    amount_pence: int
    interest: InterestCalculation
    fee: IssueFee

    @property
    def fee_basis_pence(self) -> int:
        return self.amount_pence + self.interest.total_pence

    @property
    def total_pence(self) -> int:
        """What the claim form asks for: amount + interest to date + the fee."""
        return self.fee_basis_pence + self.fee.fee_pence


def claim_figures(
    *, amount_pence: int, interest: InterestAnswers, at: dt.datetime | None = None
) -> ClaimFigures:
    """The figures of a claim submitted at ``at`` (default now): it is issued on
    ``issue_date_for(at)``, interest counts to that day, and the fee is on the amount
    plus that interest. Raises ``ValueError`` (bad interest answers) and the fee
    errors of ``civil_claims.fees``."""
    issue_date = issue_date_for(at or timezone.now())
    worked = interest_work_out(interest, principal_pence=amount_pence, issue_date=issue_date)
    fee = issue_fee_quote(amount_pence + worked.total_pence, on=issue_date)
    return ClaimFigures(issue_date=issue_date, amount_pence=amount_pence, interest=worked, fee=fee)


def _hwf_reference_clean(text: str) -> str:
    plain = "".join(text.upper().split()).replace("-", "")
    if not HWF_REFERENCE.match(plain):
        raise ClaimInvalid("Enter a Help with Fees reference like HWF-A1B-2C3")
    return f"{plain[:3]}-{plain[3:6]}-{plain[6:]}"


def _check(draft: ClaimDraft, *, on: dt.date) -> None:
    rows = draft.amount_rows
    if not 1 <= len(rows) <= AMOUNT_ROWS_MAX:
        raise ClaimInvalid(f"A claim has 1 to {AMOUNT_ROWS_MAX} amounts")
    if any(isinstance(a, bool) or not isinstance(a, int) or a < 1 for _r, a in rows):
        raise ClaimInvalid("Each amount must be at least £0.01")
    if any(not reason.strip() for reason, _a in rows):
        raise ClaimInvalid("Each amount needs a reason")
    if draft.amount_pence > online_claim_limit_pence(on):
        raise ClaimInvalid("The claim is over the limit for claiming online")
    if not draft.reason.strip() or len(draft.reason) > REASON_MAX_LENGTH:
        raise ClaimInvalid(
            f"Give the reason for the claim in {REASON_MAX_LENGTH:,} characters or fewer"
        )
    if len(draft.timeline) > TIMELINE_EVENTS_MAX or any(
        len(date_text) > TIMELINE_DATE_MAX_LENGTH for date_text, _d in draft.timeline
    ):
        raise ClaimInvalid("The timeline has too many events or too long a date")
    if len(draft.evidence) > EVIDENCE_ITEMS_MAX or any(
        kind not in EvidenceType.values for kind, _d in draft.evidence
    ):
        raise ClaimInvalid("Unknown type of evidence")
    if not draft.sot_signed:
        raise ClaimInvalid("Confirm the statement of truth")
    if draft.claimant.party_type in (PartyType.COMPANY, PartyType.ORGANISATION) and not (
        draft.sot_signer_name.strip() and draft.sot_signer_role.strip()
    ):
        raise ClaimInvalid("Give the name and role of the person signing for the claimant")


def _party_create(claim: Claim, role: str, draft: PartyDraft) -> Party:
    party = Party(claim=claim, role=role, **asdict(draft))
    party.full_clean(exclude=["claim"])
    party.save()
    return party


def claim_submit(
    *,
    draft: ClaimDraft,
    user=None,
    expected_fee_pence: int | None = None,
    actor=None,
    on_behalf_of=None,
    request=None,
    channel: str = "online",
) -> Claim:
    """Record a submitted claim; it then waits for its fee (or Help with Fees decision).

    ``user`` is the claimant's account (None for someone without one: they get back
    through the grant links in their messages). ``expected_fee_pence`` is the fee the
    claimant was shown: if the fee worked out now differs, ``FeeChanged`` is raised and
    nothing is saved. ``actor``/``on_behalf_of`` are for the audit (an agent in an
    assisted-digital session, with ``channel="assisted"``).

    With ``draft.hwf_reference`` the claim goes to ``hwf_pending`` and the claimant is
    told by their route; otherwise it stays ``awaiting_payment``: call
    ``claim_payment_start``. Raises ``ClaimInvalid`` and ``FeeChanged``; nothing is
    saved when either is raised.
    """
    now = timezone.now()
    figures = claim_figures(amount_pence=draft.amount_pence, interest=draft.interest, at=now)
    _check(draft, on=figures.issue_date)
    hwf_reference = _hwf_reference_clean(draft.hwf_reference) if draft.hwf_reference else ""
    if expected_fee_pence is not None and expected_fee_pence != figures.fee.fee_pence:
        raise FeeChanged(figures)
    answers = draft.interest
    with transaction.atomic():
        claim = Claim.objects.create(
            reference=reference_new(
                length=10, exists=lambda r: Claim.objects.filter(reference=r).exists()
            ),
            user=user if getattr(user, "is_authenticated", False) else None,
            language=draft.language,
            channel=channel,
            reason=draft.reason,
            dispute_resolution_tried=draft.dispute_resolution_tried,
            amount_pence=draft.amount_pence,
            interest_kind=answers.kind,
            interest_rate=answers.rate,
            interest_rate_reason=answers.rate_reason,
            interest_start=answers.start,
            interest_start_date=answers.start_date,
            interest_start_reason=answers.start_reason,
            interest_end=answers.end,
            interest_breakdown_total_pence=answers.breakdown_total_pence,
            interest_breakdown_explanation=answers.breakdown_explanation,
            interest_continuing=answers.continuing,
            interest_continuing_rate=answers.continuing_rate,
            interest_continuing_daily_pence=answers.continuing_daily_pence,
            interest_to_date_pence=figures.interest.total_pence,
            interest_days=figures.interest.days,
            interest_daily_pence=figures.interest.daily_pence,
            fee_pence=figures.fee.fee_pence,
            fee_basis_pence=figures.fee_basis_pence,
            fee_band_id=figures.fee.band_id,
            fee_code=figures.fee.code,
            hwf_reference=hwf_reference,
            sot_signed=draft.sot_signed,
            sot_signer_name=draft.sot_signer_name,
            sot_signer_role=draft.sot_signer_role,
            submitted_at=now,
            created_at=now,
        )
        try:
            _party_create(claim, PartyRole.CLAIMANT, draft.claimant)
            _party_create(claim, PartyRole.DEFENDANT, draft.defendant)
        except Exception as exc:  # a ValidationError: a field over its limit
            raise ClaimInvalid(f"A party's details are not valid: {exc}") from exc
        AmountRow.objects.bulk_create(
            AmountRow(claim=claim, position=i, reason=reason, amount_pence=amount)
            for i, (reason, amount) in enumerate(draft.amount_rows, start=1)
        )
        TimelineEvent.objects.bulk_create(
            TimelineEvent(claim=claim, position=i, date_text=date_text, description=text)
            for i, (date_text, text) in enumerate(draft.timeline, start=1)
        )
        EvidenceItem.objects.bulk_create(
            EvidenceItem(claim=claim, position=i, kind=kind, description=text)
            for i, (kind, text) in enumerate(draft.evidence, start=1)
        )
        from digital_services.audit.services import audit_record

        audit_record(
            action="claim.submitted",
            obj=claim,
            actor=actor or claim.user,
            on_behalf_of=on_behalf_of,
            request=request,
            service=AUDIT_SERVICE,
            detail={"fee_pence": claim.fee_pence, "hwf": bool(hwf_reference)},
        )
        if hwf_reference:
            claim_hwf_apply(claim=claim, actor=actor or claim.user, request=request)
    return claim


def claim_hwf_apply(*, claim: Claim, actor=None, request=None, hwf_reference: str = "") -> Claim:
    """The claimant asks for Help with Fees (at submission, or again with a new reference
    or more information after a caseworker asked): the claim waits in ``hwf_pending``.

    Raises ``TransitionNotAllowed`` from a claim that is issued or closed, and
    ``ClaimInvalid`` for a reference in the wrong format.
    """
    with transaction.atomic():
        fields = {}
        if hwf_reference:
            fields["hwf_reference"] = _hwf_reference_clean(hwf_reference)
        if not (fields.get("hwf_reference") or claim.hwf_reference):
            raise ClaimInvalid("Enter a Help with Fees reference")
        fields["hwf_outcome"] = ""
        transition_apply(
            claim,
            to=ClaimStatus.HWF_PENDING,
            fields=fields,
            action="claim.hwf_applied",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
        )
        message_send(
            template="civil_claims.hwf_pending",
            route=party_route(claim.claimant),
            claim=claim,
            personalisation={
                "reference": claim.reference_display,
                "defendant_name": claim.defendant.display_name,
                "hwf_reference": claim.hwf_reference,
                "claim_url": claim_link(claim),
            },
        )
    return claim


def claim_fee_check(*, claim: Claim, actor=None, request=None) -> ClaimFigures | None:
    """Before paying a claim submitted earlier: work the interest and fee out again as of
    now. If accrued interest moved the claim into another fee band, the claim takes the
    new fee (audited as ``claim.fee_changed``) and the new figures are returned, for the
    "your fee has changed" page; otherwise None. Only a claim waiting for its fee (not
    after a Help with Fees decision, whose amounts the caseworker set) is checked."""
    if claim.status != ClaimStatus.AWAITING_PAYMENT:
        return None
    figures = claim_figures(amount_pence=claim.amount_pence, interest=claim.interest_answers())
    if figures.fee.fee_pence == claim.fee_pence:
        return None
    from digital_services.audit.services import audit_record

    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        old = claim.fee_pence
        claim.fee_pence = figures.fee.fee_pence
        claim.fee_basis_pence = figures.fee_basis_pence
        claim.fee_band_id = figures.fee.band_id
        claim.fee_code = figures.fee.code
        claim.interest_to_date_pence = figures.interest.total_pence
        claim.interest_days = figures.interest.days
        claim.interest_daily_pence = figures.interest.daily_pence
        claim.save(
            update_fields=[
                "fee_pence",
                "fee_basis_pence",
                "fee_band",
                "fee_code",
                "interest_to_date_pence",
                "interest_days",
                "interest_daily_pence",
                "updated_at",
            ]
        )
        audit_record(
            action="claim.fee_changed",
            obj=claim,
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail={"from_pence": old, "to_pence": claim.fee_pence},
        )
    return figures


def claim_amount_due_pence(claim: Claim) -> int:
    """What the claimant still has to pay: the fee, or what Help with Fees left."""
    if claim.hwf_amount_to_pay_pence is not None:
        return claim.hwf_amount_to_pay_pence
    return claim.fee_pence


def claim_payment_start(*, claim: Claim, return_to: str, started_by=None, entered_by=None) -> str:
    """Start (or resume) paying the claim's fee by card; returns the URL to send the user to.

    ``return_to`` is the page the payment pages link back to. ``entered_by`` is the member
    of staff typing the citizen's card details (a telephone payment). Raises
    ``TransitionNotAllowed`` when there is nothing to pay (issued, closed, or waiting for a
    Help with Fees decision) and ``payments.PaymentProviderUnavailable``.
    """
    if claim.status not in (ClaimStatus.AWAITING_PAYMENT, ClaimStatus.HWF_AWAITING_CLAIMANT):
        raise TransitionNotAllowed(
            f"Claim {claim.reference_display} has no fee to pay now", source=claim.status
        )
    amount = claim_amount_due_pence(claim)
    if amount < 1:
        raise TransitionNotAllowed(f"Claim {claim.reference_display} has no fee to pay")
    return payments.payment_start(
        for_case=claim,
        purpose=PAYMENT_PURPOSE_ISSUE_FEE,
        amount_pence=amount,
        reference=claim.reference,
        description="Court fee to issue a money claim",
        return_to=return_to,
        service=AUDIT_SERVICE,
        remitted_pence=claim.hwf_fee_remitted_pence or None,
        started_by=started_by,
        entered_by=entered_by,
    )


def claim_payment_outcome(*, payment: Payment) -> None:
    """The payments app's outcome handler (``service.payment_outcome``).

    Success issues the claim (``claim_issue``); a failed or cancelled payment leaves it
    waiting for its fee (the claimant can try again). Idempotent: a claim already issued
    is left alone.
    """
    if payment.content_type_id != ContentType.objects.get_for_model(Claim).pk:
        return
    claim = Claim.objects.filter(pk=payment.object_id).first()
    if claim is None or payment.status != PaymentStatus.SUCCESS:
        return
    from .issue import claim_issue

    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        if claim.claim_number:
            return
        if claim.status not in (ClaimStatus.AWAITING_PAYMENT, ClaimStatus.HWF_AWAITING_CLAIMANT):
            logger.error(
                "Payment %s succeeded for claim %s in %s", payment.pk, claim.pk, claim.status
            )
            return
        claim.amount_paid_pence = payment.amount_pence
        claim.paid_at = payment.finished_at or timezone.now()
        claim.save(update_fields=["amount_paid_pence", "paid_at", "updated_at"])
        claim_issue(claim=claim, detail={"payment_id": payment.pk})
