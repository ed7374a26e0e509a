"""Issue #20: a Welsh LPA's printed forms are drawn in Welsh (LP1F/LP1H with every
continuation sheet, LP3, LPA120 and the registered stamp), read back with pypdf: the
Welsh of every heading, label and fixed sentence is there and none of the English is.
An English LPA's forms stay as they were, whatever the page's language. The letters to
the attorneys with their access codes (the outbox's letter PDFs) print in Welsh too."""

import ast
import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.utils.translation import override
from pypdf import PdfReader

from digital_services.documents.services import document_read
from digital_services.notifications.letters import letter_for_message, letter_pdf
from digital_services.notifications.models import OutboundMessage
from lasting_power.attorneys import attorney_access_letters_send
from lasting_power.documents import FeeReductionAnswers, Paperwork, documents_build
from lasting_power.documents.generate import paperwork_for
from lasting_power.documents.lp1 import lp1_pdf
from lasting_power.documents.lp3 import lp3_pdf
from lasting_power.documents.lpa120 import lpa120_pdf
from lasting_power.documents.registered import lpa_registered_document, registered_pdf
from lasting_power.fees import Benefit, FeeReduction, lpa_fee_for
from lasting_power.models import Lpa
from lasting_power.services import lpa_fee_outcome
from lasting_power.tasks import lpa_registered_send_task

from .factories import lpa_completed
from .paperwork_examples import attorneys, details, trust
from .registration_factories import lpa_registered

DOCUMENTS = Path(settings.BASE_DIR) / "lasting_power" / "documents"


def _english_fixed_words() -> set[str]:
    """The English text of every string the forms mark for translation, cut at their
    placeholders: none of it may be on a Welsh form."""
    found = set()
    for module in DOCUMENTS.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            position = {"gettext": 0, "gettext_lazy": 0, "gettext_noop": 0, "pgettext": 1}.get(name)
            if position is None or len(node.args) <= position:
                continue
            text = node.args[position]
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                for piece in re.split(r"%\(\w+\)s", text.value):
                    piece = piece.strip(" .:,()")
                    if re.search(r"[A-Za-z]{3}", piece):
                        found.add(piece)
    return found


ENGLISH = _english_fixed_words()
#: Words our answers or the example's names share with the forms' English.
ANSWERS = {"LPA", "OPG"}


def texts(content: bytes) -> str:
    pages = PdfReader(io.BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def english_in(text: str, *, names: frozenset[str] = frozenset()) -> list[str]:
    """The forms' English found in ``text`` (``names``: words that are people's names)."""
    return sorted(
        piece
        for piece in ENGLISH - ANSWERS - names
        if re.search(rf"(?<![\w’']){re.escape(piece)}(?![\w’'])", text)
    )


def _welsh(**changes) -> Paperwork:
    """A completed Welsh LPA that needs every continuation sheet and every form."""
    fee = lpa_fee_for(on=dt.date(2026, 3, 2), repeat=True, reduction=FeeReduction.LOW_INCOME)
    base = details(
        attorneys=[trust(), *attorneys(4)],
        attorneys_how="depends",
        attorneys_how_details="Penderfyniadau am y tŷ ar y cyd",
        replacements=attorneys(3, "replacement", "Wrthgefn"),
        replacements_when="last",
        replacements_how="jointly",
        people_to_notify=attorneys(5, "notify", "Hysbysu"),
        preferences="Hoffwn aros yn fy nghartref yn Nhŷ Dŵr. " * 20,
        instructions="Dim",
        donor_can_sign=False,
        registering="attorneys",
        registering_attorneys=attorneys(2),
        correspondent_in_welsh=True,
        repeat_case_number="123456789012",
    )
    paperwork = Paperwork(
        details=dataclasses.replace(base, **changes),
        completed=True,
        fee=fee,
        payment_method="cheque",
        fee_reduction=FeeReductionAnswers(income_under_limit=True),
        language="cy",
    )
    return paperwork


def test_the_english_words_are_found_in_the_forms_source():
    assert {"Section 1: The donor", "DRAFT", "REGISTERED", "Signature of the witness"} <= ENGLISH
    assert "Continuation sheet" in ENGLISH  # "Continuation sheet %(number)s", cut


@pytest.mark.django_db
def test_a_welsh_lp1f_with_every_continuation_sheet_is_all_welsh():
    paperwork = _welsh()
    text = texts(lp1_pdf(paperwork))

    for welsh in (
        "LP1F tudalen 1",
        "Cyfeirnod A123 4567 8901",
        "Atwrneiaeth arhosol: Eiddo a materion ariannol",
        "Adran 1: Y rhoddwr",
        "Adran 3: Sut dylai eich atwrneiod wneud penderfyniadau?",
        "Adran 5: Pryd gall eich atwrneiod wneud penderfyniadau?",
        "Adran 8: Eich hawliau a’ch cyfrifoldebau cyfreithiol",
        "Deddf Galluedd Meddyliol 2005",
        "Adran 14: Ffi’r cais",
        "Swyddfa’r Gwarcheidwad Cyhoeddus",
        "Dalen barhad 1 (1 o ",
        "Dalen barhad 2",
        "Dalen barhad 3",
        "Dalen barhad 4",
        "Mae’r atwrneiod wrth gefn yn camu i mewn dim ond pan na all yr un o’r atwrneiod",
        "Mae’r atwrneiod wrth gefn yn gwneud penderfyniadau ar y cyd.",
        "Corfforaeth ymddiriedolaeth: yn lle adran 11",
        "Gadawyd y dudalen hon yn wag yn fwriadol.",
        "Dyddiad llofnodi (diwrnod, mis, blwyddyn)",
    ):
        assert welsh in text, welsh
    assert "X Ar y cyd ar gyfer rhai penderfyniadau" in text  # the answer is ticked
    assert "Nhŷ Dŵr" in text  # Welsh letters survive (the TrueType font)
    assert "£" in text and "DRAFFT" not in text
    assert english_in(text) == []
    assert "Property and financial affairs" not in text


@pytest.mark.django_db
def test_a_welsh_lp1h_draft_is_welsh_with_its_welsh_watermark():
    paperwork = dataclasses.replace(
        _welsh(lpa_type="health-and-welfare", can_sustain_life=True, when=""), completed=False
    )
    text = texts(lp1_pdf(paperwork))

    assert "LP1H tudalen 6" in text and "Adran 5: Triniaeth cynnal bywyd" in text
    assert "Iechyd a lles" in text
    assert "DRAFFT" in text and "Rhagolwg yw hwn: peidiwch â’i llofnodi" in text
    assert english_in(text) == []


@pytest.mark.django_db
def test_a_welsh_lp3_and_lpa120_are_welsh():
    paperwork = _welsh()
    lp3 = texts(lp3_pdf(paperwork, person_key="1"))
    assert "Hysbysiad o fwriad i wneud cais i gofrestru LPA" in lp3
    assert "Mae gennych 3 wythnos" in lp3 and "LP3 tudalen diwedd" in lp3
    assert english_in(lp3) == []

    answers = FeeReductionAnswers(benefits=(Benefit.INCOME_SUPPORT,))
    lpa120 = texts(lpa120_pdf(dataclasses.replace(paperwork, fee_reduction=answers)))
    assert "Gwneud cais am esemptiad neu ostyngiad yn ffi atwrneiaeth" in lpa120
    assert "X Mae’r rhoddwr yn cael Cymhorthdal Incwm" in lpa120
    assert "X Esemptiad: dim ffi" in lpa120
    assert "£12,000" in lpa120  # money as in English
    assert english_in(lpa120) == []


@pytest.mark.django_db
def test_the_registered_stamp_on_a_welsh_lpa_is_welsh_with_a_welsh_date():
    lp1 = lp1_pdf(_welsh())
    stamped = registered_pdf(
        lp1=lp1, registered_on=dt.date(2026, 12, 3), reference="A123 4567 8901", language="cy"
    )
    for page in PdfReader(io.BytesIO(stamped)).pages:
        text = " ".join(page.extract_text().split())
        assert "COFRESTRWYD" in text and "Cofrestrwyd ar 3 Rhagfyr 2026" in text
        assert "gan Swyddfa’r Gwarcheidwad Cyhoeddus" in text
        assert "Cyfeirnod yr LPA A123 4567 8901" in text
        assert "REGISTERED" not in text and "December" not in text


@pytest.mark.django_db
def test_an_english_lpa_s_forms_stay_english_when_the_page_is_welsh():
    paperwork = dataclasses.replace(_welsh(), language="en")
    with override("cy"):
        made = documents_build(paperwork)
        stamped = registered_pdf(
            lp1=made[0].content, registered_on=dt.date(2026, 12, 3), reference="A123"
        )
    text = texts(made[0].content)
    assert "LP1F page 1" in text and "Section 1: The donor" in text
    assert "Property and financial affairs" in text and "Adran 1" not in text
    assert "Registered on 3 December 2026" in texts(stamped)
    assert [m.filename.split("-")[0] for m in made] == ["LP1F", *["LP3"] * 5, "LPA120"]
    assert all("tudalen" not in texts(m.content) for m in made)


@pytest.mark.django_db
def test_a_welsh_lpa_s_stored_forms_and_registered_copy_are_welsh_whoever_asks():
    with time_machine.travel("2026-12-03 11:00 +0000", tick=False):
        lpa = lpa_registered()
        Lpa.objects.filter(pk=lpa.pk).update(language="cy")
        lpa.refresh_from_db()
        with override("en"):
            paperwork = paperwork_for(lpa)
            made = documents_build(paperwork)
            assert lpa_registered_send_task.apply(args=[lpa.pk]).get() is True
    assert paperwork.language == "cy"
    with override("cy"):
        welsh_reason = lpa_fee_outcome(lpa).reason
    with override("en"):
        assert lpa_fee_outcome(lpa).reason != welsh_reason
    assert paperwork.fee.reason == welsh_reason
    lp1 = texts(made[0].content)
    donor = frozenset({"Donor"})  # the factory's donor is "Dorothy Donor"
    assert "Adran 1: Y rhoddwr" in lp1 and english_in(lp1, names=donor) == []
    registered = texts(document_read(document=lpa_registered_document(lpa=lpa)))
    assert "Cofrestrwyd ar 3 Rhagfyr 2026" in registered and "Adran 1: Y rhoddwr" in registered
    assert english_in(registered, names=donor) == []


@pytest.mark.django_db
def test_a_completed_english_lpa_s_forms_are_english_under_a_welsh_page():
    lpa = lpa_completed()
    with override("cy"):
        made = documents_build(paperwork_for(lpa))
    text = texts(made[0].content)
    assert "Section 1: The donor" in text and "Adran" not in text


@pytest.mark.django_db
def test_the_access_code_letter_to_an_attorney_of_a_welsh_lpa_prints_in_welsh():
    lpa = lpa_registered()
    answers = dict(lpa.answers)
    answers["correspondent"] = {**answers["correspondent"], "in_welsh": "yes"}
    Lpa.objects.filter(pk=lpa.pk).update(answers=answers, language="cy")
    lpa.refresh_from_db()
    OutboundMessage.objects.filter(template_key="lasting_power.attorney_access").delete()

    assert attorney_access_letters_send(lpa=lpa)[0] >= 1
    message = OutboundMessage.objects.filter(template_key="lasting_power.attorney_access").first()
    assert message.language == "cy"
    text = texts(letter_pdf(letter_for_message(message)))
    assert "Cyfeirnod" in text and "Sut i gysylltu â ni" in text
    assert "Reference" not in text and "How to contact us" not in text
    assert "December" not in text and "Property and financial affairs" not in text
