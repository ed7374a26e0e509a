"""Letters and receipts are documents in the store, served through access-checked views."""

import pytest
from django.urls import reverse

from digital_services.documents.constants import DocumentKind
from digital_services.documents.models import Document
from digital_services.documents.services import document_read
from digital_services.notifications.constants import LetterBatchStatus
from digital_services.notifications.services import letter_batches_close
from digital_services.notifications.tasks import letter_batch_render_task
from tests.notifications.conftest import _test_templates  # noqa: F401  (registers them)
from tests.notifications.factories import LetterBatchFactory, QueuedLetterFactory
from tests.tribunal_fees.factories import FeeCaseFactory, PaidFeeCaseFactory
from tribunal_fees.receipts import fee_receipt_document

from .conftest import sign_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_test_templates")]


def test_a_letter_batch_pdf_is_a_document_staff_download_from_the_admin(
    client, make_staff, django_capture_on_commit_callbacks, monkeypatch
):
    from digital_services.notifications import tasks

    queued = []
    monkeypatch.setattr(
        tasks.letter_batch_render_task, "apply_async", lambda args, **kw: queued.append(args[0])
    )
    batch = LetterBatchFactory()
    QueuedLetterFactory(letter_batch=batch)
    printer = make_staff("notifications.view_letterbatch", "notifications.change_letterbatch")
    with django_capture_on_commit_callbacks(execute=True):
        letter_batches_close(batch_ids=[batch.pk], user=printer)
    letter_batch_render_task(*queued)

    batch.refresh_from_db()
    assert batch.status == LetterBatchStatus.CLOSED
    assert batch.document.kind == DocumentKind.LETTER_BATCH
    url = reverse("documents:download", args=[batch.document.public_id])
    page = sign_in(client, printer).get(
        reverse("admin:notifications_letterbatch_change", args=[batch.pk])
    )
    assert url in page.text
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"  # one PDF per letter (#22)
    assert b"".join(response.streaming_content).startswith(b"PK")


def test_the_receipt_pdf_is_stored_once_and_served_from_the_store(client, citizen):
    fee_case = PaidFeeCaseFactory(user=citizen)
    sign_in(client, citizen, second_factor=False)

    first = client.get(reverse("tribunal_fees:fee-receipt-pdf", args=[fee_case.reference]))
    second = client.get(reverse("tribunal_fees:fee-receipt-pdf", args=[fee_case.reference]))

    document = Document.objects.get(kind=DocumentKind.RECEIPT)
    assert (document.owner, document.case) == (citizen, fee_case)
    assert first["Content-Type"] == "application/pdf"
    assert (
        first["Content-Disposition"] == f'attachment; filename="receipt-{fee_case.reference}.pdf"'
    )
    body = b"".join(first.streaming_content)
    assert body == document_read(document=document) == b"".join(second.streaming_content)
    assert fee_case.reference.encode() in body
    # Its owner can also download it from the document store's own address.
    direct = client.get(reverse("documents:download", args=[document.public_id]))
    assert b"".join(direct.streaming_content) == body


def test_the_receipt_pdf_of_someone_else_s_fee_is_not_found(client, citizen, other_citizen):
    fee_case = PaidFeeCaseFactory(user=other_citizen)
    document = fee_receipt_document(fee_case=fee_case)
    sign_in(client, citizen, second_factor=False)

    assert (
        client.get(reverse("tribunal_fees:fee-receipt-pdf", args=[fee_case.reference])).status_code
        == 404
    )
    assert client.get(reverse("documents:download", args=[document.public_id])).status_code == 404


def test_a_receipt_made_before_the_fee_changed_is_made_again(
    citizen, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    fee_case = PaidFeeCaseFactory(user=citizen)
    old = fee_receipt_document(fee_case=fee_case)
    fee_case.status_changed_at = timezone.now()
    fee_case.save(update_fields=["status_changed_at"])

    with django_capture_on_commit_callbacks(execute=True):
        new = fee_receipt_document(fee_case=fee_case)

    assert new.pk != old.pk
    assert list(Document.objects.all()) == [new]


def test_an_unpaid_fee_stores_no_receipt(client, citizen):
    fee_case = FeeCaseFactory(user=citizen)
    sign_in(client, citizen, second_factor=False)
    response = client.get(reverse("tribunal_fees:fee-receipt-pdf", args=[fee_case.reference]))
    assert response.status_code == 404
    assert not Document.objects.exists()
