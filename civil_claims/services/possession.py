"""Possession claims: sending the landlord's claim (writes).

The journey collects and checks the answers, turns them into a ``PossessionDraft`` of
plain data and calls ``possession_claim_submit``, which records the claim, its parties,
grounds and rent statement in one transaction, at the fee in force that day (dated
``PossessionFee`` rows), and audits it. Paying by card and issue come next (issue #16).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from digital_services.audit.services import audit_record
from digital_services.core.references import reference_new

from ..constants import AUDIT_SERVICE, HWF_REFERENCE
from ..models import (
    PossessionArrearsRow,
    PossessionClaim,
    PossessionGround,
    PossessionParty,
)
from ..possession_constants import (
    PAYMENT_PURPOSE_POSSESSION_FEE,
    POSSESSION_DEFENDANTS_MAX,
    PossessionPartyRole,
)
from ..possession_fees import possession_fee_for
from ..possession_rules import (
    ArrearsRow,
    RentFrequency,
    arrears_grounds_chosen,
    arrears_total_pence,
    daily_rent_pence,
    ground_get,
    tenancy_types_for,
)

GRANT_SCOPE_POSSESSION = "civil_claims.possession"
#: An upload made while answering, not yet sent with a claim, is deleted with the drafts.
UPLOAD_SIGNING_SALT = "civil_claims.possession_upload"


class UploadRefused(ValueError):
    """The file is empty, too big or not a PDF, JPEG or PNG (the message says which)."""


def possession_upload_store(*, content: bytes, filename: str) -> str:
    """Store a file the landlord uploads while answering (a tenancy agreement, notice or
    rent statement) in the platform's document store, after the platform's upload check,
    and return a signed token for the draft (never the document's id itself).

    It belongs to no claim yet and is deleted with abandoned drafts; sending the claim
    attaches it. Raises ``UploadRefused``.
    """
    from django.conf import settings
    from django.core import signing

    from digital_services.documents.constants import DocumentKind
    from digital_services.documents.services import document_store
    from digital_services.documents.uploads import upload_media_type, upload_problem

    problem = upload_problem(content)
    if problem:
        raise UploadRefused(problem)
    document = document_store(
        content=bytes(content),
        kind=DocumentKind.UPLOAD,
        content_type=upload_media_type(content),
        filename=filename or "document",
        delete_after=timezone.localdate()
        + dt.timedelta(days=settings.JOURNEYS_DRAFT_EXPIRY_DAYS + 1),
    )
    return signing.dumps(document.pk, salt=UPLOAD_SIGNING_SALT)


def possession_upload_get(token: str):
    """The uploaded document a token from ``possession_upload_store`` names, or None (a
    token we did not sign, or a file since deleted)."""
    from django.core import signing

    from digital_services.documents.models import Document

    try:
        pk = signing.loads(token or "", salt=UPLOAD_SIGNING_SALT)
    except signing.BadSignature:
        return None
    return Document.objects.filter(pk=pk).first()


def _upload_attach(token: str, claim: PossessionClaim, user):
    """Attach an upload to the sent claim: the claim's case, its owner, kept as long as it."""
    from django.contrib.contenttypes.models import ContentType

    from ..retention import claim_documents_delete_after

    document = possession_upload_get(token) if token else None
    if document is None:
        return None
    document.content_type = ContentType.objects.get_for_model(PossessionClaim)
    document.object_id = str(claim.pk)
    document.owner = user if getattr(user, "is_authenticated", False) else None
    document.delete_after = claim_documents_delete_after(timezone.localdate())
    document.save(update_fields=["content_type", "object_id", "owner", "delete_after"])
    return document


class PossessionClaimInvalid(ValueError):
    """The draft breaks a rule the journey should already have checked. Nothing is saved."""


@dataclass(frozen=True)
class PossessionPartyDraft:
    name: str
    address_line_1: str
    address_town: str
    address_postcode: str
    address_line_2: str = ""
    email: str = ""
    mobile: str = ""
    contact_channel: str = "letter"


@dataclass(frozen=True)
class PossessionDraft:
    """A possession claim as the journey collected it (plain data, no models)."""

    claimant_type: str
    country: str
    property_line_1: str
    property_town: str
    property_postcode: str
    tenancy_type: str
    tenancy_start_date: dt.date
    rent_pence: int
    rent_frequency: str
    daily_rent_pence: int
    claimant: PossessionPartyDraft
    defendants: tuple[PossessionPartyDraft, ...]
    grounds: tuple[tuple[str, str], ...]  # (code, reason)
    sot_signer_name: str
    epc_given: str
    gas_safety_given: str
    eicr_given: str
    property_line_2: str = ""
    claimant_type_other: str = ""
    tenancy_type_other: str = ""
    rent_frequency_other: str = ""
    tenancy_agreement_missing_reason: str = ""
    notice_served: bool = False
    notice_type: str = ""
    notice_method: str = ""
    notice_served_on: dt.date | None = None
    notice_served_at: dt.datetime | None = None
    notice_served_to: str = ""
    notice_served_email: str = ""
    notice_method_other: str = ""
    notice_missing_reason: str = ""
    arrears_rows: tuple[ArrearsRow, ...] = field(default_factory=tuple)
    money_judgment_wanted: bool = False
    recovery_steps: str = ""
    rent_statement_missing_reason: str = ""
    tenancy_agreement_upload: str = ""  # tokens from possession_upload_store
    notice_upload: str = ""
    rent_statement_upload: str = ""
    pre_action_protocol_followed: bool = False
    pre_action_protocol_reason: str = ""
    claimant_circumstances: str = ""
    defendant_circumstances: str = ""
    alternatives_considered: str = ""
    other_occupiers: str = ""
    certificates_reason: str = ""
    hwf_reference: str = ""
    sot_signer_role: str = ""
    language: str = "en"
    against_trespassers: bool = False
    trespass_known_on: dt.date | None = None
    trespass_details: str = ""


def _check(draft: PossessionDraft) -> None:
    """The rules the journey applies, checked again on the data (raises
    ``PossessionClaimInvalid``)."""
    try:
        types = tenancy_types_for(draft.country)
    except ValueError as exc:
        raise PossessionClaimInvalid("The property must be in England or Wales") from exc
    if not 1 <= len(draft.defendants) <= POSSESSION_DEFENDANTS_MAX:
        raise PossessionClaimInvalid(f"Name between 1 and {POSSESSION_DEFENDANTS_MAX} defendants")
    if draft.hwf_reference and not HWF_REFERENCE.match(draft.hwf_reference):
        raise PossessionClaimInvalid("The Help with Fees reference is not in the right format")
    if draft.against_trespassers:
        if draft.trespass_known_on is None or not draft.trespass_details.strip():
            raise PossessionClaimInvalid("Say when you found out and how the trespassers came in")
        if draft.grounds or draft.arrears_rows or draft.tenancy_type:
            raise PossessionClaimInvalid("A claim against trespassers has no tenancy or grounds")
        return
    if draft.tenancy_type not in types:
        raise PossessionClaimInvalid("That tenancy type is not one of the property's country")
    if not 1 <= len(draft.defendants) <= POSSESSION_DEFENDANTS_MAX:
        raise PossessionClaimInvalid(f"Name between 1 and {POSSESSION_DEFENDANTS_MAX} defendants")
    if not draft.grounds:
        raise PossessionClaimInvalid("Choose at least one ground for possession")
    for code, reason in draft.grounds:
        if ground_get(draft.country, draft.tenancy_type, code) is None:
            raise PossessionClaimInvalid("A ground does not apply to this tenancy")
        if not reason.strip():
            raise PossessionClaimInvalid("Give a reason for each ground")
    codes = [code for code, _ in draft.grounds]
    if arrears_grounds_chosen(draft.country, draft.tenancy_type, codes) and not draft.arrears_rows:
        raise PossessionClaimInvalid("Add the rent statement for a rent arrears ground")
    if draft.hwf_reference and not HWF_REFERENCE.match(draft.hwf_reference):
        raise PossessionClaimInvalid("The Help with Fees reference is not in the right format")
    if draft.daily_rent_pence < 0 or draft.rent_pence < 0:
        raise PossessionClaimInvalid("Rent cannot be negative")


def _party(claim, role: str, position: int, party: PossessionPartyDraft) -> PossessionParty:
    return PossessionParty(
        claim=claim,
        role=role,
        position=position,
        name=party.name,
        address_line_1=party.address_line_1,
        address_line_2=party.address_line_2,
        address_town=party.address_town,
        address_postcode=party.address_postcode,
        email=party.email,
        mobile=party.mobile,
        contact_channel=party.contact_channel,
    )


def possession_claim_submit(
    *,
    draft: PossessionDraft,
    user=None,
    actor=None,
    on_behalf_of=None,
    channel: str = "online",
) -> PossessionClaim:
    """Record a landlord's possession claim as sent, waiting for the fee (or for the Help
    with Fees decision), at the claim fee in force today.

    Raises ``PossessionClaimInvalid`` for a draft that breaks a rule, and
    ``possession_fees.PossessionFeeNotFound`` when no claim fee is in force.
    """
    from ..possession_constants import PossessionStatus

    _check(draft)
    now = timezone.now()
    fee = possession_fee_for("claim", on=timezone.localdate(now))
    codes = [code for code, _ in draft.grounds]
    arrears = bool(codes) and arrears_grounds_chosen(draft.country, draft.tenancy_type, codes)
    calculated = (
        None
        if draft.against_trespassers or draft.rent_frequency == RentFrequency.OTHER
        else daily_rent_pence(draft.rent_pence, draft.rent_frequency)
    )
    with transaction.atomic():
        claim = PossessionClaim.objects.create(
            reference=reference_new(
                length=10, exists=lambda r: PossessionClaim.objects.filter(reference=r).exists()
            ),
            user=user if getattr(user, "is_authenticated", False) else None,
            language=draft.language,
            channel=channel,
            claimant_type=draft.claimant_type,
            claimant_type_other=draft.claimant_type_other,
            country=draft.country,
            property_line_1=draft.property_line_1,
            property_line_2=draft.property_line_2,
            property_town=draft.property_town,
            property_postcode=draft.property_postcode,
            tenancy_type=draft.tenancy_type,
            tenancy_type_other=draft.tenancy_type_other,
            tenancy_start_date=draft.tenancy_start_date,
            rent_pence=draft.rent_pence,
            rent_frequency=draft.rent_frequency,
            rent_frequency_other=draft.rent_frequency_other,
            daily_rent_calculated_pence=calculated,
            daily_rent_pence=draft.daily_rent_pence,
            tenancy_agreement_missing_reason=draft.tenancy_agreement_missing_reason,
            notice_served=draft.notice_served,
            notice_type=draft.notice_type,
            notice_method=draft.notice_method,
            notice_served_on=draft.notice_served_on,
            notice_served_at=draft.notice_served_at,
            notice_served_to=draft.notice_served_to,
            notice_served_email=draft.notice_served_email,
            notice_method_other=draft.notice_method_other,
            notice_missing_reason=draft.notice_missing_reason,
            arrears_total_pence=arrears_total_pence(draft.arrears_rows) if arrears else None,
            money_judgment_wanted=draft.money_judgment_wanted if arrears else False,
            recovery_steps=draft.recovery_steps if arrears else "",
            rent_statement_missing_reason=draft.rent_statement_missing_reason if arrears else "",
            pre_action_protocol_followed=draft.pre_action_protocol_followed,
            pre_action_protocol_reason=draft.pre_action_protocol_reason,
            claimant_circumstances=draft.claimant_circumstances,
            defendant_circumstances=draft.defendant_circumstances,
            alternatives_considered=draft.alternatives_considered,
            other_occupiers=draft.other_occupiers,
            epc_given=draft.epc_given,
            gas_safety_given=draft.gas_safety_given,
            eicr_given=draft.eicr_given,
            certificates_reason=draft.certificates_reason,
            fee_pence=fee.fee_pence,
            fee_id=fee.fee_id,
            hwf_reference=draft.hwf_reference,
            against_trespassers=draft.against_trespassers,
            trespass_known_on=draft.trespass_known_on,
            trespass_details=draft.trespass_details,
            sot_signer_name=draft.sot_signer_name,
            sot_signer_role=draft.sot_signer_role,
            status=PossessionStatus.HWF_PENDING
            if draft.hwf_reference
            else PossessionStatus.AWAITING_PAYMENT,
            created_at=now,
            submitted_at=now,
            status_changed_at=now,
        )
        parties = [_party(claim, PossessionPartyRole.CLAIMANT, 0, draft.claimant)]
        parties += [
            _party(claim, PossessionPartyRole.DEFENDANT, n, d)
            for n, d in enumerate(draft.defendants)
        ]
        PossessionParty.objects.bulk_create(parties)
        grounds = []
        for position, (code, reason) in enumerate(draft.grounds):
            ground = ground_get(draft.country, draft.tenancy_type, code)
            grounds.append(
                PossessionGround(
                    claim=claim,
                    position=position,
                    code=code,
                    label=ground.label,
                    arrears=ground.arrears,
                    reason=reason,
                )
            )
        PossessionGround.objects.bulk_create(grounds)
        if arrears:
            PossessionArrearsRow.objects.bulk_create(
                PossessionArrearsRow(
                    claim=claim,
                    position=n,
                    due_on=row.due_on,
                    due_pence=row.due_pence,
                    paid_pence=row.paid_pence,
                    paid_on=row.paid_on,
                )
                for n, row in enumerate(draft.arrears_rows)
            )
        claim.tenancy_agreement = _upload_attach(draft.tenancy_agreement_upload, claim, user)
        claim.notice_document = (
            _upload_attach(draft.notice_upload, claim, user) if draft.notice_served else None
        )
        claim.rent_statement = (
            _upload_attach(draft.rent_statement_upload, claim, user) if arrears else None
        )
        claim.save(update_fields=["tenancy_agreement", "notice_document", "rent_statement"])
        audit_record(
            action="possession_claim.submitted",
            obj=claim,
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            on_behalf_of=on_behalf_of,
            service=AUDIT_SERVICE,
            detail={
                "status": claim.status,
                "fee_pence": claim.fee_pence,
                "grounds": codes,
                "defendants": len(draft.defendants),
                "channel": channel,
            },
        )
    return claim


# Paying the fee and issuing -----------------------------------------------------------


def possession_fee_due_pence(claim: PossessionClaim) -> int:
    """What the landlord has to pay now: the claim fee, or what Help with Fees left."""
    if claim.hwf_amount_to_pay_pence is not None:
        return claim.hwf_amount_to_pay_pence
    return claim.fee_pence


def possession_payment_start(
    *, claim: PossessionClaim, return_to: str, started_by=None, entered_by=None
) -> str:
    """Start (or resume) paying the claim fee, or the rest after a part or no remission,
    by card through the platform's payments; returns the URL to send the landlord to.
    Raises ``TransitionNotAllowed`` when there is nothing to pay now, and
    ``payments.PaymentProviderUnavailable``."""
    from digital_services.core.transitions import TransitionNotAllowed
    from digital_services.payments import services as payments

    from ..possession_constants import FEE_PAYABLE

    amount = possession_fee_due_pence(claim)
    if claim.status not in FEE_PAYABLE or amount < 1:
        raise TransitionNotAllowed(
            f"Claim {claim.reference_display} has no fee to pay now", source=claim.status
        )
    return payments.payment_start(
        for_case=claim,
        purpose=PAYMENT_PURPOSE_POSSESSION_FEE,
        amount_pence=amount,
        remitted_pence=claim.hwf_fee_remitted_pence or None,
        reference=claim.reference,
        description="Court fee to issue a possession claim",
        return_to=return_to,
        service=AUDIT_SERVICE,
        started_by=started_by,
        entered_by=entered_by,
    )


def possession_claim_issue(*, claim: PossessionClaim, actor=None, detail=None) -> PossessionClaim:
    """Issue the claim once its fee is settled, with the money claims' rules: a claim
    number from the same sequence (so no number is given twice across both kinds) and
    the issue date (the next working day after 4pm, at weekends and on bank holidays).
    Raises ``TransitionNotAllowed`` unless it is waiting for its fee or a Help with Fees
    decision."""
    from digital_services.core.transitions import transition_apply

    from ..deadlines import issue_date_for
    from ..possession_constants import PossessionStatus
    from .issue import claim_number_next
    from .possession_pack import possession_claim_issued_send

    with transaction.atomic():
        claim = PossessionClaim.objects.select_for_update().get(pk=claim.pk)
        now = timezone.now()
        transition_apply(
            claim,
            to=PossessionStatus.ISSUED,
            fields={"claim_number": claim_number_next(), "issue_date": issue_date_for(now)},
            stamp="issued",
            action="possession_claim.issued",
            actor=actor,
            service=AUDIT_SERVICE,
            detail=detail,
        )
        possession_claim_issued_send(claim=claim, actor=actor)
    return claim


def possession_payment_outcome(*, payment) -> None:
    """The payments app's outcome handler for the claim fee (or what Help with Fees left
    to pay): success records the payment and issues the claim; failure leaves it waiting
    (the landlord can try again).
    Idempotent: an issued claim is left alone."""
    from django.contrib.contenttypes.models import ContentType

    from digital_services.payments.constants import PaymentStatus

    from ..possession_constants import FEE_PAYABLE

    if payment.content_type_id != ContentType.objects.get_for_model(PossessionClaim).pk:
        return
    if payment.status != PaymentStatus.SUCCESS:
        return
    with transaction.atomic():
        claim = PossessionClaim.objects.select_for_update().filter(pk=payment.object_id).first()
        if claim is None or claim.status not in FEE_PAYABLE:
            return
        claim.amount_paid_pence = payment.amount_pence
        claim.paid_at = payment.finished_at or timezone.now()
        claim.save(update_fields=["amount_paid_pence", "paid_at", "updated_at"])
        possession_claim_issue(claim=claim, detail={"payment_id": payment.pk})
