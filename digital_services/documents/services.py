"""Writes for the document store: store bytes, open them, delete them.

Bytes go through Django's storage API (``storages["documents"]``) only, so that moving
from the local disk to S3 is a settings change. A row is written after its file; a
file is deleted after its row is committed, so a rolled-back delete loses nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid
from pathlib import PurePosixPath

from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import models, transaction
from django.utils import timezone
from django.utils.http import content_disposition_header

from .constants import (
    FILENAME_MAX_LENGTH,
    MEDIA_TYPE_EXTENSIONS,
    STORAGE_ALIAS,
    DocumentKind,
)
from .models import Document

logger = logging.getLogger(__name__)


def documents_storage():
    return storages[STORAGE_ALIAS]


def _clean_filename(filename: str, extension: str) -> str:
    """The last path part of ``filename``, without control characters, quotes or
    separators, ending in the extension of its media type."""
    name = PurePosixPath(str(filename).replace("\\", "/")).name
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '"/\\;')
    stem = name[: -len(extension)] if name.lower().endswith(extension) else name
    stem = stem.strip(" .") or "document"
    return stem[: FILENAME_MAX_LENGTH - len(extension)] + extension


def document_store(
    *,
    content: bytes,
    kind: str,
    content_type: str,
    filename: str,
    owner=None,
    case: models.Model | None = None,
    delete_after: dt.date | None = None,
) -> Document:
    """Write ``content`` to the documents storage and record it; return the Document.

    ``content_type`` is the media type it will be served with; ``filename`` is the
    name offered on download (the storage name is random and says nothing about
    the person). ``owner`` may download it; staff may when they hold the view
    permission of ``case``'s model. ``delete_after`` is when the nightly retention
    job deletes it (rule "documents.files"); None: when its case is deleted, see
    ``documents_delete_for``.

    Raises ValueError for empty content, an unknown kind or a media type we do not
    serve, and for a ``case`` that is not saved.
    """
    if not isinstance(content, bytes | bytearray) or not content:
        raise ValueError("A document needs some content.")
    if kind not in DocumentKind.values:
        raise ValueError(f"Unknown document kind {kind!r}.")
    extension = MEDIA_TYPE_EXTENSIONS.get(content_type)
    if extension is None:
        raise ValueError(f"Documents of type {content_type!r} are not stored.")
    if case is not None and case.pk is None:
        raise ValueError("Save the case before storing a document for it.")

    now = timezone.now()
    name = f"{kind}/{now:%Y/%m}/{uuid.uuid4().hex}{extension}"
    storage = documents_storage()
    stored_name = storage.save(name, ContentFile(bytes(content)))
    try:
        return Document.objects.create(
            kind=kind,
            owner=owner,
            content_type=ContentType.objects.get_for_model(case) if case is not None else None,
            object_id=str(case.pk) if case is not None else "",
            filename=_clean_filename(filename, extension),
            media_type=content_type,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            storage_name=stored_name,
            delete_after=delete_after,
        )
    except BaseException:
        storage.delete(stored_name)
        raise


def document_open(*, document: Document) -> File:
    """The stored bytes, opened for reading (the caller closes it, or hands it to a
    FileResponse, which does). Raises FileNotFoundError when the file is gone."""
    return documents_storage().open(document.storage_name, "rb")


def document_url_presigned(*, document: Document, seconds: int, as_attachment: bool = True) -> str:
    """A URL the browser can fetch ``document`` from for the next ``seconds`` seconds,
    signed by the storage (S3): it names the object, not the person, and serves it with
    its own media type and download name. Only for views that have checked access.

    Raises NotImplementedError when the documents storage cannot sign URLs (the local
    filesystem of ``make run``)."""
    storage = documents_storage()
    if not hasattr(storage, "bucket_name"):
        raise NotImplementedError("The documents storage cannot make presigned URLs.")
    return storage.url(
        document.storage_name,
        parameters={
            "ResponseContentType": document.media_type,
            "ResponseContentDisposition": content_disposition_header(
                as_attachment, document.filename
            ),
            "ResponseCacheControl": "no-store",
        },
        expire=seconds,
    )


def document_read(*, document: Document) -> bytes:
    """All of the stored bytes, for code that needs them whole (small files only)."""
    with document_open(document=document) as handle:
        return handle.read()


def _delete_file(name: str) -> None:
    try:
        documents_storage().delete(name)
    except OSError:
        # The row is gone; a file left behind holds no link to anyone. Log it for a sweep.
        logger.warning("Could not delete stored document file %s", name, exc_info=True)


def document_delete(*, document: Document) -> None:
    """Delete the row now and its file once the transaction commits."""
    name = document.storage_name
    with transaction.atomic():
        Document.objects.filter(pk=document.pk).delete()
        transaction.on_commit(lambda: _delete_file(name))


def documents_delete_for(*, case: models.Model, kind: str | None = None) -> int:
    """Delete every document of ``case`` (of one ``kind``, when given): for services
    deleting or anonymising a case. Returns how many."""
    documents = Document.objects.filter(
        content_type=ContentType.objects.get_for_model(case), object_id=str(case.pk)
    )
    if kind is not None:
        documents = documents.filter(kind=kind)
    count = 0
    for document in documents:
        document_delete(document=document)
        count += 1
    return count
