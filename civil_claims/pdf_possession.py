"""The possession claim pack: the claim form and the particulars of claim as one PDF.

Drawn with reportlab as the money claim's sealed form is (``pdf.py``: same styles, table
and footer), from what the landlord sent: the parties, the property, the tenancy, each
ground with its reason, the notice, the rent statement with its running total, the rest
of the claim and the statement of truth, sealed with the claim number and issue date.
Made once on issue (``services.possession_pack``) and printed behind each defendant's
letter.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from digital_services.core.dates import date_format
from digital_services.core.money import pence_format

from .pdf import COURT, _p, _styles, _table, claim_language, claim_pdf_build
from .possession_rules import ArrearsRow, arrears_statement

W = [60 * mm, 100 * mm]


def _party_lines(party) -> str:
    return "\n".join([party.name, *party.address_lines])


def _tenancy_rows(claim, body) -> list:
    tenancy = claim.get_tenancy_type_display()
    if claim.tenancy_type_other:
        tenancy = _("%(kind)s: %(other)s") % {"kind": tenancy, "other": claim.tenancy_type_other}
    frequency = claim.get_rent_frequency_display()
    if claim.rent_frequency_other:
        frequency = _("%(kind)s: %(other)s") % {
            "kind": frequency,
            "other": claim.rent_frequency_other,
        }
    return [
        [_p(_("Tenancy or contract"), body), _p(tenancy, body)],
        [_p(_("Started on"), body), _p(date_format(claim.tenancy_start_date), body)],
        [
            _p(_("Rent"), body),
            _p(
                _("%(amount)s (%(frequency)s)")
                % {"amount": pence_format(claim.rent_pence), "frequency": frequency},
                body,
            ),
        ],
        [_p(_("Daily rent"), body), _p(pence_format(claim.daily_rent_pence), body)],
    ]


def _notice_lines(claim) -> list[str]:
    if not claim.notice_served:
        return [_("The claimant says no notice was served.")]
    when = date_format(claim.notice_served_at or claim.notice_served_on)
    lines = [
        _("Notice: %(kind)s") % {"kind": claim.get_notice_type_display()},
        _("Served by %(method)s on %(date)s")
        % {"method": claim.get_notice_method_display().lower(), "date": when},
    ]
    for label, value in (
        (_("Handed to"), claim.notice_served_to),
        (_("Emailed to"), claim.notice_served_email),
        (_("How"), claim.notice_method_other),
    ):
        if value:
            lines.append(_("%(label)s: %(value)s") % {"label": label, "value": value})
    return lines


def _arrears_table(claim, body):
    rows = [
        ArrearsRow(r.due_on, r.due_pence, r.paid_pence, r.paid_on) for r in claim.arrears_rows.all()
    ]
    table = [
        [_p(h, body) for h in (_("Due"), _("Rent due"), _("Paid"), _("Paid on"), _("Arrears"))]
    ]
    for line in arrears_statement(rows):
        table.append(
            [
                _p(date_format(line.row.due_on), body),
                _p(pence_format(line.row.due_pence), body),
                _p(pence_format(line.row.paid_pence), body),
                _p(date_format(line.row.paid_on) if line.row.paid_on else "", body),
                _p(pence_format(line.running_total_pence), body),
            ]
        )
    table.append(
        [
            _p(_("Total arrears"), body),
            "",
            "",
            "",
            _p(pence_format(claim.arrears_total_pence), body),
        ]
    )
    return _table(table, [35 * mm, 30 * mm, 30 * mm, 35 * mm, 30 * mm])


def possession_claim_pack_pdf(claim) -> bytes:
    """The claim form and particulars of an issued possession claim, in the claim's
    language. Raises ValueError for a claim not issued."""
    if not claim.claim_number or claim.issue_date is None:
        raise ValueError("Only an issued possession claim has a claim pack")
    with translation.override(claim_language(claim)):
        return _claim_pack_pdf(claim)


def _claim_pack_pdf(claim) -> bytes:
    styles = _styles()
    body, heading = styles["body"], styles["heading"]
    claimant = claim.claimant
    story: list = [
        _p(_("Claim form for possession of property"), styles["title"]),
        _p(_("In the County Court. Issued by the %(court)s.") % {"court": COURT}, body),
        _table(
            [
                [_p(_("Claim number"), body), _p(claim.claim_number, body)],
                [_p(_("Issue date"), body), _p(date_format(claim.issue_date), body)],
                [_p(_("Court fee"), body), _p(pence_format(claim.fee_pence), body)],
            ],
            W,
        ),
        Spacer(1, 4 * mm),
        _p(
            _("SEAL OF THE COUNTY COURT: issued %(date)s")
            % {"date": date_format(claim.issue_date)},
            styles["seal"],
        ),
        _p(_("Claimant"), heading),
        _p(_party_lines(claimant), body),
        _p(
            _("Claimant type: %(kind)s %(other)s")
            % {"kind": claim.get_claimant_type_display(), "other": claim.claimant_type_other},
            body,
        ),
        _p(_("Defendants"), heading),
        *(_p(_party_lines(d), body) for d in claim.defendants),
        _p(_("The property"), heading),
        _p(
            "\n".join(claim.property_lines) + f"\n{claim.get_country_display()}",
            body,
        ),
        _p(
            _(
                "The claimant is claiming possession of this property. The court will tell you "
                "the date, time and place of the hearing in a notice of hearing."
            ),
            body,
        ),
        PageBreak(),
        _p(_("Particulars of claim"), styles["title"]),
    ]
    if claim.against_trespassers:
        story += [
            _p(_("A claim against trespassers"), heading),
            _p(
                _(
                    "The defendants entered or stayed on the property without the claimant's "
                    "consent and have never been its tenants."
                ),
                body,
            ),
            _p(
                _("The claimant found out on %(date)s.")
                % {"date": date_format(claim.trespass_known_on)},
                body,
            ),
            _p(claim.trespass_details, body),
        ]
    else:
        story += [
            _p(_("The tenancy"), heading),
            _table(_tenancy_rows(claim, body), W),
            _p(_("Grounds for possession"), heading),
            _table([[_p(g.label, body), _p(g.reason, body)] for g in claim.grounds.all()], W),
            _p(_("Notice"), heading),
            *(_p(line, body) for line in _notice_lines(claim)),
        ]
        if claim.arrears_total_pence is not None:
            story += [
                _p(_("Rent arrears"), heading),
                _arrears_table(claim, body),
                _p(
                    _("The claimant asks for a money judgment for the arrears.")
                    if claim.money_judgment_wanted
                    else _("The claimant does not ask for a money judgment for the arrears."),
                    body,
                ),
            ]
            if claim.recovery_steps:
                story.append(
                    _p(
                        _("Steps taken to recover the arrears: %(steps)s")
                        % {"steps": claim.recovery_steps},
                        body,
                    )
                )
        story += [
            _p(_("The rest of the claim"), heading),
            _p(
                _("The pre-action protocol was followed.")
                if claim.pre_action_protocol_followed
                else _("The pre-action protocol was not followed: %(reason)s")
                % {"reason": claim.pre_action_protocol_reason},
                body,
            ),
        ]
        for label, value in (
            (_("The claimant's circumstances"), claim.claimant_circumstances),
            (_("The defendants' circumstances"), claim.defendant_circumstances),
            (_("Alternatives to possession considered"), claim.alternatives_considered),
            (_("Other occupiers"), claim.other_occupiers),
        ):
            if value:
                story.append(_p(_("%(label)s: %(value)s") % {"label": label, "value": value}, body))
        story.append(
            _p(
                _(
                    "Energy performance certificate: %(epc)s. Gas safety record: %(gas)s. "
                    "Electrical safety report: %(eicr)s."
                )
                % {
                    "epc": claim.get_epc_given_display(),
                    "gas": claim.get_gas_safety_given_display(),
                    "eicr": claim.get_eicr_given_display(),
                },
                body,
            )
        )
        if claim.certificates_reason:
            story.append(_p(claim.certificates_reason, body))
    story += [
        _p(_("Statement of truth"), heading),
        _p(_("The claimant believes that the facts stated in these particulars are true."), body),
        _p(
            (
                _("Signed by %(name)s, %(role)s")
                % {"name": claim.sot_signer_name, "role": claim.sot_signer_role}
                if claim.sot_signer_role
                else _("Signed by %(name)s") % {"name": claim.sot_signer_name}
            ),
            body,
        ),
    ]

    return claim_pdf_build(
        story,
        claim_number=claim.claim_number,
        title=_("Possession claim %(number)s") % {"number": claim.claim_number},
    )
