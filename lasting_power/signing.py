"""The signing-date checker: were the printed LPA's signatures made in the right order?

OPG cannot register an LPA signed out of order. After completing an LPA the applicant
types the date each person signed, and ``signing_dates_check`` says which sections
must be printed and signed again, and why, by the rules in the domain notes
(section 2, "Signing-order checker"):

- the donor signs first: section 9, or continuation sheet 3 when someone signs for
  them, and section 5 on a health and welfare LPA (the life-sustaining treatment
  choice); the certificate provider may sign on the same day, never before;
- the certificate provider (section 10) signs before every attorney and
  replacement (section 11, or continuation sheet 4 for a trust corporation), on the
  same day at the earliest;
- the applicants (section 15) sign on or after the day the last attorney signed;
- continuation sheet 3 may not be dated after section 5;
- no date may be in the future.

A signature that comes too early is fixed by signing it again, and everyone who must
sign after it then signs again too; each problem lists those sections. Pure: no
database, no clock (``today`` is passed in).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.dates import date_format


class Role:
    """Who a signature belongs to (the order they sign in)."""

    DONOR = "donor"
    LIFE_SUSTAINING = "life-sustaining"
    CERTIFICATE_PROVIDER = "certificate-provider"
    ATTORNEY = "attorney"
    APPLICANT = "applicant"


SECTION_5 = "section 5"
SECTION_9 = "section 9"
SECTION_10 = "section 10"
SECTION_11 = "section 11"
SECTION_15 = "section 15"
CONTINUATION_SHEET_3 = "continuation sheet 3"
CONTINUATION_SHEET_4 = "continuation sheet 4"

#: Each section's name in the page's language (the constants are its English keys).
SECTION_NAMES = {
    SECTION_5: _("section 5"),
    SECTION_9: _("section 9"),
    SECTION_10: _("section 10"),
    SECTION_11: _("section 11"),
    SECTION_15: _("section 15"),
    CONTINUATION_SHEET_3: _("continuation sheet 3"),
    CONTINUATION_SHEET_4: _("continuation sheet 4"),
}

#: The order sections are listed in, whatever order problems found them.
SECTION_ORDER = (
    CONTINUATION_SHEET_3,
    SECTION_5,
    SECTION_9,
    SECTION_10,
    SECTION_11,
    CONTINUATION_SHEET_4,
    SECTION_15,
)


@dataclass(frozen=True)
class Signature:
    """One date someone signed. ``key`` names the date field on the page."""

    key: str
    role: str
    who: str
    section: str
    on: dt.date


@dataclass(frozen=True)
class SigningProblem:
    """One broken rule: what is wrong, in plain words, and what to sign again."""

    rule: str
    key: str
    message: str
    sections: tuple[str, ...]

    @property
    def sections_text(self) -> str:
        return sections_in_words(self.sections)


@dataclass(frozen=True)
class SigningCheck:
    problems: tuple[SigningProblem, ...]

    @property
    def in_order(self) -> bool:
        return not self.problems

    @property
    def sections_to_sign_again(self) -> tuple[str, ...]:
        wanted = {section for problem in self.problems for section in problem.sections}
        return tuple(section for section in SECTION_ORDER if section in wanted)

    @property
    def sections_text(self) -> str:
        return sections_in_words(self.sections_to_sign_again)


def sections_in_words(sections: Sequence[str]) -> str:
    """("section 10", "section 11", "section 15") → "sections 10, 11 and 15";
    sheets keep their own names: "continuation sheet 3 and sections 5 and 10"."""
    numbered = [s.removeprefix("section ") for s in sections if s.startswith("section ")]
    sheets = [str(SECTION_NAMES.get(s, s)) for s in sections if not s.startswith("section ")]
    parts = list(sheets)
    if numbered:
        parts.append(
            ngettext("section %(numbers)s", "sections %(numbers)s", len(numbered))
            % {"numbers": _and_list(numbered)}
        )
    return _and_list(parts)


def _and_list(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return gettext("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def section_name(name: str) -> str:
    """A section (or sheet) in words, in the page's language."""
    return str(SECTION_NAMES.get(name, name))


def _attorney_sections(signatures: Iterable[Signature]) -> tuple[str, ...]:
    return tuple(sorted({s.section for s in signatures if s.role == Role.ATTORNEY}))


def signing_dates_check(*, signatures: Sequence[Signature], today: dt.date) -> SigningCheck:
    """Check the dates against every rule; return all the problems found (none: in order).

    Raises ``ValueError`` when there is no donor or certificate provider signature,
    or two signatures share a key.
    """
    keys = [s.key for s in signatures]
    if len(set(keys)) != len(keys):
        raise ValueError("Each signature needs its own key")
    by_role: dict[str, list[Signature]] = {}
    for signature in signatures:
        by_role.setdefault(signature.role, []).append(signature)
    donor_signatures = by_role.get(Role.DONOR, []) + by_role.get(Role.LIFE_SUSTAINING, [])
    providers = by_role.get(Role.CERTIFICATE_PROVIDER, [])
    if not by_role.get(Role.DONOR) or len(providers) != 1:
        raise ValueError("The check needs the donor's and the certificate provider's dates")
    provider = providers[0]
    attorneys = by_role.get(Role.ATTORNEY, [])
    applicants = by_role.get(Role.APPLICANT, [])
    after_provider = (SECTION_10, *_attorney_sections(signatures), SECTION_15)
    problems: list[SigningProblem] = []

    for signature in signatures:
        if signature.on > today:
            problems.append(
                SigningProblem(
                    rule="future",
                    key=signature.key,
                    message=gettext(
                        "The date %(who)s signed %(section)s (%(on)s) is in the future. "
                        "Check the date you entered."
                    )
                    % {
                        "who": signature.who,
                        "section": section_name(signature.section),
                        "on": date_format(signature.on),
                    },
                    sections=(),
                )
            )

    for signature in donor_signatures:
        if provider.on < signature.on:
            problems.append(
                SigningProblem(
                    rule="donor-first",
                    key=provider.key,
                    message=gettext(
                        "The donor must sign before anyone else. %(provider)s signed "
                        "%(provider_section)s on %(provider_on)s, before %(donor)s signed "
                        "%(donor_section)s on %(donor_on)s. The certificate provider, the "
                        "attorneys and the applicants must sign again after the donor."
                    )
                    % {
                        "provider": provider.who,
                        "provider_section": section_name(provider.section),
                        "provider_on": date_format(provider.on),
                        "donor": signature.who,
                        "donor_section": section_name(signature.section),
                        "donor_on": date_format(signature.on),
                    },
                    sections=after_provider,
                )
            )

    for attorney in attorneys:
        if attorney.on < provider.on:
            problems.append(
                SigningProblem(
                    rule="certificate-provider-before-attorneys",
                    key=attorney.key,
                    message=gettext(
                        "The certificate provider must sign before the attorneys. "
                        "%(attorney)s signed %(attorney_section)s on %(attorney_on)s, before "
                        "%(provider)s signed %(provider_section)s on %(provider_on)s. "
                        "%(attorney)s must sign again, and then the applicants."
                    )
                    % {
                        "attorney": attorney.who,
                        "attorney_section": section_name(attorney.section),
                        "attorney_on": date_format(attorney.on),
                        "provider": provider.who,
                        "provider_section": section_name(provider.section),
                        "provider_on": date_format(provider.on),
                    },
                    sections=(attorney.section, SECTION_15),
                )
            )

    last_attorney = max(attorneys, key=lambda s: s.on, default=None)
    for applicant in applicants:
        if last_attorney is not None and applicant.on < last_attorney.on:
            problems.append(
                SigningProblem(
                    rule="applicants-after-attorneys",
                    key=applicant.key,
                    message=gettext(
                        "The applicants must sign on or after the day the last attorney "
                        "signed. %(applicant)s signed %(applicant_section)s on "
                        "%(applicant_on)s, before %(attorney)s signed %(attorney_section)s on "
                        "%(attorney_on)s."
                    )
                    % {
                        "applicant": applicant.who,
                        "applicant_section": section_name(applicant.section),
                        "applicant_on": date_format(applicant.on),
                        "attorney": last_attorney.who,
                        "attorney_section": section_name(last_attorney.section),
                        "attorney_on": date_format(last_attorney.on),
                    },
                    sections=(SECTION_15,),
                )
            )

    sheet = next((s for s in by_role[Role.DONOR] if s.section == CONTINUATION_SHEET_3), None)
    for life in by_role.get(Role.LIFE_SUSTAINING, []):
        if sheet is not None and sheet.on > life.on:
            problems.append(
                SigningProblem(
                    rule="continuation-sheet-3-not-after-section-5",
                    key=life.key,
                    message=gettext(
                        "Continuation sheet 3 may not be dated after section 5. %(who)s signed "
                        "continuation sheet 3 on %(sheet_on)s and section 5 on %(life_on)s. "
                        "Section 5 must be signed again, and then everyone who signs after "
                        "the donor."
                    )
                    % {
                        "who": sheet.who,
                        "sheet_on": date_format(sheet.on),
                        "life_on": date_format(life.on),
                    },
                    sections=(SECTION_5, *after_provider),
                )
            )
    return SigningCheck(problems=tuple(problems))
