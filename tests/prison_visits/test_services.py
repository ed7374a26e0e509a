"""The request and its visitor rules; stamps, audit and messages."""

from datetime import date

import pytest

from digital_services.audit.models import AuditEvent
from digital_services.core.references import reference_is_valid
from prison_visits import services
from prison_visits.constants import (
    Channel,
    PrisonerCheck,
    VisitStatus,
)
from prison_visits.models import Visit, VisitEvent
from prison_visits.rules import VisitorDetails
from tests.accounts.factories import UserFactory

from .factories import (
    BookedVisitFactory,
    RegisterEntryFactory,
    slot_on,
)
from .visit_requests import (
    CHILD,
    LEAD,
    TUE_1_DEC,
    messages_for,
    submit,
)

pytestmark = pytest.mark.django_db


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
