"""Letters as PDF, for people we cannot email, laid out as a print provider takes them.

The layout follows GOV.UK Notify's precompiled letter specification (the rules its
template preview checks), so the same PDF suits our own print batches and Notify:

- nothing within 15 mm of the left and right edges or 5 mm of the top and bottom;
- on page 1, above 95 mm, only three areas may hold anything: the logo area (15 to
  125 mm across, 5 to 30 mm down: who the letter is from), the service address area
  (125 to 195 mm across, 5 to 95 mm down: our return address, phone number, the date
  and the reference) and the address block (24.6 mm from the left, 39.5 mm from the
  top, 95.4 x 26.8 mm: up to 7 lines, in a DL window envelope's window);
- the body starts at 95 mm on page 1;
- every font is embedded (a TrueType font with the Welsh letters ŵ and ŷ: DejaVu
  Sans from fonts-dejavu-core, or NOTIFICATIONS_LETTER_FONT), and nothing refers to
  a font that is not;
- at most 10 pages a letter.

A batch for printing is a set of letters, one PDF each (``letters_zip``), not one
long PDF. Every letter says who it is from (the service), how to reply by phone and
by post (CONTACT_PHONE, CONTACT_POSTAL_ADDRESS) and, when SITE_URL is https, where
to find us on line.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.translation import override
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from digital_services.core.dates import date_format

from .registry import RenderedMessage

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
)
FALLBACK_FONT = "Helvetica"
#: Days a batch's file is kept in the document store: long enough to print it again
#: if a page is spoiled or lost, short enough not to keep addresses we no longer need.
LETTER_BATCH_PDF_RETENTION_DAYS = 30

# The precompiled letter specification, in mm from the page's top left corner.
PAGE_WIDTH, PAGE_HEIGHT = 210.0, 297.0
BORDER_LEFT, BORDER_RIGHT, BORDER_TOP, BORDER_BOTTOM = 15.0, 195.0, 5.0, 292.0
LOGO_AREA = (15.0, 5.0, 125.0, 30.0)  # left, top, right, bottom
SERVICE_ADDRESS_AREA = (125.0, 5.0, 195.0, 95.0)
ADDRESS_AREA = (24.6, 39.5, 120.0, 66.3)
ADDRESS_MAX_LINES = 7
BODY_TOP = 95.0
LETTER_MAX_PAGES = 10

# Our layout inside those rules.
BODY_LEFT, BODY_RIGHT = 20.0, 190.0
BODY_BOTTOM = 278.0  # the page number sits below, above the 5 mm border
LATER_PAGES_TOP = 15.0
ADDRESS_FONT_SIZE, ADDRESS_MIN_FONT_SIZE, ADDRESS_LEADING = 9.0, 7.0, 10.0
SIDE_FONT_SIZE, SIDE_LEADING = 8.5, 10.5

LABELS = {
    "en": {
        "from": "Ministry of Justice",
        "phone": "Phone",
        "reference": "Reference",
        "page": "Page",
        "contact": "How to contact us",
        "contact_phone": "Phone us on {phone}. Have your reference ready.",
        "contact_post": "Write to us at: {address}.",
        "contact_online": "Or go to {url}",
    },
    "cy": {
        "from": "Y Weinyddiaeth Gyfiawnder",
        "phone": "Ffôn",
        "reference": "Cyfeirnod",
        "page": "Tudalen",
        "contact": "Sut i gysylltu â ni",
        "contact_phone": "Ffoniwch ni ar {phone}. Bydd angen eich cyfeirnod arnoch.",
        "contact_post": "Ysgrifennwch atom yn: {address}.",
        "contact_online": "Neu ewch i {url}",
    },
}


class LetterLayoutError(ValueError):
    """The letter cannot be laid out to the specification (too long, address too big)."""


@dataclass(frozen=True)
class Letter:
    """One letter to print: who to, what it says, and who it is from."""

    address_lines: list[str]
    rendered: RenderedMessage
    language: str = "en"
    reference: str = ""
    service_name: str = ""
    name: str = "letter"  # its file name in a batch, without ".pdf"
    #: PDFs printed behind the letter, as (file name, bytes): in the batch they follow it
    #: as "<name>-enclosure-<n>-<file name>", so the pack is collated in order.
    enclosures: tuple[tuple[str, bytes], ...] = ()


@cache
def letter_font() -> str:
    """The registered font name to write letters in (FALLBACK_FONT when no TrueType font
    is installed: other documents may use that, but letters refuse it)."""
    configured = getattr(settings, "NOTIFICATIONS_LETTER_FONT", "")
    for candidate in ([configured] if configured else []) + list(FONT_CANDIDATES):
        if candidate and Path(candidate).is_file():
            pdfmetrics.registerFont(TTFont("LetterFont", candidate))
            bold = Path(candidate).with_name(Path(candidate).stem + "-Bold.ttf")
            pdfmetrics.registerFont(
                TTFont("LetterFontBold", str(bold) if bold.is_file() else candidate)
            )
            return "LetterFont"
    return FALLBACK_FONT


def _fonts() -> tuple[str, str]:
    font = letter_font()
    if font == FALLBACK_FONT:
        raise ImproperlyConfigured(
            "Letters need a TrueType font to embed (a print provider refuses fonts that are "
            "not embedded): install fonts-dejavu-core or set NOTIFICATIONS_LETTER_FONT"
        )
    return font, "LetterFontBold"


def _y(mm_from_top: float) -> float:
    """reportlab measures up from the bottom of the page; the specification down from the top."""
    return (PAGE_HEIGHT - mm_from_top) * mm


def _labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["en"])


def _address_font_size(font: str, lines: list[str]) -> float:
    """The largest size (9pt down to 7pt) at which every line fits the address block."""
    width = (ADDRESS_AREA[2] - ADDRESS_AREA[0] - 1.0) * mm
    size = ADDRESS_FONT_SIZE
    while size >= ADDRESS_MIN_FONT_SIZE:
        if all(pdfmetrics.stringWidth(line, font, size) <= width for line in lines):
            return size
        size -= 0.5
    raise LetterLayoutError("An address line is too long to fit the envelope window")


def _draw_first_page(canvas, doc) -> None:
    letter: Letter = doc.letter
    font, bold = doc.fonts
    labels = _labels(letter.language)
    canvas.saveState()
    # Logo area: who the letter is from.
    left, top, right, _bottom = LOGO_AREA
    canvas.setFont(bold, 12)
    canvas.drawString((left + 5) * mm, _y(top + 8), labels["from"])
    if letter.service_name:
        canvas.setFont(font, 10)
        for index, line in enumerate(
            simpleSplit(letter.service_name, font, 10, (right - left - 10) * mm)[:2]
        ):
            canvas.drawString((left + 5) * mm, _y(top + 14 + index * 4.5), line)
    # Service address area: our return address, phone, the date and the reference.
    left, top, right, bottom = SERVICE_ADDRESS_AREA
    width = (right - left - 4) * mm
    lines = [*settings.CONTACT_POSTAL_ADDRESS, "", f"{labels['phone']}: {settings.CONTACT_PHONE}"]
    lines += ["", doc.date_text]
    if letter.reference:
        lines.append(f"{labels['reference']}: {letter.reference}")
    wrapped = [
        part for line in lines for part in (simpleSplit(line, font, SIDE_FONT_SIZE, width) or [""])
    ]
    baseline = top + 5
    canvas.setFont(font, SIDE_FONT_SIZE)
    for line in wrapped:
        if baseline > bottom - 3:
            raise LetterLayoutError(
                "The return address and reference do not fit beside the address"
            )
        canvas.drawString((left + 2) * mm, _y(baseline), line)
        baseline += SIDE_LEADING / mm
    # Address block, in the envelope window.
    left, top, _right, _bottom = ADDRESS_AREA
    size = doc.address_size
    ascent = pdfmetrics.getFont(font).face.ascent / 1000 * size / mm
    canvas.setFont(font, size)
    for index, line in enumerate(letter.address_lines):
        canvas.drawString(
            (left + 0.5) * mm, _y(top + 0.4 + ascent + index * ADDRESS_LEADING / mm), line
        )
    _draw_page_number(canvas, doc)
    canvas.restoreState()


def _draw_later_page(canvas, doc) -> None:
    canvas.saveState()
    _draw_page_number(canvas, doc)
    canvas.restoreState()


def _draw_page_number(canvas, doc) -> None:
    font, _bold = doc.fonts
    canvas.setFont(font, 8)
    canvas.drawString(
        BODY_LEFT * mm, _y(BORDER_BOTTOM - 4), f"{_labels(doc.letter.language)['page']} {doc.page}"
    )


def _styles(font: str, bold: str) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=14.5, spaceAfter=7)
    return {
        "subject": ParagraphStyle(
            "subject", parent=body, fontName=bold, fontSize=13, leading=17, spaceAfter=9
        ),
        "heading": ParagraphStyle(
            "heading", parent=body, fontName=bold, spaceBefore=8, spaceAfter=4
        ),
        "body": body,
    }


def _paragraph(text: str, style) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _contact_paragraphs(letter: Letter, styles) -> list[Paragraph]:
    """How to reply, on paper: by phone, by post and, when we have an https address, on line."""
    labels = _labels(letter.language)
    paragraphs = [
        _paragraph(labels["contact"], styles["heading"]),
        _paragraph(labels["contact_phone"].format(phone=settings.CONTACT_PHONE), styles["body"]),
        _paragraph(
            labels["contact_post"].format(address=", ".join(settings.CONTACT_POSTAL_ADDRESS)),
            styles["body"],
        ),
    ]
    if settings.SITE_URL.startswith("https://"):
        paragraphs.append(
            _paragraph(labels["contact_online"].format(url=settings.SITE_URL), styles["body"])
        )
    return paragraphs


def letter_pdf(letter: Letter) -> bytes:
    """One letter as a PDF laid out to the precompiled letter specification.

    Raises ``LetterLayoutError`` when the address has more than 7 lines or a line too
    long for the window, or the letter runs past 10 pages; ``ImproperlyConfigured``
    when no TrueType font is installed.
    """
    if not 1 <= len(letter.address_lines) <= ADDRESS_MAX_LINES:
        raise LetterLayoutError(f"An address has 1 to {ADDRESS_MAX_LINES} lines")
    font, bold = _fonts()
    buffer = io.BytesIO()
    body_width = (BODY_RIGHT - BODY_LEFT) * mm
    first = Frame(
        BODY_LEFT * mm,
        _y(BODY_BOTTOM),
        body_width,
        (BODY_BOTTOM - BODY_TOP - 1) * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="first",
    )
    later = Frame(
        BODY_LEFT * mm,
        _y(BODY_BOTTOM),
        body_width,
        (BODY_BOTTOM - LATER_PAGES_TOP) * mm,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="later",
    )
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=letter.rendered.subject or "Letter",
        author=_labels(letter.language)["from"],
        pageCompression=0,
        initialFontName=font,  # so no unembedded Helvetica is named in the resources
        pageTemplates=[
            PageTemplate(
                id="first", frames=[first], onPage=_draw_first_page, autoNextPageTemplate="later"
            ),
            PageTemplate(id="later", frames=[later], onPage=_draw_later_page),
        ],
    )
    document.letter = letter
    document.fonts = (font, bold)
    document.address_size = _address_font_size(font, letter.address_lines)
    with override(letter.language):
        document.date_text = date_format(timezone.localdate())
    styles = _styles(font, bold)
    story = []
    if letter.rendered.subject:
        story.append(_paragraph(letter.rendered.subject, styles["subject"]))
    story += [_paragraph(text, styles["body"]) for text in letter.rendered.paragraphs]
    story += _contact_paragraphs(letter, styles)
    document.build(story)
    if document.page > LETTER_MAX_PAGES:
        raise LetterLayoutError(
            f"The letter is {document.page} pages long; a letter can be at most {LETTER_MAX_PAGES}"
        )
    return buffer.getvalue()


def letter_for_message(message) -> Letter:
    """The letter an outbound letter message prints as: its template's letter text in
    its language, to its address, from its service. Raises ``TemplateError``."""
    from digital_services.core.registry import service_for_app

    from .constants import Channel
    from .registry import template_get, template_render

    rendered = template_render(
        template_get(message.template_key),
        language=message.language,
        personalisation=message.personalisation,
        channel=Channel.LETTER,
    )
    service = service_for_app(message.service) if message.service else None
    return Letter(
        address_lines=message.address_lines,
        rendered=rendered,
        language=message.language,
        reference=message.reference,
        service_name=service.name if service is not None else "",
        name=f"letter-{message.pk}",
    )


def letters_zip(letters: Iterable[Letter]) -> bytes:
    """A batch for printing: a ZIP of one PDF per letter, each at most 10 pages, each
    followed by the PDFs it encloses (``Letter.enclosures``).

    Raises ValueError when there are no letters (an empty batch cannot be printed) and
    ``LetterLayoutError`` naming the letter that cannot be laid out.
    """
    buffer = io.BytesIO()
    count = 0
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for letter in letters:
            try:
                content = letter_pdf(letter)
            except LetterLayoutError as exc:
                raise LetterLayoutError(f"{letter.name}: {exc}") from exc
            archive.writestr(f"{letter.name}.pdf", content)
            for number, (filename, enclosure) in enumerate(letter.enclosures, start=1):
                archive.writestr(f"{letter.name}-enclosure-{number}-{filename}", enclosure)
            count += 1
    if not count:
        raise ValueError("There are no letters to print")
    return buffer.getvalue()
