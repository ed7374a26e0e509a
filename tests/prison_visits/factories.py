"""One factory per visit state, and prisons with a weekly pattern (Tue, Thu, Sat 2pm to 4pm)."""

from datetime import date, datetime, time, timedelta

import factory
from django.utils import timezone

from prison_visits.constants import (
    REFERENCE_ALPHABET,
    CancellationReason,
    PrisonerCheck,
    RejectionReason,
    VisitStatus,
)
from prison_visits.models import (
    BlockedDate,
    DateSlot,
    Prison,
    PrisonerRegisterEntry,
    PrisonStaffAssignment,
    SlotTime,
    Visit,
    Visitor,
    WeeklySlot,
)

AFTERNOON = (time(14, 0), time(16, 0))


def reference_for(n: int) -> str:
    """A unique 8-character reference from the service's alphabet: "TV" and n in base 32."""
    digits = ""
    for _ in range(6):
        n, rest = divmod(n, len(REFERENCE_ALPHABET))
        digits = REFERENCE_ALPHABET[rest] + digits
    return "TV" + digits


class PrisonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Prison
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"HMP Testville {n}")
    slug = factory.Sequence(lambda n: f"hmp-testville-{n}")
    lead_days = 3
    booking_window_days = 28
    adult_age = 18
    visits_allowed = 2
    allowance_period_days = 28
    email_address = "visits@testville.example"
    phone_number = "0300 060 6000"
    address = "1 Prison Road\nTestville"
    postcode = "TE1 1ST"

    @factory.post_generation
    def slots(self, create, extracted, **kwargs):
        """``slots=[(weekday, start, end, capacity), ...]``; default Tue/Thu/Sat 2pm–4pm, 2 tables."""
        if not create:
            return
        pattern = extracted if extracted is not None else [(d, *AFTERNOON, 2) for d in (1, 3, 5)]
        for weekday, start, end, capacity in pattern:
            WeeklySlot.objects.create(
                prison=self, weekday=weekday, start_time=start, end_time=end, capacity=capacity
            )


class DateSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DateSlot

    start_time = time(10, 0)
    end_time = time(12, 0)
    capacity = 1


class BlockedDateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BlockedDate

    reason = "Family day"


class RegisterEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PrisonerRegisterEntry

    prison_number = factory.Sequence(lambda n: f"A{n % 10000:04d}BC")
    first_name = "Jo"
    last_name = "Bloggs"
    date_of_birth = date(1990, 5, 17)


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PrisonStaffAssignment


def slot_on(day: date, start=AFTERNOON[0], end=AFTERNOON[1]) -> SlotTime:
    return SlotTime(day, start, end)


class RequestedVisitFactory(factory.django.DjangoModelFactory):
    """A request for Tuesday 1 December 2026, 2pm to 4pm, by an adult with one child."""

    class Meta:
        model = Visit
        skip_postgeneration_save = True

    class Params:
        slot = slot_on(date(2026, 12, 1))

    reference = factory.Sequence(lambda n: reference_for(n))
    prison = factory.SubFactory(PrisonFactory)
    status = VisitStatus.REQUESTED
    prisoner_first_name = "Jo"
    prisoner_last_name = "Bloggs"
    prisoner_date_of_birth = date(1990, 5, 17)
    prisoner_number = "A1234BC"
    prisoner_check = PrisonerCheck.NO_REGISTER
    requested_slots = factory.LazyAttribute(lambda o: [o.slot.key])
    visit_date = factory.LazyAttribute(lambda o: o.slot.date)
    contact_email = "lead@example.com"
    contact_phone = "07700 900123"
    requested_at = factory.LazyFunction(timezone.now)
    respond_by = factory.LazyAttribute(
        lambda o: timezone.localdate(o.requested_at) + timedelta(days=5)
    )

    @factory.post_generation
    def visitors(self, create, extracted, **kwargs):
        if not create:
            return
        people = extracted or [
            ("Lee", "Visitor", date(1985, 3, 2)),
            ("Kid", "Visitor", date(2016, 1, 1)),
        ]
        for position, (first, last, born) in enumerate(people):
            Visitor.objects.create(
                visit=self, position=position, first_name=first, last_name=last, date_of_birth=born
            )


class BookedVisitFactory(RequestedVisitFactory):
    status = VisitStatus.BOOKED
    slot_date = factory.LazyAttribute(lambda o: o.slot.date)
    slot_start = factory.LazyAttribute(lambda o: o.slot.start)
    slot_end = factory.LazyAttribute(lambda o: o.slot.end)
    booked_at = factory.LazyFunction(timezone.now)
    booking_reference = "BK123456"


class RejectedVisitFactory(RequestedVisitFactory):
    status = VisitStatus.REJECTED
    rejected_at = factory.LazyFunction(timezone.now)
    rejection_reasons = [RejectionReason.SLOT_UNAVAILABLE]


class WithdrawnVisitFactory(RequestedVisitFactory):
    status = VisitStatus.WITHDRAWN
    withdrawn_at = factory.LazyFunction(timezone.now)


class CancelledVisitFactory(BookedVisitFactory):
    status = VisitStatus.CANCELLED
    cancelled_at = factory.LazyFunction(timezone.now)
    cancellation_reasons = [CancellationReason.BOOKED_IN_ERROR]


FACTORY_FOR_STATUS = {
    VisitStatus.REQUESTED: RequestedVisitFactory,
    VisitStatus.BOOKED: BookedVisitFactory,
    VisitStatus.REJECTED: RejectedVisitFactory,
    VisitStatus.WITHDRAWN: WithdrawnVisitFactory,
    VisitStatus.CANCELLED: CancelledVisitFactory,
}


def aware(day: date, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))
