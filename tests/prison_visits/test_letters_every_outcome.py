"""Everyone can finish (issue #12 point 1): a visitor who chose post gets a letter for every
outcome of their visit, not only the acknowledgement: booked, not booked, cancelled by the
prison, their own cancellation and withdrawal, a message from the prison and the reminder
the day before. No email or text message goes anywhere."""

from datetime import date

import pytest

from digital_services.notifications.models import OutboundMessage
from prison_visits import services
from prison_visits.constants import CancellationReason, RejectionReason
from tests.accounts.factories import UserFactory

from .factories import slot_on
from .visit_requests import TUE_1_DEC, messages_for, submit

pytestmark = pytest.mark.django_db

ADDRESS = "1 High Street\nTestville\nTE1 2AB"


@pytest.fixture
def by_post(prison, frozen, caseworker):
    visit = submit(
        prison,
        contact_email="",
        contact_phone="01134960000",  # a landline: no text message either
        postal_address=ADDRESS,
        user=UserFactory(),
    )
    assert [m.template_key for m in messages_for(visit)] == ["prison_visits.request_received"]
    return visit


def _only_letter(visit, template_key: str) -> OutboundMessage:
    latest = messages_for(visit)[-1]
    assert (latest.template_key, latest.channel) == (template_key, "letter")
    assert latest.recipient == f"Lee Visitor\n{ADDRESS}"
    assert {m.channel for m in messages_for(visit)} == {"letter"}
    return latest


def test_a_booking_goes_by_letter(by_post, caseworker):
    services.visit_book(visit=by_post, slot=slot_on(TUE_1_DEC), by=caseworker)
    _only_letter(by_post, "prison_visits.booked")


def test_a_rejection_goes_by_letter(by_post, caseworker):
    services.visit_reject(visit=by_post, reasons=[RejectionReason.SLOT_UNAVAILABLE], by=caseworker)
    _only_letter(by_post, "prison_visits.rejected")


def test_the_prisons_cancellation_and_message_go_by_letter(by_post, caseworker):
    services.visit_book(visit=by_post, slot=slot_on(TUE_1_DEC), by=caseworker)
    services.visit_message_send(
        visit=by_post, message="Bring photo ID for every adult.", by=caseworker
    )
    letter = _only_letter(by_post, "prison_visits.message")
    assert "Bring photo ID" in str(letter.personalisation)

    services.visit_cancel(
        visit=by_post,
        reasons=[CancellationReason.PRISONER_MOVED],
        by=caseworker,
        by_visitor=False,
    )
    _only_letter(by_post, "prison_visits.cancelled")


def test_the_visitors_own_cancellation_and_withdrawal_are_confirmed_by_letter(
    prison, frozen, by_post, caseworker
):
    services.visit_withdraw(visit=by_post)
    _only_letter(by_post, "prison_visits.withdrawn")

    booked = submit(
        prison, contact_email="", contact_phone="", postal_address=ADDRESS, user=UserFactory()
    )
    services.visit_book(visit=booked, slot=slot_on(TUE_1_DEC), by=caseworker)
    services.visit_cancel(visit=booked, by_visitor=True)
    _only_letter(booked, "prison_visits.visitor_cancelled")


def test_the_reminder_the_day_before_goes_by_letter(by_post, caseworker, frozen):
    services.visit_book(visit=by_post, slot=slot_on(TUE_1_DEC), by=caseworker)

    assert services.visit_reminders_send(for_date=TUE_1_DEC) == 1
    _only_letter(by_post, "prison_visits.reminder")
    assert TUE_1_DEC == date(2026, 12, 1)
