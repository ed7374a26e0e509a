"""The sealed claim form holds what the claimant entered, read back with pypdf."""

import datetime as dt
import io

import pytest
import time_machine
from pypdf import PdfReader

from civil_claims.pdf import claim_form_pdf
from civil_claims.services import claim_form_seal, claim_issue
from digital_services.documents.services import document_read

from .factories import claim_draft, claim_submitted, defendant_draft, party_draft

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    # Words, not line breaks: a long sentence may wrap anywhere.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@time_machine.travel("2026-12-01 10:00 +0000", tick=False)
def test_sealed_claim_form_contains_the_entered_data():
    claim = claim_issue(
        claim=claim_submitted(
            claimant=party_draft(name="Ŵyn Ŷmlaen", address_line_1="3 Heol y Frenhines"),
            defendant=defendant_draft(
                name="Bodge Builders Ltd",
                correspondence_line_1="PO Box 9",
                correspondence_town="Swansea",
                correspondence_postcode="SA1 1AA",
            ),
        )
    )
    document = claim_form_seal(claim_id=claim.pk)
    text = _text(document_read(document=document))
    draft = claim_draft()
    for expected in (
        claim.claim_number,
        "1 December 2026",  # issue date
        "21 December 2026",  # response deadline (issue + 19 = Sun 20th → Mon 21st)
        "Ŵyn Ŷmlaen",
        "3 Heol y Frenhines",
        "Bodge Builders Ltd",
        "PO Box 9",
        "CF10 1AA",
        "Unpaid invoice 1041",
        "£1,200.00",
        "£50.50",
        "£1,250.50",  # amount claimed
        "183 days",
        "£50.16",  # interest to the issue date
        "£80.00",  # court fee
        "£1,380.66",  # total
        draft.reason,
        "1 March 2026",
        "Agreed the repair",
        "Contracts and agreements",
        "Signed quote",
        "believes that the facts stated in this claim are true",
        "SEAL OF THE COUNTY COURT",
    ):
        assert expected in text, expected


@time_machine.travel("2026-12-01 10:00 +0000", tick=False)
def test_a_company_claimant_signs_by_name_and_role():
    company = defendant_draft(name="Acme Ltd", email="a@example.com", contact_channel="email")
    claim = claim_issue(
        claim=claim_submitted(
            claimant=company, sot_signer_name="Sam Signer", sot_signer_role="Director"
        )
    )
    assert "Signed by Sam Signer, Director" in _text(claim_form_pdf(claim))


@time_machine.travel("2026-12-01 10:00 +0000", tick=False)
def test_a_claim_not_issued_has_no_claim_form():
    with pytest.raises(ValueError):
        claim_form_pdf(claim_submitted())


ENGLISH_ONLY = (
    "Claim form (money claim)",
    "Particulars of claim",
    "What is claimed",
    "Statement of truth",
    "believes that the facts",
    "December",
    "Page 1",
)


@time_machine.travel("2026-12-01 10:00 +0000", tick=False)
def test_a_welsh_claims_sealed_form_is_in_welsh():
    claim = claim_issue(claim=claim_submitted(language="cy"))
    text = _text(claim_form_pdf(claim))
    for expected in (
        "Ffurflen hawlio (hawliad am arian)",
        "Canolfan Fusnes y Llys Sirol",
        "Rhif yr hawliad",
        "1 Rhagfyr 2026",  # the issue date, Welsh month
        "4yh ar 21 Rhagfyr 2026",
        "Manylion yr hawliad",
        "Datganiad gwirionedd",
        "Mae’r hawlydd yn credu bod y ffeithiau",
        "Tudalen 1",
        "£1,380.66",  # money is written the same way
    ):
        assert expected in text, expected
    for english in ENGLISH_ONLY:
        assert english not in text, english


@time_machine.travel("2026-12-01 10:00 +0000", tick=False)
def test_a_welsh_possession_claims_pack_is_in_welsh_and_an_english_one_in_english():
    from civil_claims.pdf_possession import possession_claim_pack_pdf

    from .factories_possession import possession_claim

    welsh = possession_claim(claim_number="905MC002", issue_date=dt.date(2026, 12, 1))
    welsh.language = "cy"
    text = _text(possession_claim_pack_pdf(welsh))
    for expected in (
        "Ffurflen hawlio i adennill meddiant eiddo",
        "1 Rhagfyr 2026",
        "Y denantiaeth",
        "Dechreuodd ar 1 Mehefin 2023",
        "Rhent dyddiol",
        "Mae’r hawlydd yn credu bod y ffeithiau a nodir yn y manylion hyn yn wir.",
        "Llofnodwyd gan Lana Lord",
        "£950.00",
    ):
        assert expected in text, expected
    for english in ("Claim form for possession", "Particulars of claim", "December", "Signed by"):
        assert english not in text, english

    english = possession_claim(claim_number="905MC003", issue_date=dt.date(2026, 12, 1))
    text = _text(possession_claim_pack_pdf(english))
    assert "Claim form for possession of property" in text and "1 December 2026" in text
    assert "Signed by Lana Lord" in text and "Llofnodwyd" not in text
