"""The LPA itself: LP1F (property and financial affairs) or LP1H (health and welfare).

Our own layout, page for page as the domain notes' page map (section 3):

    1 donor · 2–3 attorneys (4 slots) · 4 how they act · 5 replacements (2 slots)
    and the "change how they step in" tick · 6 when it can be used (LP1F) or
    life-sustaining treatment (LP1H) · 7 people to notify (4 slots) · 8 preferences
    and instructions (6 lines each) · 9 legal rights · 10 donor's signature ·
    11 certificate provider · 12–15 one section 11 page per attorney and replacement
    (more pages after 15 beyond 4) · 16 registration · 17 applicants (4 a page) ·
    18 correspondent · 19 fee, repeat case number and barcode · 20 applicants'
    signatures (4 a page)

then the continuation sheets (``continuation``). A cover sheet comes first. Before
the LPA is completed every page carries the DRAFT watermark; the barcode of the
reference is printed on page 19 once it is completed, as it is then what OPG scans.
Drawn in the LPA's language (``Paperwork.language``).
"""

from __future__ import annotations

from django.utils.translation import gettext, override

from digital_services.core.money import pence_format

from ..constants import (
    DEPENDS,
    JOINTLY,
    JOINTLY_AND_SEVERALLY,
    SINGLE_ATTORNEY,
    WHEN_NO_CAPACITY,
    WHEN_NOW,
    LpaType,
)
from ..details import Person
from .continuation import (
    ATTORNEY_SLOTS,
    BOX_LINES,
    NOTIFY_SLOTS,
    REPLACEMENT_SLOTS,
    attorneys_in_slots,
    boxed_text,
    continuation_sheets,
    person_block,
    replacement_text,
    sheets_draw,
)
from .layout import FormPdf
from .paperwork import Paperwork

SIGNATURE_PAGES = 4  # pages 12 to 15
APPLICANTS_PER_PAGE = 4


def lp1_form_name(lpa_type: str) -> str:
    return "LP1F" if lpa_type == LpaType.PROPERTY_FINANCE else "LP1H"


def _slots(people: list, count: int) -> list:
    return list(people[:count]) + [None] * (count - min(count, len(people)))


def _suffix(page: int, extra: int) -> str:
    """Page labels of pages repeated beyond the map: 15, 15A, 15B…"""
    return str(page) if extra == 0 else f"{page}{chr(ord('A') + extra - 1)}"


def lp1_pdf(paperwork: Paperwork) -> bytes:
    with override(paperwork.language):
        return _lp1_pdf(paperwork)


def _lp1_pdf(paperwork: Paperwork) -> bytes:
    details = paperwork.details
    form = lp1_form_name(details.lpa_type)
    pdf = FormPdf(
        title=f"{form} {details.reference}",
        draft=not paperwork.completed,
        reference=details.reference,
    )
    _cover(pdf, paperwork, form)
    _donor(pdf, paperwork, form)
    _attorneys(pdf, paperwork, form)
    _replacements_and_when(pdf, paperwork, form)
    _notify_and_wishes(pdf, paperwork, form)
    _signatures(pdf, paperwork, form)
    _registration(pdf, paperwork, form)
    sheets_draw(pdf, details, continuation_sheets(details))
    return pdf.content()


def _cover(pdf: FormPdf, paperwork: Paperwork, form: str) -> None:
    details = paperwork.details
    pdf.page_start(
        form=form,
        page="",
        heading=gettext("Lasting power of attorney: %(type)s") % {"type": details.type_label},
    )
    donor = details.donor.full_name if details.donor else ""
    pdf.paragraph(gettext("Donor: %(name)s") % {"name": donor})
    pdf.paragraph(gettext("Reference: %(reference)s") % {"reference": details.reference})
    if paperwork.completed:
        pdf.subheading(gettext("Your LPA is ready to sign and register"))
        pdf.paragraph(
            gettext(
                "Print every page. Sign in this order: the donor (section 9, and any "
                "continuation sheets), the certificate provider (section 10), the attorneys and "
                "replacements (section 11), then the applicants (section 15). Send the signed "
                "LPA to the Office of the Public Guardian with any fee reduction form and its "
                "evidence."
            )
        )
    else:
        pdf.subheading(gettext("This is a preview: do not sign it"))
        pdf.paragraph(
            gettext(
                "The LPA is not finished. Complete it online, then print the final version to sign."
            )
        )


def _donor(pdf: FormPdf, paperwork: Paperwork, form: str) -> None:
    details = paperwork.details
    pdf.page_start(form=form, page="1", heading=gettext("Section 1: The donor"))
    person_block(pdf, details.donor)
    pdf.field(
        gettext("Any other names you are known by (optional)"),
        details.donor.other_names if details.donor else "",
    )
    pdf.tick(
        gettext(
            "The donor cannot sign or make a mark: someone will sign for them on continuation "
            "sheet 3"
        ),
        not details.donor_can_sign,
    )


def _attorneys(pdf: FormPdf, paperwork: Paperwork, form: str) -> None:
    details = paperwork.details
    slots = _slots(attorneys_in_slots(details), ATTORNEY_SLOTS)
    for page, pair in ((2, slots[:2]), (3, slots[2:])):
        pdf.page_start(form=form, page=str(page), heading=gettext("Section 2: The attorneys"))
        for number, person in enumerate(pair, start=page * 2 - 3):
            pdf.subheading(gettext("Attorney %(number)s") % {"number": number})
            person_block(pdf, person)
    pdf.tick(
        gettext("More attorneys are named on continuation sheet 1"),
        len(details.attorneys) > ATTORNEY_SLOTS,
    )
    pdf.page_start(
        form=form,
        page="4",
        heading=gettext("Section 3: How should your attorneys make decisions?"),
    )
    how = details.attorneys_how
    pdf.tick(gettext("There is only one attorney"), how == SINGLE_ATTORNEY)
    pdf.tick(gettext("Jointly and severally"), how == JOINTLY_AND_SEVERALLY)
    pdf.tick(gettext("Jointly"), how == JOINTLY)
    pdf.tick(
        gettext(
            "Jointly for some decisions, and jointly and severally for other decisions "
            "(the decisions are listed on continuation sheet 2)"
        ),
        how == DEPENDS,
    )


def _replacements_and_when(pdf: FormPdf, paperwork: Paperwork, form: str) -> None:
    details = paperwork.details
    pdf.page_start(
        form=form, page="5", heading=gettext("Section 4: Replacement attorneys (optional)")
    )
    for number, person in enumerate(_slots(details.replacements, REPLACEMENT_SLOTS), start=1):
        pdf.subheading(gettext("Replacement attorney %(number)s") % {"number": number})
        person_block(pdf, person)
    pdf.tick(
        gettext("More replacement attorneys are named on continuation sheet 1"),
        len(details.replacements) > REPLACEMENT_SLOTS,
    )
    pdf.tick(
        gettext(
            "The donor wants to change how replacement attorneys step in to act "
            "(see continuation sheet 2)"
        ),
        bool(replacement_text(details)),
    )
    if details.lpa_type == LpaType.PROPERTY_FINANCE:
        pdf.page_start(
            form=form,
            page="6",
            heading=gettext("Section 5: When can your attorneys make decisions?"),
        )
        pdf.tick(
            gettext(
                "As soon as the LPA is registered (with the donor's consent while they have "
                "mental capacity)"
            ),
            details.when == WHEN_NOW,
        )
        pdf.tick(
            gettext("Only if the donor does not have mental capacity"),
            details.when == WHEN_NO_CAPACITY,
        )
    else:
        pdf.page_start(form=form, page="6", heading=gettext("Section 5: Life-sustaining treatment"))
        pdf.tick(
            gettext(
                "Option A: the donor gives their attorneys authority to give or refuse consent "
                "to life-sustaining treatment"
            ),
            details.can_sustain_life is True,
        )
        pdf.tick(
            gettext(
                "Option B: the donor does not give their attorneys that authority (the doctors "
                "decide)"
            ),
            details.can_sustain_life is False,
        )
        if details.donor_can_sign:
            pdf.paragraph(gettext("Signed by the donor, with a witness, under the option chosen."))
            pdf.signature_box(gettext("Signature of the donor"))
        else:
            pdf.paragraph(
                gettext(
                    "Signed by the person signing for the donor, with a witness, under the "
                    "option chosen."
                )
            )
            pdf.signature_box(gettext("Signature of the person signing for the donor"))
        _witness(pdf)


def _witness(pdf: FormPdf) -> None:
    pdf.field(gettext("Witness's full name and address"), "")
    pdf.signature_box(gettext("Signature of the witness"), with_date=False)


def _notify_and_wishes(pdf: FormPdf, paperwork: Paperwork, form: str) -> None:
    details = paperwork.details
    pdf.page_start(form=form, page="7", heading=gettext("Section 6: People to notify (optional)"))
    for number, person in enumerate(_slots(details.people_to_notify, NOTIFY_SLOTS), start=1):
        pdf.subheading(gettext("Person to notify %(number)s") % {"number": number})
        person_block(pdf, person, with_dob=False)
    pdf.tick(
        gettext("More people to notify are named on continuation sheet 1"),
        len(details.people_to_notify) > NOTIFY_SLOTS,
    )
    pdf.page_start(form=form, page="8", heading=gettext("Section 7: Preferences and instructions"))
    for label, continued, text in (
        (
            gettext("Preferences"),
            gettext("Preferences continue on continuation sheet 2"),
            details.preferences,
        ),
        (
            gettext("Instructions"),
            gettext("Instructions continue on continuation sheet 2"),
            details.instructions,
        ),
    ):
        shown, rest = boxed_text(text)
        pdf.subheading(label)
        pdf.ruled_lines(shown, count=BOX_LINES)
        pdf.tick(continued, bool(rest))
    pdf.page_start(
        form=form, page="9", heading=gettext("Section 8: Your legal rights and responsibilities")
    )
    pdf.paragraph(
        gettext(
            "Everyone signing the LPA must read this. The attorneys must act in the donor's best "
            "interests, follow the Mental Capacity Act 2005 and its Code of Practice, help the "
            "donor make their own decisions as far as they can, and follow the instructions "
            "and consider the preferences in section 7. The donor can cancel the LPA at any "
            "time while they have mental capacity."
        )
    )


def _signatures(pdf: FormPdf, paperwork: Paperwork, form: str) -> None:
    details = paperwork.details
    donor = details.donor.full_name if details.donor else ""
    pdf.page_start(form=form, page="10", heading=gettext("Section 9: Signature: donor"))
    pdf.paragraph(gettext("Donor: %(name)s") % {"name": donor})
    if details.donor_can_sign:
        pdf.signature_box(gettext("Signature or mark of the donor"))
        _witness(pdf)
    else:
        pdf.paragraph(
            gettext(
                "The donor cannot sign: someone signs continuation sheet 3 for them, with 2 "
                "witnesses, instead of this section. Cross this page through."
            )
        )

    provider = details.certificate_provider
    pdf.page_start(form=form, page="11", heading=gettext("Section 10: Certificate provider"))
    pdf.paragraph(
        gettext("The certificate provider signs after the donor and before the attorneys.")
    )
    person_block(pdf, provider, with_dob=False)
    pdf.signature_box(gettext("Signature of the certificate provider"))

    signers: list[Person] = [
        p for p in attorneys_in_slots(details) + details.replacements if not p.is_trust_corporation
    ]
    pages = max(SIGNATURE_PAGES, len(signers))
    for number in range(pages):
        page = _suffix(15, number - 3) if number >= SIGNATURE_PAGES else str(12 + number)
        pdf.page_start(
            form=form, page=page, heading=gettext("Section 11: Attorney or replacement attorney")
        )
        person = signers[number] if number < len(signers) else None
        if person is None:
            pdf.paragraph(gettext("This page is not needed: cross it through."))
            continue
        if person.role == "replacement":
            pdf.paragraph(gettext("Replacement attorney: %(name)s") % {"name": person.name})
        else:
            pdf.paragraph(gettext("Attorney: %(name)s") % {"name": person.name})
        pdf.paragraph(
            gettext("I understand my duties. I sign after the donor and the certificate provider.")
        )
        pdf.signature_box(
            gettext("Signature of the replacement attorney")
            if person.role == "replacement"
            else gettext("Signature of the attorney")
        )
        _witness(pdf)


def _registration(pdf: FormPdf, paperwork: Paperwork, form: str) -> None:
    details = paperwork.details
    pdf.page_start(form=form, page="16", heading=gettext("Part 2: Registering the LPA"))
    pdf.paragraph(
        gettext(
            "An LPA can only be used once it is registered by the Office of the Public "
            "Guardian. The applicant fills in sections 12 to 15 and signs after everyone has "
            "signed part 1."
        )
    )
    applicants = paperwork.applicants
    chunks = [
        applicants[i : i + APPLICANTS_PER_PAGE]
        for i in range(0, len(applicants), APPLICANTS_PER_PAGE)
    ] or [[]]
    for extra, chunk in enumerate(chunks):
        pdf.page_start(
            form=form, page=_suffix(17, extra), heading=gettext("Section 12: The applicant")
        )
        pdf.tick(gettext("The donor is applying"), details.registering == "donor")
        pdf.tick(gettext("The attorneys are applying"), details.registering == "attorneys")
        for person in chunk:
            pdf.field(gettext("Applicant"), person.name)

    correspondent = details.correspondent
    pdf.page_start(form=form, page="18", heading=gettext("Section 13: Who receives the LPA"))
    pdf.field(gettext("Name or company"), correspondent.name if correspondent else "")
    pdf.field(gettext("Address"), str(correspondent.address) if correspondent else "")
    pdf.field(gettext("Email address"), correspondent.email if correspondent else "")
    pdf.tick(gettext("Contact by post"), details.correspondent_by_post)
    pdf.tick(gettext("Contact in Welsh"), details.correspondent_in_welsh)

    _fee_page(pdf, paperwork, form)

    for extra, chunk in enumerate(chunks):
        pdf.page_start(
            form=form, page=_suffix(20, extra), heading=gettext("Section 15: Signature: applicant")
        )
        pdf.paragraph(gettext("Each applicant signs on or after the day the last attorney signed."))
        for person in chunk:
            pdf.paragraph(gettext("Applicant: %(name)s") % {"name": person.name})
            pdf.signature_box(gettext("Signature"))


def _fee_page(pdf: FormPdf, paperwork: Paperwork, form: str) -> None:
    details = paperwork.details
    fee = paperwork.fee
    pdf.page_start(form=form, page="19", heading=gettext("Section 14: Application fee"))
    if fee is None:
        pdf.field(gettext("Fee"), gettext("Not worked out yet"))
    elif fee.amount_pence is None:
        pdf.field(gettext("Fee"), gettext("To be decided by the Office of the Public Guardian"))
    else:
        pdf.field(gettext("Fee"), pence_format(fee.amount_pence))
    pdf.field(gettext("Why"), fee.reason if fee else "")
    pdf.tick(
        gettext("The donor is applying for a fee reduction (form LPA120 enclosed)"),
        paperwork.fee_reduction is not None,
    )
    pdf.tick(gettext("Paid by card"), paperwork.payment_method == "card")
    pdf.tick(gettext("Paying by cheque (enclosed)"), paperwork.payment_method == "cheque")
    pdf.tick(gettext("This is a repeat application"), bool(details.repeat_case_number))
    pdf.field(gettext("Case number of the earlier application"), details.repeat_case_number)
    if paperwork.completed:
        pdf.subheading(gettext("Office use: the reference"))
        pdf.barcode(details.reference.replace(" ", ""))
