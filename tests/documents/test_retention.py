"""The nightly retention job deletes a document, and its object in the storage, once the
case it belongs to is gone, even when the service that deleted the case did not."""

import pytest
from django.contrib.auth.models import Group

from digital_services.documents.constants import DocumentKind
from digital_services.documents.models import Document
from digital_services.documents.services import document_store, documents_storage
from digital_services.privacy.retention import retention_run

pytestmark = pytest.mark.django_db


def _store(case):
    return document_store(
        content=b"%PDF-1.4 a form",
        kind=DocumentKind.RECEIPT,
        content_type="application/pdf",
        filename="form.pdf",
        case=case,
    )


def test_a_document_whose_case_was_deleted_goes_with_its_file(django_capture_on_commit_callbacks):
    gone_case = Group.objects.create(name="a case that will be deleted")
    kept_case = Group.objects.create(name="a case that stays")
    orphan, kept, no_case = _store(gone_case), _store(kept_case), _store(None)
    gone_case.delete()

    with django_capture_on_commit_callbacks(execute=True):
        counts = retention_run(keys={"documents.files"})

    assert counts["documents.files"] == 1
    assert set(Document.objects.values_list("pk", flat=True)) == {kept.pk, no_case.pk}
    assert not documents_storage().exists(orphan.storage_name)
    assert documents_storage().exists(kept.storage_name)


def test_nothing_is_deleted_while_every_case_exists(django_capture_on_commit_callbacks):
    case = Group.objects.create(name="a case")
    document = _store(case)

    with django_capture_on_commit_callbacks(execute=True):
        counts = retention_run(keys={"documents.files"})

    assert counts["documents.files"] == 0
    assert Document.objects.filter(pk=document.pk).exists()
