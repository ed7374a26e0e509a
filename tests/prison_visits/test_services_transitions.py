"""Every transition from every state; booking, rejecting, cancelling, withdrawing and
messages: stamps, timeline, audit and what the visitor is sent."""

from datetime import date, time

import pytest
import time_machine

from digital_services.audit.models import AuditEvent
from prison_visits import services
from prison_visits.constants import (
    CancellationReason,
    RejectionReason,
    VisitorExclusion,
    VisitStatus,
)
from prison_visits.models import VisitEvent

from .factories import (
    FACTORY_FOR_STATUS,
    BookedVisitFactory,
    RequestedVisitFactory,
    slot_on,
)
from .visit_requests import (
    THU_3_DEC,
    TUE_1_DEC,
    messages_for,
    submit,
)

pytestmark = pytest.mark.django_db


# ---------------------------------------------------------------- every transition from every state


TRANSITIONS = {
    "book": VisitStatus.BOOKED,
    "reject": VisitStatus.REJECTED,
    "withdraw": VisitStatus.WITHDRAWN,
    "cancel_by_staff": VisitStatus.CANCELLED,
    "cancel_by_visitor": VisitStatus.CANCELLED,
}
ALLOWED_FROM = {
    "book": {VisitStatus.REQUESTED},
    "reject": {VisitStatus.REQUESTED},
    "withdraw": {VisitStatus.REQUESTED},
    "cancel_by_staff": {VisitStatus.BOOKED},
    "cancel_by_visitor": {VisitStatus.BOOKED},
}


def run(action, visit, staff):
    if action == "book":
        return services.visit_book(
            visit=visit, slot=slot_on(TUE_1_DEC), booking_reference="BK1", by=staff
        )
    if action == "reject":
        return services.visit_reject(
            visit=visit, reasons=[RejectionReason.SLOT_UNAVAILABLE], by=staff
        )
    if action == "withdraw":
        return services.visit_withdraw(visit=visit)
    if action == "cancel_by_staff":
        return services.visit_cancel(
            visit=visit, reasons=[CancellationReason.CAPACITY_ISSUES], by=staff, by_visitor=False
        )
    return services.visit_cancel(visit=visit, by_visitor=True)


CASES = [
    (action, state, state in ALLOWED_FROM[action])
    for action in TRANSITIONS
    for state in VisitStatus
]


@pytest.mark.parametrize(
    "action, state, allowed", CASES, ids=[f"{a}-from-{s}" for a, s, _ in CASES]
)
def test_each_transition_is_allowed_only_from_its_states(
    prison, caseworker, frozen, action, state, allowed
):
    visit = FACTORY_FOR_STATUS[state](prison=prison, slot=slot_on(TUE_1_DEC))

    if allowed:
        run(action, visit, caseworker)
        visit.refresh_from_db()
        assert visit.status == TRANSITIONS[action]
        assert visit.events.filter(kind=TRANSITIONS[action]).count() == 1
        assert AuditEvent.objects.filter(object_id=str(visit.pk)).exists()
    else:
        with pytest.raises(services.TransitionNotAllowed):
            run(action, visit, caseworker)
        visit.refresh_from_db()
        assert visit.status == state
        assert not visit.events.exists()


def test_a_request_can_only_be_processed_once(prison, caseworker, frozen):
    visit = RequestedVisitFactory(prison=prison)
    services.visit_book(
        visit=visit, slot=slot_on(TUE_1_DEC), booking_reference="BK1", by=caseworker
    )

    with pytest.raises(services.TransitionNotAllowed, match="already been processed"):
        services.visit_reject(
            visit=visit, reasons=[RejectionReason.OTHER], detail="x", by=caseworker
        )


# ---------------------------------------------------------------- booking


def test_booking_stamps_the_slot_who_and_when_and_sends_the_booked_email(
    prison, caseworker, frozen
):
    visit = RequestedVisitFactory(prison=prison, slot=slot_on(TUE_1_DEC))
    child = visit.visitors.get(position=1)

    services.visit_book(
        visit=visit,
        slot=slot_on(TUE_1_DEC),
        excluded_visitors=[
            services.VisitorExclusionChoice(child.pk, VisitorExclusion.BANNED, date(2027, 3, 1))
        ],
        closed=True,
        booking_reference="BK987",
        message="Please arrive early.",
        by=caseworker,
    )

    visit.refresh_from_db()
    child.refresh_from_db()
    assert (visit.slot_date, visit.slot_start, visit.slot_end) == (TUE_1_DEC, time(14), time(16))
    assert visit.booked_by == caseworker and visit.booked_at is not None
    assert visit.closed and visit.booking_reference == "BK987"
    assert not child.allowed and child.exclusion == VisitorExclusion.BANNED
    email = messages_for(visit, "email")[0]
    assert email.template_key == "prison_visits.booked"
    p = email.personalisation
    assert p["visit_date_time"] == "Tuesday 1 December 2026, 2pm to 4pm"
    assert p["booking_reference"] == "BK987"
    assert p["visitors_allowed"] == "- Lee V."
    assert "Kid V. is banned from visiting until Monday 1 March 2027" in p["visitors_not_allowed"]
    assert "closed visit" in p["closed_visit"]
    assert p["prison_message"].endswith("Please arrive early.")
    assert messages_for(visit, "sms")[0].template_key == "prison_visits.booked_sms"
    event = visit.events.get(kind=VisitEvent.Kind.BOOKED)
    assert event.actor == caseworker and event.message == "Please arrive early."


def test_booking_refuses_a_time_the_visitor_did_not_ask_for(prison, caseworker, frozen):
    visit = RequestedVisitFactory(prison=prison, slot=slot_on(TUE_1_DEC))

    with pytest.raises(services.SlotUnavailable):
        services.visit_book(
            visit=visit, slot=slot_on(THU_3_DEC), booking_reference="x", by=caseworker
        )


def test_booking_refuses_a_full_slot_with_a_clear_error(prison, caseworker, frozen):
    BookedVisitFactory.create_batch(2, prison=prison, slot=slot_on(TUE_1_DEC))
    visit = RequestedVisitFactory(prison=prison, slot=slot_on(TUE_1_DEC))

    with pytest.raises(services.SlotFull, match="now full"):
        services.visit_book(
            visit=visit, slot=slot_on(TUE_1_DEC), booking_reference="x", by=caseworker
        )
    visit.refresh_from_db()
    assert visit.status == VisitStatus.REQUESTED


def test_booking_refuses_a_slot_the_prison_has_since_blocked(prison, caseworker, frozen):
    from .factories import BlockedDateFactory

    visit = RequestedVisitFactory(prison=prison, slot=slot_on(TUE_1_DEC))
    BlockedDateFactory(prison=prison, date=TUE_1_DEC)

    with pytest.raises(services.SlotUnavailable):
        services.visit_book(
            visit=visit, slot=slot_on(TUE_1_DEC), booking_reference="x", by=caseworker
        )


def test_booking_with_the_lead_visitor_excluded_must_be_a_rejection(prison, caseworker, frozen):
    visit = RequestedVisitFactory(prison=prison)
    lead = visit.visitors.get(position=0)

    with pytest.raises(services.MustReject) as error:
        services.visit_book(
            visit=visit,
            slot=slot_on(TUE_1_DEC),
            excluded_visitors=[
                services.VisitorExclusionChoice(lead.pk, VisitorExclusion.NOT_ON_LIST)
            ],
            booking_reference="x",
            by=caseworker,
        )
    assert error.value.reason == RejectionReason.VISITOR_NOT_ON_LIST


def test_booking_with_no_adult_left_must_be_a_rejection(prison, caseworker, frozen):
    visit = RequestedVisitFactory(
        prison=prison,
        visitors=[
            ("Lee", "Lead", date(1985, 1, 1)),
            ("Kid", "One", date(2015, 1, 1)),
            ("Adult", "Two", date(1980, 1, 1)),
        ],
    )
    adult = visit.visitors.get(position=2)
    # Only the adult companion is excluded: the lead is still there, so it can be booked.
    services.visit_book(
        visit=visit,
        slot=slot_on(TUE_1_DEC),
        excluded_visitors=[services.VisitorExclusionChoice(adult.pk, VisitorExclusion.OTHER)],
        booking_reference="x",
        by=caseworker,
    )

    young_lead = RequestedVisitFactory(
        prison=prison,
        visitors=[("Lee", "Lead", date(2008, 12, 2)), ("Adult", "Two", date(1980, 1, 1))],
    )
    adult = young_lead.visitors.get(position=1)
    with pytest.raises(services.MustReject) as error:
        services.visit_book(
            visit=young_lead,
            slot=slot_on(TUE_1_DEC),
            excluded_visitors=[services.VisitorExclusionChoice(adult.pk, VisitorExclusion.BANNED)],
            booking_reference="x",
            by=caseworker,
        )
    assert error.value.reason == RejectionReason.NO_ADULT


# ---------------------------------------------------------------- rejecting


def test_rejecting_records_the_reasons_and_tells_the_visitor_when_the_allowance_renews(
    prison, caseworker, frozen
):
    visit = RequestedVisitFactory(prison=prison)

    services.visit_reject(
        visit=visit,
        reasons=[RejectionReason.NO_ALLOWANCE, RejectionReason.OTHER],
        allowance_renews_on=date(2026, 12, 29),
        detail="VO balance checked in NOMIS",
        message="Sorry.",
        by=caseworker,
    )

    visit.refresh_from_db()
    assert visit.rejection_reasons == ["no_allowance", "other"]
    assert visit.rejected_by == caseworker
    p = messages_for(visit, "email")[0].personalisation
    assert "no visiting allowance left" in p["reasons"]
    assert "VO balance" not in str(p)  # "other" details are for staff only
    assert p["allowance"] == "You can book a visit for dates from Tuesday 29 December 2026."


@pytest.mark.parametrize(
    "reasons, kwargs",
    [
        ([], {}),
        (["made_up"], {}),
        ([RejectionReason.OTHER], {}),
        ([RejectionReason.SLOT_UNAVAILABLE], {"allowance_renews_on": date(2027, 1, 1)}),
    ],
)
def test_a_rejection_needs_valid_reasons(prison, caseworker, frozen, reasons, kwargs):
    visit = RequestedVisitFactory(prison=prison)

    with pytest.raises(services.InvalidDecision):
        services.visit_reject(visit=visit, reasons=reasons, by=caseworker, **kwargs)


# ---------------------------------------------------------------- cancelling, withdrawing, messages


def test_a_staff_cancellation_is_actioned_at_once_and_emails_the_reasons(
    prison, caseworker, frozen
):
    visit = BookedVisitFactory(prison=prison)

    services.visit_cancel(
        visit=visit, reasons=[CancellationReason.PRISONER_MOVED], by=caseworker, by_visitor=False
    )

    visit.refresh_from_db()
    assert visit.cancelled_by == caseworker and not visit.cancelled_by_visitor
    assert visit.cancellation_actioned_at is not None
    email = messages_for(visit, "email")[0]
    assert email.template_key == "prison_visits.cancelled"
    assert "moved to another prison" in email.personalisation["reasons"]


def test_a_staff_cancellation_needs_a_staff_reason(prison, caseworker, frozen):
    visit = BookedVisitFactory(prison=prison)

    with pytest.raises(services.InvalidDecision):
        services.visit_cancel(
            visit=visit,
            reasons=[CancellationReason.VISITOR_CANCELLED],
            by=caseworker,
            by_visitor=False,
        )


def test_a_visitor_cancellation_waits_for_staff_to_action_it(prison, caseworker, frozen):
    visit = BookedVisitFactory(prison=prison)

    services.visit_cancel(visit=visit, by_visitor=True)
    visit.refresh_from_db()
    assert visit.cancellation_reasons == ["visitor_cancelled"]
    assert visit.cancellation_actioned_at is None
    assert messages_for(visit, "email")[0].template_key == "prison_visits.visitor_cancelled"

    services.visit_cancellation_action(visit=visit, by=caseworker)
    visit.refresh_from_db()
    assert visit.cancellation_actioned_by == caseworker
    with pytest.raises(services.TransitionNotAllowed):
        services.visit_cancellation_action(visit=visit, by=caseworker)


def test_a_visitor_cannot_cancel_a_visit_that_has_started(prison, frozen):
    visit = BookedVisitFactory(prison=prison, slot=slot_on(TUE_1_DEC))

    with time_machine.travel("2026-12-01 14:30 +0000", tick=False):
        with pytest.raises(services.TransitionNotAllowed, match="already started"):
            services.visit_cancel(visit=visit, by_visitor=True)


def test_withdrawing_sends_a_confirmation(prison, frozen):
    visit = RequestedVisitFactory(prison=prison)

    services.visit_withdraw(visit=visit)

    visit.refresh_from_db()
    assert visit.withdrawn_at is not None
    assert visit.events.get(kind=VisitEvent.Kind.WITHDRAWN).by_visitor
    assert messages_for(visit, "email")[0].template_key == "prison_visits.withdrawn"


def test_a_message_about_a_booked_visit_goes_on_the_timeline_and_to_the_visitor(
    prison, caseworker, frozen
):
    visit = BookedVisitFactory(prison=prison)

    services.visit_message_send(visit=visit, message="Bring your ID.", by=caseworker)

    assert visit.events.get(kind=VisitEvent.Kind.MESSAGE).message == "Bring your ID."
    assert messages_for(visit, "email")[0].personalisation["message"] == "Bring your ID."
    assert messages_for(visit, "sms")[0].personalisation["message"] == "Bring your ID."


@pytest.mark.parametrize("state", [VisitStatus.REQUESTED, VisitStatus.CANCELLED])
def test_messages_are_only_for_booked_visits(prison, caseworker, frozen, state):
    visit = FACTORY_FOR_STATUS[state](prison=prison)

    with pytest.raises(services.TransitionNotAllowed):
        services.visit_message_send(visit=visit, message="Hello", by=caseworker)


def test_an_empty_message_is_refused(prison, caseworker, frozen):
    with pytest.raises(services.InvalidDecision):
        services.visit_message_send(
            visit=BookedVisitFactory(prison=prison), message="  ", by=caseworker
        )


def test_welsh_visits_get_welsh_dates(prison, frozen):
    visit = submit(prison, language="cy")

    email = messages_for(visit, "email")[0]
    assert email.language == "cy"
    assert email.personalisation["respond_by"] == "Dydd Llun 30 Tachwedd 2026"
