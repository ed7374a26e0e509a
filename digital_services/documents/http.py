"""Sending a stored document to the browser. Only views that have checked who is
asking call this: ``views.document_download`` and a service's own views whose
access rules reach further (a case sent without an account, opened through a
signed link)."""

from __future__ import annotations

from django.conf import settings
from django.http import FileResponse, HttpResponseRedirect
from django.utils.cache import add_never_cache_headers

from .models import Document
from .services import document_open, document_url_presigned


def document_response(
    *, document: Document, as_attachment: bool = True
) -> FileResponse | HttpResponseRedirect:
    """Stream the file with its media type and download name; never cached.

    With ``DOCUMENTS_PRESIGNED_URL_SECONDS`` set (S3), redirect instead to a presigned
    URL that expires after that many seconds, so the bytes do not pass through the web
    pod; the bucket itself stays private.

    Raises FileNotFoundError when the stored file is missing (streaming only: a
    presigned URL to a missing object answers 404 from the bucket)."""
    seconds = settings.DOCUMENTS_PRESIGNED_URL_SECONDS
    if seconds > 0:
        response = HttpResponseRedirect(
            document_url_presigned(document=document, seconds=seconds, as_attachment=as_attachment)
        )
        add_never_cache_headers(response)
        return response
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
