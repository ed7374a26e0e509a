"""Letters as PDF, for people we cannot email: one A4 letter per message, one PDF per batch.

The address sits where a DL window envelope shows it. The font must have the
Welsh letters ŵ and ŷ, which reportlab's built-in fonts lack: we use DejaVu Sans
when it is installed (Debian: fonts-dejavu-core) or NOTIFICATIONS_LETTER_FONT.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import timezone
from django.utils.translation import override
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

from digital_services.core.dates import date_format

from .registry import RenderedMessage

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
)
FALLBACK_FONT = "Helvetica"
#: Days a batch's PDF is kept in the document store: long enough to print it again
#: if a page is spoiled or lost, short enough not to keep addresses we no longer need.
LETTER_BATCH_PDF_RETENTION_DAYS = 30


@cache
def letter_font() -> str:
    """The registered font name to write letters in."""
    configured = getattr(settings, "NOTIFICATIONS_LETTER_FONT", "")
    for candidate in ([configured] if configured else []) + list(FONT_CANDIDATES):
        if candidate and Path(candidate).is_file():
            pdfmetrics.registerFont(TTFont("LetterFont", candidate))
            return "LetterFont"
    return FALLBACK_FONT


def _styles():
    font = letter_font()
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=15, spaceAfter=8)
    return {
        "address": ParagraphStyle("address", parent=body, spaceAfter=0),
        "date": ParagraphStyle("date", parent=body, spaceBefore=12),
        "subject": ParagraphStyle("subject", parent=body, fontSize=14, leading=18, spaceBefore=6),
        "body": body,
        "reference": ParagraphStyle("reference", parent=body, fontSize=9, leading=12),
    }


def _paragraph(text: str, style) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def letters_pdf(letters: Iterable[tuple[list[str], RenderedMessage, str, str]]) -> bytes:
    """One PDF with each letter starting on a new page.

    Each item is (address lines, rendered message, language, reference).
    Raises ValueError when there are no letters, since an empty batch cannot be printed.
    """
    styles = _styles()
    story: list = []
    today = timezone.localdate()
    for index, (address_lines, rendered, language, reference) in enumerate(letters):
        if index:
            story.append(PageBreak())
        # Top of the DL envelope window: about 45 mm down, 20 mm in.
        story.append(Spacer(1, 25 * mm))
        for line in address_lines:
            story.append(_paragraph(line, styles["address"]))
        story.append(Spacer(1, 20 * mm))
        with override(language):
            story.append(_paragraph(date_format(today), styles["date"]))
        if reference:
            story.append(_paragraph(reference, styles["reference"]))
        story.append(_paragraph(rendered.subject, styles["subject"]))
        for paragraph in rendered.paragraphs:
            story.append(_paragraph(paragraph, styles["body"]))
    if not story:
        raise ValueError("There are no letters to print")
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title="Letters to print",
        author="Ministry of Justice",
        pageCompression=0,
    )
    document.build(story)
    return buffer.getvalue()
