"""Issuing a claim: its number, dates, the defendant's access code, messages, sealed form.

``claim_issue`` runs when the fee is settled (paid by card, or fully remitted by Help
with Fees). In one transaction it gives the claim its number from the database
sequence, its issue date (the 16:00 rule), deemed service and response deadline, works
the interest out to the issue date, moves it to ``open``, makes the defendant's access
code and queues the messages: the claimant's, by their route; the defendant's letter
with the code (always), and an email too when the claimant gave their address; the
staff mailbox's email (``CIVIL_CLAIMS_STAFF_MAILBOX``); the CaseMan event (``caseman``). After
commit a task makes the sealed claim form PDF (``claim_form_seal``); the letter batch
prints it behind the defendant's letter (``claim_letter_enclosures``, which makes it then
if the task has not).
"""

from __future__ import annotations

import datetime as dt
import secrets
from functools import partial

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from digital_services.core.dates import date_format
from digital_services.core.references import ALPHABET
from digital_services.core.transitions import transition_allowed, transition_apply
from digital_services.documents.constants import DocumentKind
from digital_services.documents.services import document_read, document_store
from digital_services.journeys.contact import ContactRoute
from digital_services.notifications.constants import Channel
from digital_services.notifications.services import notification_send

from ..constants import (
    ACCESS_CODE_LENGTH,
    AUDIT_SERVICE,
    CLAIM_STALE_DAYS,
    CasemanEventKind,
    ClaimStatus,
    HwfOutcome,
)
from ..deadlines import deemed_service_date, issue_date_for, response_deadline_for
from ..interest import interest_work_out
from ..models import AccessCode, Claim, ClaimNumberCounter
from ..retention import claim_documents_delete_after
from .caseman import caseman_event_record
from .common import (
    access_code_hash,
    claim_link,
    court_phone,
    court_postal_address,
    deadline_text,
    locked,
    logger,
    message_send,
    money,
    party_letter_route,
    party_route,
    respond_link,
)

SEQUENCE = "civil_claims_claim_number_seq"
#: The defendant's notice of the issued claim; its letter carries the sealed claim form.
DEFENDANT_ISSUED_TEMPLATE = "civil_claims.claim_issued_defendant"
STAFF_ISSUED_TEMPLATE = "civil_claims.staff_claim_issued"


def claim_number_format(number: int) -> str:
    """1 → "000MC001", 123456 → "123MC456". Raises ValueError past 999,999."""
    if not 1 <= number <= 999_999:
        raise ValueError("Claim numbers run from 000MC001 to 999MC999")
    return f"{number // 1000:03d}MC{number % 1000:03d}"


def claim_number_next() -> str:
    """The next citizen claim number: from the PostgreSQL sequence, or (SQLite) from the
    one-row counter, incremented in the caller's transaction (SQLite lets one writer at a
    time, so two claims never share a number)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval(%s)", [SEQUENCE])
            return claim_number_format(cursor.fetchone()[0])
    with transaction.atomic():
        counter, _ = ClaimNumberCounter.objects.select_for_update().get_or_create(pk=1)
        ClaimNumberCounter.objects.filter(pk=1).update(value=F("value") + 1)
        counter.refresh_from_db()
        return claim_number_format(counter.value)


def access_code_new() -> str:
    """A fresh random code (8 characters of the references' alphabet: no I, L, O or U)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(ACCESS_CODE_LENGTH))


def access_code_issue(*, claim: Claim, actor=None) -> str:
    """Revoke the defendant's live codes and make a new one; returns the code (shown only
    in the letter/email it is sent in, never stored)."""
    defendant = claim.defendant
    now = timezone.now()
    AccessCode.objects.filter(claim=claim, used_at__isnull=True, revoked_at__isnull=True).update(
        revoked_at=now
    )
    code = access_code_new()
    AccessCode.objects.create(
        claim=claim,
        party=defendant,
        code_hash=access_code_hash(code),
        created_at=now,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    return code


def defendant_notice_send(*, claim: Claim, code: str, template: str) -> None:
    """The defendant's letter with the access code, and the same by email when known."""
    defendant = claim.defendant
    personalisation = {
        "claimant_name": claim.claimant.display_name,
        "claim_number": claim.claim_number,
        "access_code": code,
        "response_deadline": deadline_text(claim),
        "respond_url": respond_link(),
        "phone": court_phone(),
        "postal_address": court_postal_address(),
    }
    if template == DEFENDANT_ISSUED_TEMPLATE:
        personalisation["total"] = money(claim.total_claimed_pence)
        personalisation["issue_date"] = date_format(claim.issue_date)
    message_send(
        template=template,
        route=party_letter_route(defendant),
        claim=claim,
        personalisation=personalisation,
    )
    if defendant.email:
        message_send(
            template=template,
            route=ContactRoute(channel=Channel.EMAIL, email=defendant.email),
            claim=claim,
            personalisation=personalisation,
        )


def claim_issue(
    *, claim: Claim, actor=None, request=None, notify_claimant: bool = True, detail=None
) -> Claim:
    """Issue the claim (its fee is settled). See the module docstring for what it does.

    Raises ``TransitionNotAllowed`` unless the claim is waiting for its fee or for a Help
    with Fees decision.
    """
    with transaction.atomic():
        claim = locked(Claim, claim.pk)
        now = timezone.now()
        issue_date = issue_date_for(now)
        worked = interest_work_out(
            claim.interest_answers(), principal_pence=claim.amount_pence, issue_date=issue_date
        )
        transition_apply(
            claim,
            to=ClaimStatus.OPEN,
            fields={
                "claim_number": claim_number_next(),
                "issue_date": issue_date,
                "deemed_service_date": deemed_service_date(issue_date),
                "response_deadline": response_deadline_for(issue_date),
                "interest_to_date_pence": worked.total_pence,
                "interest_days": worked.days,
                "interest_daily_pence": worked.daily_pence,
            },
            stamp="issued",
            action="claim.issued",
            actor=actor,
            request=request,
            service=AUDIT_SERVICE,
            detail=detail,
        )
        code = access_code_issue(claim=claim, actor=actor)
        if notify_claimant:
            message_send(
                template="civil_claims.claim_issued_claimant",
                route=party_route(claim.claimant),
                claim=claim,
                personalisation={
                    "defendant_name": claim.defendant.display_name,
                    "issue_date": date_format(issue_date),
                    "claim_number": claim.claim_number,
                    "total": money(claim.total_claimed_pence),
                    "response_deadline": deadline_text(claim),
                    "claim_url": claim_link(claim),
                },
            )
        defendant_notice_send(claim=claim, code=code, template=DEFENDANT_ISSUED_TEMPLATE)
        staff_issued_email_send(claim=claim)
        caseman_event_record(claim=claim, kind=CasemanEventKind.CLAIM_ISSUED)
        transaction.on_commit(partial(claim_form_seal_enqueue, claim_id=claim.pk))
    return claim


def _how_paid(claim: Claim) -> str:
    if claim.hwf_outcome == HwfOutcome.FULL:
        return "fee remitted in full by Help with Fees"
    if claim.amount_paid_pence:
        return f"fee of {money(claim.amount_paid_pence)} paid"
    return "fee settled"


def staff_issued_email_send(*, claim: Claim) -> None:
    """Tell the court staff's mailbox (``CIVIL_CLAIMS_STAFF_MAILBOX``; none when it is empty)
    that the claim was issued. The outbox sends email without attachments, so the email
    links to the claim's case page, where the sealed form is (its URL holds only the
    claim's id)."""
    mailbox = settings.CIVIL_CLAIMS_STAFF_MAILBOX
    if not mailbox:
        return
    case_path = reverse("admin:civil_claims_claim_change", args=[claim.pk])
    notification_send(
        template=STAFF_ISSUED_TEMPLATE,
        to=mailbox,
        channel=Channel.EMAIL,
        personalisation={
            "claim_number": claim.claim_number,
            "issue_date": date_format(claim.issue_date),
            "how_paid": _how_paid(claim),
            "total": money(claim.total_claimed_pence),
            "response_deadline": deadline_text(claim),
            "case_url": f"{settings.SITE_URL}{case_path}",
        },
        about=claim,
        service=AUDIT_SERVICE,
        reference=claim.claim_number,
    )


def claim_form_seal_enqueue(*, claim_id: int) -> None:
    from ..tasks import claim_form_seal as task

    try:
        task.delay(claim_id)
    except Exception:  # the broker is down: the beat job seals what is left unsealed
        logger.exception("Could not queue the sealed claim form of claim %s", claim_id)


def claim_form_seal(*, claim_id: int):
    """Make the sealed claim form PDF of an issued claim and keep it in the document store
    (once: a claim that has one keeps it). Returns the Document, or None for a claim that
    is gone or not issued."""
    from ..pdf import claim_form_pdf

    with transaction.atomic():
        claim = Claim.objects.select_for_update().filter(pk=claim_id).first()
        if claim is None or not claim.claim_number:
            return None
        if claim.sealed_claim_form_id:
            return claim.sealed_claim_form
        document = document_store(
            content=claim_form_pdf(claim),
            kind=DocumentKind.CLAIM_FORM,
            content_type="application/pdf",
            filename=f"claim-form-{claim.claim_number}.pdf",
            owner=claim.user,
            case=claim,
            delete_after=claim_documents_delete_after(claim.issue_date),
        )
        claim.sealed_claim_form = document
        claim.save(update_fields=["sealed_claim_form", "updated_at"])
        return document


def claim_letter_enclosures(*, message) -> list[tuple[str, bytes]]:
    """For the letter batch: the sealed claim form printed behind the defendant's claim
    letter (made now when the after-commit task has not made it yet, so the letter is
    never printed without it). Other letters of this service enclose nothing."""
    if message.template_key != DEFENDANT_ISSUED_TEMPLATE or not message.object_id:
        return []
    claim = Claim.objects.filter(pk=message.object_id).select_related("sealed_claim_form").first()
    if claim is None or not claim.claim_number:
        return []
    document = claim.sealed_claim_form or claim_form_seal(claim_id=claim.pk)
    return [(document.filename, document_read(document=document))]


def claims_unsealed_seal() -> int:
    """The beat job: seal every issued claim still without its form (a lost task)."""
    ids = list(
        Claim.objects.filter(claim_number__isnull=False, sealed_claim_form__isnull=True)
        .exclude(status=ClaimStatus.CLOSED_NOT_ISSUED)
        .values_list("pk", flat=True)[:200]
    )
    for claim_id in ids:
        claim_form_seal(claim_id=claim_id)
    return len(ids)


def claims_stale_close(*, now=None) -> int:
    """The beat job: a claim never issued (fee unpaid, or the claimant never answered a
    Help with Fees decision) for ``CLAIM_STALE_DAYS`` is closed without being issued.
    Claims waiting for a caseworker's Help with Fees decision are left for the caseworker."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=CLAIM_STALE_DAYS)
    ids = list(
        Claim.objects.filter(
            status__in=(ClaimStatus.AWAITING_PAYMENT, ClaimStatus.HWF_AWAITING_CLAIMANT),
            status_changed_at__lt=cutoff,
        ).values_list("pk", flat=True)[:500]
    )
    closed = 0
    for claim_id in ids:
        with transaction.atomic():
            claim = locked(Claim, claim_id)
            if claim.status_changed_at >= cutoff or not transition_allowed(
                claim, ClaimStatus.CLOSED_NOT_ISSUED
            ):
                continue
            transition_apply(
                claim,
                to=ClaimStatus.CLOSED_NOT_ISSUED,
                stamp="closed",
                action="claim.closed_not_issued",
                service=AUDIT_SERVICE,
            )
            closed += 1
    return closed
