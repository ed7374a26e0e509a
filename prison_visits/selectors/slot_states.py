"""What a citizen or member of staff is told about a slot or a day: states, reasons, and the availability records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_noop

from ..models import (
    Prison,
    SlotTime,
)

# Slot and day states, as the citizen calendar shows them.
AVAILABLE = "available"
FULLY_BOOKED = "fully_booked"
UNAVAILABLE = "unavailable"

# Why a day or a slot cannot be chosen.
REASON_OUTSIDE_WINDOW = "outside_window"
REASON_BLOCKED = "blocked"
REASON_NO_SLOTS = "no_slots"
REASON_FULLY_BOOKED = "fully_booked"
REASON_NO_ALLOWANCE = "no_allowance"
REASON_PRISONER_HAS_VISIT = "prisoner_has_visit"
REASON_NOT_A_SLOT = "not_a_slot"

#: Each reason in words, for staff pages and the citizen calendar (marked for the Welsh
#: catalogue: the calendar translates them as it shows them).
REASON_TEXT = {
    REASON_OUTSIDE_WINDOW: gettext_noop("Outside the booking window"),
    REASON_BLOCKED: gettext_noop("No visits that day"),
    REASON_NO_SLOTS: gettext_noop("No visiting times that day"),
    REASON_FULLY_BOOKED: gettext_noop("Fully booked"),
    REASON_NO_ALLOWANCE: gettext_noop("The prisoner has no visiting allowance left"),
    REASON_PRISONER_HAS_VISIT: gettext_noop("The prisoner already has a visit booked at this time"),
    REASON_NOT_A_SLOT: gettext_noop("No longer one of the prison’s visiting times"),
}

#: What the citizen calendar says instead, where the staff words would tell anyone who knows a
#: prisoner's number and date of birth about someone else's booking (as the real service did).
CITIZEN_REASON_TEXT = {
    **REASON_TEXT,
    REASON_PRISONER_HAS_VISIT: gettext_noop("Not available"),
}

#: A bank holiday the prison has not opened with a dated slot.
BANK_HOLIDAY_TEXT = gettext_noop("Bank holiday: no visits")


# ---------------------------------------------------------------- availability


@dataclass(frozen=True)
class SlotAvailability:
    slot: SlotTime
    capacity: int
    booked: int
    state: str
    reason: str = ""

    @property
    def key(self) -> str:
        return self.slot.key

    @property
    def available(self) -> bool:
        return self.state == AVAILABLE

    @property
    def tables_left(self) -> int:
        return max(self.capacity - self.booked, 0)

    @property
    def reason_text(self) -> str:
        return REASON_TEXT.get(self.reason, "")

    @property
    def citizen_reason_text(self) -> str:
        return CITIZEN_REASON_TEXT.get(self.reason, "")


@dataclass(frozen=True)
class DayAvailability:
    date: date
    state: str
    reason: str = ""
    slots: tuple[SlotAvailability, ...] = ()
    blocked_reason: str = ""

    @property
    def available(self) -> bool:
        return self.state == AVAILABLE

    @property
    def available_slots(self) -> list[SlotAvailability]:
        return [s for s in self.slots if s.available]

    @property
    def reason_text(self) -> str:
        return self.blocked_reason or REASON_TEXT.get(self.reason, "")

    @property
    def citizen_reason_text(self) -> str:
        return self.blocked_reason or CITIZEN_REASON_TEXT.get(self.reason, "")


@dataclass(frozen=True)
class CalendarMonth:
    year: int
    month: int
    #: Weeks Monday to Sunday; ``None`` for a day of the month before or after.
    weeks: tuple[tuple[DayAvailability | None, ...], ...]

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)


@dataclass(frozen=True)
class Allowance:
    """A prisoner's visiting allowance: ``visits_allowed`` booked visits in any ``period_days``."""

    visits_allowed: int
    period_days: int
    #: True when the allowance rules out every otherwise bookable day in the window.
    exhausted: bool
    #: The first day from which the allowance allows a visit again, when some days were ruled out.
    renews_on: date | None


@dataclass(frozen=True)
class PrisonAvailability:
    """What the citizen's calendar needs, from ``prison_availability_get``."""

    prison: Prison
    today: date
    respond_by: date
    first_day: date
    last_day: date
    days: dict[date, DayAvailability]
    months: tuple[CalendarMonth, ...]
    allowance: Allowance | None = None
    _slots: dict[str, SlotAvailability] = field(default_factory=dict, repr=False)

    def slot(self, key: str) -> SlotAvailability | None:
        return self._slots.get(key)

    @property
    def available_slots(self) -> list[SlotAvailability]:
        return [s for s in self._slots.values() if s.available]

    @property
    def has_slots(self) -> bool:
        """Whether the prison has any visiting times at all in the window (booked or not)."""
        return bool(self._slots)
