"""Possession hearings and warrants: the rules that need no database (pure, dates passed in).

- The first hearing is listed 4 to 8 weeks after issue (CPR 55.5(3)(a), domain notes
  section 3): ``first_hearing_window``.
- The papers (the claim pack and the notice of hearing) must be served at least 21 days
  before the hearing (CPR 55.5(3)(b)). They are treated as served on the money claims'
  deemed-service day (``deadlines.deemed_service_date``) of whichever was sent last: the
  claim pack on the issue date, the notice of hearing on the day the hearing is listed.
  ``hearing_short_notice`` gives the days' notice when it is less than 21, for the
  caseworker's warning; a caseworker may still list it (the court can shorten time).
- A warrant may be asked for when an outright order's date to give up possession has
  passed, or when a suspended order's terms were broken: ``warrant_refusal``.
"""

from __future__ import annotations

import datetime as dt

from .deadlines import deemed_service_date
from .possession_constants import (
    HEARING_NOTICE_MIN_DAYS,
    HEARING_WINDOW_FIRST_DAYS,
    HEARING_WINDOW_LAST_DAYS,
    PossessionStatus,
    WarrantBasis,
)


def first_hearing_window(issue_date: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day the first hearing may be listed on (both included)."""
    return (
        issue_date + dt.timedelta(days=HEARING_WINDOW_FIRST_DAYS),
        issue_date + dt.timedelta(days=HEARING_WINDOW_LAST_DAYS),
    )


def papers_served_on(*, issue_date: dt.date, listed_on: dt.date) -> dt.date:
    """The day the papers count as served: the later of the claim pack's and the notice
    of hearing's deemed service (each posted on its own day)."""
    return max(deemed_service_date(issue_date), deemed_service_date(listed_on))


def hearing_short_notice(
    *, issue_date: dt.date, listed_on: dt.date, hearing_on: dt.date
) -> int | None:
    """The days between the papers' service and the hearing when fewer than 21 (may be
    0 or negative), else None."""
    days = (hearing_on - papers_served_on(issue_date=issue_date, listed_on=listed_on)).days
    return days if days < HEARING_NOTICE_MIN_DAYS else None


def hearing_window_problem(*, issue_date: dt.date, hearing_on: dt.date) -> str:
    """Why a first hearing on ``hearing_on`` is outside 4 to 8 weeks after issue ("" if not)."""
    first, last = first_hearing_window(issue_date)
    if first <= hearing_on <= last:
        return ""
    return (
        f"List the first hearing between {first:%-d %B %Y} and {last:%-d %B %Y} "
        "(4 to 8 weeks after the claim was issued)"
    )


def warrant_refusal(
    *, status: str, basis: str, possession_on: dt.date | None, today: dt.date
) -> str:
    """Why the landlord may not ask for a warrant now ("" when they may)."""
    if status == PossessionStatus.POSSESSION_ORDERED:
        if basis != WarrantBasis.DATE_PASSED:
            return "An outright order has no terms to break: choose that the date has passed"
        if possession_on is None or today <= possession_on:
            when = f"{possession_on:%-d %B %Y}" if possession_on else "the date in the order"
            return f"You can ask for a warrant after {when}, the date to give up possession"
        return ""
    if status == PossessionStatus.ORDER_SUSPENDED:
        if basis != WarrantBasis.TERMS_BROKEN:
            return (
                "A suspended order has no date to give up possession: say how its terms were broken"
            )
        return ""
    return "You can only ask for a warrant after the court has made a possession order"
