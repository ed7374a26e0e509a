import io
import zipfile

import pytest
from django.db import transaction

from digital_services.audit.models import AuditEvent
from digital_services.documents.constants import DocumentKind
from digital_services.documents.services import document_read
from digital_services.notifications.constants import LetterBatchStatus, Status
from digital_services.notifications.models import LetterBatch
from digital_services.notifications.services import (
    TransitionNotAllowed,
    letter_batch_mark_printed,
    letter_batches_close,
)
from digital_services.notifications.tasks import letter_batch_render_task, notification_deliver

from .factories import LetterBatchFactory, OutboundMessageFactory, QueuedLetterFactory

pytestmark = pytest.mark.django_db
ADDRESS = "Ann Smith\n1 High Street\nCardiff\nCF10 1AA"


def _pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type /Page>")


@pytest.fixture
def renders_queued(monkeypatch):
    """Batch ids whose PDF task was queued, instead of a real broker."""
    from digital_services.notifications import tasks

    ids: list[int] = []
    monkeypatch.setattr(
        tasks.letter_batch_render_task, "apply_async", lambda args, **kw: ids.append(args[0])
    )
    return ids


@pytest.fixture
def close(django_capture_on_commit_callbacks, renders_queued):
    """Close batches as staff do, running what is queued on commit."""

    def close(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return letter_batches_close(**kwargs)

    return close


def test_a_letter_joins_the_open_print_batch_and_waits_there():
    first = OutboundMessageFactory(channel="letter", recipient=ADDRESS)
    second = OutboundMessageFactory(channel="letter", recipient=ADDRESS, language="cy")

    assert notification_deliver(first.pk) == "queued-for-print"
    assert notification_deliver(second.pk) == "queued-for-print"

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.SENDING
    assert first.letter_batch_id == second.letter_batch_id
    assert first.letter_batch.status == LetterBatchStatus.OPEN
    assert LetterBatch.objects.count() == 1


def test_closing_a_batch_closes_it_and_queues_its_pdf(staff_user, close, renders_queued):
    batch = LetterBatchFactory()
    QueuedLetterFactory(letter_batch=batch)

    assert close(batch_ids=[batch.pk], user=staff_user) == [batch]

    batch.refresh_from_db()
    assert batch.status == LetterBatchStatus.CLOSED
    assert batch.closed_by == staff_user
    assert batch.document is None  # made by the task, not on the staff member's request
    assert renders_queued == [batch.pk]
    assert AuditEvent.objects.filter(action="letter_batch.closed", object_id=str(batch.pk)).exists()


def test_the_pdf_task_stores_the_batch_as_a_set_of_letters_one_pdf_each(staff_user, close):
    batch = LetterBatchFactory()
    first = QueuedLetterFactory(letter_batch=batch)
    second = QueuedLetterFactory(letter_batch=batch, language="cy")
    QueuedLetterFactory(letter_batch=LetterBatchFactory(status=LetterBatchStatus.CLOSED))
    close(batch_ids=[batch.pk], user=staff_user)

    assert letter_batch_render_task(batch.pk) == "rendered"

    batch.refresh_from_db()
    document = batch.document
    assert document.kind == DocumentKind.LETTER_BATCH
    assert (document.media_type, document.owner, document.case) == ("application/zip", None, batch)
    assert document.delete_after is not None
    content = document_read(document=document)
    archive = zipfile.ZipFile(io.BytesIO(content))
    assert archive.namelist() == [f"letter-{first.pk}.pdf", f"letter-{second.pk}.pdf"]
    for name in archive.namelist():
        pdf = archive.read(name)
        assert pdf.startswith(b"%PDF")
        assert _pages(pdf) == 1
    assert document.size == len(content)


def test_the_pdf_task_makes_one_pdf_however_often_it_runs(staff_user, close):
    letter = QueuedLetterFactory()
    close(batch_ids=[letter.letter_batch_id], user=staff_user)
    assert letter_batch_render_task(letter.letter_batch_id) == "rendered"
    first = LetterBatch.objects.get(pk=letter.letter_batch_id).document_id

    assert letter_batch_render_task(letter.letter_batch_id) == "skipped"
    assert LetterBatch.objects.get(pk=letter.letter_batch_id).document_id == first


def test_the_pdf_task_skips_a_batch_still_open_or_gone():
    batch = QueuedLetterFactory().letter_batch
    assert letter_batch_render_task(batch.pk) == "skipped"
    assert letter_batch_render_task(batch.pk + 1000) == "skipped"
    batch.refresh_from_db()
    assert batch.document is None


def test_closing_again_queues_only_batches_without_a_pdf(staff_user, close, renders_queued):
    letter = QueuedLetterFactory()
    close(batch_ids=[letter.letter_batch_id], user=staff_user)
    letter_batch_render_task(letter.letter_batch_id)

    assert close(batch_ids=[letter.letter_batch_id], user=staff_user) == []
    assert renders_queued == [letter.letter_batch_id]


def test_letters_queued_after_a_download_start_a_new_batch(staff_user, close):
    letter = QueuedLetterFactory()
    close(batch_ids=[letter.letter_batch_id], user=staff_user)

    later = OutboundMessageFactory(channel="letter", recipient=ADDRESS)
    notification_deliver(later.pk)

    later.refresh_from_db()
    assert later.letter_batch_id != letter.letter_batch_id
    assert later.letter_batch.status == LetterBatchStatus.OPEN


def test_marking_a_downloaded_batch_printed_marks_its_letters_sent(staff_user, close):
    letter = QueuedLetterFactory()
    batch = letter.letter_batch
    close(batch_ids=[batch.pk], user=staff_user)

    assert letter_batch_mark_printed(batch_id=batch.pk, user=staff_user) == 1

    letter.refresh_from_db()
    batch.refresh_from_db()
    assert letter.status == Status.SENT
    assert letter.sent_at is not None
    assert batch.status == LetterBatchStatus.PRINTED
    assert batch.printed_by == staff_user
    event = AuditEvent.objects.get(action="letter_batch.printed")
    assert (event.object_id, event.actor, event.detail) == (
        str(batch.pk),
        staff_user,
        {"from": "closed", "letters": 1},
    )


@pytest.mark.parametrize("status", [LetterBatchStatus.OPEN, LetterBatchStatus.PRINTED])
def test_only_a_downloaded_batch_can_be_marked_printed(staff_user, status):
    letter = QueuedLetterFactory(letter_batch=LetterBatchFactory(status=status))
    with pytest.raises(TransitionNotAllowed):
        letter_batch_mark_printed(batch_id=letter.letter_batch_id, user=staff_user)
    letter.refresh_from_db()
    assert letter.status == Status.SENDING


def test_closing_an_empty_batch_is_refused(staff_user, close, renders_queued):
    batch = LetterBatchFactory()
    with pytest.raises(ValueError, match="no letters"):
        close(batch_ids=[batch.pk], user=staff_user)
    batch.refresh_from_db()
    assert batch.status == LetterBatchStatus.OPEN
    assert renders_queued == []


def test_there_is_only_ever_one_open_batch():
    from django.db import IntegrityError

    LetterBatchFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        LetterBatchFactory()


def test_welsh_letters_use_a_font_with_w_and_y_circumflex():
    from reportlab.pdfbase import pdfmetrics

    from digital_services.notifications.letters import letter_font

    font = pdfmetrics.getFont(letter_font())
    if letter_font() == "Helvetica":
        pytest.fail("No TrueType font with Welsh letters found: install fonts-dejavu-core")
    assert 0x0175 in font.face.charToGlyph  # ŵ
    assert 0x0177 in font.face.charToGlyph  # ŷ
