"""Demo data for Book a prison visit (``manage.py seed_demo``; safe to run again).

Three bookable prisons with different visiting times, adult ages and lead
times (one with a blocked date, one with a dated override), a closed, a
private and a switched-off prison for the "can't book here" pages, a prisoner
register for two of them, the demo prison caseworker assigned to HMP Brixton
only, and visits in every state, made through the services.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from . import selectors, services
from .constants import CancellationReason, PrisonAvailability, RejectionReason
from .models import (
    BlockedDate,
    DateSlot,
    Prison,
    PrisonerRegisterEntry,
    PrisonStaffAssignment,
    Visit,
    WeeklySlot,
)
from .rules import PrisonerDetails, VisitorDetails

CASEWORKER_EMAIL = "demo.prison-visits@example.com"
CITIZEN_EMAIL = "demo.citizen@example.com"

PRISONS = [
    {
        "slug": "hmp-brixton",
        "name": "HMP Brixton",
        "estate": "London",
        "lead_days": 3,
        "booking_window_days": 28,
        "adult_age": 18,
        "visits_allowed": 2,
        "allowance_period_days": 28,
        "address": "Jebb Avenue\nLondon",
        "postcode": "SW2 5XF",
        "email_address": "socialvisits.brixton@example.gov.uk",
        "phone_number": "0300 060 6501",
        # Tuesday, Thursday and Saturday afternoons, 6 tables.
        "slots": [(d, time(14), time(16), 6) for d in (1, 3, 5)],
    },
    {
        "slug": "hmp-cardiff",
        "name": "HMP Cardiff",
        "name_cy": "CEF Caerdydd",
        "estate": "Wales",
        "lead_days": 4,
        "booking_window_days": 21,
        "adult_age": 16,
        "visits_allowed": 4,
        "allowance_period_days": 28,
        "address": "Knox Road\nCardiff",
        "address_cy": "Heol Knox\nCaerdydd",
        "postcode": "CF24 0UG",
        "email_address": "socialvisits.cardiff@example.gov.uk",
        "phone_number": "0300 060 6502",
        # Weekday mornings and afternoons, 4 tables.
        "slots": [
            (d, s, e, 4)
            for d in range(5)
            for s, e in ((time(9, 30), time(11, 30)), (time(14), time(16)))
        ],
    },
    {
        "slug": "hmp-leeds",
        "name": "HMP Leeds",
        "estate": "Yorkshire",
        "lead_days": 7,
        "booking_window_days": 28,
        "adult_age": 12,
        "visits_allowed": 1,
        "allowance_period_days": 14,
        "address": "2 Gloucester Terrace\nLeeds",
        "postcode": "LS12 2TJ",
        "email_address": "socialvisits.leeds@example.gov.uk",
        "phone_number": "0300 060 6503",
        # Weekend mornings, 8 tables.
        "slots": [(d, time(10), time(12), 8) for d in (5, 6)],
    },
    {"slug": "hmp-kingston", "name": "HMP Kingston", "availability": PrisonAvailability.CLOSED},
    {"slug": "hmp-altcourse", "name": "HMP Altcourse", "availability": PrisonAvailability.PRIVATE},
    {"slug": "hmp-dartmoor", "name": "HMP Dartmoor", "enabled": False},
]

REGISTERS = {
    "hmp-brixton": [
        ("A1234BC", "Jo", "Bloggs", date(1990, 5, 17)),
        ("A2345CD", "Sam", "Smith", date(1985, 11, 2)),
        ("A3456DE", "Alex", "Jones", date(1978, 2, 28)),
    ],
    "hmp-cardiff": [
        ("C1234AB", "Rhys", "Evans", date(1992, 8, 9)),
        ("C2345BC", "Siân", "Williams", date(1988, 3, 14)),
    ],
}


def _prisons_upsert() -> dict[str, Prison]:
    prisons = {}
    for spec in PRISONS:
        spec = dict(spec)
        slots = spec.pop("slots", [])
        prison, _ = Prison.objects.update_or_create(slug=spec.pop("slug"), defaults=spec)
        WeeklySlot.objects.filter(prison=prison).delete()
        WeeklySlot.objects.bulk_create(
            [
                WeeklySlot(prison=prison, weekday=d, start_time=s, end_time=e, capacity=c)
                for d, s, e, c in slots
            ]
        )
        prisons[prison.slug] = prison
    return prisons


def _next(weekday: int, after: date) -> date:
    return after + timedelta(days=(weekday - after.weekday()) % 7 or 7)


def seed(stdout) -> None:
    prisons = _prisons_upsert()
    today = timezone.localdate()
    brixton, leeds = prisons["hmp-brixton"], prisons["hmp-leeds"]
    family_day = _next(
        5, selectors.prison_booking_window(prison=brixton, today=today)[0] + timedelta(days=7)
    )
    BlockedDate.objects.update_or_create(
        prison=brixton, date=family_day, defaults={"reason": "Family day: no social visits"}
    )
    christmas = _next(6, today + timedelta(days=14))
    DateSlot.objects.update_or_create(
        prison=leeds,
        date=christmas,
        start_time=time(13),
        defaults={"end_time": time(15), "capacity": 4},
    )
    for slug, rows in REGISTERS.items():
        for number, first, last, born in rows:
            PrisonerRegisterEntry.objects.update_or_create(
                prison=prisons[slug],
                prison_number=number,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "date_of_birth": born,
                    "active": True,
                },
            )

    User = get_user_model()
    caseworker = User.objects.filter(email=CASEWORKER_EMAIL).first()
    citizen = User.objects.filter(email=CITIZEN_EMAIL).first()
    if caseworker is not None:
        PrisonStaffAssignment.objects.get_or_create(user=caseworker, prison=brixton)

    if caseworker is not None and not Visit.objects.filter(prison__in=prisons.values()).exists():
        _visits_create(prisons, caseworker=caseworker, citizen=citizen)

    stdout.write(
        "Prison visits: HMP Brixton, HMP Cardiff and HMP Leeds take bookings "
        f"(Brixton blocked on {family_day:%d %B}); Kingston is closed, Altcourse private, "
        "Dartmoor switched off. Register: A1234BC Jo Bloggs 17/05/1990 at Brixton, "
        f"C1234AB Rhys Evans 09/08/1992 at Cardiff. {CASEWORKER_EMAIL} works at HMP Brixton only."
    )


def _visits_create(prisons, *, caseworker, citizen) -> None:
    """A few visits in each state, through the services (so emails and timelines exist too)."""
    brixton, cardiff, leeds = prisons["hmp-brixton"], prisons["hmp-cardiff"], prisons["hmp-leeds"]
    lead = VisitorDetails("Morgan", "Visitor", date(1982, 4, 1))
    child = VisitorDetails("Casey", "Visitor", date(2015, 9, 10))
    jo = PrisonerDetails("Jo", "Bloggs", date(1990, 5, 17), "A1234BC")
    sam = PrisonerDetails("Sam", "Smith", date(1985, 11, 2), "A2345CD")
    alex = PrisonerDetails("Alex", "Jones", date(1978, 2, 28), "A3456DE")
    rhys = PrisonerDetails("Rhys", "Evans", date(1992, 8, 9), "C1234AB")
    unregistered = PrisonerDetails("Pat", "Taylor", date(1970, 1, 1), "L1234AB")

    def request(prison, prisoner, count=2, **kwargs):
        slots = selectors.prison_availability_get(
            prison=prison, prisoner_number=prisoner.prison_number
        ).available_slots
        return services.visit_request_submit(
            prison=prison,
            prisoner=prisoner,
            slots=[s.slot for s in slots[:count]],
            visitors=[lead, child],
            contact_email=CITIZEN_EMAIL,
            contact_phone="07700 900123",
            user=citizen,
            **kwargs,
        )

    request(brixton, jo)
    request(brixton, sam, count=3)
    request(cardiff, rhys, language="cy")
    request(leeds, unregistered, count=1)

    booked = request(brixton, alex)
    services.visit_book(
        visit=booked,
        slot=booked.requested_slots[0],
        booking_reference="BK123456",
        message="Please arrive 45 minutes early.",
        by=caseworker,
    )
    rejected = request(brixton, jo, count=1)
    services.visit_reject(
        visit=rejected,
        reasons=[RejectionReason.NO_ALLOWANCE],
        allowance_renews_on=timezone.localdate() + timedelta(days=21),
        by=caseworker,
    )
    withdrawn = request(brixton, sam, count=1)
    services.visit_withdraw(visit=withdrawn, by=citizen)
    for by_visitor in (False, True):
        cancelled = request(brixton, alex, count=1)
        services.visit_book(
            visit=cancelled,
            slot=cancelled.requested_slots[0],
            booking_reference="BK654321",
            by=caseworker,
        )
        services.visit_cancel(
            visit=cancelled,
            reasons=[] if by_visitor else [CancellationReason.PRISONER_MOVED],
            by=citizen if by_visitor else caseworker,
            by_visitor=by_visitor,
        )
