"""Sending a stored document to the browser. Only views that have checked who is
asking call this: ``views.document_download`` and a service's own views whose
access rules reach further (a case sent without an account, opened through a
signed link)."""

from __future__ import annotations

from django.http import FileResponse
from django.utils.cache import add_never_cache_headers

from .models import Document
from .services import document_open


def document_response(*, document: Document, as_attachment: bool = True) -> FileResponse:
    """Stream the file with its media type and download name; never cached.

    Raises FileNotFoundError when the stored file is missing."""
    response = FileResponse(
        document_open(document=document),
        as_attachment=as_attachment,
        filename=document.filename,
        content_type=document.media_type,
    )
    response["Content-Length"] = str(document.size)
    response["X-Content-Type-Options"] = "nosniff"
    add_never_cache_headers(response)
    return response
