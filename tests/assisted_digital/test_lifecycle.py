"""How sessions end: by the agent, by signing out, by timing out; and the demo citizens."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assisted_digital import services
from assisted_digital.demo import DEMO_CITIZENS, seed
from assisted_digital.models import AssistedSession
from assisted_digital.tasks import sessions_expire
from assisted_digital.templatetags.assisted_digital import declaration_for_applicant
from digital_services.accounts.citizens import email_is_placeholder
from digital_services.accounts.models import CitizenProfile
from digital_services.audit.models import AuditEvent
from digital_services.core.transitions import transition_apply

from .factories import ActiveSessionFactory, EndedSessionFactory

pytestmark = pytest.mark.django_db


def test_signing_out_ends_the_session(agent_client, start_session, jane):
    session = start_session(jane)

    agent_client.post(reverse("account_logout"))

    session.refresh_from_db()
    assert session.status == AssistedSession.Status.ENDED
    assert session.end_reason == AssistedSession.EndReason.SIGNED_OUT


def test_the_beat_job_ends_sessions_whose_agent_has_gone(settings):
    settings.SESSION_COOKIE_AGE = 30 * 60
    now = dt.datetime.now(tz=dt.UTC)
    gone = ActiveSessionFactory(last_seen_at=now - dt.timedelta(minutes=31))
    here = ActiveSessionFactory(last_seen_at=now - dt.timedelta(minutes=5))

    assert sessions_expire() == 1

    gone.refresh_from_db()
    here.refresh_from_db()
    assert (gone.status, gone.end_reason) == ("ended", "expired")
    assert here.status == "active"
    event = AuditEvent.objects.get(action="assisted.session_ended")
    assert event.actor is None and event.on_behalf_of == gone.citizen


def test_an_ended_session_cannot_move_again():
    session = EndedSessionFactory()

    with pytest.raises(services.TransitionNotAllowed):
        transition_apply(session, to=AssistedSession.Status.ENDED, action=None)
    # Ending an ended session through the service is a quiet no-op.
    assert services.assisted_session_end(session=session, reason="expired").end_reason == (
        "ended_by_agent"
    )


def test_the_database_refuses_a_session_without_consent():
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        ActiveSessionFactory(consent_accepted=False)


def test_a_digital_submission_cannot_claim_a_session_and_vice_versa(jane):
    with pytest.raises(ValueError):
        services.submission_record(service="s", journey="j", route="assisted")
    with pytest.raises(ValueError):
        services.submission_record(
            service="s", journey="j", route="digital", assisted_session=ActiveSessionFactory()
        )


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "I confirm that the information I have given is correct.",
            "The applicant has confirmed that the information they have given is correct.",
        ),
        (
            "I confirm that I am the donor and my details are right.",
            "The applicant has confirmed that they are the donor and their details are right.",
        ),
        (
            "I understand that I can be fined.",
            "The applicant has confirmed they understand that they can be fined.",
        ),
        (
            "By sending this you agree to our terms.",
            "The applicant has confirmed: “By sending this you agree to our terms.”",
        ),
    ],
)
def test_declarations_are_turned_into_the_applicants_confirmation(text, expected):
    assert declaration_for_applicant(text) == expected


def test_the_demo_citizens_are_seeded_once(settings):
    settings.ACCOUNTS_DEMO_USERS = True
    out = io.StringIO()

    seed(out)
    seed(out)

    assert CitizenProfile.objects.count() == len(DEMO_CITIZENS)
    letters = CitizenProfile.objects.get(preferred_contact="letter")
    assert email_is_placeholder(letters.user.email) and not letters.has_email
    assert CitizenProfile.objects.get(preferred_contact="email").user.email == (
        "tom.baker@example.com"
    )
    assert "Margaret Evans" in out.getvalue()


def test_a_new_citizens_details_are_checked_again_when_the_session_starts(agent):
    details = services.CitizenDetails(
        full_name="No Address", date_of_birth=dt.date(1960, 1, 1), preferred_contact="letter"
    )

    with pytest.raises(ValidationError) as raised:
        services.assisted_session_start(
            agent=agent,
            new_citizen=details,
            channel="phone",
            identity_checks=["full_name", "postcode"],
            consent_accepted=True,
            consent_method="verbal_phone",
        )

    assert "address_line_1" in raised.value.message_dict
    assert AssistedSession.objects.count() == 0
