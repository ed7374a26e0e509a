"""A completed LPA goes the correspondent's way: an email saying the documents are in the
account, or a letter whose print batch carries the LPA's PDFs behind it (the posted pack)."""

import io
import zipfile

import pytest
from pypdf import PdfReader

from digital_services.documents.services import document_read
from digital_services.notifications.models import OutboundMessage
from digital_services.notifications.services import letter_batch_render
from digital_services.notifications.tasks import notification_deliver
from lasting_power.delivery import lpa_pack_enclosures
from tests.accounts.factories import StaffUserFactory

from .factories import CONTACT_POST, lpa_completed

pytestmark = pytest.mark.django_db


def test_a_posted_pack_is_a_letter_with_the_lpa_pdfs_behind_it(
    django_capture_on_commit_callbacks, monkeypatch
):
    from digital_services.notifications import tasks
    from digital_services.notifications.services import letter_batches_close

    monkeypatch.setattr(tasks.letter_batch_render_task, "apply_async", lambda *a, **k: None)
    with django_capture_on_commit_callbacks(execute=True):
        lpa = lpa_completed(contact=CONTACT_POST, notify=1)
    letter = OutboundMessage.objects.get(template_key="lasting_power.completed")
    assert letter.channel == "letter"
    assert notification_deliver(letter.pk) == "queued-for-print"
    letter.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        letter_batches_close(batch_ids=[letter.letter_batch_id], user=StaffUserFactory())
    document = letter_batch_render(batch_id=letter.letter_batch_id)
    archive = zipfile.ZipFile(io.BytesIO(document_read(document=document)))
    names = archive.namelist()  # in the order written: the letter, then its pack
    assert names[0] == f"letter-{letter.pk}.pdf"
    enclosures = [n for n in names if n.startswith(f"letter-{letter.pk}-enclosure-")]
    assert any("LP1H" in n or "LP1F" in n for n in enclosures), names
    assert any("LP3" in n for n in enclosures)
    lp1 = next(n for n in enclosures if "LP1" in n)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(archive.read(lp1))).pages)
    assert "Dorothy" in text and lpa.reference_display.replace(" ", "") in text.replace(" ", "")


def test_an_emailed_correspondent_gets_no_pack_and_other_letters_enclose_nothing(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        lpa_completed()
    email = OutboundMessage.objects.get(template_key="lasting_power.completed")
    assert email.channel == "email"
    assert "account" in email.personalisation["documents"]
    other = OutboundMessage(template_key="lasting_power.inactive_warning", object_id="")
    assert lpa_pack_enclosures(message=other) == []
