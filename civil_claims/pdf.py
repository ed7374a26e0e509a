"""The sealed claim form: an issued claim as a PDF, drawn with reportlab.

It carries everything the claimant entered (parties, amounts, interest worked out,
reason, timeline, evidence, statement of truth), the claim number, issue date, the
court's seal and the response deadline. It is made once, by a background task
(``services.claim_form_seal``), and kept in the document store.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from digital_services.core.dates import date_format
from digital_services.core.money import pence_format
from digital_services.notifications.letters import letter_font

from .constants import PartyType
from .interest import InterestKind
from .models import Claim, Party

COURT = gettext_lazy("County Court Business Centre")


def _styles() -> dict[str, ParagraphStyle]:
    font = letter_font()
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=13, spaceAfter=4)
    return {
        "body": body,
        "title": ParagraphStyle("title", parent=body, fontSize=18, leading=22, spaceAfter=6),
        "heading": ParagraphStyle(
            "heading", parent=body, fontSize=12, leading=15, spaceBefore=8, spaceAfter=4
        ),
        "seal": ParagraphStyle("seal", parent=body, fontSize=11, leading=14, borderPadding=4),
    }


def _p(text: str, style) -> Paragraph:
    return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)


def interest_lines(claim: Claim) -> list[str]:
    """How the interest was worked out, in words (also for the case page)."""
    if claim.interest_kind == InterestKind.NONE:
        return [_("No interest is claimed.")]
    daily = pence_format(int(claim.interest_daily_pence.to_integral_value()))
    if claim.interest_kind == InterestKind.BREAKDOWN:
        lines = [
            _("Interest worked out by the claimant: %(amount)s.")
            % {"amount": pence_format(claim.interest_to_date_pence)},
        ]
        if claim.interest_breakdown_explanation:
            lines.append(
                _("How it was worked out: %(explanation)s")
                % {"explanation": claim.interest_breakdown_explanation}
            )
        if claim.interest_continuing_daily_pence:
            lines.append(
                _("Interest continues after issue at %(daily)s a day until judgment.")
                % {"daily": daily}
            )
        return lines
    rate = claim.interest_rate_text
    issue = _("the date of issue")
    lines = [
        _(
            "Simple interest at %(rate)s a year on %(amount)s from %(start)s to %(end)s: "
            "%(days)s days at %(daily)s a day = %(interest)s (the daily amount is shown to the "
            "penny; the total is worked out on the exact amount)."
        )
        % {
            "rate": rate,
            "amount": pence_format(claim.amount_pence),
            "start": date_format(claim.interest_start_date) if claim.interest_start_date else issue,
            "end": date_format(claim.issue_date) if claim.issue_date else issue,
            "days": claim.interest_days,
            "daily": daily,
            "interest": pence_format(claim.interest_to_date_pence),
        },
    ]
    if claim.interest_rate_reason:
        lines.append(_("Why this rate: %(reason)s") % {"reason": claim.interest_rate_reason})
    if claim.interest_start_reason:
        lines.append(_("Why from this date: %(reason)s") % {"reason": claim.interest_start_reason})
    if claim.interest_end == "settled":
        lines.append(
            _("Interest continues at %(daily)s a day until judgment or payment.") % {"daily": daily}
        )
    return lines


def _party_block(party: Party, styles) -> list:
    rows = [_p(party.display_name, styles["body"])]
    if party.party_type in (PartyType.COMPANY, PartyType.ORGANISATION) and party.contact_person:
        rows.append(_p(_("Contact: %(name)s") % {"name": party.contact_person}, styles["body"]))
    if party.companies_house_number:
        rows.append(
            _p(
                _("Company number: %(number)s") % {"number": party.companies_house_number},
                styles["body"],
            )
        )
    rows.append(_p("\n".join(party.address_lines), styles["body"]))
    if party.correspondence_line_1:
        rows.append(
            _p(
                _("Address for correspondence:") + "\n" + "\n".join(party.correspondence_lines),
                styles["body"],
            )
        )
    return rows


def _table(rows: list[list], widths) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table


def claim_form_pdf(claim: Claim) -> bytes:
    """The sealed claim form of an issued claim, in the claim's language. Raises ValueError
    for a claim not issued."""
    if not claim.claim_number or claim.issue_date is None:
        raise ValueError("Only an issued claim has a sealed claim form")
    with translation.override(claim_language(claim)):
        return _claim_form_pdf(claim)


def claim_language(claim) -> str:
    """The language a claim's documents are written in: Welsh or English."""
    return "cy" if claim.language == "cy" else "en"


def _claim_form_pdf(claim: Claim) -> bytes:
    styles = _styles()
    body = styles["body"]
    claimant, defendant = claim.claimant, claim.defendant
    story: list = [
        _p(_("Claim form (money claim)"), styles["title"]),
        _p(_("In the County Court. Issued by the %(court)s.") % {"court": COURT}, body),
        _table(
            [
                [_p(_("Claim number"), body), _p(claim.claim_number, body)],
                [_p(_("Issue date"), body), _p(date_format(claim.issue_date), body)],
                [
                    _p(_("Deemed served on"), body),
                    _p(date_format(claim.deemed_service_date), body),
                ],
                [
                    _p(_("Respond by"), body),
                    _p(_("4pm on %(date)s") % {"date": date_format(claim.response_deadline)}, body),
                ],
            ],
            [50 * mm, 110 * mm],
        ),
        Spacer(1, 4 * mm),
        _p(
            _("SEAL OF THE COUNTY COURT: issued %(date)s")
            % {"date": date_format(claim.issue_date)},
            styles["seal"],
        ),
        _p(_("Claimant"), styles["heading"]),
        *_party_block(claimant, styles),
        _p(_("Defendant"), styles["heading"]),
        *_party_block(defendant, styles),
        _p(_("What is claimed"), styles["heading"]),
        _table(
            [[_p(_("Reason"), body), _p(_("Amount"), body)]]
            + [
                [_p(row.reason, body), _p(pence_format(row.amount_pence), body)]
                for row in claim.amount_rows.all()
            ],
            [120 * mm, 40 * mm],
        ),
        _p(_("Interest"), styles["heading"]),
        *(_p(line, body) for line in interest_lines(claim)),
        _p(_("Total"), styles["heading"]),
        _table(
            [
                [_p(_("Amount claimed"), body), _p(pence_format(claim.amount_pence), body)],
                [
                    _p(_("Interest to the issue date"), body),
                    _p(pence_format(claim.interest_to_date_pence), body),
                ],
                [_p(_("Court fee"), body), _p(pence_format(claim.fee_pence), body)],
                [_p(_("Total amount"), body), _p(pence_format(claim.total_claimed_pence), body)],
            ],
            [120 * mm, 40 * mm],
        ),
        _p(_("Particulars of claim"), styles["heading"]),
        _p(claim.reason, body),
    ]
    events = [e for e in claim.timeline_events.all() if e.party_role == "claimant"]
    if events:
        story.append(_p(_("Timeline"), styles["heading"]))
        story.append(
            _table(
                [[_p(e.date_text, body), _p(e.description, body)] for e in events],
                [40 * mm, 120 * mm],
            )
        )
    evidence = [e for e in claim.evidence_items.all() if e.party_role == "claimant"]
    if evidence:
        story.append(_p(_("Evidence"), styles["heading"]))
        story.append(
            _table(
                [[_p(e.get_kind_display(), body), _p(e.description, body)] for e in evidence],
                [60 * mm, 100 * mm],
            )
        )
    story.append(_p(_("Statement of truth"), styles["heading"]))
    story.append(_p(_("The claimant believes that the facts stated in this claim are true."), body))
    if claim.sot_signer_name:
        signed = _("Signed by %(name)s, %(role)s") % {
            "name": claim.sot_signer_name,
            "role": claim.sot_signer_role,
        }
    else:
        signed = _("Signed by %(name)s") % {"name": claimant.display_name}
    story.append(_p(signed, body))

    return claim_pdf_build(
        story,
        claim_number=claim.claim_number,
        title=_("Claim form %(number)s") % {"number": claim.claim_number},
    )


def claim_pdf_build(story: list, *, claim_number: str, title: str) -> bytes:
    """A court document on A4 with the claim number and page number at the foot of every
    page: the money claim form and the possession claim's particulars, in the language
    active when it is called."""
    number = _("Claim number %(number)s") % {"number": claim_number}

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(letter_font(), 8)
        canvas.drawString(20 * mm, 10 * mm, number)
        canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, _("Page %(page)s") % {"page": doc.page})
        canvas.restoreState()

    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=str(COURT),
    ).build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
