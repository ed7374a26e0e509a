"""Reads for the document store, narrowed to what the viewer may open."""

from __future__ import annotations

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet

from digital_services.core.queries import CompiledQuery

from .models import Document

#: The permission staff need for a document that belongs to no case.
STAFF_PERMISSION_WITHOUT_CASE = "documents.view_document"


def document_staff_permissions(*, document: Document) -> tuple[str, ...]:
    """The permissions that let a member of staff open ``document``: viewing (or
    changing) the model of the case it belongs to, the same permissions that open
    that case in the admin."""
    if document.content_type_id is None:
        return (STAFF_PERMISSION_WITHOUT_CASE,)
    content_type = ContentType.objects.get_for_id(document.content_type_id)
    return tuple(
        f"{content_type.app_label}.{action}_{content_type.model}" for action in ("view", "change")
    )


def document_opened_as_staff(*, document: Document, user) -> bool:
    """True when ``user`` may open ``document`` as staff (not as its owner)."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and any(user.has_perm(perm) for perm in document_staff_permissions(document=document))
    )


def document_may_open(*, document: Document, user) -> bool:
    """The owner may open their document; staff may with the permission for its case."""
    if not user.is_authenticated or not user.is_active:
        return False
    if document.owner_id is not None and document.owner_id == user.pk:
        return True
    return document_opened_as_staff(document=document, user=user)


def document_get_for_viewer(*, public_id: uuid.UUID, user) -> Document | None:
    """The document with this public id if ``user`` may open it, else None (as if it
    did not exist, so that nobody learns which ids are real)."""
    document = Document.objects.filter(public_id=public_id).first()
    if document is None or not document_may_open(document=document, user=user):
        return None
    return document


def _documents_of(*, content_type_id: int, object_id: str) -> QuerySet[Document]:
    return Document.objects.filter(content_type_id=content_type_id, object_id=object_id)


def document_list_about(*, case: Model, kind: str | None = None) -> QuerySet[Document]:
    """The documents of one case, newest first."""
    documents = _documents_of(
        content_type_id=ContentType.objects.get_for_model(case).pk, object_id=str(case.pk)
    )
    return documents.filter(kind=kind) if kind is not None else documents


#: ``documents_about``'s queries, one an order, each built once per process.
_DOCUMENTS_ABOUT: dict[tuple[str, ...], CompiledQuery] = {}


def documents_about(*, case: Model, order_by: tuple[str, ...] = ()) -> list[Document]:
    """``list(document_list_about(case=case).order_by(*order_by))`` (the model's order when
    none is given), its SQL built once per process: a case page lists its case's documents
    on every opening, and Django compiled the query each time."""
    query = _DOCUMENTS_ABOUT.get(order_by)
    if query is None:
        query = _DOCUMENTS_ABOUT[order_by] = CompiledQuery(
            lambda **ids: (
                _documents_of(**ids).order_by(*order_by) if order_by else _documents_of(**ids)
            )
        )
    return query.rows(
        content_type_id=ContentType.objects.get_for_model(case).pk, object_id=str(case.pk)
    )
