"""The defendant's claim letter (claim number and access code) is printed with the sealed
claim form behind it; the claimant's messages and other letters enclose nothing."""

import io
import zipfile

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from pypdf import PdfReader

from civil_claims import tasks
from civil_claims.constants import ContactChannel
from civil_claims.models import Claim
from civil_claims.services import claim_access_code_reset, claim_issue, claim_letter_enclosures
from digital_services.documents.services import document_read
from digital_services.notifications.models import OutboundMessage
from digital_services.notifications.registry import template_get, template_render
from digital_services.notifications.services import letter_batch_render, letter_batches_close
from digital_services.notifications.tasks import notification_deliver
from tests.accounts.factories import StaffUserFactory

from .factories import claim_submitted, defendant_draft, party_draft

pytestmark = pytest.mark.django_db

NOW = "2026-12-01 10:00 +0000"  # a Tuesday


def _letters(claim):
    return OutboundMessage.objects.filter(
        content_type=ContentType.objects.get_for_model(Claim),
        object_id=str(claim.pk),
        channel="letter",
    ).order_by("pk")


def _batch_zip(django_capture_on_commit_callbacks, letters) -> zipfile.ZipFile:
    """Queue the letters for print, close their batch and make its file, as staff would."""
    for letter in letters:
        assert notification_deliver(letter.pk) == "queued-for-print"
    batch_id = OutboundMessage.objects.get(pk=letters[0].pk).letter_batch_id
    with django_capture_on_commit_callbacks():  # the render task is run below, here
        letter_batches_close(batch_ids=[batch_id], user=StaffUserFactory())
    document = letter_batch_render(batch_id=batch_id)
    return zipfile.ZipFile(io.BytesIO(document_read(document=document)))


def _text(archive, name) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(archive.read(name))).pages)


@time_machine.travel(NOW, tick=False)
def test_the_defendants_letter_is_printed_with_the_sealed_claim_form_behind_it(
    django_capture_on_commit_callbacks, monkeypatch
):
    # The claimant asked for letters too: their letter must enclose nothing.
    claimant = party_draft(contact_channel=ContactChannel.LETTER, email="")
    with django_capture_on_commit_callbacks() as callbacks:
        claim = claim_issue(claim=claim_submitted(claimant=claimant))
    # After commit the sealing task runs (as a worker would: by the claim's id only).
    monkeypatch.setattr(tasks.claim_form_seal, "delay", lambda *a: tasks.claim_form_seal.apply(a))
    sealing = [c for c in callbacks if "claim_form_seal" in repr(c)]
    assert len(sealing) == 1
    sealing[0]()
    claim.refresh_from_db()
    assert claim.sealed_claim_form_id is not None

    letters = list(_letters(claim))
    assert [m.template_key for m in letters] == [
        "civil_claims.claim_issued_claimant",
        "civil_claims.claim_issued_defendant",
    ]
    claimant_letter, defendant_letter = letters
    archive = _batch_zip(django_capture_on_commit_callbacks, letters)
    names = archive.namelist()  # in the order written: each letter, then what it encloses
    enclosure = f"letter-{defendant_letter.pk}-enclosure-1-claim-form-{claim.claim_number}.pdf"
    assert names == [
        f"letter-{claimant_letter.pk}.pdf",
        f"letter-{defendant_letter.pk}.pdf",
        enclosure,
    ]

    letter_text = _text(archive, f"letter-{defendant_letter.pk}.pdf")
    assert claim.claim_number in letter_text
    assert defendant_letter.personalisation["access_code"] in letter_text
    # The letter says what is printed behind it.
    assert "The sealed claim form is enclosed with this letter" in " ".join(letter_text.split())
    form_text = _text(archive, enclosure)
    assert "Claim form" in form_text
    assert claim.claim_number in form_text
    assert "Bodge Builders Ltd" in form_text
    # The stored sealed form is the one printed: not made a second time.
    assert archive.read(enclosure) == document_read(document=claim.sealed_claim_form)


@time_machine.travel(NOW, tick=False)
def test_a_letter_batched_before_the_sealing_task_ran_still_carries_the_form(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks():  # the sealing task is lost
        claim = claim_issue(claim=claim_submitted())
    claim.refresh_from_db()
    assert claim.sealed_claim_form_id is None
    letter = _letters(claim).get()
    archive = _batch_zip(django_capture_on_commit_callbacks, [letter])
    names = archive.namelist()
    assert names[0] == f"letter-{letter.pk}.pdf"
    assert names[1:] == [f"letter-{letter.pk}-enclosure-1-claim-form-{claim.claim_number}.pdf"]
    assert claim.claim_number in _text(archive, names[1])
    claim.refresh_from_db()
    document = claim.sealed_claim_form  # made then, and kept: the beat job has nothing left
    assert document is not None
    assert archive.read(names[1]) == document_read(document=document)
    assert len(claim_letter_enclosures(message=letter)) == 1
    claim.refresh_from_db()
    assert claim.sealed_claim_form_id == document.pk


@time_machine.travel(NOW, tick=False)
def test_a_new_access_code_letter_and_the_claimants_messages_enclose_nothing(caseworker):
    claim = claim_issue(claim=claim_submitted())
    claim_access_code_reset(claim=claim, actor=caseworker)
    new_code = OutboundMessage.objects.get(
        template_key="civil_claims.access_code_new", channel="letter"
    )
    assert claim_letter_enclosures(message=new_code) == []
    claimant_email = OutboundMessage.objects.get(template_key="civil_claims.claim_issued_claimant")
    assert claim_letter_enclosures(message=claimant_email) == []
    unknown = OutboundMessage(template_key="civil_claims.claim_issued_defendant", object_id="")
    assert claim_letter_enclosures(message=unknown) == []


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("language", ["en", "cy"])
def test_only_the_letter_says_the_claim_form_is_enclosed(language):
    claim_issue(claim=claim_submitted(defendant=defendant_draft(email="dee@example.com")))
    notices = {
        m.channel: m
        for m in OutboundMessage.objects.filter(template_key="civil_claims.claim_issued_defendant")
    }
    assert set(notices) == {"email", "letter"}
    enclosed = {"en": "The sealed claim form is enclosed", "cy": "wedi’i hamgáu"}[language]
    for channel, message in notices.items():
        body = template_render(
            template_get("civil_claims.claim_issued_defendant"),
            personalisation=message.personalisation,
            language=language,
            channel=channel,
        ).body
        assert (enclosed in body) == (channel == "letter")
        assert message.personalisation["access_code"] in body
