"""The registered LPA: the completed LP1 with every page stamped by the Office of the
Public Guardian: a "REGISTERED" mark, the registration date and the reference [notes
section 5: "registers, stamps and posts the LPA to the correspondent"].

The stamp is drawn with reportlab and laid over each page of the stored LP1 with pypdf,
so the pages themselves are the very ones the applicant printed; the stamp is in the
LPA's language, as its pages are (``generate.lpa_documents_language``). It is kept in the
document store next to the LPA's other forms (``REGISTERED_SUFFIX`` marks it, and a new
set of forms never replaces it).
"""

from __future__ import annotations

import io

from django.db import transaction
from django.utils.translation import gettext, gettext_noop, override
from pypdf import PdfReader, PdfWriter
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from digital_services.core.dates import date_format
from digital_services.core.references import reference_plain
from digital_services.documents.models import Document
from digital_services.documents.selectors import document_list_about
from digital_services.documents.services import document_open, document_store

from ..models import Lpa
from .generate import KIND, PDF, documents_build, lpa_documents_language, paperwork_for
from .layout import HEIGHT, WIDTH, form_fonts
from .lp1 import lp1_form_name

REGISTERED_SUFFIX = "-registered.pdf"
#: The mark on every page of a registered LPA.
REGISTERED_MARK = gettext_noop("REGISTERED")


def _stamp(*, registered_on, reference: str) -> bytes:
    """One A4 page, transparent but for the stamp in the top right corner."""
    buffer = io.BytesIO()
    font, bold, _mono = form_fonts()
    page = canvas.Canvas(buffer, pagesize=(WIDTH, HEIGHT), pageCompression=0)
    box_w, box_h = 70 * mm, 24 * mm
    x, y = WIDTH - box_w - 10 * mm, HEIGHT - box_h - 6 * mm
    page.setStrokeColor(colors.darkred)
    page.setFillColor(colors.darkred)
    page.setLineWidth(2)
    page.rect(x, y, box_w, box_h, stroke=1, fill=0)
    page.setFont(bold, 16)
    page.drawCentredString(x + box_w / 2, y + box_h - 8 * mm, gettext(REGISTERED_MARK))
    page.setFont(font, 8)
    lines = (
        gettext("Registered on %(date)s") % {"date": date_format(registered_on)},
        gettext("by the Office of the Public Guardian"),
        gettext("LPA reference %(reference)s") % {"reference": reference},
    )
    for line, height in zip(lines, (9 * mm, 5 * mm, 1.5 * mm), strict=True):
        page.drawCentredString(x + box_w / 2, y + height, line)
    page.showPage()
    page.save()
    return buffer.getvalue()


def registered_pdf(*, lp1: bytes, registered_on, reference: str, language: str = "en") -> bytes:
    """``lp1`` with the registration stamp, in ``language``, over every page."""
    with override(language):
        stamp_pdf = _stamp(registered_on=registered_on, reference=reference)
    stamp = PdfReader(io.BytesIO(stamp_pdf))
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(lp1)))
    for page in writer.pages:
        page.merge_page(stamp.pages[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def lpa_registered_document(*, lpa: Lpa) -> Document | None:
    """The stored registered PDF of ``lpa`` (None until it is made)."""
    return (
        document_list_about(case=lpa, kind=KIND)
        .filter(filename__endswith=REGISTERED_SUFFIX)
        .order_by("-created_at")
        .first()
    )


def _lp1_bytes(lpa: Lpa) -> bytes:
    """The completed LP1 as stored (drawn again from the answers if it is not)."""
    name = f"{lp1_form_name(lpa.lpa_type)}-{reference_plain(lpa.reference_display)}.pdf"
    stored = document_list_about(case=lpa, kind=KIND).filter(filename=name).first()
    if stored is not None:
        with document_open(document=stored) as handle:
            return handle.read()
    made = documents_build(paperwork_for(lpa))
    return next(m.content for m in made if m.filename == name)


def lpa_registered_document_make(*, lpa: Lpa) -> Document:
    """Make and keep the registered PDF (once: an existing one is returned)."""
    with transaction.atomic():
        lpa = Lpa.objects.select_for_update().get(pk=lpa.pk)
        existing = lpa_registered_document(lpa=lpa)
        if existing is not None:
            return existing
        content = registered_pdf(
            lp1=_lp1_bytes(lpa),
            registered_on=lpa.registered_on,
            reference=lpa.reference_display,
            language=lpa_documents_language(lpa),
        )
        return document_store(
            content=content,
            kind=KIND,
            content_type=PDF,
            filename=f"{lp1_form_name(lpa.lpa_type)}-{reference_plain(lpa.reference_display)}"
            f"{REGISTERED_SUFFIX}",
            owner=lpa.user,
            case=lpa,
        )
