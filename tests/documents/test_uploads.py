"""The platform's one check for uploaded files: empty, too big, and the magic bytes."""

import pytest

from digital_services.documents.uploads import (
    UPLOAD_MAX_BYTES,
    upload_media_type,
    upload_problem,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


@pytest.mark.parametrize(
    "content, media_type",
    [(PDF, "application/pdf"), (PNG, "image/png"), (JPEG, "image/jpeg")],
)
def test_a_pdf_jpeg_or_png_is_known_by_its_first_bytes(content, media_type):
    assert upload_media_type(content) == media_type
    assert upload_problem(content) is None


@pytest.mark.parametrize(
    "content",
    [
        b"<html><script>alert(1)</script>",
        b"GIF89a" + b"\x00" * 10,
        b"PK\x03\x04 a zip or docx",
        b" %PDF-1.4 with a space first",
        b"\x89PNG but cut short",
    ],
)
def test_other_bytes_are_refused_whatever_the_file_is_called(content):
    assert upload_media_type(content) is None
    assert upload_problem(content) == "The selected file must be a PDF, JPG or PNG"


def test_an_empty_file_is_refused():
    assert upload_problem(b"") == "The selected file is empty"


def test_size_is_checked_at_the_limit():
    at_limit = PDF + b"0" * (UPLOAD_MAX_BYTES - len(PDF))
    assert upload_problem(at_limit) is None
    assert upload_problem(at_limit + b"0") == "The selected file must be smaller than 10MB"
