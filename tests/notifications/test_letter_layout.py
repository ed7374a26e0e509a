"""Issue #22 points 13 and 15: letters laid out to GOV.UK Notify's precompiled letter
specification, measured where the text actually sits in the PDF."""

import io
import zipfile

import pytest

from digital_services.core.registry import service_for_app
from digital_services.notifications import registry
from digital_services.notifications.constants import Channel
from digital_services.notifications.letters import (
    ADDRESS_AREA,
    BODY_TOP,
    LOGO_AREA,
    SERVICE_ADDRESS_AREA,
    Letter,
    LetterLayoutError,
    letter_pdf,
    letters_zip,
)
from digital_services.notifications.registry import RenderedMessage

from .letter_measure import fonts_not_embedded, inside, page_count, text_boxes

ADDRESS_7 = [
    "Ms Angharad Wynne-Pritchard",
    "Flat 12, Tŷ Gwyn",
    "147 Heol y Frenhines",
    "Treganna",
    "Caerdydd",
    "De Morgannwg",
    "CF11 9AB",
]
BORDERS = (15.0, 5.0, 195.0, 292.0)


@pytest.fixture(autouse=True)
def _contact(settings):
    settings.SITE_URL = "https://digital.justice.example"
    settings.CONTACT_PHONE = "020 3334 3555"
    settings.CONTACT_POSTAL_ADDRESS = [
        "Ministry of Justice",
        "102 Petty France",
        "London",
        "SW1H 9AJ",
    ]


def _sample(name: str) -> str:
    if name.endswith("_url"):
        return f"https://digital.justice.example/{name.removesuffix('_url')}/PV-ABC-123/"
    return f"Sample {name.replace('_', ' ')} text"


def _letter_templates(app_label: str | None = None):
    return [
        t
        for t in registry.templates_all()
        if Channel.LETTER in t.channels
        and not t.key.startswith("tests.")
        and (app_label is None or t.key.split(".")[0] == app_label)
    ]


def _letter(template, language="en") -> Letter:
    rendered = registry.template_render(
        template,
        language=language,
        personalisation={name: _sample(name) for name in template.personalisation},
        channel=Channel.LETTER,
    )
    service = service_for_app(template.key.split(".")[0])
    return Letter(
        address_lines=ADDRESS_7,
        rendered=rendered,
        language=language,
        reference="PV-ABC-123",
        service_name=service.name if service else "",
    )


def _problems(pdf: bytes, letter: Letter) -> list[str]:
    """Every way the PDF breaks the specification, in words."""
    problems = []
    boxes = text_boxes(pdf)
    if page_count(pdf) > 10:
        problems.append(f"{page_count(pdf)} pages")
    for font in fonts_not_embedded(pdf):
        problems.append(f"font {font} is not embedded")
    for box in boxes:
        if not inside(box, BORDERS):
            problems.append(f"page {box.page}: {box.text!r} is outside the borders {box}")
        if box.page == 1 and box.top < BODY_TOP:
            if not any(
                inside(box, area) for area in (LOGO_AREA, SERVICE_ADDRESS_AREA, ADDRESS_AREA)
            ):
                problems.append(f"page 1: {box.text!r} is in a no-print area {box}")
    address = [b for b in boxes if b.page == 1 and inside(b, ADDRESS_AREA)]
    if [b.text for b in address] != letter.address_lines:
        problems.append(f"the address block holds {[b.text for b in address]}")
    if letter.rendered.subject:
        subject = next(b for b in boxes if letter.rendered.subject.startswith(b.text[:20]))
        if subject.top < BODY_TOP:
            problems.append(f"the body starts at {subject.top:.1f} mm, above {BODY_TOP} mm")
    return problems


def test_a_letter_from_each_service_passes_the_precompiled_layout():
    services = {t.key.split(".")[0] for t in _letter_templates()}
    assert {"prison_visits", "tribunal_fees"} <= services
    for app_label in sorted(services):  # every service that sends letters, in both languages
        for template in _letter_templates(app_label):
            for language in ("en", "cy"):
                letter = _letter(template, language)
                assert _problems(letter_pdf(letter), letter) == [], (template.key, language)


def test_the_address_block_is_where_the_window_is():
    letter = _letter(_letter_templates("prison_visits")[0])
    boxes = [b for b in text_boxes(letter_pdf(letter)) if b.text in ADDRESS_7]

    assert len(boxes) == 7
    assert min(b.left for b in boxes) >= 24.6 and max(b.right for b in boxes) <= 120.0
    assert min(b.top for b in boxes) >= 39.5 and max(b.bottom for b in boxes) <= 66.3


def test_the_checks_catch_what_the_old_layout_did(monkeypatch):
    """The measuring is real: a date above 95 mm beside the address is a no-print area."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("Helvetica", 11)
    page.drawString(20 * 2.834645669, (297 - 93.5) * 2.834645669, "2 March 2026")
    page.save()
    letter = Letter(address_lines=[], rendered=RenderedMessage(subject="", body=""))

    problems = _problems(buffer.getvalue(), letter)

    assert any("no-print area" in p for p in problems)
    assert any("Helvetica is not embedded" in p for p in problems)


def test_every_letter_names_the_service_and_gives_our_return_address_and_phone():
    letter = _letter(_letter_templates("tribunal_fees")[0])
    boxes = text_boxes(letter_pdf(letter))

    logo = [b.text for b in boxes if b.page == 1 and inside(b, LOGO_AREA)]
    side = [b.text for b in boxes if b.page == 1 and inside(b, SERVICE_ADDRESS_AREA)]
    assert logo[0] == "Ministry of Justice" and letter.service_name in " ".join(logo)
    assert side[:4] == ["Ministry of Justice", "102 Petty France", "London", "SW1H 9AJ"]
    assert "Phone: 020 3334 3555" in side
    assert "Reference: PV-ABC-123" in side


def test_a_welsh_letter_is_in_welsh_throughout():
    letter = _letter(_letter_templates("prison_visits")[0], language="cy")
    text = " ".join(b.text for b in text_boxes(letter_pdf(letter)))

    assert "Y Weinyddiaeth Gyfiawnder" in text and "Ffôn: 020 3334 3555" in text
    assert "Sut i gysylltu â ni" in text and "Tudalen 1" in text


def test_an_address_of_eight_lines_is_refused():
    letter = _letter(_letter_templates("prison_visits")[0])
    with pytest.raises(LetterLayoutError, match="1 to 7 lines"):
        letter_pdf(Letter(address_lines=[*ADDRESS_7, "UK"], rendered=letter.rendered))


def test_a_letter_over_ten_pages_is_refused():
    long_text = RenderedMessage(
        subject="Long", body="", paragraphs=["Words and more words. " * 60] * 60
    )
    with pytest.raises(LetterLayoutError, match="at most 10"):
        letter_pdf(Letter(address_lines=ADDRESS_7, rendered=long_text))


def test_a_long_letter_keeps_to_the_borders_on_every_page():
    text = RenderedMessage(subject="Long", body="", paragraphs=["Words and more words. " * 40] * 12)
    letter = Letter(address_lines=ADDRESS_7, rendered=text, reference="R-1", service_name="Service")
    pdf = letter_pdf(letter)

    assert 1 < page_count(pdf) <= 10
    assert _problems(pdf, letter) == []


def test_a_batch_is_a_set_of_letters_one_pdf_each():
    template = _letter_templates("prison_visits")[0]
    letters = [_letter(template), _letter(template, "cy")]
    letters = [
        Letter(**{**letter.__dict__, "name": f"letter-{n}"}) for n, letter in enumerate(letters)
    ]

    archive = zipfile.ZipFile(io.BytesIO(letters_zip(letters)))

    assert archive.namelist() == ["letter-0.pdf", "letter-1.pdf"]
    for name in archive.namelist():
        pdf = archive.read(name)
        assert pdf.startswith(b"%PDF") and page_count(pdf) <= 10
