"""Registering: the registered PDF (the completed LP1 with every page stamped "REGISTERED"
and the registration date, read back with pypdf), kept next to the LPA's forms, and sent
to the correspondent by their route: a letter carries it, an email points to the account."""

import io

import pytest
import time_machine
from pypdf import PdfReader

from digital_services.documents.services import document_read
from digital_services.notifications.models import OutboundMessage
from lasting_power import registration
from lasting_power.delivery import lpa_pack_enclosures
from lasting_power.documents.generate import lpa_documents_current, lpa_documents_generate
from lasting_power.documents.registered import REGISTERED_MARK, lpa_registered_document
from lasting_power.tasks import lpa_registered_send_task

from .factories import CONTACT_POST
from .registration_factories import lpa_registered

pytestmark = pytest.mark.django_db


def _registered(**kwargs):
    with time_machine.travel("2026-12-03 11:00 +0000", tick=False):
        lpa = lpa_registered(**kwargs)
        assert lpa_registered_send_task.apply(args=[lpa.pk]).get() is True
    return lpa


def test_the_registered_pdf_carries_the_mark_the_date_and_the_reference_on_every_page():
    lpa = _registered()
    document = lpa_registered_document(lpa=lpa)
    assert document is not None and document.filename.endswith("-registered.pdf")
    reader = PdfReader(io.BytesIO(document_read(document=document)))
    assert len(reader.pages) > 1
    for page in reader.pages:
        text = page.extract_text()
        assert REGISTERED_MARK in text
        assert "Registered on 3 December 2026" in text
        assert lpa.reference_display in text
    assert "Dorothy" in "".join(page.extract_text() for page in reader.pages)


def test_an_emailed_correspondent_is_told_it_is_registered_and_where_to_download_it():
    lpa = _registered()
    message = OutboundMessage.objects.get(template_key="lasting_power.registered")
    assert message.channel == "email" and message.recipient == "dorothy@example.com"
    assert message.personalisation["registered_on"] == "3 December 2026"
    assert message.personalisation["lpa_url"].endswith(f"/{lpa.pk}/view/")


def test_a_posted_correspondent_gets_the_stamped_lpa_behind_the_letter():
    lpa = _registered(contact=CONTACT_POST)
    letter = OutboundMessage.objects.get(template_key="lasting_power.registered")
    assert letter.channel == "letter"
    enclosures = lpa_pack_enclosures(message=letter)
    assert [name for name, _ in enclosures] == [lpa_registered_document(lpa=lpa).filename]
    text = PdfReader(io.BytesIO(enclosures[0][1])).pages[0].extract_text()
    assert REGISTERED_MARK in text


def test_sending_again_makes_no_second_pdf_and_a_new_set_of_forms_keeps_it():
    lpa = _registered()
    first = lpa_registered_document(lpa=lpa)
    registration.lpa_registered_send(lpa_id=lpa.pk)
    lpa_documents_generate(lpa_id=lpa.pk)
    assert lpa_registered_document(lpa=lpa) == first
    assert first in lpa_documents_current(lpa=lpa)


def test_nothing_is_sent_for_an_lpa_not_registered_or_gone():
    from .registration_factories import lpa_ready

    lpa = lpa_ready()
    assert registration.lpa_registered_send(lpa_id=lpa.pk) is False
    assert registration.lpa_registered_send(lpa_id=999_999_999) is False
    assert not OutboundMessage.objects.filter(template_key="lasting_power.registered").exists()
