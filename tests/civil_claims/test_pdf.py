"""The sealed claim form holds what the claimant entered, read back with pypdf."""

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
