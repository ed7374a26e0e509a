"""Issue #20: a fee told about in Welsh gets everything in Welsh: its description, its receipt
PDF (whoever downloads it, in whatever language their pages are) and its messages, with dates
in Welsh and money formatted as in English. A fee in English stays English on Welsh pages."""

import datetime as dt
import zoneinfo

import pytest
from django.utils import translation

from digital_services.notifications.models import OutboundMessage
from tribunal_fees.receipts import fee_receipt_lines, fee_receipt_pdf
from tribunal_fees.services.fee_cases import _fee_case_uncertain, _fee_receipt_send

from .factories import PaidFeeCaseFactory, PaymentInProgressFeeCaseFactory
from .test_receipts import pdf_text

pytestmark = pytest.mark.django_db

PAID_AT = dt.datetime(2016, 5, 4, 10, 30, tzinfo=zoneinfo.ZoneInfo("Europe/London"))


def _paid(language: str):
    return PaidFeeCaseFactory(
        language=language,
        kind="hearing",
        claim_type="B",
        case_number="1600123/2016",
        amount_due_pence=45000,
        remission_pence=50000,
        amount_paid_pence=45000,
        paid_at=PAID_AT,
    )


def test_a_fee_s_description_is_read_in_the_language_it_is_shown_in():
    fee_case = _paid("cy")
    with translation.override("cy"):
        assert str(fee_case.description) == (
            "Tribiwnlys cyflogaeth: ffi gwrandawiad, achos 1600123/2016"
        )
    with translation.override("en"):
        assert str(fee_case.description) == "Employment tribunal hearing fee, case 1600123/2016"


def test_a_welsh_fee_s_receipt_pdf_is_in_welsh_even_from_an_english_page():
    fee_case = _paid("cy")
    with translation.override("en"):
        text = pdf_text(fee_receipt_pdf(fee_case))
    assert "Derbynneb: ffi tribiwnlys" in text
    assert "Gwasanaeth Llysoedd a Thribiwnlysoedd EF" in text
    assert "Dyddiad talu" in text and "4 Mai 2016" in text
    assert "Swm a dalwyd" in text and "£450.00" in text  # money as in English
    assert "Tribiwnlys cyflogaeth: ffi gwrandawiad, achos 1600123/2016" in text
    assert "Date paid" not in text and "May 2016" not in text


def test_an_english_fee_s_receipt_pdf_stays_english_from_a_welsh_page():
    fee_case = _paid("en")
    with translation.override("cy"):
        text = pdf_text(fee_receipt_pdf(fee_case))
        page_rows = dict(fee_receipt_lines(fee_case))
    assert "Receipt: tribunal fee" in text
    assert "Date paid" in text and "4 May 2016" in text
    assert "Derbynneb" not in text
    # The receipt page itself follows the page's language.
    assert page_rows["Dyddiad talu"] == "4 Mai 2016"


@pytest.mark.parametrize(
    ("language", "description", "paid_on"),
    [
        ("cy", "Tribiwnlys cyflogaeth: ffi gwrandawiad, achos 1600123/2016", "4 Mai 2016"),
        ("en", "Employment tribunal hearing fee, case 1600123/2016", "4 May 2016"),
    ],
)
def test_the_receipt_message_is_written_in_the_fee_s_language_not_the_page_s(
    language, description, paid_on
):
    fee_case = _paid(language)
    other = "en" if language == "cy" else "cy"
    with translation.override(other):
        _fee_receipt_send(fee_case)
    message = OutboundMessage.objects.get(template_key="tribunal_fees.fee_receipt")
    assert message.language == language
    assert message.personalisation["description"] == description
    assert message.personalisation["paid_on"] == paid_on
    assert message.personalisation["amount_paid"] == "£450.00"


def test_a_welsh_fee_s_payment_uncertain_message_describes_the_fee_in_welsh():
    fee_case = PaymentInProgressFeeCaseFactory(language="cy")
    with translation.override("en"):
        _fee_case_uncertain(fee_case, detail={})
    message = OutboundMessage.objects.get(template_key="tribunal_fees.payment_uncertain")
    assert message.language == "cy"
    assert message.personalisation["description"] == "Tribiwnlys cyflogaeth: ffi gyhoeddi"
