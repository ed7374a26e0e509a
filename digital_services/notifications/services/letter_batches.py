"""Letter batches: open, close, render and mark printed."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import timedelta
from functools import partial

from django.db import (
    IntegrityError,
    transaction,
)
from django.utils import timezone

from digital_services.core.registry import service_for_app
from digital_services.core.transitions import (
    transition_apply,
)
from digital_services.documents.constants import DocumentKind
from digital_services.documents.models import Document
from digital_services.documents.services import document_store

from ..constants import (
    Channel,
    LetterBatchStatus,
    Status,
)
from ..letters import LETTER_BATCH_PDF_RETENTION_DAYS, letter_for_message, letters_zip
from ..models import LetterBatch, OutboundMessage
from .common import _outbox_move, logger

# ---------------------------------------------------------------- letter batches


def _letter_batch_open() -> LetterBatch:
    """The batch new letters join (locked), created when there is none. Call inside a transaction."""
    batch = LetterBatch.objects.select_for_update().filter(status=LetterBatchStatus.OPEN).first()
    if batch is not None:
        return batch
    try:
        with transaction.atomic():
            return LetterBatch.objects.create()
    except IntegrityError:
        return LetterBatch.objects.select_for_update().get(status=LetterBatchStatus.OPEN)


def letter_batches_close(*, batch_ids: Iterable[int], user, request=None) -> list[LetterBatch]:
    """Close the batches for printing and have their PDFs made in the background.

    An open batch is closed first, so the letters printed are exactly the letters in
    the PDF; new letters start a new batch. A closed batch whose PDF is missing (not
    made yet, or deleted after its retention date) is queued again. Returns the
    batches queued. Raises ValueError when the batches hold no letters.
    """
    now = timezone.now()
    with transaction.atomic():
        batches = list(
            LetterBatch.objects.select_for_update()
            .filter(pk__in=list(batch_ids))
            .exclude(status=LetterBatchStatus.PRINTED)
            .order_by("pk")
        )
        if not OutboundMessage.objects.filter(
            letter_batch__in=batches, channel=Channel.LETTER
        ).exists():
            raise ValueError("There are no letters to print in these batches")
        queued = []
        for batch in batches:
            if batch.status == LetterBatchStatus.OPEN:
                transition_apply(
                    batch,
                    to=LetterBatchStatus.CLOSED,
                    fields={"closed_at": now, "closed_by": user},
                    action="letter_batch.closed",
                    actor=user,
                    request=request,
                )
            if batch.document_id is None:
                transaction.on_commit(partial(letter_batch_render_enqueue, batch_id=batch.pk))
                queued.append(batch)
    return queued


def letter_batch_render_enqueue(*, batch_id: int) -> bool:
    """Queue the task that makes a batch's PDF. Never raises: staff can ask again."""
    from ..tasks import letter_batch_render_task

    try:
        letter_batch_render_task.apply_async(args=[batch_id])
    except Exception:
        logger.warning("Could not queue the PDF of letter batch %s", batch_id, exc_info=True)
        return False
    return True


def _with_enclosures(printed, message):
    """The letter with the PDFs its service prints behind it (``Service.letter_enclosures``)."""
    service = service_for_app(message.service) if message.service else None
    if service is None or service.letter_enclosures is None:
        return printed
    return dataclasses.replace(printed, enclosures=tuple(service.letter_enclosures(message)))


def letter_batch_render(*, batch_id: int) -> Document | None:
    """Make the file of a closed batch (a ZIP of one PDF per letter, each laid out to
    the precompiled letter specification and at most 10 pages) and keep it in the
    document store, for staff to download from the batch's admin page. Returns the
    document, or None when the batch is gone, still open, printed, or already has one
    (so running the task twice makes one file). Raises ValueError when the batch holds
    no letters, ``LetterLayoutError`` naming a letter that cannot be laid out."""
    with transaction.atomic():
        batch = LetterBatch.objects.select_for_update().filter(pk=batch_id).first()
        if batch is None or batch.status != LetterBatchStatus.CLOSED or batch.document_id:
            return None
        items = [
            _with_enclosures(letter_for_message(letter), letter)
            for letter in OutboundMessage.objects.filter(
                letter_batch=batch, channel=Channel.LETTER
            ).order_by("pk")
        ]
        document = document_store(
            content=letters_zip(items),
            kind=DocumentKind.LETTER_BATCH,
            content_type="application/zip",
            filename=f"letters-batch-{batch.pk}.zip",
            case=batch,
            delete_after=timezone.localdate() + timedelta(days=LETTER_BATCH_PDF_RETENTION_DAYS),
        )
        batch.document = document
        batch.save(update_fields=["document"])
    return document


def letter_batch_mark_printed(*, batch_id: int, user, request=None) -> int:
    """Record that a downloaded batch was printed and posted: its letters become sent.
    Returns how many letters. Raises TransitionNotAllowed unless the batch was downloaded."""
    now = timezone.now()
    with transaction.atomic():
        batch = LetterBatch.objects.select_for_update().get(pk=batch_id)
        # A closed batch (locked) gains no letters, and its letters wait in sending.
        letters = OutboundMessage.objects.filter(letter_batch=batch, status=Status.SENDING)
        count = letters.count()
        transition_apply(
            batch,
            to=LetterBatchStatus.PRINTED,
            fields={"printed_at": now, "printed_by": user},
            action="letter_batch.printed",
            actor=user,
            request=request,
            detail={"letters": count},
        )
        for letter in letters.select_for_update():
            _outbox_move(letter, Status.SENT, sent_at=now)
    return count
