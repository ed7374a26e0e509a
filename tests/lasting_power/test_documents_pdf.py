"""The generated PDFs read back with pypdf: the entered data on the pages of the notes'
page map, continuation sheets exactly when they are needed, the DRAFT watermark before
completion only, the barcode on page 19, LP3s and the LPA120."""

import dataclasses
import io
import re

import pytest
from pypdf import PdfReader

from lasting_power.details import Address
from lasting_power.documents import FeeReductionAnswers, Paperwork, documents_build
from lasting_power.documents.lp1 import lp1_pdf
from lasting_power.documents.lp3 import lp3_pdf
from lasting_power.documents.lpa120 import NoReductionAsked, lpa120_pdf
from lasting_power.fees import Benefit, FeeReduction, lpa_fee_for

from .paperwork_examples import attorneys, details, person, trust

TODAY = "2026-03-02"


def texts(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def headers(pages: list[str]) -> list[str]:
    return [page.split("\n", 1)[0].strip() for page in pages]


def page(pages: list[str], label: str) -> str:
    """The text of the page whose header is ``label`` ("LP1F page 8")."""
    found = [p for p in pages if p.split("\n", 1)[0].strip() == label]
    assert len(found) == 1, f"{label}: {headers(pages)}"
    return found[0]


def ticked(text: str, label: str) -> bool:
    return re.search(r"X\s*" + re.escape(label), text) is not None


def sheets(pages: list[str], number: int) -> list[str]:
    return [p for p in pages if p.startswith(f"Continuation sheet {number} (")]


def lp1(completed: bool = False, **changes) -> list[str]:
    return texts(lp1_pdf(Paperwork(details=details(**changes), completed=completed)))


@pytest.mark.django_db
def test_the_lp1f_follows_the_page_map_with_every_section_filled_in():
    fee = lpa_fee_for(on=dt_date(), repeat=True, reduction=FeeReduction.NONE)
    paperwork = Paperwork(
        details=details(
            attorneys=attorneys(3),
            attorneys_how="jointly-attorney-severally",
            replacements=attorneys(1, "replacement", "Replacer"),
            people_to_notify=attorneys(2, "notify", "Notified"),
            registering="attorneys",
            registering_attorneys=attorneys(3)[:2],
            correspondent_by_post=True,
            correspondent_in_welsh=True,
            repeat_case_number="123456789012",
        ),
        completed=True,
        fee=fee,
        payment_method="cheque",
    )
    pages = texts(lp1_pdf(paperwork))
    assert headers(pages)[1:21] == [f"LP1F page {n}" for n in range(1, 21)]
    one = page(pages, "LP1F page 1")
    assert "Dorothy" in one and "Donorperson" in one and "Dot Smith" in one
    assert "1 Donorperson Street, Leeds, LS1 1AA" in one and "dot@example.com" in one
    assert "1970" in one
    assert "Attorney1" in page(pages, "LP1F page 2") and "Attorney2" in page(pages, "LP1F page 2")
    assert "Attorney3" in page(pages, "LP1F page 3")
    assert ticked(page(pages, "LP1F page 4"), "Jointly and severally")
    assert not ticked(page(pages, "LP1F page 4"), "Jointly\n")
    assert "Replacer1" in page(pages, "LP1F page 5")
    assert ticked(page(pages, "LP1F page 6"), "As soon as the LPA is registered")
    assert "Notified2" in page(pages, "LP1F page 7")
    eight = page(pages, "LP1F page 8")
    assert "Prefers to stay at home." in eight and "Do not sell the cottage." in eight
    assert "Dorothy Donorperson" in page(pages, "LP1F page 10")
    assert "Cyril" in page(pages, "LP1F page 11")
    assert "Attorney: Mx Attorney1 Surnameatt1" in page(pages, "LP1F page 12")
    assert "Replacement attorney: Mx Replacer1" in page(pages, "LP1F page 15")
    seventeen = page(pages, "LP1F page 17")
    assert ticked(seventeen, "The attorneys are applying")
    assert "Attorney2" in seventeen and "Attorney3" not in seventeen
    eighteen = page(pages, "LP1F page 18")
    assert ticked(eighteen, "Contact by post") and ticked(eighteen, "Contact in Welsh")
    nineteen = page(pages, "LP1F page 19")
    assert "£46.00" in nineteen and "123456789012" in nineteen
    assert ticked(nineteen, "Paying by cheque") and ticked(nineteen, "This is a repeat application")
    assert "Mx Attorney1" in page(pages, "LP1F page 20")
    assert not any(p.startswith("Continuation sheet") for p in pages)


def dt_date():
    import datetime as dt

    return dt.date(2026, 3, 2)


@pytest.mark.parametrize(("sustain", "option"), [(True, "Option A"), (False, "Option B")])
def test_the_lp1h_page_6_is_life_sustaining_treatment(sustain, option):
    pages = lp1(lpa_type="health-and-welfare", when="", can_sustain_life=sustain)
    six = page(pages, "LP1H page 6")
    assert "Life-sustaining treatment" in six
    assert ticked(six, option)
    assert not ticked(six, "Option B" if option == "Option A" else "Option A")


def test_a_draft_carries_the_watermark_on_every_page_and_no_barcode():
    pages = lp1(completed=False, donor_can_sign=False)
    assert all("DRAFT" in p for p in pages)
    assert "A12345678901" not in page(pages, "LP1F page 19")


def test_a_completed_lpa_has_no_watermark_and_a_barcode_of_the_reference_on_page_19():
    content = lp1_pdf(Paperwork(details=details(donor_can_sign=False), completed=True))
    pages = texts(content)
    assert not any("DRAFT" in p for p in pages)
    assert "A12345678901" in page(pages, "LP1F page 19")
    reader = PdfReader(io.BytesIO(content))
    draft = PdfReader(io.BytesIO(lp1_pdf(Paperwork(details=details(), completed=False))))
    index = headers(pages).index("LP1F page 19")
    bars = reader.pages[index].get_contents().get_data().count(b" re")
    no_bars = draft.pages[index].get_contents().get_data().count(b" re")
    assert bars - no_bars > 30  # the bars of a Code 128 symbol


@pytest.mark.parametrize(
    ("people", "expected_sheets"),
    [
        ({"attorneys": 4}, 0),
        ({"attorneys": 5}, 1),
        ({"attorneys": 6}, 1),
        ({"attorneys": 7}, 2),
        ({"replacements": 2}, 0),
        ({"replacements": 3}, 1),
        ({"notify": 4}, 0),
        ({"notify": 5}, 1),
        ({"attorneys": 5, "replacements": 3, "notify": 5}, 2),
    ],
)
def test_continuation_sheet_1_holds_overflow_people_two_a_sheet(people, expected_sheets):
    pages = lp1(
        attorneys=attorneys(people.get("attorneys", 1)),
        attorneys_how="jointly" if people.get("attorneys", 1) > 1 else "single-attorney",
        replacements=attorneys(people.get("replacements", 0), "replacement", "Replacer"),
        people_to_notify=attorneys(people.get("notify", 0), "notify", "Notified"),
    )
    found = sheets(pages, 1)
    assert len(found) == expected_sheets
    text = "\n".join(found)
    for number in range(5, people.get("attorneys", 1) + 1):
        assert f"Attorney{number}" in text
    if people.get("replacements", 0) > 2:
        assert "Replacer3" in text and "Replacer2" not in text
    if people.get("notify", 0) > 4:
        assert "Notified5" in text and "Notified4" not in text
    assert bool(expected_sheets) == any(
        p.startswith("After the continuation sheets") for p in pages
    )


def test_a_trust_corporation_takes_the_first_slot_and_continuation_sheet_4():
    pages = lp1(attorneys=attorneys(4) + [trust()], attorneys_how="jointly")
    assert "Trusty Corporation Ltd" in page(pages, "LP1F page 2")
    assert len(sheets(pages, 4)) == 1
    assert "01234567" in sheets(pages, 4)[0]
    assert "Attorney4" in sheets(pages, 1)[0]  # the fifth attorney overflows
    # The trust corporation signs continuation sheet 4, not a section 11 page.
    section_11 = [p for p in pages if "Section 11:" in p]
    assert len(section_11) == 4 and not any("Trusty" in p for p in section_11)


def test_no_trust_corporation_no_continuation_sheet_4():
    assert sheets(lp1(attorneys=attorneys(2), attorneys_how="jointly"), 4) == []


def test_section_11_repeats_beyond_four_signers_and_crosses_through_unused_pages():
    pages = lp1(
        attorneys=attorneys(3),
        attorneys_how="jointly",
        replacements=attorneys(2, "replacement", "Replacer"),
    )
    assert "Replacer2" in page(pages, "LP1F page 15A")
    assert headers(pages).index("LP1F page 15A") + 1 == headers(pages).index("LP1F page 16")
    short = lp1()
    assert "This page is not needed" in page(short, "LP1F page 13")


def test_more_than_four_applicants_repeat_pages_17_and_20():
    five = attorneys(5)
    pages = lp1(
        attorneys=five, attorneys_how="jointly", registering="attorneys", registering_attorneys=five
    )
    assert "Attorney5" in page(pages, "LP1F page 17A")
    assert "Attorney5" in page(pages, "LP1F page 20A")


@pytest.mark.parametrize(("how", "needed"), [("depends", True), ("jointly", False)])
def test_continuation_sheet_2_holds_the_depends_decisions(how, needed):
    pages = lp1(
        attorneys=attorneys(2), attorneys_how=how, attorneys_how_details="Sell the house together."
    )
    found = sheets(pages, 2)
    assert bool(found) is needed
    if needed:
        assert "How the attorneys make decisions" in found[0]
        assert "Sell the house together." in found[0]
        assert ticked(page(pages, "LP1F page 4"), "Jointly for some decisions")


@pytest.mark.parametrize(
    ("when", "how", "needed", "words"),
    [
        ("first", "", False, ""),
        ("last", "", True, "only when none of the original attorneys can act"),
        ("depends", "", True, "Only after Bob retires."),
        ("", "jointly", True, "make decisions jointly."),
        ("", "single-attorney", False, ""),
    ],
)
def test_continuation_sheet_2_holds_how_replacements_step_in_when_not_the_default(
    when, how, needed, words
):
    pages = lp1(
        attorneys=attorneys(2),
        attorneys_how="jointly-attorney-severally",
        replacements=attorneys(2, "replacement", "Replacer"),
        replacements_when=when,
        replacements_when_details="Only after Bob retires." if when == "depends" else "",
        replacements_how=how,
    )
    found = sheets(pages, 2)
    assert bool(found) is needed
    assert ticked(page(pages, "LP1F page 5"), "The donor wants to change how") is needed
    if needed:
        assert words in found[0]


def test_preferences_that_fit_the_box_need_no_sheet_and_one_line_more_does():
    six_lines = "\n".join(f"Line {n}" for n in range(1, 7))
    assert sheets(lp1(preferences=six_lines), 2) == []
    pages = lp1(preferences=six_lines + "\nLine seven overflows")
    found = sheets(pages, 2)
    assert len(found) == 1
    assert "Preferences (continued from section 7)" in found[0]
    assert "Line seven overflows" in found[0] and "Line 6" not in found[0]
    assert ticked(page(pages, "LP1F page 8"), "Preferences continue on continuation sheet 2")


def test_long_instructions_wrap_at_84_characters_and_run_over_several_sheets():
    words = " ".join(f"word{n:04d}" for n in range(900))  # 8,100 characters
    pages = lp1(instructions=words)
    found = sheets(pages, 2)
    assert len(found) >= 3
    everything = page(pages, "LP1F page 8") + "".join(found)
    for n in (0, 450, 899):
        assert f"word{n:04d}" in everything


@pytest.mark.parametrize("can_sign", [True, False])
def test_continuation_sheet_3_exactly_when_the_donor_cannot_sign(can_sign):
    pages = lp1(donor_can_sign=can_sign)
    assert len(sheets(pages, 3)) == (0 if can_sign else 1)
    assert ticked(page(pages, "LP1F page 1"), "The donor cannot sign") is not can_sign
    ten = page(pages, "LP1F page 10")
    assert ("Signature or mark of the donor" in ten) is can_sign
    assert ("Cross this page through" in ten) is not can_sign


def test_lp3_names_the_person_the_donor_and_every_attorney():
    paperwork = Paperwork(
        details=details(
            attorneys=attorneys(5),
            attorneys_how="jointly",
            people_to_notify=[
                person(
                    "notify",
                    "1",
                    "Nora",
                    "Notified",
                    address=Address("9 Elm Road", "", "", "YO1 1AA"),
                )
            ],
        ),
        completed=True,
    )
    pages = texts(lp3_pdf(paperwork, person_key="1"))
    assert "Nora" in pages[0] and "9 Elm Road, YO1 1AA" in pages[0]
    assert "Dorothy Donorperson" in pages[0]
    assert "Attorney4" in pages[1] and "Attorney5" in pages[2]  # 4 attorneys a page
    assert "3 weeks" in pages[-1]
    assert not any("DRAFT" in p for p in pages)
    with pytest.raises(LookupError):
        lp3_pdf(paperwork, person_key="2")


def test_lpa120_ticks_the_answers_and_names_the_correspondent():
    answers = FeeReductionAnswers(
        benefits=(Benefit.HOUSING_BENEFIT,), damages_over_limit=False, income_under_limit=True
    )
    pages = texts(lpa120_pdf(Paperwork(details=details(), completed=True, fee_reduction=answers)))
    text = "\n".join(pages)
    assert "Dorothy" in pages[0] and "donor Donorperson Street, Leeds" in pages[0]
    assert ticked(text, "The donor gets Housing Benefit")
    assert not ticked(text, "The donor gets Income Support")
    assert ticked(text, "The donor's gross annual income is less than £12,000.00")
    assert ticked(text, "Exemption: no fee")
    with pytest.raises(NoReductionAsked):
        lpa120_pdf(Paperwork(details=details(), completed=True))


def test_universal_credit_is_ticked_on_the_lpa120():
    answers = FeeReductionAnswers(benefits=(Benefit.UNIVERSAL_CREDIT,))
    text = "\n".join(
        texts(lpa120_pdf(Paperwork(details=details(), completed=True, fee_reduction=answers)))
    )
    assert ticked(text, "The donor gets Universal Credit")
    assert ticked(text, "Universal Credit: OPG will decide the fee")


def test_fee_reduction_answers_from_the_stored_answers():
    assert FeeReductionAnswers.from_answers({}) is None
    assert FeeReductionAnswers.from_answers({"wanted": False, "benefits": []}) is None
    assert (
        FeeReductionAnswers.from_answers(
            {
                "wanted": True,
                "benefits": ["personal-independence-payment"],
                "income_under_limit": False,
            }
        )
        is None
    )
    made = FeeReductionAnswers.from_answers(
        {"wanted": True, "benefits": [], "income_under_limit": True, "damages_over_limit": False}
    )
    assert made is not None and made.reduction == FeeReduction.LOW_INCOME


def test_a_draft_set_is_the_lp1_only():
    made = documents_build(
        Paperwork(
            details=details(people_to_notify=attorneys(2, "notify", "N")),
            completed=False,
            fee_reduction=FeeReductionAnswers(income_under_limit=True),
        )
    )
    assert [m.filename for m in made] == ["LP1F-A12345678901-draft.pdf"]


def test_a_completed_set_has_an_lp3_each_and_the_lpa120_when_a_reduction_was_asked():
    base = details(lpa_type="health-and-welfare", people_to_notify=attorneys(2, "notify", "N"))
    made = documents_build(
        Paperwork(
            details=base, completed=True, fee_reduction=FeeReductionAnswers(income_under_limit=True)
        )
    )
    assert [m.filename for m in made] == [
        "LP1H-A12345678901.pdf",
        "LP3-person-to-notify-1-A12345678901.pdf",
        "LP3-person-to-notify-2-A12345678901.pdf",
        "LPA120-A12345678901.pdf",
    ]
    plain = documents_build(
        Paperwork(details=dataclasses.replace(base, people_to_notify=[]), completed=True)
    )
    assert [m.filename for m in plain] == ["LP1H-A12345678901.pdf"]


def _bars(stream: bytes, height: float) -> list[tuple[float, float]]:
    """(x, width) of every filled rectangle ``height`` points tall, left to right."""
    bars = []
    for match in re.finditer(rb"([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) re", stream):
        x, _y, width, tall = (float(v) for v in match.groups())
        if abs(tall - height) < 0.01:
            bars.append((round(x, 2), round(width, 2)))
    return sorted(bars)


def test_the_barcode_on_page_19_encodes_the_reference():
    from reportlab.graphics.barcode import code128
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    content = lp1_pdf(Paperwork(details=details(), completed=True))
    pages = texts(content)
    index = headers(pages).index("LP1F page 19")
    stream = PdfReader(io.BytesIO(content)).pages[index].get_contents().get_data()

    def drawn(value: str) -> list[tuple[float, float]]:
        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer, pageCompression=0)
        code128.Code128(value, barHeight=14 * mm, barWidth=0.35 * mm).drawOn(pdf, 0, 0)
        pdf.showPage()
        pdf.save()
        page_stream = PdfReader(io.BytesIO(buffer.getvalue())).pages[0].get_contents().get_data()
        return _bars(page_stream, 14 * mm)

    def shape(bars):
        start = bars[0][0]
        return [(round(x - start, 2), w) for x, w in bars]

    found = shape(_bars(stream, 14 * mm))
    assert found == shape(drawn("A12345678901"))
    assert found != shape(drawn("A12345678902"))
