"""What the claim's answers add up to: the amount, the interest worked out to the penny,
and the court fee on both, as they would be if the claim were sent now.

Nothing here is a second copy of the claim's rules: interest comes from
``civil_claims.interest``, the fee from ``civil_claims.fees`` and the issue date from
``civil_claims.deadlines``. Interest is worked out to the date the claim would be issued
if sent now (the issue date counts, not the day the draft was started).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext

from digital_services.core.dates import date_format
from digital_services.core.money import pence_format
from digital_services.journeys.definitions import Answers

from ..deadlines import issue_date_for
from ..fees import AmbiguousFee, FeeNotFound, IssueFee
from ..interest import (
    ContinuingKind,
    InterestAnswers,
    InterestCalculation,
    InterestEnd,
    InterestKind,
    InterestStart,
    interest_work_out,
)
from .eligibility import online_limit_pence


def amount_rows(answers: Answers) -> list[dict]:
    return [row for row in (answers.value("amount") or []) if row]


def amount_total_pence(answers: Answers) -> int:
    return sum(row.get("amount_pence") or 0 for row in amount_rows(answers))


def interest_answers(answers: Answers) -> InterestAnswers:
    """The journey's interest answers as ``civil_claims.interest`` takes them."""
    kind = answers.value("interest", "kind") or InterestKind.NONE
    if kind == InterestKind.SAME_RATE:
        return InterestAnswers(
            kind=kind,
            rate=answers.value("interest-rate", "rate"),
            rate_reason=answers.value("interest-rate", "rate_reason", ""),
            start=answers.value("interest-start", "start", InterestStart.SUBMISSION),
            start_date=answers.value("interest-start", "start_date"),
            start_reason=answers.value("interest-start", "start_reason", ""),
            end=answers.value("interest-end", "end", InterestEnd.SETTLED),
        )
    if kind == InterestKind.BREAKDOWN:
        daily = answers.value("interest-continuing", "daily_pence")
        return InterestAnswers(
            kind=kind,
            breakdown_total_pence=answers.value("interest-breakdown", "total_pence", 0) or 0,
            breakdown_explanation=answers.value("interest-breakdown", "explanation", ""),
            continuing=answers.value("interest-continuing", "continuing", ContinuingKind.NONE),
            continuing_rate=answers.value("interest-continuing", "continuing_rate"),
            continuing_daily_pence=Decimal(daily) if daily is not None else None,
        )
    return InterestAnswers()


@dataclass(frozen=True)
class ClaimFigures:
    """The claim's sums if it were sent now."""

    issue_date: dt.date
    amount_pence: int
    interest: InterestCalculation | None  # None: the interest answers are not complete
    interest_answers: InterestAnswers
    fee: IssueFee | None  # None: no fee can be worked out yet
    limit_pence: int

    @property
    def interest_pence(self) -> int:
        return self.interest.total_pence if self.interest else 0

    @property
    def fee_basis_pence(self) -> int:
        return self.amount_pence + self.interest_pence

    @property
    def total_pence(self) -> int:
        return self.fee_basis_pence + (self.fee.fee_pence if self.fee else 0)

    @property
    def over_limit(self) -> bool:
        return self.amount_pence > self.limit_pence

    def interest_rows(self) -> list[tuple[str, str]]:
        """How the interest was worked out, to the penny: daily amount, days, total."""
        worked = self.interest
        answers = self.interest_answers
        if worked is None or answers.kind == InterestKind.NONE:
            return [(gettext("Interest"), gettext("No interest claimed"))]
        rows = []
        if answers.kind == InterestKind.SAME_RATE:
            rows += [
                (gettext("Rate"), gettext("%(rate)s%% a year") % {"rate": f"{worked.rate:g}"}),
                (gettext("Amount it is worked out on"), pence_format(self.amount_pence)),
                (
                    gettext("Interest each day"),
                    f"{pence_format(worked.daily_pence_rounded())} "
                    f"({pence_format(self.amount_pence)} × {worked.rate:g}% ÷ 365)",
                ),
                (gettext("From"), date_format(worked.start_date)),
                (
                    gettext("To"),
                    gettext("%(day)s, the day your claim would be issued")
                    % {"day": date_format(worked.end_date)},
                ),
                (gettext("Number of days"), f"{worked.days:,}"),
                (gettext("Interest to that date"), pence_format(worked.total_pence)),
            ]
        else:
            rows.append((gettext("Interest you worked out"), pence_format(worked.total_pence)))
        if worked.continues:
            rows.append(
                (
                    gettext("After that"),
                    gettext("%(daily)s a day until the claim is settled or judgment is made")
                    % {"daily": pence_format(_pence(worked.continuing_daily_pence))},
                )
            )
        return rows

    def summary_rows(self) -> list[tuple[str, str]]:
        rows = [
            (gettext("Amount claimed"), pence_format(self.amount_pence)),
            (
                gettext("Interest to %(day)s") % {"day": date_format(self.issue_date)},
                pence_format(self.interest_pence),
            ),
        ]
        if self.fee is not None:
            rows.append((gettext("Court fee"), pence_format(self.fee.fee_pence)))
            rows.append((gettext("Total"), pence_format(self.total_pence)))
        if self.interest is not None and self.interest.continues:
            rows.append(
                (
                    gettext("Interest after that"),
                    gettext("%(daily)s a day")
                    % {"daily": pence_format(_pence(self.interest.continuing_daily_pence))},
                )
            )
        return rows


def _pence(amount: Decimal) -> int:
    from ..interest import pence_round

    return pence_round(amount)


def claim_issue_date(now: dt.datetime | None = None) -> dt.date:
    """The day a claim sent now would be issued (16:00, weekends and bank holidays)."""
    return issue_date_for(now or timezone.now())


def claim_figures(answers: Answers, *, now: dt.datetime | None = None) -> ClaimFigures:
    """The amount, interest and fee of the answers so far, as if the claim were sent now
    (``services.claim_figures``, the same sums ``claim_submit`` does); what cannot be
    worked out yet is None.

    Without ``now``, worked out once per ``answers`` (one request: the steps' forms and the
    check page each ask) for the same amount and interest answers."""
    amount = amount_total_pence(answers)
    interest_in = interest_answers(answers)
    if now is not None:
        return _claim_figures(amount, interest_in, now)
    memo = answers.__dict__.setdefault("_civil_claims_figures", {})
    key = (amount, interest_in)
    if key not in memo:
        memo[key] = _claim_figures(amount, interest_in, timezone.now())
    return memo[key]


def _claim_figures(amount: int, interest_in: InterestAnswers, now: dt.datetime) -> ClaimFigures:
    from ..services.submit import claim_figures as figures_at

    issue_date = claim_issue_date(now)
    worked = fee = None
    try:
        sums = figures_at(amount_pence=amount, interest=interest_in, at=now)
        worked, fee = sums.interest, sums.fee
    except (ValueError, ArithmeticError, FeeNotFound, AmbiguousFee):
        try:
            worked = interest_work_out(interest_in, principal_pence=amount, issue_date=issue_date)
        except (ValueError, ArithmeticError):
            worked = None
    return ClaimFigures(
        issue_date=issue_date,
        amount_pence=amount,
        interest=worked,
        interest_answers=interest_in,
        fee=fee,
        limit_pence=online_limit_pence(issue_date),
    )
