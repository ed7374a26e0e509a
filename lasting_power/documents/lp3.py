"""LP3: the notice the applicant sends each person to notify before registering.

One PDF per person, pre-filled with that person, the donor, the applicants and the
attorneys (4 a page, more pages as needed). The applicant writes in the date they
send it. Made only for a completed LPA that has people to notify (the notes'
``canGenerateLP3``). Drawn in the LPA's language.
"""

from __future__ import annotations

from django.utils.translation import gettext, override, pgettext

from .continuation import attorneys_in_slots, person_block
from .layout import FormPdf
from .paperwork import Paperwork

FORM = "LP3"
ATTORNEYS_PER_PAGE = 4
#: The notes: a person to notify has 3 weeks to object.
OBJECTION_WEEKS = 3


def lp3_pdf(paperwork: Paperwork, *, person_key: str) -> bytes:
    """The LP3 for the person to notify whose key is ``person_key``.
    Raises ``LookupError`` for a key that is not one of this LPA's people to notify."""
    details = paperwork.details
    person = next((p for p in details.people_to_notify if p.key == person_key), None)
    if person is None:
        raise LookupError(f"No person to notify {person_key!r}")
    with override(paperwork.language):
        return _lp3_pdf(paperwork, person)


def _lp3_pdf(paperwork: Paperwork, person) -> bytes:
    details = paperwork.details
    pdf = FormPdf(title=f"LP3 {details.reference}", draft=False, reference=details.reference)
    pdf.page_start(
        form=FORM, page="1", heading=gettext("Notice of intention to apply to register an LPA")
    )
    pdf.subheading(gettext("To: the person to notify"))
    person_block(pdf, person, with_dob=False)
    pdf.subheading(gettext("The donor"))
    pdf.field(gettext("Donor"), details.donor.name if details.donor else "")
    pdf.field(gettext("Type of LPA"), details.type_label)
    pdf.subheading(gettext("The applicant"))
    applicants = ", ".join(p.name for p in paperwork.applicants)
    pdf.field(gettext("Applying to register the LPA"), applicants)
    pdf.field(gettext("Date this notice was sent (the applicant fills this in)"), "")

    attorneys = attorneys_in_slots(details) + list(details.replacements)
    for start in range(0, max(len(attorneys), 1), ATTORNEYS_PER_PAGE):
        number = 2 + start // ATTORNEYS_PER_PAGE
        pdf.page_start(form=FORM, page=str(number), heading=gettext("The attorneys"))
        for attorney in attorneys[start : start + ATTORNEYS_PER_PAGE]:
            role = (
                gettext("Replacement attorney")
                if attorney.role == "replacement"
                else gettext("Attorney")
            )
            pdf.field(role, f"{attorney.name}, {attorney.address}")

    pdf.page_start(
        form=FORM, page=pgettext("form page", "end"), heading=gettext("If you want to object")
    )
    pdf.paragraph(
        gettext(
            "You have %(weeks)s weeks from the day you receive this notice to object to the "
            "Office of the Public Guardian, on factual grounds (for example, the donor has died "
            "or an attorney is bankrupt) or prescribed grounds (for example, the donor was put "
            "under pressure to make the LPA). Use form LPA007 and send it to OPG and to the "
            "applicant."
        )
        % {"weeks": OBJECTION_WEEKS}
    )
    return pdf.content()
