"""The one check for a file a citizen uploads: not empty, not too big, and really a PDF,
JPEG or PNG, known by its first bytes (the magic bytes), never by the name or the type
the browser gives. Services store what passes with ``services.document_store``."""

from __future__ import annotations

#: What we take, by the bytes a file of that type starts with.
UPLOAD_SIGNATURES = {
    b"%PDF-": "application/pdf",
    b"\xff\xd8\xff": "image/jpeg",
    b"\x89PNG\r\n\x1a\n": "image/png",
}
UPLOAD_MAX_BYTES = 10 * 1024 * 1024
UPLOAD_ACCEPT = ".pdf,.jpg,.jpeg,.png"  # the file input's ``accept``: a hint, not a check


def upload_media_type(content: bytes) -> str | None:
    """The media type of an uploaded file, from its first bytes (None: not one we take)."""
    for signature, media_type in UPLOAD_SIGNATURES.items():
        if content.startswith(signature):
            return media_type
    return None


def upload_problem(content: bytes, *, max_bytes: int = UPLOAD_MAX_BYTES) -> str | None:
    """The GOV.UK error for an uploaded file, or None when it may be stored."""
    if not content:
        return "The selected file is empty"
    if len(content) > max_bytes:
        return f"The selected file must be smaller than {max_bytes // (1024 * 1024)}MB"
    if upload_media_type(content) is None:
        return "The selected file must be a PDF, JPG or PNG"
    return None
