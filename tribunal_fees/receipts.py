"""The PDF receipt for a paid (or remitted) tribunal fee, drawn with reportlab.

Pages are left uncompressed: a receipt is small, and its text stays searchable
by simple tools (and by the tests).

The PDF is kept in the platform's document store, made the first time someone asks
for it (``fee_receipt_document``) rather than by a background task when the fee is
paid: it is one page drawn in milliseconds, most people never download it, and
fees paid before the store existed get theirs the same way. It is made again when
the fee's status changed after it was made, so it never shows an old state.
"""

from __future__ import annotations

import io

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from digital_services.core.dates import date_format
from digital_services.core.money import pence_format
from digital_services.documents.constants import DocumentKind
from digital_services.documents.models import Document
from digital_services.documents.selectors import document_list_about
from digital_services.documents.services import document_delete, document_store

from .constants import FeeCaseStatus
from .models import FeeCase


class ReceiptNotAvailable(Exception):
    """Only a paid or remitted fee has a receipt."""


def fee_receipt_lines(fee_case: FeeCase) -> list[tuple[str, str]]:
    """(label, value) rows of the receipt, shared by the page and the PDF."""
    if fee_case.status not in (FeeCaseStatus.PAID, FeeCaseStatus.REMITTED):
        raise ReceiptNotAvailable(f"Fee {fee_case.reference} is not paid")
    when = fee_case.paid_at or fee_case.status_changed_at
    rows = [
        (gettext("Reference"), fee_case.reference),
        (gettext("What it is for"), str(fee_case.description)),
        (gettext("Fee"), pence_format(fee_case.fee_pence)),
        (gettext("Help with Fees"), pence_format(fee_case.remission_pence)),
        (gettext("Amount paid"), pence_format(fee_case.amount_paid_pence or 0)),
        (
            gettext("Date paid") if fee_case.status == FeeCaseStatus.PAID else gettext("Date"),
            date_format(when),
        ),
    ]
    if fee_case.case_number:
        rows.insert(2, (gettext("Case number"), fee_case.case_number))
    return rows


def fee_receipt_pdf(fee_case: FeeCase) -> bytes:
    """A one-page A4 receipt: reference, fee, remission, amount paid and date, in the
    fee's language (the one its pages were in when it was made), whoever downloads it.
    Raises ``ReceiptNotAvailable`` for a fee that is not paid or remitted."""
    with translation.override(fee_case.language if fee_case.language == "cy" else "en"):
        return _receipt_pdf_draw(fee_case)


def _receipt_pdf_draw(fee_case: FeeCase) -> bytes:
    rows = fee_receipt_lines(fee_case)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=0, invariant=1)
    pdf.setTitle(gettext("Receipt %(reference)s") % {"reference": fee_case.reference})
    pdf.setAuthor(gettext("HM Courts and Tribunals Service"))
    width, height = A4
    y = height - 30 * mm
    pdf.setFont("Helvetica-Bold", 18)
    pdf.drawString(25 * mm, y, gettext("Receipt: tribunal fee"))
    y -= 10 * mm
    pdf.setFont("Helvetica", 11)
    pdf.drawString(25 * mm, y, gettext("HM Courts and Tribunals Service"))
    y -= 15 * mm
    for label, value in rows:
        pdf.setFont("Helvetica-Bold", 12)
        pdf.drawString(25 * mm, y, label)
        pdf.setFont("Helvetica", 12)
        pdf.drawString(80 * mm, y, value)
        y -= 9 * mm
    y -= 6 * mm
    pdf.setFont("Helvetica", 10)
    pdf.drawString(
        25 * mm,
        y,
        gettext("Keep this receipt. Quote your reference if you contact the tribunal."),
    )
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def fee_receipt_document(*, fee_case: FeeCase) -> Document:
    """The receipt of a paid or remitted fee as a stored document (owned by the fee's
    owner, filed under the fee), made now if there is none or the one there is older
    than the fee's last status change. Raises ``ReceiptNotAvailable`` for a fee that
    is not paid or remitted."""
    with transaction.atomic():
        fee_case = FeeCase.objects.select_for_update().get(pk=fee_case.pk)
        fee_receipt_lines(fee_case)  # raises ReceiptNotAvailable
        receipts = list(document_list_about(case=fee_case, kind=DocumentKind.RECEIPT))
        current = next((r for r in receipts if r.created_at >= fee_case.status_changed_at), None)
        for stale in receipts:
            if stale != current:
                document_delete(document=stale)
        if current is not None:
            return current
        return document_store(
            content=fee_receipt_pdf(fee_case),
            kind=DocumentKind.RECEIPT,
            content_type="application/pdf",
            filename=f"receipt-{fee_case.reference}.pdf",
            owner=fee_case.user,
            case=fee_case,
        )
