"""Issue date, deemed service and the defendant's response deadline.

- A claim submitted (paid, or sent with Help with Fees) before 16:00 on a working
  day is issued that day; at or after 16:00, at a weekend or on a bank holiday, it
  is issued on the next working day (England and Wales, ``core.calendar``).
- Deemed service is 5 days after issue (calendar days).
- The response deadline is issue + 5 + 14 days, moved to the next working day
  if it falls on a weekend or bank holiday; it ends at 16:00 that day.
- "More time" adds 14 days once, recalculated from the issue date (issue + 33,
  moved to a working day), and is refused once the deadline has passed.
- Breathing space (debt respite) pauses the response deadline: the days left when it
  began are counted again from the day it is lifted, moved to a working day.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from digital_services.core.calendar import is_working_day, working_days_add

END_OF_BUSINESS = dt.time(16, 0)
SERVICE_DAYS = 5
RESPONSE_DAYS = 14
MORE_TIME_DAYS = 14


def issue_date_for(submitted_at: dt.datetime) -> dt.date:
    """The date a claim submitted at ``submitted_at`` is issued (local time, 16:00 cut-off).

    Raises ``ValueError`` for a naive datetime (its local day would be a guess).
    """
    if timezone.is_naive(submitted_at):
        raise ValueError("submitted_at must be timezone-aware")
    local = timezone.localtime(submitted_at)
    day = local.date()
    if is_working_day(day) and local.time() < END_OF_BUSINESS:
        return day
    return working_days_add(day, 1)


def next_working_day_from(day: dt.date) -> dt.date:
    """``day`` itself if it is a working day, otherwise the next working day."""
    return day if is_working_day(day) else working_days_add(day, 1)


def deemed_service_date(issue_date: dt.date) -> dt.date:
    """The day the claim is treated as served on the defendant: issue + 5 days."""
    return issue_date + dt.timedelta(days=SERVICE_DAYS)


def response_deadline_for(issue_date: dt.date, *, more_time: bool = False) -> dt.date:
    """The last day to respond: issue + 5 + 14 days (+ 14 more with more time), on a working day."""
    days = SERVICE_DAYS + RESPONSE_DAYS + (MORE_TIME_DAYS if more_time else 0)
    return next_working_day_from(issue_date + dt.timedelta(days=days))


def deadline_passed(deadline: dt.date, *, now: dt.datetime | None = None) -> bool:
    """Whether a deadline day has ended: it ends at 16:00 local time on that day."""
    local = timezone.localtime(now or timezone.now())
    return (local.date(), local.time()) >= (deadline, END_OF_BUSINESS)


def more_time_allowed(
    *, response_deadline: dt.date, already_given: bool, now: dt.datetime | None = None
) -> bool:
    """Whether the defendant may still ask for 14 more days: once only, and before the
    deadline has passed."""
    return not already_given and not deadline_passed(response_deadline, now=now)


def response_deadline_after_breathing_space(
    *, deadline: dt.date, started_on: dt.date, lifted_on: dt.date
) -> dt.date:
    """The response deadline once a breathing space that began on ``started_on`` is lifted
    on ``lifted_on``: the days that were left (counting the deadline day itself) run again
    from the lift, moved to a working day. A deadline that had already passed when the
    breathing space began is not revived."""
    if lifted_on < started_on:
        raise ValueError("A breathing space cannot be lifted before it began")
    if deadline < started_on:
        return deadline
    remaining = (deadline - started_on).days
    return next_working_day_from(lifted_on + dt.timedelta(days=remaining))
