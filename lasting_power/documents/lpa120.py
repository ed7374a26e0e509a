"""LPA120: applying for a fee reduction (exemption, remission or Universal Credit).

The applicant block is filled from the correspondent, as on OPG's form, and the
answers the donor gave on the fee reduction page are ticked. Made only for a completed
LPA that asked for a reduction (the notes' ``canGenerateLPA120``). Evidence (benefit
letters, income) goes in the same envelope as the LPA. Drawn in the LPA's language.
"""

from __future__ import annotations

from django.utils.translation import gettext, override

from digital_services.core.money import pence_format

from ..fees import (
    DAMAGES_LIMIT_PENCE,
    LOW_INCOME_LIMIT_PENCE,
    QUALIFYING_BENEFITS,
    Benefit,
    FeeReduction,
)
from .continuation import person_block
from .layout import FormPdf
from .paperwork import Paperwork

FORM = "LPA120"


class NoReductionAsked(Exception):
    """The LPA asked for no fee reduction, so it has no LPA120."""


def lpa120_pdf(paperwork: Paperwork) -> bytes:
    if paperwork.fee_reduction is None:
        raise NoReductionAsked(paperwork.details.reference)
    with override(paperwork.language):
        return _lpa120_pdf(paperwork)


def _lpa120_pdf(paperwork: Paperwork) -> bytes:
    answers = paperwork.fee_reduction
    details = paperwork.details
    reduction = answers.reduction
    pdf = FormPdf(title=f"LPA120 {details.reference}", draft=False, reference=details.reference)
    pdf.page_start(
        form=FORM,
        page="1",
        heading=gettext("Apply for a power of attorney fee exemption or reduction"),
    )
    pdf.subheading(gettext("Section 1: The donor"))
    pdf.field(gettext("Donor"), details.donor.name if details.donor else "")
    pdf.field(gettext("Type of LPA"), details.type_label)
    pdf.tick(gettext("This is a repeat application"), bool(details.repeat_case_number))
    pdf.field(gettext("Case number of the earlier application"), details.repeat_case_number)
    pdf.subheading(gettext("Section 2: The applicant (the person OPG writes to)"))
    person_block(pdf, details.correspondent, with_dob=False)

    pdf.page_start(form=FORM, page="2", heading=gettext("Section 3: Benefits"))
    pdf.paragraph(gettext("Only the donor's benefits and income count."))
    for benefit in Benefit:
        if benefit in QUALIFYING_BENEFITS:
            pdf.tick(
                gettext("The donor gets %(benefit)s") % {"benefit": benefit.label},
                benefit in answers.benefits,
            )
    pdf.tick(
        gettext("The donor has been awarded personal-injury damages of more than %(limit)s")
        % {"limit": pence_format(DAMAGES_LIMIT_PENCE)},
        answers.damages_over_limit,
    )
    pdf.tick(
        gettext("The donor gets Universal Credit"),
        Benefit.UNIVERSAL_CREDIT in answers.benefits,
    )
    pdf.subheading(gettext("Section 4: Income"))
    pdf.tick(
        gettext("The donor's gross annual income is less than %(limit)s")
        % {"limit": pence_format(LOW_INCOME_LIMIT_PENCE)},
        answers.income_under_limit,
    )
    pdf.subheading(gettext("What the donor is applying for"))
    pdf.tick(gettext("Exemption: no fee"), reduction == FeeReduction.BENEFITS)
    pdf.tick(gettext("Remission: half the fee"), reduction == FeeReduction.LOW_INCOME)
    pdf.tick(
        gettext("Universal Credit: OPG will decide the fee and contact the applicant"),
        reduction == FeeReduction.UNIVERSAL_CREDIT,
    )
    pdf.paragraph(
        gettext(
            "Send evidence with this form, in the same envelope as the LPA: a copy of the "
            "benefit award letter, or proof of the donor's income."
        )
    )
    pdf.signature_box(gettext("Signature of the applicant"))
    return pdf.content()
