"""Stored files (letter PDFs, receipts) are deleted by the retention job after their date."""

import datetime as dt

import pytest
import time_machine
from django.apps import apps

from digital_services.privacy.retention import retention_run

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not apps.is_installed("digital_services.documents"), reason="no documents app"
    ),
]

NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


def test_letter_pdfs_past_their_deletion_date_are_deleted_with_their_files(
    django_capture_on_commit_callbacks,
):
    from digital_services.documents.models import Document
    from digital_services.documents.services import document_store, documents_storage

    with time_machine.travel(NOW, tick=False):
        old = document_store(
            content=b"%PDF-1.4 Zebedee Quartermain, 17 Quince Lane",
            kind="letter_batch",
            content_type="application/pdf",
            filename="letters.pdf",
            delete_after=dt.date(2026, 12, 1),
        )
        kept = document_store(
            content=b"%PDF-1.4 receipt",
            kind="receipt",
            content_type="application/pdf",
            filename="receipt.pdf",
        )

    with time_machine.travel(dt.datetime(2026, 12, 2, 3, 15, tzinfo=dt.UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            counts = retention_run(keys={"documents.files"})

    assert counts["documents.files"] == 1
    assert not Document.objects.filter(pk=old.pk).exists()
    assert not documents_storage().exists(old.storage_name)
    assert Document.objects.filter(pk=kept.pk).exists()


def test_a_fees_receipt_goes_when_the_fee_is_anonymised(django_capture_on_commit_callbacks):
    """The receipt PDF shows the tribunal case number the rule blanks: it goes too."""
    from digital_services.documents.models import Document
    from digital_services.documents.services import documents_storage
    from tests.tribunal_fees.factories import PaidFeeCaseFactory
    from tribunal_fees.receipts import fee_receipt_document

    with time_machine.travel(NOW, tick=False):
        fee_case = PaidFeeCaseFactory(case_number="1234567/2016", email="p@example.com")
        receipt = fee_receipt_document(fee_case=fee_case)
        assert b"1234567/2016" in documents_storage().open(receipt.storage_name).read()

    with time_machine.travel(NOW + dt.timedelta(days=3000), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            counts = retention_run(keys={"tribunal_fees.fee_cases"})

    assert counts["tribunal_fees.fee_cases"] == 1
    fee_case.refresh_from_db()
    assert (fee_case.case_number, fee_case.email) == ("", "")
    assert not Document.objects.filter(pk=receipt.pk).exists()
    assert not documents_storage().exists(receipt.storage_name)
