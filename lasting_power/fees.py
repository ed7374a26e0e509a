"""The fee to register a lasting power of attorney, and the reductions that lower it.

Each LPA is a separate application with its own fee, whatever its type. The fee
depends on three things only: the date (the amounts in force then), whether it is a
repeat application (OPG could not register an earlier one and the applicant
reapplies within 3 months), and the reduction the donor qualifies for. Only the
donor's income and benefits count.

The amounts are dated rows of the ``LpaFeeRate`` table, one per change of fee, so
that the fee of an LPA made before a change is still worked out with the figures of
its day. A new fee is a new row with its first day; no amount appears in code. The
rules are pure functions: give them ``rates`` and they read no database; without,
they read the table. No clock: the date is always passed in. Money is integer pence.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.dates import date_format
from digital_services.core.money import pence_format

#: Fees change at midnight in England and Wales (the £92 fee: 17 November 2025 00:00).
FEE_TIME_ZONE = zoneinfo.ZoneInfo("Europe/London")

#: The income under which the donor pays half the fee (gross, a year), in pence.
LOW_INCOME_LIMIT_PENCE = 12_000_00
#: Personal-injury damages over this amount take away the benefits exemption, in pence.
DAMAGES_LIMIT_PENCE = 16_000_00


@dataclass(frozen=True)
class FeeRate:
    """The four amounts in force from ``effective_from`` until the next row starts."""

    effective_from: dt.date
    full_pence: int
    repeat_pence: int
    low_income_pence: int
    low_income_repeat_pence: int
    source: str


def fee_rates() -> tuple[FeeRate, ...]:
    """The dated amounts in the ``LpaFeeRate`` table (seeded by migration 0003), oldest first."""
    from .models import LpaFeeRate

    return tuple(
        FeeRate(
            effective_from=row.effective_from,
            full_pence=row.full_pence,
            repeat_pence=row.repeat_pence,
            low_income_pence=row.low_income_pence,
            low_income_repeat_pence=row.low_income_repeat_pence,
            source=row.source,
        )
        for row in LpaFeeRate.objects.order_by("effective_from")
    )


class FeeReduction(models.TextChoices):
    """What the donor asked for on the fee reduction page, once decided from the answers."""

    NONE = "none", _("No reduction")
    BENEFITS = "benefits", _("Exemption: the donor gets a means-tested benefit")
    LOW_INCOME = "low-income", _("Remission: the donor's income is under £12,000 a year")
    UNIVERSAL_CREDIT = "universal-credit", _("The donor gets Universal Credit")


class Benefit(models.TextChoices):
    """The benefits the fee reduction page asks about. Only ``QUALIFYING_BENEFITS``
    exempt the donor from the fee; Universal Credit is decided by a caseworker."""

    INCOME_SUPPORT = "income-support", _("Income Support")
    ESA_INCOME_BASED = "esa-income-based", _("Income-based Employment and Support Allowance")
    JSA_INCOME_BASED = "jsa-income-based", _("Income-based Jobseeker's Allowance")
    PENSION_CREDIT_GUARANTEE = "pension-credit-guarantee", _("Guarantee Credit of Pension Credit")
    WORKING_TAX_CREDIT_WITH_EXTRA = (
        "working-tax-credit-with-extra",
        _("Working Tax Credit with Child Tax Credit or a disability element"),
    )
    HOUSING_BENEFIT = "housing-benefit", _("Housing Benefit")
    COUNCIL_TAX_SUPPORT = "council-tax-support", _("Council Tax Support")
    LOCAL_HOUSING_ALLOWANCE = "local-housing-allowance", _("Local Housing Allowance")
    UNIVERSAL_CREDIT = "universal-credit", _("Universal Credit")
    WORKING_TAX_CREDIT_ONLY = "working-tax-credit-only", _("Working Tax Credit on its own")
    DISABILITY_LIVING_ALLOWANCE = "disability-living-allowance", _("Disability Living Allowance")
    PERSONAL_INDEPENDENCE_PAYMENT = (
        "personal-independence-payment",
        _("Personal Independence Payment"),
    )
    INVALIDITY_BENEFIT = "invalidity-benefit", _("Invalidity Benefit")


QUALIFYING_BENEFITS = frozenset(
    {
        Benefit.INCOME_SUPPORT,
        Benefit.ESA_INCOME_BASED,
        Benefit.JSA_INCOME_BASED,
        Benefit.PENSION_CREDIT_GUARANTEE,
        Benefit.WORKING_TAX_CREDIT_WITH_EXTRA,
        Benefit.HOUSING_BENEFIT,
        Benefit.COUNCIL_TAX_SUPPORT,
        Benefit.LOCAL_HOUSING_ALLOWANCE,
    }
)


class FeeNotFound(Exception):
    """No fee in the table on the date asked (before the first row we hold)."""


@dataclass(frozen=True)
class FeeOutcome:
    """The fee for one LPA and why. ``amount_pence`` is None only when a caseworker
    decides it later (Universal Credit); such an LPA still counts as paid for."""

    amount_pence: int | None
    reason: str
    needs_caseworker_decision: bool
    reduction: str
    repeat: bool
    rate: FeeRate

    @property
    def to_pay_now(self) -> bool:
        return bool(self.amount_pence)

    @property
    def reduction_asked(self) -> bool:
        """True when an LPA120 (fee reduction form) goes with the LPA."""
        return self.reduction != FeeReduction.NONE


def _fee_day(on: dt.date | dt.datetime) -> dt.date:
    if isinstance(on, dt.datetime):
        if on.tzinfo is None:
            raise ValueError("A fee time must carry its time zone")
        return on.astimezone(FEE_TIME_ZONE).date()
    return on


def fee_rate_on(on: dt.date | dt.datetime, *, rates: Iterable[FeeRate] | None = None) -> FeeRate:
    """The row in force on ``on`` (a date, or an aware time read in UK time).

    Raises ``FeeNotFound`` before the first row."""
    day = _fee_day(on)
    rates = fee_rates() if rates is None else rates
    in_force = [rate for rate in rates if rate.effective_from <= day]
    if not in_force:
        raise FeeNotFound(f"No lasting power of attorney fee is recorded for {date_format(day)}")
    return max(in_force, key=lambda rate: rate.effective_from)


def fee_reduction_decide(
    *, benefits: Iterable[str], damages_over_limit: bool, income_under_limit: bool
) -> str:
    """The reduction the donor's answers earn (a ``FeeReduction`` value).

    A qualifying benefit exempts the donor unless they were awarded personal-injury
    damages over £16,000. Otherwise Universal Credit goes to a caseworker, then an
    income under £12,000 halves the fee. Benefits that do not qualify (PIP, DLA...)
    change nothing. Raises ``ValueError`` for a benefit we do not know.
    """
    chosen = set(benefits)
    unknown = chosen - set(Benefit.values)
    if unknown:
        raise ValueError(f"Unknown benefits: {', '.join(sorted(unknown))}")
    if chosen & QUALIFYING_BENEFITS and not damages_over_limit:
        return FeeReduction.BENEFITS
    if Benefit.UNIVERSAL_CREDIT in chosen:
        return FeeReduction.UNIVERSAL_CREDIT
    if income_under_limit:
        return FeeReduction.LOW_INCOME
    return FeeReduction.NONE


def lpa_fee_for(
    *,
    on: dt.date | dt.datetime,
    repeat: bool,
    reduction: str,
    rates: Iterable[FeeRate] | None = None,
) -> FeeOutcome:
    """The fee for one LPA of either type on ``on``, with the reason in plain words.

    Full fee, or the repeat fee; half of either for a low income; nothing for a
    qualifying benefit; "to be decided" by a caseworker for Universal Credit.
    Raises ``FeeNotFound`` for a date before the fees we hold and ``ValueError`` for
    an unknown reduction.
    """
    if reduction not in FeeReduction.values:
        raise ValueError(f"Unknown fee reduction {reduction!r}")
    rate = fee_rate_on(on, rates=rates)
    standard = rate.repeat_pence if repeat else rate.full_pence
    # Whole sentences for each case, so each language can word them (in the active one).
    words = {
        "standard": pence_format(standard),
        "date": date_format(rate.effective_from),
        "limit": pence_format(LOW_INCOME_LIMIT_PENCE),
    }
    since = (
        gettext("(the repeat application fee is %(standard)s from %(date)s)")
        if repeat
        else gettext("(the full fee is %(standard)s from %(date)s)")
    ) % words
    amount: int | None
    if reduction == FeeReduction.BENEFITS:
        amount = 0
        reason = gettext(
            "No fee: the donor gets a benefit that exempts them and has not been awarded "
            "personal-injury damages over %(damages)s."
        ) % {"damages": pence_format(DAMAGES_LIMIT_PENCE)}
    elif reduction == FeeReduction.UNIVERSAL_CREDIT:
        amount = None
        reason = gettext(
            "To be decided: the donor gets Universal Credit, so the Office of the Public "
            "Guardian will contact you about the fee %(since)s."
        ) % {"since": since}
    elif reduction == FeeReduction.LOW_INCOME:
        amount = rate.low_income_repeat_pence if repeat else rate.low_income_pence
        reason = (
            gettext(
                "%(amount)s: half the repeat application fee, because the donor's income is "
                "under %(limit)s a year."
            )
            if repeat
            else gettext(
                "%(amount)s: half the full fee, because the donor's income is under %(limit)s "
                "a year."
            )
        ) % {**words, "amount": pence_format(amount)}
    else:
        amount = standard
        reason = (
            gettext("%(amount)s: the repeat application fee.")
            if repeat
            else gettext("%(amount)s: the full fee.")
        ) % {"amount": pence_format(amount)}
    return FeeOutcome(
        amount_pence=amount,
        reason=reason,
        needs_caseworker_decision=reduction == FeeReduction.UNIVERSAL_CREDIT,
        reduction=reduction,
        repeat=repeat,
        rate=rate,
    )
