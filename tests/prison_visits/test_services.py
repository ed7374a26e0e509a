"""The request and every transition, from every state; stamps, timeline, audit and messages."""

from datetime import date, time

import pytest
import time_machine

from digital_services.audit.models import AuditEvent
from digital_services.core.references import reference_is_valid
from digital_services.notifications.models import OutboundMessage
from prison_visits import services
from prison_visits.constants import (
    CancellationReason,
    Channel,
    PrisonerCheck,
    RejectionReason,
    VisitorExclusion,
    VisitStatus,
)
from prison_visits.models import Visit, VisitEvent
from prison_visits.rules import PrisonerDetails, VisitorDetails
from tests.accounts.factories import UserFactory

from .factories import (
    FACTORY_FOR_STATUS,
    BookedVisitFactory,
    RegisterEntryFactory,
    RequestedVisitFactory,
    slot_on,
)

pytestmark = pytest.mark.django_db

TUE_1_DEC = date(2026, 12, 1)
THU_3_DEC = date(2026, 12, 3)
PRISONER = PrisonerDetails("Jo", "Bloggs", date(1990, 5, 17), " a1234 bc ")
LEAD = VisitorDetails("Lee", "Visitor", date(1985, 3, 2))
CHILD = VisitorDetails("Kid", "Visitor", date(2016, 1, 1))


def submit(prison, **overrides):
    kwargs = dict(
        prison=prison,
        prisoner=PRISONER,
        slots=[slot_on(TUE_1_DEC).key, slot_on(THU_3_DEC)],
        visitors=[LEAD, CHILD],
        contact_email="lee@example.com",
        contact_phone="07700 900123",
    )
    kwargs.update(overrides)
    return services.visit_request_submit(**kwargs)


def messages_for(visit, channel=None):
    qs = OutboundMessage.objects.filter(object_id=str(visit.pk))
    if channel:
        qs = qs.filter(channel=channel)
    return list(qs.order_by("id"))


# ---------------------------------------------------------------- the request


def test_a_request_is_saved_as_requested_with_a_reference_and_its_visitors(prison, frozen):
    visit = submit(prison)

    visit.refresh_from_db()
    assert visit.status == VisitStatus.REQUESTED
    assert len(visit.reference) == 9  # 8 random characters and a check character
    assert set(visit.reference) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    assert reference_is_valid(visit.reference)
    assert visit.prisoner_number == "A1234BC"
    assert visit.prisoner_check == PrisonerCheck.NO_REGISTER
    assert visit.requested_slots == ["2026-12-01T14:00/16:00", "2026-12-03T14:00/16:00"]
    assert visit.respond_by == date(2026, 11, 30)
    assert [v.first_name for v in visit.visitors.order_by("position")] == ["Lee", "Kid"]
    assert visit.events.get().kind == VisitEvent.Kind.REQUESTED
    assert AuditEvent.objects.filter(action="prison_visits.visit.requested").count() == 1


def test_a_request_sends_the_request_received_email_and_a_text(
    prison, frozen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        visit = submit(prison)

    email, sms = messages_for(visit, "email")[0], messages_for(visit, "sms")[0]
    assert email.template_key == "prison_visits.request_received"
    assert email.recipient == "lee@example.com"
    assert email.personalisation["respond_by"] == "Monday 30 November 2026"
    assert email.personalisation["reference"] == visit.reference_display
    assert "1. Tuesday 1 December 2026, 2pm to 4pm" in email.personalisation["slot_choices"]
    assert sms.template_key == "prison_visits.request_received_sms"
    assert sms.recipient == "07700900123"
    assert len(callbacks) == 2  # each message is queued for delivery after the commit


def test_no_text_is_sent_to_a_landline(prison, frozen):
    visit = submit(prison, contact_phone="020 7946 0000")

    assert messages_for(visit, "sms") == []


def test_a_request_is_verified_when_the_register_matches(prison, frozen):
    RegisterEntryFactory(prison=prison, prison_number="A1234BC", date_of_birth=date(1990, 5, 17))

    assert submit(prison).prisoner_check == PrisonerCheck.VERIFIED


def test_a_request_is_refused_when_the_register_has_no_such_prisoner(prison, frozen):
    RegisterEntryFactory(prison=prison, prison_number="A1234BC", date_of_birth=date(1991, 5, 17))

    with pytest.raises(services.PrisonerNotFound):
        submit(prison)
    assert not Visit.objects.exists()


def test_an_inactive_register_entry_does_not_match(prison, frozen):
    RegisterEntryFactory(prison=prison, prison_number="Z9999ZZ")
    RegisterEntryFactory(
        prison=prison, prison_number="A1234BC", date_of_birth=date(1990, 5, 17), active=False
    )

    with pytest.raises(services.PrisonerNotFound):
        submit(prison)


@pytest.mark.parametrize("availability", ["closed", "private", "not_on_service"])
def test_a_request_to_a_prison_off_the_service_is_refused(prison, frozen, availability):
    prison.availability = availability
    prison.save()

    with pytest.raises(services.PrisonNotBookable):
        submit(prison)


def test_a_request_for_a_fully_booked_slot_is_refused(prison, frozen):
    BookedVisitFactory.create_batch(2, prison=prison, slot=slot_on(TUE_1_DEC))

    with pytest.raises(services.SlotFull):
        submit(prison)


def test_a_request_for_a_time_inside_the_lead_time_is_refused(prison, frozen):
    with pytest.raises(services.SlotUnavailable):
        submit(prison, slots=[slot_on(date(2026, 11, 28))])


@pytest.mark.parametrize("count", [0, 4])
def test_a_request_needs_one_to_three_times(prison, frozen, count):
    days = [date(2026, 12, d) for d in (1, 3, 5, 8)][:count]

    with pytest.raises(services.SlotUnavailable):
        submit(prison, slots=[slot_on(d) for d in days])


def test_a_request_names_each_time_once(prison, frozen):
    with pytest.raises(services.SlotUnavailable):
        submit(prison, slots=[slot_on(TUE_1_DEC), slot_on(TUE_1_DEC)])


# ---------------------------------------------------------------- visitor rules at the boundaries


@pytest.mark.parametrize(
    "lead_born, allowed",
    [(date(2008, 12, 1), True), (date(2008, 12, 2), False)],  # 18 on Tue 1 Dec 2026, or a day short
)
def test_the_lead_visitor_must_be_18_on_the_day_of_the_visit(prison, frozen, lead_born, allowed):
    visitors = [VisitorDetails("Young", "Lead", lead_born)]

    if allowed:
        submit(prison, slots=[slot_on(TUE_1_DEC)], visitors=visitors)
    else:
        with pytest.raises(services.VisitorRulesBroken) as error:
            submit(prison, slots=[slot_on(TUE_1_DEC)], visitors=visitors)
        assert error.value.problems[0].code == "lead_too_young"


@pytest.mark.parametrize("total, allowed", [(6, True), (7, False)])
def test_at_most_6_visitors_in_total(prison, frozen, total, allowed):
    visitors = [LEAD] + [CHILD] * (total - 1)

    if allowed:
        submit(prison, visitors=visitors)
    else:
        with pytest.raises(services.VisitorRulesBroken):
            submit(prison, visitors=visitors)


@pytest.mark.parametrize("adults, allowed", [(3, True), (4, False)])
def test_at_most_3_visitors_of_the_prisons_adult_age(prison, frozen, adults, allowed):
    prison.adult_age = 10
    prison.save()
    ten_on_the_day = VisitorDetails("Ten", "Visitor", date(2016, 12, 1))
    visitors = [LEAD] + [ten_on_the_day] * (adults - 1)

    if allowed:
        submit(prison, slots=[slot_on(TUE_1_DEC)], visitors=visitors)
    else:
        with pytest.raises(services.VisitorRulesBroken) as error:
            submit(prison, slots=[slot_on(TUE_1_DEC)], visitors=visitors)
        assert error.value.problems[0].code == "too_many_adults"


def test_a_visitor_one_day_short_of_the_adult_age_counts_as_a_child(prison, frozen):
    prison.adult_age = 10
    prison.save()
    nine_on_the_day = VisitorDetails("Nine", "Visitor", date(2016, 12, 2))

    submit(prison, slots=[slot_on(TUE_1_DEC)], visitors=[LEAD, LEAD, LEAD, nine_on_the_day])


def test_an_assisted_request_records_who_typed_it(prison, frozen):
    agent, citizen = UserFactory(), UserFactory()

    class Session:  # what assisted_digital attaches to the request
        pass

    session = Session()
    session.agent, session.citizen, session.channel = agent, citizen, "phone"

    visit = submit(prison, user=citizen, assisted_session=session)

    assert visit.channel == Channel.ASSISTED
    assert visit.assisted_by == agent
    assert visit.assisted_channel == "phone"
    event = AuditEvent.objects.get(action="prison_visits.visit.requested")
    assert event.actor == agent and event.on_behalf_of == citizen


def test_a_request_without_email_sends_a_letter_to_the_postal_address(prison, frozen):
    visit = submit(
        prison,
        contact_email="",
        contact_phone="",
        postal_address="1 High Street\nTestville\nTE1 2AB",
        user=UserFactory(),
        channel=Channel.ASSISTED,
    )

    (letter,) = messages_for(visit)
    assert letter.channel == "letter"
    assert letter.template_key == "prison_visits.request_received"
    assert letter.recipient == "Lee Visitor\n1 High Street\nTestville\nTE1 2AB"


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
