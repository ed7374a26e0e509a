"""Each retention rule: what expires when, what is deleted or blanked, what is kept."""

import datetime as dt
import logging
from io import StringIO

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from digital_services.audit.models import AuditEvent
from digital_services.audit.services import audit_record
from digital_services.journeys.models import Draft
from digital_services.notifications.constants import Status
from digital_services.privacy.retention import (
    RetentionRule,
    period_text,
    retention_rules,
    retention_run,
    rule_apply,
)
from digital_services.privacy.tasks import TASK_RETENTION_RUN, retention_run_task
from prison_visits.models import Visit
from tests.notifications.factories import DeliveredMessageFactory, OutboundMessageFactory
from tests.prison_visits.factories import BookedVisitFactory, PrisonFactory, slot_on
from tests.tribunal_fees.factories import (
    ApprovedRefundApplicationFactory,
    HwfApplicationFactory,
    IssuedRefundApplicationFactory,
)
from tribunal_fees.models import HelpWithFeesApplication, RefundApplication

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)


def days_later(days: int) -> dt.datetime:
    return NOW + dt.timedelta(days=days)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def run(key: str, *, at: dt.datetime, batch_size: int = 1000) -> int:
    with time_machine.travel(at, tick=False):
        return retention_run(keys={key}, batch_size=batch_size)[key]


# ---------------------------------------------------------------- the mechanism


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (1, "1 day"),
        (28, "28 days"),
        (90, "3 months"),
        (183, "6 months"),
        (365, "1 year"),
        (2555, "7 years"),
    ],
)
def test_periods_read_as_people_say_them(days, text):
    assert period_text(days) == text


def test_every_rule_key_is_unique_and_every_model_exists():
    rules = retention_rules()
    assert len({rule.key for rule in rules}) == len(rules)
    for rule in rules:
        assert rule.model_class()._meta.label == rule.model


def test_a_rule_may_not_both_blank_and_keep():
    with pytest.raises(ValueError):
        RetentionRule(
            key="x",
            model="journeys.Draft",
            information="x",
            period_days=1,
            after="x",
            then="x",
            expired=lambda cutoff: Draft.objects.none(),
            blank={"answers": {}},
            keep=True,
        )


def test_a_rule_works_in_batches_and_stops_when_nothing_is_left(frozen):
    for n in range(5):
        Draft.objects.create(
            session_key=f"s{n}", service="x", journey="y", expires_at=timezone.now()
        )
    rule = next(rule for rule in retention_rules() if rule.key == "journeys.drafts")

    assert rule_apply(rule, now=days_later(400), batch_size=2) == 5
    assert not Draft.objects.exists()


def test_the_job_logs_counts_and_never_a_value(frozen, caplog):
    DeliveredMessageFactory(
        recipient="private-person@example.com", personalisation={"name": "Ozymandias"}
    )

    with caplog.at_level(logging.INFO, logger="digital_services.privacy.retention"):
        run("notifications.outbox", at=days_later(120))

    text = caplog.text
    assert "notifications.outbox" in text and ": 1 rows" in text
    assert "private-person" not in text and "Ozymandias" not in text


def test_the_command_runs_the_rules_and_prints_counts(frozen):
    DeliveredMessageFactory()
    out = StringIO()

    with time_machine.travel(days_later(120), tick=False):
        call_command("retention", "--rule", "notifications.outbox", stdout=out)

    assert "notifications.outbox: 1" in out.getvalue()


def test_the_command_refuses_an_unknown_rule():
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        call_command("retention", "--rule", "no.such.rule", stdout=StringIO())


def test_one_beat_job_runs_retention_nightly():
    from digital_services.celery import app

    app.finalize()
    assert TASK_RETENTION_RUN == "core.retention_run"
    assert TASK_RETENTION_RUN in {entry["task"] for entry in app.conf.beat_schedule.values()}


def test_the_task_runs_every_rule(frozen):
    counts = retention_run_task()

    assert set(counts) == {rule.key for rule in retention_rules()}


# ---------------------------------------------------------------- outbox


def test_outbox_messages_are_blanked_after_their_final_status_and_keep_their_status(
    frozen, settings
):
    settings.RETENTION_OUTBOX_DAYS = 90
    old = DeliveredMessageFactory(recipient="a@example.com", personalisation={"name": "Ann"})

    assert run("notifications.outbox", at=days_later(89)) == 0
    assert run("notifications.outbox", at=days_later(91)) == 1

    old.refresh_from_db()
    assert (old.recipient, old.personalisation, old.last_error) == ("", {}, "")
    assert old.status == Status.DELIVERED
    assert old.completed_at == NOW


def test_messages_still_waiting_to_be_sent_are_left_for_their_period(frozen):
    waiting = OutboundMessageFactory()

    run("notifications.outbox", at=days_later(30))

    waiting.refresh_from_db()
    assert waiting.recipient != ""


def test_anonymising_a_visit_blanks_its_outbox_messages(frozen, settings):
    settings.PRISON_VISITS_ANONYMISE_AFTER_DAYS = 183
    visit = BookedVisitFactory(prison=PrisonFactory(), slot=slot_on(dt.date(2026, 12, 1)))
    from django.contrib.contenttypes.models import ContentType

    message = DeliveredMessageFactory(
        content_type=ContentType.objects.get_for_model(Visit),
        object_id=str(visit.pk),
        recipient=visit.contact_email,
    )

    # Delivered 9 days before the run: the outbox's own rule would not blank it yet.
    message.completed_at = dt.datetime(2027, 6, 1, tzinfo=dt.UTC)
    message.save()
    assert run("prison_visits.visits", at=dt.datetime(2027, 6, 10, tzinfo=dt.UTC)) == 1

    message.refresh_from_db()
    assert (message.recipient, message.personalisation) == ("", {})
    assert message.status == Status.DELIVERED


# ---------------------------------------------------------------- tribunal fees


def test_bank_details_go_once_the_refund_is_paid_and_reconciled(frozen, settings):
    settings.TRIBUNAL_FEES_BANK_DETAILS_RETENTION_DAYS = 90
    paid = IssuedRefundApplicationFactory()
    waiting = ApprovedRefundApplicationFactory()

    assert run("tribunal_fees.bank_details", at=days_later(89)) == 0
    assert run("tribunal_fees.bank_details", at=days_later(91)) == 1

    paid.refresh_from_db()
    assert (paid.account_name, paid.bank_name, paid.account_number, paid.sort_code) == (
        "",
        "",
        "",
        "",
    )
    assert paid.full_name == "Robin Refund"  # the rest stays for its own period
    assert not RefundApplication.history.filter(id=paid.pk).exclude(account_number="").exists()
    waiting.refresh_from_db()
    assert waiting.account_number == "00733445"


def test_help_with_fees_personal_details_go_after_seven_years(frozen):
    application = HwfApplicationFactory(ni_number="QQ123456C")

    assert run("tribunal_fees.help_with_fees", at=days_later(7 * 365 - 1)) == 0
    assert run("tribunal_fees.help_with_fees", at=days_later(7 * 365 + 1)) == 1

    application.refresh_from_db()
    assert (application.applicant_name, application.ni_number) == ("", "")
    assert application.applicant_date_of_birth == dt.date(1, 1, 1)
    assert application.fee_pence > 0 and application.status  # the accounts keep the figures
    assert not HelpWithFeesApplication.history.filter(ni_number="QQ123456C").exists()


# ---------------------------------------------------------------- platform records


def test_expired_sessions_are_deleted(frozen):
    session = SessionStore()
    session["x"] = 1
    session.create()

    assert run("accounts.sessions", at=days_later(1)) == 1
    assert not Session.objects.exists()


def test_sign_in_attempts_are_deleted_after_a_year(frozen):
    AccessAttempt.objects.create(
        username="someone@example.com",
        ip_address="192.0.2.1",
        user_agent="x",
        get_data="",
        post_data="",
        http_accept="*/*",
        path_info="/",
        failures_since_start=1,
    )

    assert run("accounts.sign_in_attempts", at=days_later(364)) == 0
    assert run("accounts.sign_in_attempts", at=days_later(366)) == 1


def test_audit_events_past_their_period_are_counted_and_never_changed(frozen):
    """ADR 0005: the application cannot purge audit events; the job only counts them."""
    event = audit_record(action="tests.something", service="")

    assert run("audit.events", at=days_later(7 * 365 + 1)) == 1
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_accounts_unused_for_years_are_closed(frozen, django_user_model):
    user = django_user_model.objects.create_user(email="old@example.com", full_name="Old Person")
    staff = django_user_model.objects.create_user(email="staff@example.com", is_staff=True)

    assert run("accounts.inactive", at=days_later(3 * 365 + 1)) == 1

    user.refresh_from_db()
    assert user.email.endswith("@closed.invalid") and user.full_name == ""
    assert not user.is_active and not user.has_usable_password()
    staff.refresh_from_db()
    assert staff.email == "staff@example.com"
    assert AuditEvent.objects.filter(action="privacy.accounts.closed_inactive").exists()


def test_citizens_our_staff_helped_recently_keep_their_account(frozen):
    from tests.assisted_digital.factories import CitizenWithoutEmailFactory, EndedSessionFactory

    helped = CitizenWithoutEmailFactory()
    with time_machine.travel(days_later(3 * 365 - 10), tick=False):
        EndedSessionFactory(citizen=helped)
    forgotten = CitizenWithoutEmailFactory()

    assert run("accounts.inactive", at=days_later(3 * 365 + 1)) == 1

    helped.refresh_from_db()
    forgotten.refresh_from_db()
    assert not helped.email.endswith("@closed.invalid")
    assert forgotten.email.endswith("@closed.invalid")
    assert not type(forgotten).objects.filter(pk=forgotten.pk, citizen_profile__isnull=False)


def test_services_with_retention_rules_stay_hashable():
    """Services are dict keys ("Your applications"); a rule's ``blank`` dict must not stop that."""
    from digital_services.core.registry import services_list

    for service in services_list():
        hash(service)
