"""Which continuation sheets an LPA needs, and drawing them.

The rules are the domain notes' (section 3, "Continuation sheets"), and nothing else
adds a sheet:

- CS1: people who do not fit the LP1's slots (4 attorneys, 2 replacements, 4 people
  to notify), 2 people a sheet;
- CS2: the "depends" decision text of the attorneys; how the replacements step in
  and decide when that is not the LP1's default; preferences or instructions longer
  than their box (6 lines of 84 characters). One subject a sheet, as many sheets as
  its text needs;
- CS3: the donor cannot sign (someone signs for them, with 2 witnesses);
- CS4: a trust corporation is an attorney (it signs there instead of section 11).

A blank page follows the sheets, when there are any.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext, gettext_lazy

from ..constants import (
    DEPENDS,
    JOINTLY,
    JOINTLY_AND_SEVERALLY,
    STEP_IN_LAST,
)
from ..details import LpaDetails, Person
from .layout import FormPdf, text_lines

ATTORNEY_SLOTS = 4
REPLACEMENT_SLOTS = 2
NOTIFY_SLOTS = 4
PEOPLE_PER_SHEET = 2
#: The preferences box and the instructions box on LP1 page 8.
BOX_LINES = 6
#: Ruled lines on one continuation sheet 2.
SHEET_2_LINES = 26

ROLE_WORDS = {
    "attorney": gettext_lazy("Attorney"),
    "replacement": gettext_lazy("Replacement attorney"),
    "notify": gettext_lazy("Person to notify"),
}
SHEET_2_SUBJECTS = {
    "decisions": gettext_lazy("How the attorneys make decisions"),
    "replacements": gettext_lazy("How replacement attorneys step in and make decisions"),
    "preferences": gettext_lazy("Preferences (continued from section 7)"),
    "instructions": gettext_lazy("Instructions (continued from section 7)"),
}


@dataclass(frozen=True)
class ContinuationSheet:
    number: int  # 1 to 4
    subject: str = ""  # continuation sheet 2: a key of SHEET_2_SUBJECTS
    people: tuple[Person, ...] = ()  # continuation sheet 1
    lines: tuple[str, ...] = ()  # continuation sheet 2


def attorneys_in_slots(details: LpaDetails) -> list[Person]:
    """The attorneys in the order of the LP1's slots: a trust corporation first."""
    return sorted(details.attorneys, key=lambda person: not person.is_trust_corporation)


def overflow_people(details: LpaDetails) -> list[Person]:
    return (
        attorneys_in_slots(details)[ATTORNEY_SLOTS:]
        + details.replacements[REPLACEMENT_SLOTS:]
        + details.people_to_notify[NOTIFY_SLOTS:]
    )


def _how_sentence(how: str, details_text: str) -> str:
    if how == JOINTLY_AND_SEVERALLY:
        return gettext("The replacement attorneys make decisions jointly and severally.")
    if how == JOINTLY:
        return gettext("The replacement attorneys make decisions jointly.")
    if how == DEPENDS:
        return gettext(
            "The replacement attorneys make decisions jointly for some decisions, and jointly "
            "and severally for others: %(details)s"
        ) % {"details": details_text}
    return ""


def replacement_text(details: LpaDetails) -> str:
    """What the LP1 cannot say in its boxes about the replacements, in the active
    language. Empty for the default: a replacement steps in as soon as an attorney can
    no longer act (``first``), and decides as the question was not asked."""
    if not details.replacements:
        return ""
    parts = []
    if details.replacements_when == STEP_IN_LAST:
        parts.append(
            gettext(
                "The replacement attorneys step in only when none of the original attorneys "
                "can act."
            )
        )
    elif details.replacements_when == DEPENDS:
        parts.append(
            gettext("The replacement attorneys step in as follows: %(details)s")
            % {"details": details.replacements_when_details}
        )
    how = _how_sentence(details.replacements_how, details.replacements_how_details)
    if how:
        parts.append(how)
    return "\n".join(parts)


def boxed_text(text: str) -> tuple[list[str], list[str]]:
    """``text`` split into what fits its page 8 box and what goes on continuation sheet 2."""
    lines = text_lines(text)
    return lines[:BOX_LINES], lines[BOX_LINES:]


def _sheet_2(subject: str, lines: list[str]) -> list[ContinuationSheet]:
    return [
        ContinuationSheet(2, subject=subject, lines=tuple(lines[start : start + SHEET_2_LINES]))
        for start in range(0, len(lines), SHEET_2_LINES)
    ]


def continuation_sheets(details: LpaDetails) -> list[ContinuationSheet]:
    """Every continuation sheet this LPA needs, in the order they are printed."""
    sheets: list[ContinuationSheet] = []
    people = overflow_people(details)
    for start in range(0, len(people), PEOPLE_PER_SHEET):
        sheets.append(ContinuationSheet(1, people=tuple(people[start : start + PEOPLE_PER_SHEET])))
    if details.attorneys_how == DEPENDS:
        sheets += _sheet_2("decisions", text_lines(details.attorneys_how_details) or [""])
    replacements = replacement_text(details)
    if replacements:
        sheets += _sheet_2("replacements", text_lines(replacements))
    for subject, text in (
        ("preferences", details.preferences),
        ("instructions", details.instructions),
    ):
        sheets += _sheet_2(subject, boxed_text(text)[1])
    if not details.donor_can_sign:
        sheets.append(ContinuationSheet(3))
    if details.trust_corporation is not None:
        sheets.append(ContinuationSheet(4))
    return sheets


# Drawing ---------------------------------------------------------------------------


def person_block(pdf: FormPdf, person: Person | None, *, with_dob: bool = True) -> None:
    """The boxes for one person (or a trust corporation); empty boxes for nobody."""
    if person is not None and person.is_trust_corporation:
        pdf.field(gettext("Company name (trust corporation)"), person.company)
        pdf.field(gettext("Company number"), person.company_number)
    else:
        person = person or Person(role="", key="")
        pdf.fields_row(
            [
                (gettext("Title"), person.title),
                (gettext("First names"), person.first_name),
                (gettext("Last name"), person.last_name),
            ]
        )
        if with_dob:
            dob = person.date_of_birth
            pdf.fields_row(
                [
                    (gettext("Date of birth: day"), f"{dob.day:02d}" if dob else ""),
                    (gettext("Month"), f"{dob.month:02d}" if dob else ""),
                    (gettext("Year"), str(dob.year) if dob else ""),
                ]
            )
    pdf.field(gettext("Address"), str(person.address))
    pdf.field(gettext("Email address (optional)"), person.email)


def sheets_draw(pdf: FormPdf, details: LpaDetails, sheets: list[ContinuationSheet]) -> None:
    donor = details.donor.full_name if details.donor else ""
    for number, sheet in enumerate(sheets, start=1):
        form = gettext("Continuation sheet %(number)s") % {"number": sheet.number}
        pdf.page_start(
            form=gettext("%(sheet)s (%(number)s of %(count)s)")
            % {"sheet": form, "number": number, "count": len(sheets)},
            page="",
            heading=form,
        )
        pdf.paragraph(
            gettext("Donor: %(name)s. Lasting power of attorney: %(type)s.")
            % {"name": donor, "type": details.type_label}
        )
        if sheet.number == 1:
            pdf.paragraph(
                gettext("Additional people. Use this sheet for people who do not fit on the LPA.")
            )
            for person in sheet.people:
                pdf.subheading(str(ROLE_WORDS.get(person.role, person.role.title())))
                person_block(pdf, person)
        elif sheet.number == 2:
            pdf.subheading(
                gettext("This sheet continues: %(subject)s")
                % {"subject": SHEET_2_SUBJECTS[sheet.subject]}
            )
            pdf.ruled_lines(list(sheet.lines), count=SHEET_2_LINES)
        elif sheet.number == 3:
            _sheet_3(pdf, donor)
        else:
            _sheet_4(pdf, details)
        if sheet.number in (1, 2):
            pdf.paragraph(
                gettext(
                    "The donor (or the person signing for them) signs and dates this sheet "
                    "at the same time as section 9."
                )
            )
            pdf.signature_box(gettext("Signature of the donor"))
    if sheets:
        pdf.page_start(form=gettext("After the continuation sheets"), page="")
        pdf.paragraph(gettext("This page is intentionally left blank."))


def _sheet_3(pdf: FormPdf, donor: str) -> None:
    pdf.subheading(gettext("If the donor cannot sign or make a mark"))
    pdf.paragraph(
        gettext(
            "%(donor)s cannot sign the LPA. Someone signs it for them, in their presence and "
            "at their direction, instead of section 9. Two witnesses watch them sign. The "
            "witnesses cannot be an attorney or replacement attorney."
        )
        % {"donor": donor}
    )
    pdf.field(gettext("Full name of the person signing for the donor"), "")
    pdf.signature_box(gettext("Signature of the person signing for the donor"))
    for name, signature in (
        (gettext("Full name of the first witness"), gettext("Signature of the first witness")),
        (gettext("Full name of the second witness"), gettext("Signature of the second witness")),
    ):
        pdf.field(name, "")
        pdf.signature_box(signature, with_date=False)


def _sheet_4(pdf: FormPdf, details: LpaDetails) -> None:
    trust = details.trust_corporation
    pdf.subheading(gettext("Trust corporation: instead of section 11"))
    pdf.paragraph(
        gettext(
            "The trust corporation signs here, by 2 people authorised to sign for it, after "
            "the certificate provider has signed section 10."
        )
    )
    pdf.field(gettext("Company name"), trust.company if trust else "")
    pdf.field(gettext("Company number"), trust.company_number if trust else "")
    for name, signature in (
        (
            gettext("Full name of the first authorised person"),
            gettext("Signature of the first authorised person"),
        ),
        (
            gettext("Full name of the second authorised person"),
            gettext("Signature of the second authorised person"),
        ),
    ):
        pdf.field(name, "")
        pdf.signature_box(signature)
