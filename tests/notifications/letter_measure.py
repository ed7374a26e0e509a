"""Where the text of a PDF sits, measured as a print provider's checks measure it.

Each piece of text gets a box in mm from the page's top left corner: from its
baseline, the font's ascent and descent (from the PDF's font descriptor) and the
width of the string in that font. Used by the letter layout tests (issue #22).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

PT = 25.4 / 72  # mm in a point
PAGE_HEIGHT = 297.0


@dataclass(frozen=True)
class TextBox:
    page: int
    text: str
    font: str
    left: float
    top: float
    right: float
    bottom: float


def _descriptor(font: dict) -> dict:
    font = font.get_object()
    if "/FontDescriptor" in font:
        return font["/FontDescriptor"].get_object()
    descendants = font.get("/DescendantFonts")
    if descendants:
        return _descriptor(descendants.get_object()[0])
    return {}


def _registered(base_font: str) -> str:
    """The reportlab font that wrote this PDF font ('AAAAAA+DejaVuSans-Bold' -> bold)."""
    return "LetterFontBold" if base_font.endswith("-Bold") else "LetterFont"


def text_boxes(pdf: bytes) -> list[TextBox]:
    boxes = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):

        def visit(text, cm, tm, font, size, number=number):
            text = text.strip("\n")
            if not text.strip() or font is None:
                return
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            scale = abs(cm[3]) or 1
            size = size * scale
            descriptor = _descriptor(font)
            ascent = float(descriptor.get("/Ascent", 1000)) / 1000 * size
            descent = abs(float(descriptor.get("/Descent", 0))) / 1000 * size
            base_font = str(font.get("/BaseFont", ""))
            width = pdfmetrics.stringWidth(text.rstrip(), _registered(base_font), size)
            boxes.append(
                TextBox(
                    page=number,
                    text=text.strip(),
                    font=base_font,
                    left=x * PT,
                    top=PAGE_HEIGHT - (y + ascent) * PT,
                    right=(x + width) * PT,
                    bottom=PAGE_HEIGHT - (y - descent) * PT,
                )
            )

        page.extract_text(visitor_text=visit)
    return boxes


def fonts_not_embedded(pdf: bytes) -> list[str]:
    """The fonts any page names without embedding them (Helvetica left in the resources...)."""
    missing = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for font in fonts.get_object().values():
            font = font.get_object()
            descriptor = _descriptor(font)
            if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                missing.append(str(font.get("/BaseFont")))
    return missing


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def inside(box: TextBox, area: tuple[float, float, float, float], slack: float = 0.05) -> bool:
    left, top, right, bottom = area
    return (
        box.left >= left - slack
        and box.top >= top - slack
        and box.right <= right + slack
        and box.bottom <= bottom + slack
    )
