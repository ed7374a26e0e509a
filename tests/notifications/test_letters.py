import pytest
from django.db import transaction

from digital_services.audit.models import AuditEvent
from digital_services.notifications.constants import LetterBatchStatus, Status
from digital_services.notifications.models import LetterBatch
from digital_services.notifications.services import (
    TransitionNotAllowed,
    letter_batch_mark_printed,
    letter_batches_download,
)
from digital_services.notifications.tasks import notification_deliver

from .factories import LetterBatchFactory, OutboundMessageFactory, QueuedLetterFactory

pytestmark = pytest.mark.django_db
ADDRESS = "Ann Smith\n1 High Street\nCardiff\nCF10 1AA"


def _pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type /Page>")


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


def test_downloading_a_batch_gives_one_pdf_page_per_letter_and_closes_the_batch(staff_user):
    batch = LetterBatchFactory()
    QueuedLetterFactory(letter_batch=batch)
    QueuedLetterFactory(letter_batch=batch, language="cy")
    QueuedLetterFactory(letter_batch=LetterBatchFactory(status=LetterBatchStatus.CLOSED))

    pdf = letter_batches_download(batch_ids=[batch.pk], user=staff_user)

    assert pdf.startswith(b"%PDF")
    assert _pages(pdf) == 2
    batch.refresh_from_db()
    assert batch.status == LetterBatchStatus.CLOSED
    assert batch.closed_by == staff_user


def test_letters_queued_after_a_download_start_a_new_batch(staff_user):
    letter = QueuedLetterFactory()
    letter_batches_download(batch_ids=[letter.letter_batch_id], user=staff_user)

    later = OutboundMessageFactory(channel="letter", recipient=ADDRESS)
    notification_deliver(later.pk)

    later.refresh_from_db()
    assert later.letter_batch_id != letter.letter_batch_id
    assert later.letter_batch.status == LetterBatchStatus.OPEN


def test_marking_a_downloaded_batch_printed_marks_its_letters_sent(staff_user):
    letter = QueuedLetterFactory()
    batch = letter.letter_batch
    letter_batches_download(batch_ids=[batch.pk], user=staff_user)

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


def test_an_empty_download_is_refused(staff_user):
    batch = LetterBatchFactory()
    with pytest.raises(ValueError, match="no letters"):
        letter_batches_download(batch_ids=[batch.pk], user=staff_user)


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
