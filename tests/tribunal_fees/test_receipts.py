"""The PDF receipt: its text, read back out of the PDF."""

import datetime as dt
import re
import zoneinfo

import pytest

from tribunal_fees.receipts import ReceiptNotAvailable, fee_receipt_pdf

from .factories import FeeCaseFactory, PaidFeeCaseFactory, RemittedFeeCaseFactory

pytestmark = pytest.mark.django_db


def pdf_text(pdf: bytes) -> str:
    """The strings drawn on the page (uncompressed content: "(text) Tj")."""
    raw = re.findall(rb"\(((?:\\.|[^\\)])*)\) Tj", pdf)

    def unescape(chunk: bytes) -> str:
        chunk = re.sub(rb"\\([0-7]{3})", lambda m: bytes([int(m.group(1), 8)]), chunk)
        chunk = re.sub(rb"\\(.)", rb"\1", chunk)
        return chunk.decode("cp1252")

    return "\n".join(unescape(chunk) for chunk in raw)


def test_the_receipt_pdf_shows_reference_fee_remission_amount_paid_and_date():
    paid_at = dt.datetime(2016, 5, 4, 10, 30, tzinfo=zoneinfo.ZoneInfo("Europe/London"))
    fee_case = PaidFeeCaseFactory(
        kind="hearing",
        claim_type="B",
        case_number="1600123/2016",
        amount_due_pence=45000,
        remission_pence=50000,
        amount_paid_pence=45000,
        paid_at=paid_at,
    )
    pdf = fee_receipt_pdf(fee_case)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert fee_case.reference in text
    assert "£950.00" in text  # fee
    assert "£500.00" in text  # remission
    assert "£450.00" in text  # paid
    assert "4 May 2016" in text
    assert "1600123/2016" in text
    assert "Employment tribunal hearing fee" in text


def test_a_remitted_fee_has_a_receipt_showing_nothing_paid():
    text = pdf_text(fee_receipt_pdf(RemittedFeeCaseFactory()))
    assert "£0.00" in text and "£160.00" in text


def test_an_unpaid_fee_has_no_receipt():
    with pytest.raises(ReceiptNotAvailable):
        fee_receipt_pdf(FeeCaseFactory())
