"""Drawing our own form pages with reportlab: headings, labelled boxes, tick boxes,
ruled lines, the DRAFT watermark and the reference barcode.

Every form (LP1, continuation sheets, LP3, LPA120) is drawn through one ``FormPdf``
so they look alike. Text is drawn as text (never as pictures), and pages are left
uncompressed, so the forms stay searchable, screen readers and the tests can read
them back, and a page's text says which form and page it is ("LP1F page 4").

A form is drawn in the active language (``documents.generate`` sets the LPA's): its fixed
words through gettext. Welsh needs letters Helvetica's encoding lacks (ŵ, ŷ), so a form
drawn in Welsh uses the platform's TrueType letter font (``notifications.letters``) and
its monospaced sibling; English forms keep Helvetica and Courier.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from django.utils.translation import get_language, gettext, gettext_noop
from reportlab.graphics.barcode import code128
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from digital_services.notifications.letters import FALLBACK_FONT, letter_font

WIDTH, HEIGHT = A4
LEFT = 18 * mm
RIGHT = WIDTH - 18 * mm
TOP = HEIGHT - 16 * mm
BOTTOM = 20 * mm
FONT = "Helvetica"
BOLD = "Helvetica-Bold"
MONO = "Courier"
#: The word stamped across every page of a form that is not final. Nothing else on
#: any form is written in capitals like this, so its presence means "draft".
WATERMARK = gettext_noop("DRAFT")
#: How many characters a ruled line of free text holds (the notes' 84 per line).
LINE_CHARACTERS = 84


def text_lines(text: str, *, width: int = LINE_CHARACTERS) -> list[str]:
    """Free text as the lines it takes on a form: its own line breaks kept, long
    lines wrapped between words at ``width`` characters (a word longer than a line,
    which the journey refuses, is cut)."""
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        lines.extend(textwrap.wrap(paragraph, width=width) or [""])
    while lines and not lines[-1]:
        lines.pop()
    return lines


@cache
def _unicode_fonts() -> tuple[str, str, str]:
    """Regular, bold and monospaced fonts with every Welsh letter: the letters' TrueType
    font and its "Mono" sibling (Helvetica and Courier when none is installed)."""
    regular = letter_font()
    if regular == FALLBACK_FONT:
        return FONT, BOLD, MONO
    path = Path(pdfmetrics.getFont(regular).face.filename)
    mono = path.with_name(f"{path.stem}Mono{path.suffix}")
    if not mono.is_file():
        return regular, "LetterFontBold", MONO
    pdfmetrics.registerFont(TTFont("FormFontMono", str(mono)))
    return regular, "LetterFontBold", "FormFontMono"


def form_fonts(language: str | None = None) -> tuple[str, str, str]:
    """Regular, bold and monospaced fonts for a form in ``language`` (the active one)."""
    if (language or get_language() or "en").startswith("en"):
        return FONT, BOLD, MONO
    return _unicode_fonts()


class FormPdf:
    """One PDF of form pages, in the active language.
    ``page_start`` … draw … ``page_end``; ``content()``."""

    def __init__(self, *, title: str, draft: bool, reference: str):
        self._buffer = io.BytesIO()
        self.font, self.bold, self.mono = form_fonts()
        self.canvas = canvas.Canvas(self._buffer, pagesize=A4, pageCompression=0, invariant=1)
        self.canvas.setTitle(title)
        self.canvas.setAuthor(gettext("Office of the Public Guardian"))
        self.draft = draft
        self.reference = reference
        self.y = TOP
        self.pages = 0
        self._open = False

    # Pages -------------------------------------------------------------------------

    def page_start(self, *, form: str, page: str, heading: str = "") -> None:
        """Begin a page whose header reads "<form> page <page>" and the reference."""
        if self._open:
            self.page_end()
        self._open = True
        self.y = TOP
        c = self.canvas
        c.setFillColor(colors.black)
        c.setFont(self.font, 9)
        header = gettext("%(form)s page %(page)s") % {"form": form, "page": page}
        c.drawString(LEFT, self.y, header if page else form)
        c.drawRightString(
            RIGHT, self.y, gettext("Reference %(reference)s") % {"reference": self.reference}
        )
        self.y -= 4 * mm
        c.setLineWidth(0.6)
        c.line(LEFT, self.y, RIGHT, self.y)
        self.y -= 9 * mm
        if heading:
            self.heading(heading)

    def page_end(self) -> None:
        if not self._open:
            return
        c = self.canvas
        c.setFillColor(colors.black)
        c.setFont(self.font, 8)
        c.drawCentredString(WIDTH / 2, 10 * mm, gettext("Office of the Public Guardian"))
        if self.draft:
            self._watermark()
        c.showPage()
        self.pages += 1
        self._open = False

    def _watermark(self) -> None:
        c = self.canvas
        c.saveState()
        c.setFillColor(colors.Color(0.6, 0.6, 0.6, alpha=0.35))
        c.setFont(self.bold, 120)
        c.translate(WIDTH / 2, HEIGHT / 2)
        c.rotate(45)
        c.drawCentredString(0, -40, gettext(WATERMARK))
        c.restoreState()

    def content(self) -> bytes:
        self.page_end()
        self.canvas.save()
        return self._buffer.getvalue()

    def room(self, needed: float) -> bool:
        return self.y - needed >= BOTTOM

    # Text --------------------------------------------------------------------------

    def heading(self, text: str, *, size: int = 15) -> None:
        self.paragraph(text, font=self.bold, size=size, after=3 * mm)

    def subheading(self, text: str) -> None:
        self.paragraph(text, font=self.bold, size=11, after=1.5 * mm)

    def paragraph(self, text: str, *, font: str = "", size: float = 10, after=2.5 * mm):
        font = font or self.font
        c = self.canvas
        c.setFillColor(colors.black)
        c.setFont(font, size)
        for line in simpleSplit(text, font, size, RIGHT - LEFT) or [""]:
            self.y -= size * 1.25
            c.drawString(LEFT, self.y, line)
        self.y -= after

    # Form parts --------------------------------------------------------------------

    def field(self, label: str, value: str, *, x: float = LEFT, width: float | None = None):
        """A label above a box holding ``value`` (wrapped; the box grows to fit)."""
        c = self.canvas
        width = width or (RIGHT - x)
        lines = simpleSplit(value or "", self.font, 10, width - 4 * mm) or [""]
        c.setFillColor(colors.black)
        c.setFont(self.font, 8.5)
        c.drawString(x, self.y - 9, label)
        height = 6 * mm + 12 * (len(lines) - 1)
        top = self.y - 11
        c.setLineWidth(0.5)
        c.rect(x, top - height, width, height)
        c.setFont(self.font, 10)
        for number, line in enumerate(lines):
            c.drawString(x + 2 * mm, top - 4.3 * mm - number * 12, line)
        self.y = top - height - 2.5 * mm

    def fields_row(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Short fields side by side on one line (title, first names, last name)."""
        gap = 3 * mm
        width = (RIGHT - LEFT - gap * (len(pairs) - 1)) / len(pairs)
        start = self.y
        lowest = start
        for number, (label, value) in enumerate(pairs):
            self.y = start
            self.field(label, value, x=LEFT + number * (width + gap), width=width)
            lowest = min(lowest, self.y)
        self.y = lowest

    def tick(self, label: str, ticked: bool) -> None:
        """A tick box; a ticked one holds an X, so the choice reads back as text."""
        c = self.canvas
        size = 4 * mm
        self.y -= size + 1 * mm
        c.setLineWidth(0.7)
        c.rect(LEFT, self.y, size, size)
        if ticked:
            c.setFont(self.bold, 10)
            c.drawCentredString(LEFT + size / 2, self.y + 1, "X")
        c.setFont(self.font, 10)
        lines = simpleSplit(label, self.font, 10, RIGHT - LEFT - size - 3 * mm)
        for number, line in enumerate(lines):
            c.drawString(LEFT + size + 3 * mm, self.y + 1 - number * 12, line)
        self.y -= 12 * (len(lines) - 1) + 2 * mm

    def ruled_lines(self, lines: Sequence[str], *, count: int) -> None:
        """``count`` ruled lines holding ``lines`` (the rest stay empty for writing)."""
        c = self.canvas
        c.setLineWidth(0.3)
        for number in range(count):
            self.y -= 6.5 * mm
            c.line(LEFT, self.y - 1.2 * mm, RIGHT, self.y - 1.2 * mm)
            if number < len(lines) and lines[number]:
                c.setFont(self.mono, 8.6)
                c.drawString(LEFT + 1 * mm, self.y, lines[number])
        self.y -= 3 * mm

    def signature_box(self, label: str, *, with_date: bool = True) -> None:
        """An empty box to sign in, and day/month/year boxes for the date (left blank:
        people write them when they sign)."""
        c = self.canvas
        c.setFont(self.font, 8.5)
        c.drawString(LEFT, self.y - 9, label)
        top = self.y - 11
        c.setLineWidth(0.6)
        c.rect(LEFT, top - 14 * mm, 105 * mm, 14 * mm)
        if with_date:
            c.drawString(LEFT + 112 * mm, self.y - 9, gettext("Date signed (day, month, year)"))
            for number, size in enumerate((10, 10, 16)):
                x = LEFT + 112 * mm + sum((10, 10, 16)[:number]) * mm + number * 2 * mm
                c.rect(x, top - 9 * mm, size * mm, 9 * mm)
        self.y = top - 14 * mm - 3 * mm

    def barcode(self, value: str) -> None:
        """A Code 128 barcode of ``value`` with the value printed under it."""
        symbol = code128.Code128(value, barHeight=14 * mm, barWidth=0.35 * mm, humanReadable=True)
        self.y -= 20 * mm
        symbol.drawOn(self.canvas, LEFT, self.y)
        self.y -= 4 * mm

    def rule(self) -> None:
        self.canvas.setLineWidth(0.3)
        self.canvas.line(LEFT, self.y, RIGHT, self.y)
        self.y -= 3 * mm
