"""Storing, reading and deleting documents: bytes in the storage, never in the database."""

import hashlib

import pytest
from django.apps import apps
from django.core.files.storage import storages
from django.db import models

from digital_services.documents.constants import DocumentKind
from digital_services.documents.models import Document
from digital_services.documents.selectors import document_list_about
from digital_services.documents.services import (
    document_delete,
    document_read,
    document_store,
    documents_delete_for,
)

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n% a small test file\n%%EOF\n"


def _store(**kwargs):
    return document_store(
        **{
            "content": PDF,
            "kind": DocumentKind.RECEIPT,
            "content_type": "application/pdf",
            "filename": "receipt.pdf",
            **kwargs,
        }
    )


def test_storing_a_document_records_its_size_and_sha256(citizen):
    document = _store(owner=citizen)

    document.refresh_from_db()
    assert document.size == len(PDF)
    assert document.sha256 == hashlib.sha256(PDF).hexdigest()
    assert (document.kind, document.media_type, document.owner) == (
        "receipt",
        "application/pdf",
        citizen,
    )
    assert storages["documents"].exists(document.storage_name)


def test_stored_content_reads_back_unchanged():
    content = bytes(range(256)) * 40
    document = _store(content=content, content_type="image/png", filename="scan.png")
    assert document_read(document=document) == content


def test_the_storage_name_is_random_and_the_download_name_is_cleaned(citizen):
    first = _store(filename='../../etc/Ann Smith\'s "claim".pdf')
    second = _store(filename='../../etc/Ann Smith\'s "claim".pdf')

    assert first.filename == "Ann Smith's claim.pdf"
    assert "Ann" not in first.storage_name
    assert first.storage_name.startswith("receipt/") and first.storage_name.endswith(".pdf")
    assert first.storage_name != second.storage_name


def test_the_download_name_gets_the_extension_of_its_media_type():
    assert _store(filename="letter").filename == "letter.pdf"
    assert _store(filename="").filename == "document.pdf"


def test_a_document_is_filed_under_its_case(citizen, other_citizen):
    mine = _store(case=citizen)
    _store(case=other_citizen)
    _store(case=citizen, kind=DocumentKind.LETTER)

    assert mine.case == citizen
    assert list(document_list_about(case=citizen, kind=DocumentKind.RECEIPT)) == [mine]
    assert document_list_about(case=citizen).count() == 2


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"content": b""}, "needs some content"),
        ({"kind": "passport"}, "Unknown document kind"),
        ({"content_type": "text/html"}, "not stored"),
    ],
)
def test_storing_refuses_what_it_cannot_serve_safely(changes, message):
    with pytest.raises(ValueError, match=message):
        _store(**changes)
    assert not Document.objects.exists()


def test_deleting_a_document_removes_its_file_after_commit(django_capture_on_commit_callbacks):
    document = _store()
    name = document.storage_name

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document_delete(document=document)
    assert not Document.objects.filter(pk=document.pk).exists()
    assert storages["documents"].exists(name)  # kept until the delete is committed

    for callback in callbacks:
        callback()
    assert not storages["documents"].exists(name)


def test_deleting_a_case_s_documents_leaves_the_others(
    citizen, other_citizen, django_capture_on_commit_callbacks
):
    _store(case=citizen)
    _store(case=citizen)
    other = _store(case=other_citizen)

    with django_capture_on_commit_callbacks(execute=True):
        assert documents_delete_for(case=citizen) == 2

    assert list(Document.objects.all()) == [other]


def test_no_model_keeps_file_bytes_in_a_database_column():
    binary = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.BinaryField)
    ]
    assert binary == [], "Store files with digital_services.documents.services.document_store"
