"""Pure rules about visitors and prisoner details, shared by the journey forms and the services.

Nothing here touches the database, so a form can show the same message the
service would raise, next to the field that caused it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext

from .constants import LEAD_VISITOR_MIN_AGE, MAX_ADULTS, MAX_VISITORS, PRISON_NUMBER_PATTERN


@dataclass(frozen=True)
class PrisonerDetails:
    first_name: str
    last_name: str
    date_of_birth: date
    prison_number: str


@dataclass(frozen=True)
class VisitorDetails:
    first_name: str
    last_name: str
    date_of_birth: date


@dataclass(frozen=True)
class RuleProblem:
    """One broken rule: a stable ``code`` and a GOV.UK-style message."""

    code: str
    message: str


def age_on(date_of_birth: date, day: date) -> int:
    """Age in whole years on ``day`` (someone born on 29 February turns a year older on 1 March)."""
    years = day.year - date_of_birth.year
    if (day.month, day.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years


def prison_number_normalise(value: str) -> str:
    """Upper case, spaces removed: " a1234 bc " becomes "A1234BC"."""
    return re.sub(r"\s+", "", value or "").upper()


def prison_number_is_valid(value: str) -> bool:
    return bool(re.match(PRISON_NUMBER_PATTERN, prison_number_normalise(value)))


def visitors_problems(
    *, visitors: Sequence[VisitorDetails], adult_age: int, visit_dates: Sequence[date]
) -> list[RuleProblem]:
    """Everything wrong with a party of visitors for visits on any of ``visit_dates``.

    Ages count on the day of the visit: the lead visitor must be 18 or over on
    the earliest date asked for, and at most 3 visitors may be ``adult_age`` or
    over on the latest. At most 6 visitors in all.
    """
    problems: list[RuleProblem] = []
    if not visitors:
        return [RuleProblem("no_visitors", gettext("Add at least one visitor"))]
    if len(visitors) > MAX_VISITORS:
        problems.append(
            RuleProblem(
                "too_many_visitors",
                gettext("You can add up to %(count)s visitors in total") % {"count": MAX_VISITORS},
            )
        )
    if visit_dates:
        first, last = min(visit_dates), max(visit_dates)
        if age_on(visitors[0].date_of_birth, first) < LEAD_VISITOR_MIN_AGE:
            problems.append(
                RuleProblem(
                    "lead_too_young",
                    gettext("The main visitor must be %(age)s or over on the day of the visit")
                    % {"age": LEAD_VISITOR_MIN_AGE},
                )
            )
        adults = sum(1 for v in visitors if age_on(v.date_of_birth, last) >= adult_age)
        if adults > MAX_ADULTS:
            problems.append(
                RuleProblem(
                    "too_many_adults",
                    gettext("You can bring up to %(count)s visitors aged %(age)s or over")
                    % {"count": MAX_ADULTS, "age": adult_age},
                )
            )
    return problems
