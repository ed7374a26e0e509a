"""Prisons, their visiting times, the prisoner register, and visit requests.

A ``Visit`` has one ``status`` (``constants.VisitStatus``); only the transition
functions in ``services`` change it, each stamping ``<verb>_at`` / ``<verb>_by``
and writing a ``VisitEvent`` (the staff timeline) and an audit event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from simple_history.models import HistoricalRecords

from digital_services.core.dates import date_format, datetime_format, time_format
from digital_services.core.references import reference_display

from .constants import (
    ALLOWED_TRANSITIONS,
    DEFAULT_LEAD_DAYS,
    MAX_BOOKING_WINDOW_DAYS,
    PRISON_NUMBER_PATTERN,
    REFERENCE_MAX_LENGTH,
    Channel,
    Language,
    PrisonAvailability,
    PrisonerCheck,
    VisitorExclusion,
    VisitStatus,
)

prison_number_validator = RegexValidator(
    PRISON_NUMBER_PATTERN, "Enter a prison number in the format A1234BC"
)


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


@dataclass(frozen=True, order=True)
class SlotTime:
    """One visiting time on one day. ``key`` ("2026-12-01T14:00/16:00") travels in forms."""

    date: date
    start: time
    end: time

    @property
    def key(self) -> str:
        return f"{self.date.isoformat()}T{self.start:%H:%M}/{self.end:%H:%M}"

    @classmethod
    def from_key(cls, key: str) -> SlotTime:
        """Raises ValueError for anything that is not a well-formed slot key."""
        try:
            day, times = key.split("T", 1)
            start, end = times.split("/", 1)
            slot = cls(
                date=date.fromisoformat(day),
                start=datetime.strptime(start, "%H:%M").time(),
                end=datetime.strptime(end, "%H:%M").time(),
            )
        except (AttributeError, ValueError) as exc:
            raise ValueError(f"Not a slot: {key!r}") from exc
        if slot.end <= slot.start:
            raise ValueError(f"Not a slot: {key!r}")
        return slot


class Prison(models.Model):
    name = models.CharField(max_length=100, unique=True)
    name_cy = models.CharField("name in Welsh", max_length=100, blank=True)
    slug = models.SlugField(max_length=100, unique=True)
    estate = models.CharField(
        max_length=100, blank=True, help_text="The group of prisons this one belongs to, if any."
    )
    availability = models.CharField(
        max_length=20,
        choices=PrisonAvailability.choices,
        default=PrisonAvailability.ON_SERVICE,
        help_text="Closed and private prisons, and those not on the service, get a page saying "
        "why visits cannot be booked here.",
    )
    enabled = models.BooleanField(
        default=True,
        help_text="Untick to stop new requests for a while (the prison shows as "
        "not on the service).",
    )
    booking_window_days = models.PositiveSmallIntegerField(
        "booking window (days)",
        default=MAX_BOOKING_WINDOW_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_BOOKING_WINDOW_DAYS)],
        help_text="How many days ahead visits can be booked (at most 28).",
    )
    lead_days = models.PositiveSmallIntegerField(
        "lead time (working days)",
        default=DEFAULT_LEAD_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text="Working days staff have to reply. The first bookable day is the day after.",
    )
    weekend_processing = models.BooleanField(
        "processes requests at weekends",
        default=False,
        help_text="Tick if staff deal with requests on Saturdays and Sundays: weekends then "
        "count as working days for the lead time (bank holidays still do not).",
    )
    adult_age = models.PositiveSmallIntegerField(
        default=18,
        validators=[MinValueValidator(1), MaxValueValidator(18)],
        help_text="Visitors this age or older count as adults (at most 3 per visit).",
    )
    visits_allowed = models.PositiveSmallIntegerField(
        "visits allowed per period",
        default=2,
        validators=[MinValueValidator(1)],
        help_text="How many booked visits a prisoner may have in any one allowance period.",
    )
    allowance_period_days = models.PositiveSmallIntegerField(
        "allowance period (days)",
        default=28,
        validators=[MinValueValidator(1), MaxValueValidator(366)],
    )
    email_address = models.EmailField(blank=True)
    phone_number = models.CharField(max_length=30, blank=True)
    address = models.TextField(blank=True)
    address_cy = models.TextField("address in Welsh", blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    finder_slug = models.SlugField(
        max_length=100, blank=True, help_text="The prison's page on GOV.UK's prison finder."
    )

    # Field history of the prison's settings, for the admin.
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        permissions = [
            ("view_all_prisons", "Can see and act on the visits of every prison"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_bookable(self) -> bool:
        return self.enabled and self.availability == PrisonAvailability.ON_SERVICE

    @property
    def unavailable_reason(self) -> str:
        """Which "you can't book here" page to show: closed, private or not_on_service ("" if bookable)."""
        if self.is_bookable:
            return ""
        if self.availability == PrisonAvailability.ON_SERVICE:
            return PrisonAvailability.NOT_ON_SERVICE
        return self.availability

    def name_in(self, language: str) -> str:
        return self.name_cy if language == Language.WELSH and self.name_cy else self.name

    def address_in(self, language: str) -> str:
        return self.address_cy if language == Language.WELSH and self.address_cy else self.address

    @property
    def name_here(self) -> str:
        """The name for the page being made: the Welsh one on a Welsh page, if it has one."""
        return self.name_in(Language.WELSH if (get_language() or "").startswith("cy") else "")


class WeeklySlot(models.Model):
    """A recurring visiting time; ``capacity`` is the number of tables."""

    prison = models.ForeignKey(Prison, on_delete=models.CASCADE, related_name="weekly_slots")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    start_time = models.TimeField()
    end_time = models.TimeField()
    capacity = models.PositiveSmallIntegerField(
        "tables", default=10, validators=[MinValueValidator(1)]
    )

    class Meta:
        ordering = ["prison", "weekday", "start_time"]
        constraints = [
            models.UniqueConstraint(
                fields=["prison", "weekday", "start_time"],
                name="pv_weekly_slot_unique",
                violation_error_message="There is already a weekly visiting time on this day "
                "that starts at this time",
            ),
            models.CheckConstraint(
                condition=Q(end_time__gt=models.F("start_time")),
                name="pv_weekly_slot_ends_after",
                violation_error_message="The end time must be after the start time",
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {time_format(self.start_time)} to {time_format(self.end_time)}"


class DateSlot(models.Model):
    """A visiting time on one date. Any of these for a date replace that day's weekly times."""

    prison = models.ForeignKey(Prison, on_delete=models.CASCADE, related_name="date_slots")
    date = models.DateField()
    start_time = models.TimeField()
    end_time = models.TimeField()
    capacity = models.PositiveSmallIntegerField(
        "tables", default=10, validators=[MinValueValidator(1)]
    )

    class Meta:
        ordering = ["prison", "date", "start_time"]
        verbose_name = "dated slot (replaces the weekly times that day)"
        verbose_name_plural = "dated slots (replace the weekly times that day)"
        constraints = [
            models.UniqueConstraint(
                fields=["prison", "date", "start_time"],
                name="pv_date_slot_unique",
                violation_error_message="There is already a visiting time on this date "
                "that starts at this time",
            ),
            models.CheckConstraint(
                condition=Q(end_time__gt=models.F("start_time")),
                name="pv_date_slot_ends_after",
                violation_error_message="The end time must be after the start time",
            ),
        ]

    def __str__(self):
        return f"{date_format(self.date)} {time_format(self.start_time)} to {time_format(self.end_time)}"


class BlockedDate(models.Model):
    """A date with no visits at all (a family day, staff training, a closure)."""

    prison = models.ForeignKey(Prison, on_delete=models.CASCADE, related_name="blocked_dates")
    date = models.DateField()
    reason = models.CharField(max_length=200)

    class Meta:
        ordering = ["prison", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["prison", "date"],
                name="pv_blocked_date_unique",
                violation_error_message="This date is already blocked for this prison",
            )
        ]

    def __str__(self):
        return f"{date_format(self.date)}: {self.reason}"


class PrisonStaffAssignment(models.Model):
    """Which prisons a member of staff works for: they see and act on those prisons' visits only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="prison_assignments"
    )
    prison = models.ForeignKey(Prison, on_delete=models.CASCADE, related_name="staff_assignments")

    class Meta:
        ordering = ["prison", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "prison"],
                name="pv_staff_assignment_unique",
                violation_error_message="This person already works at this prison",
            )
        ]

    def __str__(self):
        return f"{self.user} at {self.prison}"


class PrisonerRegisterEntry(models.Model):
    """A prisoner held at a prison, kept by its staff (admin or ``import_prisoner_register``)."""

    prison = models.ForeignKey(Prison, on_delete=models.CASCADE, related_name="register_entries")
    prison_number = models.CharField(max_length=7, validators=[prison_number_validator])
    first_name = models.CharField(max_length=30)
    last_name = models.CharField(max_length=30)
    date_of_birth = models.DateField()
    active = models.BooleanField(
        default=True, help_text="Untick when the prisoner leaves: requests will no longer match."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["prison", "last_name", "first_name"]
        verbose_name = "prisoner register entry"
        verbose_name_plural = "prisoner register"
        constraints = [
            models.UniqueConstraint(
                fields=["prison", "prison_number"],
                name="pv_register_unique_number",
                violation_error_message="This prison number is already on this prison’s register",
            )
        ]

    def __str__(self):
        return f"{self.prison_number} {self.first_name} {self.last_name}"


class SlotLock(models.Model):
    """One row per (prison, date, start) that has ever been booked: the row staff lock
    (``select_for_update``) while they book, so two bookings of the last table of a
    slot are made one after the other and the second sees the slot is full."""

    prison = models.ForeignKey(Prison, on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    start_time = models.TimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["prison", "date", "start_time"], name="pv_slot_lock_unique"
            )
        ]

    def __str__(self):
        return f"{self.prison_id} {self.date} {self.start_time}"


#: The visits the staff inbox counts: requests waiting for a decision, and cancellations by the
#: visitor that staff have not yet actioned (``selectors.inbox_counts``).
INBOX_COUNTED = Q(status=VisitStatus.REQUESTED) | Q(
    status=VisitStatus.CANCELLED,
    cancelled_by_visitor=True,
    cancellation_actioned_at__isnull=True,
)


class Visit(models.Model):
    # The allowed moves of ``status`` (see digital_services.core.transitions).
    TRANSITIONS = ALLOWED_TRANSITIONS

    reference = models.CharField(max_length=REFERENCE_MAX_LENGTH, unique=True, editable=False)
    prison = models.ForeignKey(Prison, on_delete=models.PROTECT, related_name="visits")
    status = models.CharField(
        max_length=20, choices=VisitStatus.choices, default=VisitStatus.REQUESTED, db_index=True
    )

    # The prisoner, as the visitor typed them, and what the register said.
    prisoner_first_name = models.CharField(max_length=30)
    prisoner_last_name = models.CharField(max_length=30)
    prisoner_date_of_birth = models.DateField()
    prisoner_number = models.CharField(max_length=7, db_index=True)
    prisoner_check = models.CharField(max_length=20, choices=PrisonerCheck.choices)

    # Up to 3 slot keys, in order of preference (see SlotTime.key).
    requested_slots = models.JSONField(default=list)
    # The day of the visit: the first choice until booked, then the booked date.
    visit_date = models.DateField(db_index=True)
    slot_date = models.DateField(null=True, blank=True)
    slot_start = models.TimeField(null=True, blank=True)
    slot_end = models.TimeField(null=True, blank=True)
    closed = models.BooleanField(
        "closed visit", default=False, help_text="Held with a screen between prisoner and visitors."
    )
    booking_reference = models.CharField(
        max_length=30, blank=True, help_text="The prison system's booking reference, or 'none'."
    )

    # How to reach the lead visitor.
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=20, blank=True)
    postal_address = models.TextField(
        blank=True, help_text="Lines of the address for letters, the postcode last."
    )
    language = models.CharField(max_length=2, choices=Language.choices, default=Language.ENGLISH)

    # Who made the request and how.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="prison_visits",
        help_text="The citizen's account, if they were signed in (or were being helped).",
    )
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.DIGITAL)
    assisted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The member of staff who typed the request for the citizen.",
    )
    assisted_channel = models.CharField(max_length=20, blank=True)

    requested_at = models.DateTimeField()  # indexed by pv_visit_list_idx, which starts with it
    respond_by = models.DateField(
        help_text="The lead time's last working day, counted from the request."
    )
    booked_at = models.DateTimeField(null=True, blank=True)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rejected_at = models.DateTimeField(null=True, blank=True)
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rejection_reasons = models.JSONField(default=list, blank=True)
    rejection_detail = models.TextField(
        blank=True, help_text="Staff only, never sent to the visitor."
    )
    allowance_renews_on = models.DateField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cancellation_reasons = models.JSONField(default=list, blank=True)
    cancelled_by_visitor = models.BooleanField(default=False)
    # A visitor's cancellation waits in the staff inbox until staff have cancelled it
    # in the prison's own system and said so here.
    cancellation_actioned_at = models.DateTimeField(null=True, blank=True)
    cancellation_actioned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Field history for the admin (personal data in it is deleted on anonymisation).
    history = HistoricalRecords()

    class Meta:
        ordering = ["requested_at", "id"]
        indexes = [
            models.Index(fields=["prison", "status", "requested_at"], name="pv_visit_inbox_idx"),
            # The visits list in its order (requested_at, id): its page of rows straight off the
            # index, however many visits share a time (on requested_at alone PostgreSQL read
            # and sorted every visit of the first time, 968 at the bench's 200,000).
            models.Index(fields=["requested_at", "id"], name="pv_visit_list_idx"),
            models.Index(
                fields=["prison", "slot_date", "slot_start", "status"], name="pv_visit_slot_idx"
            ),
            # selectors.inbox_counts: the visits the inbox counts, and only those.
            models.Index(
                fields=["status", "prison"],
                condition=INBOX_COUNTED,
                name="pv_visit_inbox_counts_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=VisitStatus.BOOKED)
                | (Q(slot_date__isnull=False) & Q(slot_start__isnull=False)),
                name="pv_visit_booked_has_slot",
            ),
        ]

    def __str__(self):
        return f"Visit {self.reference_display}"

    @property
    def reference_display(self) -> str:
        """The reference in groups ("G0Q YEQ P3X", or "G0QY EQP3" for older ones)."""
        return reference_display(self.reference)

    @property
    def slot_options(self) -> list[SlotTime]:
        return [SlotTime.from_key(key) for key in self.requested_slots]

    @property
    def booked_slot(self) -> SlotTime | None:
        if self.slot_date is None or self.slot_start is None or self.slot_end is None:
            return None
        return SlotTime(self.slot_date, self.slot_start, self.slot_end)

    @property
    def prisoner_name(self) -> str:
        return f"{self.prisoner_first_name} {self.prisoner_last_name}"

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None


class Visitor(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="visitors")
    position = models.PositiveSmallIntegerField(help_text="0 is the lead visitor.")
    first_name = models.CharField(max_length=30)
    last_name = models.CharField(max_length=30)
    date_of_birth = models.DateField()
    allowed = models.BooleanField(default=True)
    exclusion = models.CharField(max_length=20, choices=VisitorExclusion.choices, blank=True)
    banned_until = models.DateField(null=True, blank=True)
    exclusion_detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["visit", "position"]
        constraints = [
            models.UniqueConstraint(fields=["visit", "position"], name="pv_visitor_position"),
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    @property
    def is_lead(self) -> bool:
        return self.position == 0

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def short_name(self) -> str:
        """First name and last initial, as visit emails show other people."""
        initial = self.last_name[:1]
        return f"{self.first_name} {initial}." if initial else self.first_name


class VisitEvent(models.Model):
    """The per-visit timeline: each state change and each message, with who did it."""

    class Kind(models.TextChoices):
        REQUESTED = "requested", "Requested"
        BOOKED = "booked", "Booked"
        REJECTED = "rejected", "Rejected"
        WITHDRAWN = "withdrawn", "Withdrawn by the visitor"
        CANCELLED = "cancelled", "Cancelled"
        CANCELLATION_ACTIONED = "cancellation_actioned", "Visitor's cancellation actioned"
        MESSAGE = "message", "Message sent to the visitor"
        REMINDER = "reminder", "Reminder sent"
        ANONYMISED = "anonymised", "Personal details removed"

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    occurred_at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    by_visitor = models.BooleanField(default=False)
    message = models.TextField(blank=True, help_text="The message sent to the visitor, if any.")

    class Meta:
        ordering = ["occurred_at", "id"]

    def __str__(self):
        return f"{self.get_kind_display()} at {datetime_format(self.occurred_at)}"

    @property
    def actor_label(self) -> str:
        if self.actor_id:
            return self.actor.get_full_name()
        return "The visitor" if self.by_visitor else "The system"
