"""Where a sent LPA has got to, as the applicant sees it [notes section 4, F
StatusViewDataBuilder]: Completed → Waiting → Received → Checking → Processed, with the
date each stage was reached, and "expect it back by" once it is processed.

The stages are worked out from the one ``status`` and its stamps, never stored:

- Waiting: completed, and we have not received it yet (reached when it was completed);
- Received: we have it (the day it arrived);
- Checking: checked (perfect or imperfect), in the waiting period or ready to register;
- Processed: registered (and sent), or it cannot be registered or was withdrawn; a
  registered LPA later cancelled, revoked or suspended stays processed.

"Expect it back by" is the day it was processed plus 15 working days (bank holidays
skipped: ``core.calendar``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from digital_services.core.calendar import working_days_add

from .constants import PROGRESS_LABELS, RETURN_WORKING_DAYS, LpaStatus
from .models import Lpa

COMPLETED, WAITING, RECEIVED, CHECKING, PROCESSED = (
    "Completed",
    "Waiting",
    "Received",
    "Checking",
    "Processed",
)
STAGES = (COMPLETED, WAITING, RECEIVED, CHECKING, PROCESSED)

_STAGE_OF = {
    LpaStatus.COMPLETED: WAITING,
    LpaStatus.RECEIVED: RECEIVED,
    LpaStatus.IMPERFECT: CHECKING,
    LpaStatus.PERFECT: CHECKING,
    LpaStatus.WAITING_PERIOD: CHECKING,
    LpaStatus.READY: CHECKING,
    LpaStatus.REGISTERED: PROCESSED,
    LpaStatus.CANNOT_REGISTER: PROCESSED,
    LpaStatus.WITHDRAWN: PROCESSED,
    LpaStatus.CANCELLED: PROCESSED,
    LpaStatus.REVOKED: PROCESSED,
    LpaStatus.SUSPENDED: PROCESSED,
}

#: What each stage means for the applicant (the dashboard's status line).
EXPLAINED = {
    WAITING: _("we are waiting to receive your signed LPA"),
    RECEIVED: _("we have received your LPA and will check it"),
    CHECKING: _("we are checking your LPA and giving notice to the people it names"),
    PROCESSED: _("we have finished processing your LPA"),
}


@dataclass(frozen=True)
class Stage:
    name: str
    reached_on: dt.date | None
    done: bool  # reached and passed
    current: bool

    @property
    def label(self) -> str:
        """The stage's name in the page's language (``name`` is its English key)."""
        return PROGRESS_LABELS[self.name]


@dataclass(frozen=True)
class Tracking:
    stage: str
    stages: tuple[Stage, ...]
    expect_back_by: dt.date | None
    outcome: str  # the status in words once processed ("Registered"), else ""
    problems: tuple[str, ...]  # what must be corrected, while imperfect

    @property
    def explained(self) -> str:
        return EXPLAINED[self.stage]

    @property
    def stage_label(self) -> str:
        return PROGRESS_LABELS[self.stage]


def _day(value) -> dt.date | None:
    if value is None:
        return None
    return timezone.localdate(value) if isinstance(value, dt.datetime) else value


def _processed_on(lpa: Lpa) -> dt.date | None:
    if lpa.registered_on is not None:
        return lpa.registered_on
    if lpa.status in (LpaStatus.CANNOT_REGISTER, LpaStatus.WITHDRAWN):
        return _day(lpa.status_reason_at)
    return None


def lpa_tracking(lpa: Lpa) -> Tracking | None:
    """The stages of a completed LPA (None while it is being made)."""
    stage = _STAGE_OF.get(lpa.status)
    if stage is None:
        return None
    reached = {
        COMPLETED: _day(lpa.completed_at),
        WAITING: _day(lpa.completed_at),
        RECEIVED: lpa.received_on,
        CHECKING: _day(lpa.checked_at),
        PROCESSED: _processed_on(lpa),
    }
    position = STAGES.index(stage)
    stages = tuple(
        Stage(
            name=name,
            reached_on=reached[name] if index <= position else None,
            done=index < position or (index == position and name == PROCESSED),
            current=index == position,
        )
        for index, name in enumerate(STAGES)
    )
    processed_on = reached[PROCESSED] if stage == PROCESSED else None
    return Tracking(
        stage=stage,
        stages=stages,
        expect_back_by=working_days_add(processed_on, RETURN_WORKING_DAYS)
        if processed_on
        else None,
        outcome=lpa.get_status_display() if stage == PROCESSED else "",
        problems=tuple(_problems_in_page_language(lpa))
        if lpa.status == LpaStatus.IMPERFECT
        else (),
    )


def _problems_in_page_language(lpa: Lpa) -> list[str]:
    """What must be corrected, in Welsh on a Welsh page when the check kept it in Welsh."""
    if get_language() == "cy" and lpa.problems_cy:
        return lpa.problems_cy
    return lpa.problems
