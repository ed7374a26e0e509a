"""Help with Fees (fee remission): the October 2013 and November 2023 schemes, as pure functions.

The scheme is chosen by the date of the fee (the date it was paid or the claim was
presented): the current scheme from 27 November 2023, the October 2013 scheme
before. Each scheme's figures are data in ``SCHEMES``; the tests work every
threshold by hand. Everything is integer pence: no floats.

Order of the tests, for both schemes: savings and investments (capital) first, and
a fail means no remission; then a qualifying benefit gives full remission (the
benefits passport); otherwise the gross monthly income test decides full, part
(the contribution the applicant still pays) or none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.dates import date_format
from digital_services.core.money import pence_format

from .constants import Benefit, HwfOutcome, HwfScheme

NOV_2023_START = dt.date(2023, 11, 27)


@dataclass(frozen=True)
class CapitalBand:
    """For fees up to ``fee_up_to_pence`` (None: any fee), capital must be below the limit."""

    fee_up_to_pence: int | None
    limit_pence: int | None  # None: the limit is 3 × the fee
    inclusive: bool = False  # True: capital may equal the limit


@dataclass(frozen=True)
class SchemeFigures:
    scheme: str
    capital_bands: tuple[CapitalBand, ...]
    age_exception_years: int  # applicant or partner this age or older: the flat limit below
    age_exception_limit_pence: int
    income_single_pence: int
    income_partner_pence: int
    income_child_0_13_pence: int
    income_child_14_plus_pence: int
    #: (band width in pence, percent charged): the steps of the contribution.
    contribution_steps: tuple[tuple[int, int], ...]
    #: Income above the threshold by more than this (pence): no remission.
    max_excess_pence: int


SCHEMES: dict[str, SchemeFigures] = {
    # SI 2013/2302 Schedule 1 as the staff app applied it (fr-staffapp settings: 1085/5085/245/160).
    HwfScheme.OCT_2013: SchemeFigures(
        scheme=HwfScheme.OCT_2013,
        capital_bands=(
            CapitalBand(100_000, 300_000),
            CapitalBand(133_500, 400_000),
            CapitalBand(166_500, 500_000),
            CapitalBand(200_000, 600_000),
            CapitalBand(233_000, 700_000),
            CapitalBand(400_000, 800_000),
            CapitalBand(500_000, 1_000_000),
            CapitalBand(600_000, 1_200_000),
            CapitalBand(700_000, 1_400_000),
            CapitalBand(None, 1_600_000),
        ),
        age_exception_years=61,
        age_exception_limit_pence=1_600_000,
        income_single_pence=108_500,
        income_partner_pence=16_000,
        income_child_0_13_pence=24_500,
        income_child_14_plus_pence=24_500,
        contribution_steps=((10**12, 50),),  # £5 for every £10 over, no further steps
        max_excess_pence=400_000,  # £5,085 − £1,085: above the upper limit, none
    ),
    # From 27 November 2023: the Courts and Tribunals (Fee Remissions and Miscellaneous
    # Amendments) Order 2023 (SI 2023/1094), e.g. article 3(3)(b) substituting paragraph 3
    # (disposable capital test) of Civil Proceedings Fees Order 2008 Schedule 2, and the
    # same test in the other fees orders it amends (the immigration and property chamber
    # orders among them).
    HwfScheme.NOV_2023: SchemeFigures(
        scheme=HwfScheme.NOV_2023,
        capital_bands=(
            CapitalBand(142_000, 425_000),  # fee up to £1,420: "less than £4,250"
            CapitalBand(500_000, None),  # £1,421 to £5,000: less than 3 × the fee
            CapitalBand(None, 1_600_000),  # over £5,000: less than £16,000
        ),
        age_exception_years=66,
        age_exception_limit_pence=1_600_000,
        income_single_pence=142_000,
        income_partner_pence=71_000,
        income_child_0_13_pence=42_500,
        income_child_14_plus_pence=71_000,
        contribution_steps=((100_000, 50), (100_000, 70), (100_000, 90)),
        max_excess_pence=300_000,
    ),
}


def hwf_scheme_for(on_date: dt.date) -> SchemeFigures:
    """The scheme for a fee paid (or a claim presented) on ``on_date``.

    Fees from before 7 October 2013 fell under the old civil remission scheme;
    its graduated contribution is not in our notes, so they are assessed under the
    October 2013 scheme and a caseworker can override the outcome.
    """
    return SCHEMES[HwfScheme.NOV_2023 if on_date >= NOV_2023_START else HwfScheme.OCT_2013]


def age_on(date_of_birth: dt.date, on_date: dt.date) -> int:
    """Age in whole years on ``on_date`` (a 29 February birthday counts from 1 March)."""
    years = on_date.year - date_of_birth.year
    if (on_date.month, on_date.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years


@dataclass(frozen=True)
class CapitalResult:
    passed: bool
    limit_pence: int
    inclusive: bool
    age_exception: bool


#: The 2023 scheme's savings question is asked in bands (below the lowest limit, from it up
#: to the over-66 limit, that limit or more); the edges come from the scheme's figures.
SAVINGS_LOW, SAVINGS_MIDDLE, SAVINGS_HIGH = "low", "middle", "high"
SAVINGS_BANDS = (SAVINGS_LOW, SAVINGS_MIDDLE, SAVINGS_HIGH)


def hwf_savings_band_edges(figures: SchemeFigures) -> tuple[int, int]:
    """(lowest limit, over-66 limit) in pence: £4,250 and £16,000 in the 2023 scheme."""
    return figures.capital_bands[0].limit_pence, figures.age_exception_limit_pence


def _capital_limit(
    *,
    figures: SchemeFigures,
    fee_pence: int,
    applicant_date_of_birth: dt.date,
    partner_date_of_birth: dt.date | None,
    on_date: dt.date,
) -> tuple[int, bool, bool]:
    """(limit, inclusive, age exception) of the savings test for this fee and household."""
    ages = [age_on(applicant_date_of_birth, on_date)]
    if partner_date_of_birth is not None:
        ages.append(age_on(partner_date_of_birth, on_date))
    if max(ages) >= figures.age_exception_years:
        return figures.age_exception_limit_pence, False, True
    for band in figures.capital_bands:
        if band.fee_up_to_pence is None or fee_pence <= band.fee_up_to_pence:
            limit = band.limit_pence if band.limit_pence is not None else 3 * fee_pence
            return limit, band.inclusive, False
    raise AssertionError("The last capital band covers every fee")


def hwf_savings_band_passes(
    *,
    figures: SchemeFigures,
    savings_band: str,
    fee_pence: int,
    applicant_date_of_birth: dt.date,
    partner_date_of_birth: dt.date | None,
    on_date: dt.date,
) -> bool | None:
    """Whether savings in ``savings_band`` pass the test; None when the band straddles the
    limit (a fee of £1,421 to £5,000 under 66, limit 3 × the fee), so the amount is needed."""
    low, high = hwf_savings_band_edges(figures)
    limit, inclusive, _age = _capital_limit(
        figures=figures,
        fee_pence=fee_pence,
        applicant_date_of_birth=applicant_date_of_birth,
        partner_date_of_birth=partner_date_of_birth,
        on_date=on_date,
    )
    # The band's least and greatest amounts, in pence.
    least, most = {
        SAVINGS_LOW: (0, low - 1),
        SAVINGS_MIDDLE: (low, high - 1),
        SAVINGS_HIGH: (high, None),
    }[savings_band]

    def passes(amount: int) -> bool:
        return amount <= limit if inclusive else amount < limit

    if most is not None and passes(most):
        return True
    if not passes(least):
        return False
    return None


def hwf_capital_test(
    *,
    figures: SchemeFigures,
    fee_pence: int,
    capital_pence: int | None,
    applicant_date_of_birth: dt.date,
    partner_date_of_birth: dt.date | None,
    on_date: dt.date,
    savings_band: str = "",
) -> CapitalResult:
    """The savings and investments test: household capital against the limit for the fee,
    or the flat age-exception limit if the applicant or partner is old enough. Without an
    amount, ``savings_band`` decides (it must not straddle the limit)."""
    limit, inclusive, age_exception = _capital_limit(
        figures=figures,
        fee_pence=fee_pence,
        applicant_date_of_birth=applicant_date_of_birth,
        partner_date_of_birth=partner_date_of_birth,
        on_date=on_date,
    )
    if capital_pence is None:
        passed = hwf_savings_band_passes(
            figures=figures,
            savings_band=savings_band,
            fee_pence=fee_pence,
            applicant_date_of_birth=applicant_date_of_birth,
            partner_date_of_birth=partner_date_of_birth,
            on_date=on_date,
        )
        if passed is None:
            raise ValueError("The savings are in a band that needs the amount")
    else:
        passed = capital_pence <= limit if inclusive else capital_pence < limit
    return CapitalResult(passed, limit, inclusive, age_exception)


def hwf_income_threshold(
    *, figures: SchemeFigures, has_partner: bool, children_0_13: int, children_14_plus: int
) -> int:
    """Gross monthly income at or below which there is nothing to pay."""
    return (
        figures.income_single_pence
        + (figures.income_partner_pence if has_partner else 0)
        + figures.income_child_0_13_pence * children_0_13
        + figures.income_child_14_plus_pence * children_14_plus
    )


def hwf_income_contribution(*, figures: SchemeFigures, excess_pence: int) -> int | None:
    """What the applicant pays towards the fee for income ``excess_pence`` over the threshold.

    The excess is rounded down to a whole £10, then charged by the scheme's steps
    (50% only in 2013; 50% of the first £1,000, 70% of the next, 90% of the next
    from 2023). Returns None when the excess is over the scheme's maximum (no
    remission whatever the fee). Exact: a £10 multiple times 50, 70 or 90 per cent
    is a whole number of pence.
    """
    if excess_pence <= 0:
        return 0
    if excess_pence > figures.max_excess_pence:
        return None
    remaining = excess_pence // 1000 * 1000
    contribution = 0
    for width, percent in figures.contribution_steps:
        step = min(remaining, width)
        contribution += step * percent // 100
        remaining -= step
        if remaining <= 0:
            break
    return contribution


@dataclass(frozen=True)
class HwfAssessment:
    scheme: str
    outcome: str
    amount_to_pay_pence: int
    remission_pence: int
    route: str  # "capital" (failed it), "benefits" or "income"
    capital_limit_pence: int
    income_threshold_pence: int | None = None
    contribution_pence: int | None = None


def hwf_assess(
    *,
    fee_pence: int,
    on_date: dt.date,
    applicant_date_of_birth: dt.date,
    has_partner: bool,
    partner_date_of_birth: dt.date | None = None,
    capital_pence: int | None,
    savings_band: str = "",
    benefit: str = Benefit.NONE,
    gross_monthly_income_pence: int | None = None,
    children_0_13: int = 0,
    children_14_plus: int = 0,
) -> HwfAssessment:
    """Full, part or no remission of ``fee_pence``, and what the applicant still pays.

    The partner's date of birth only counts when ``has_partner``. Raises
    ``ValueError`` for negative amounts or counts, an unknown benefit, or a missing
    income when no benefit is claimed.
    """
    if capital_pence is None and savings_band not in SAVINGS_BANDS:
        raise ValueError("The savings are needed: an amount or a band")
    for name, value in (
        ("fee", fee_pence),
        ("capital", 0 if capital_pence is None else capital_pence),
        ("children aged 0 to 13", children_0_13),
        ("children aged 14 or over", children_14_plus),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"The {name} must be a whole number, 0 or more")
    if benefit not in Benefit.values:
        raise ValueError(f"Unknown benefit {benefit!r}")
    figures = hwf_scheme_for(on_date)
    capital = hwf_capital_test(
        figures=figures,
        fee_pence=fee_pence,
        capital_pence=capital_pence,
        applicant_date_of_birth=applicant_date_of_birth,
        partner_date_of_birth=partner_date_of_birth if has_partner else None,
        on_date=on_date,
        savings_band=savings_band,
    )

    def result(outcome, to_pay, route, **extra):
        return HwfAssessment(
            scheme=figures.scheme,
            outcome=outcome,
            amount_to_pay_pence=to_pay,
            remission_pence=fee_pence - to_pay,
            route=route,
            capital_limit_pence=capital.limit_pence,
            **extra,
        )

    if not capital.passed:
        return result(HwfOutcome.NONE, fee_pence, "capital")
    if benefit != Benefit.NONE:
        return result(HwfOutcome.FULL, 0, "benefits")
    if (
        gross_monthly_income_pence is None
        or isinstance(gross_monthly_income_pence, bool)
        or not isinstance(gross_monthly_income_pence, int)
        or gross_monthly_income_pence < 0
    ):
        raise ValueError("Without a qualifying benefit, the gross monthly income is needed")
    threshold = hwf_income_threshold(
        figures=figures,
        has_partner=has_partner,
        children_0_13=children_0_13,
        children_14_plus=children_14_plus,
    )
    contribution = hwf_income_contribution(
        figures=figures, excess_pence=gross_monthly_income_pence - threshold
    )
    extra = {"income_threshold_pence": threshold, "contribution_pence": contribution}
    if contribution is None or contribution >= fee_pence:
        return result(HwfOutcome.NONE, fee_pence, "income", **extra)
    if contribution == 0:
        return result(HwfOutcome.FULL, 0, "income", **extra)
    return result(HwfOutcome.PART, contribution, "income", **extra)


def _limit_text(pence: int) -> str:
    """ "£4,250" for whole pounds, as the scheme writes its limits; "£4,250.50" otherwise."""
    return pence_format(pence).removesuffix(".00")


def hwf_savings_band_choices() -> list[tuple[str, str]]:
    """The 2023 scheme's savings bands as radio choices, worded from its figures."""
    low, high = hwf_savings_band_edges(SCHEMES[HwfScheme.NOV_2023])
    return [
        (SAVINGS_LOW, format_lazy(_("Less than {low}"), low=_limit_text(low))),
        (
            SAVINGS_MIDDLE,
            format_lazy(
                _("{low} or more, but less than {high}"),
                low=_limit_text(low),
                high=_limit_text(high),
            ),
        ),
        (SAVINGS_HIGH, format_lazy(_("{high} or more"), high=_limit_text(high))),
    ]


#: Retrospective Help with Fees: someone who has paid a fee may apply within 3 months.
HWF_RETROSPECTIVE_MONTHS = 3


def hwf_retrospective_last_day(paid_on: dt.date) -> dt.date:
    """The last day to apply for Help with Fees on a fee paid on ``paid_on``: the same day
    3 months later (the month's last day when that month is shorter, 30 November → 28 or
    29 February)."""
    month_index = paid_on.month - 1 + HWF_RETROSPECTIVE_MONTHS
    year, month = paid_on.year + month_index // 12, month_index % 12 + 1
    for day in (paid_on.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(paid_on.day, day))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def hwf_retrospective_too_late(paid_on: dt.date, *, today: dt.date) -> str:
    """Why Help with Fees can no longer be applied for on a fee paid on ``paid_on`` ("" when
    it still can): the GOV.UK message names the deadline and what to do instead."""
    last_day = hwf_retrospective_last_day(paid_on)
    if today <= last_day:
        return ""
    return gettext(
        "You paid this fee more than 3 months ago, so you cannot apply for Help with Fees "
        "for it. The last day to apply was %(last_day)s. You can still apply for Help with "
        "Fees for a fee you have not paid yet"
    ) % {"last_day": date_format(last_day)}
