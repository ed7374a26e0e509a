"""Reminders the day before, anonymisation, the beat schedule, and the prisoner register import."""

from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from digital_services.notifications.models import OutboundMessage
from prison_visits import services, tasks
from prison_visits.constants import REMOVED, TASK_REMINDERS_SEND, TASK_VISITS_ANONYMISE, VisitStatus
from prison_visits.models import PrisonerRegisterEntry, Visit, VisitEvent, Visitor

from .factories import (
    BookedVisitFactory,
    CancelledVisitFactory,
    RegisterEntryFactory,
    RejectedVisitFactory,
    RequestedVisitFactory,
    slot_on,
)

pytestmark = pytest.mark.django_db


# ---------------------------------------------------------------- reminders


def test_reminders_go_to_visits_booked_for_that_day_once(prison, frozen):
    tomorrow = BookedVisitFactory(prison=prison, slot=slot_on(date(2026, 11, 26)))
    BookedVisitFactory(prison=prison, slot=slot_on(date(2026, 11, 27)))
    CancelledVisitFactory(prison=prison, slot=slot_on(date(2026, 11, 26)))

    assert services.visit_reminders_send(for_date=date(2026, 11, 26)) == 1
    assert services.visit_reminders_send(for_date=date(2026, 11, 26)) == 0

    (email,) = OutboundMessage.objects.filter(template_key="prison_visits.reminder")
    assert email.object_id == str(tomorrow.pk)
    assert email.personalisation["visit_date_time"] == "Thursday 26 November 2026, 2pm to 4pm"
    assert email.personalisation["visitors_allowed"] == "- Lee V.\n- Kid V."
    assert OutboundMessage.objects.filter(template_key="prison_visits.reminder_sms").count() == 1
    assert tomorrow.events.filter(kind=VisitEvent.Kind.REMINDER).count() == 1


def test_the_reminder_task_reminds_tomorrows_visits(prison, frozen):
    BookedVisitFactory(prison=prison, slot=slot_on(date(2026, 11, 26)))

    assert tasks.reminders_send() == 1


def test_the_beat_schedule_runs_reminders_and_the_retention_job_anonymises():
    from digital_services.privacy.retention import retention_rules

    assert {entry["task"] for entry in tasks.BEAT_SCHEDULE.values()} == {TASK_REMINDERS_SEND}
    assert TASK_VISITS_ANONYMISE not in {entry["task"] for entry in tasks.BEAT_SCHEDULE.values()}
    assert "prison_visits.visits" in {rule.key for rule in retention_rules()}


# ---------------------------------------------------------------- anonymisation


def test_anonymisation_removes_personal_details_and_keeps_the_counts(prison, caseworker, frozen):
    old = BookedVisitFactory(prison=prison, slot=slot_on(date(2026, 5, 1)))
    services.visit_message_send(visit=old, message="Bring ID, Lee", by=caseworker)
    old_rejected = RejectedVisitFactory(prison=prison, slot=slot_on(date(2026, 5, 20)))
    recent = RequestedVisitFactory(prison=prison, slot=slot_on(date(2026, 6, 1)))

    assert services.visits_anonymise(before=date(2026, 5, 26)) == 2

    old.refresh_from_db()
    assert old.prisoner_first_name == old.prisoner_last_name == old.prisoner_number == REMOVED
    assert old.prisoner_date_of_birth == date(1, 1, 1)
    assert old.contact_email == old.contact_phone == ""
    assert old.anonymised_at is not None
    assert old.status == VisitStatus.BOOKED and old.slot_date == date(2026, 5, 1)
    assert set(Visitor.objects.filter(visit=old).values_list("first_name", flat=True)) == {REMOVED}
    assert not old.events.exclude(message="").exists()
    assert not Visit.history.filter(id=old.pk).exists()  # old versions held the names
    assert Visit.history.filter(id=recent.pk).exists()
    recent.refresh_from_db()
    assert recent.prisoner_first_name == "Jo"
    assert Visit.objects.filter(prison=prison).count() == 3
    assert services.visits_anonymise(before=date(2026, 5, 26)) == 0
    assert Visit.objects.get(pk=old_rejected.pk).rejection_reasons == ["slot_unavailable"]


def test_the_anonymisation_task_uses_the_configured_age(prison, settings, frozen):
    settings.PRISON_VISITS_ANONYMISE_AFTER_DAYS = 30
    old = BookedVisitFactory(prison=prison, slot=slot_on(date(2026, 10, 25)))
    young = BookedVisitFactory(prison=prison, slot=slot_on(date(2026, 10, 27)))

    assert tasks.visits_anonymise() == 1
    assert Visit.objects.get(pk=old.pk).anonymised_at is not None
    assert Visit.objects.get(pk=young.pk).anonymised_at is None


def test_anonymised_visits_leave_your_applications(prison, citizen, frozen):
    visit = BookedVisitFactory(prison=prison, user=citizen, slot=slot_on(date(2026, 1, 6)))

    services.visits_anonymise(before=date(2026, 6, 1))

    from prison_visits.selectors import visit_cases

    assert visit_cases(citizen) == []
    assert Visit.objects.filter(pk=visit.pk).exists()


# ---------------------------------------------------------------- prisoner register import


def write_csv(tmp_path, text):
    path = tmp_path / "register.csv"
    path.write_text(text)
    return str(path)


def test_the_register_import_adds_and_updates_and_is_idempotent(prison, tmp_path):
    RegisterEntryFactory(prison=prison, prison_number="A1234BC", first_name="Old")
    path = write_csv(
        tmp_path,
        "prison_number,first_name,last_name,date_of_birth\n"
        "a1234 bc,Jo,Bloggs,17/05/1990\n"
        "B2345CD,Ann,Other,1985-01-31\n",
    )
    out = StringIO()

    call_command("import_prisoner_register", "hmp-alpha", path, stdout=out)
    assert "1 added, 1 updated, 0 unchanged" in out.getvalue()
    entry = PrisonerRegisterEntry.objects.get(prison=prison, prison_number="A1234BC")
    assert (entry.first_name, entry.date_of_birth) == ("Jo", date(1990, 5, 17))

    out = StringIO()
    call_command("import_prisoner_register", "hmp-alpha", path, stdout=out)
    assert "0 added, 0 updated, 2 unchanged" in out.getvalue()
    assert PrisonerRegisterEntry.objects.filter(prison=prison).count() == 2


def test_the_register_import_reports_each_bad_line_and_loads_nothing(prison, tmp_path):
    path = write_csv(
        tmp_path,
        "prison_number,first_name,last_name,date_of_birth\n"
        "A1234BC,Jo,Bloggs,1990-05-17\n"
        "1234ABC,Ann,Other,1985-01-31\n"
        "C3456DE,,Other,31/02/1985\n",
    )
    err = StringIO()

    with pytest.raises(CommandError, match="2 line"):
        call_command("import_prisoner_register", "hmp-alpha", path, stderr=err)

    assert "Line 3: prison number '1234ABC' is not like A1234BC" in err.getvalue()
    assert "Line 4: first_name is empty; date_of_birth must be a date" in err.getvalue()
    assert not PrisonerRegisterEntry.objects.exists()


def test_the_register_import_can_mark_prisoners_who_left(prison, tmp_path):
    RegisterEntryFactory(prison=prison, prison_number="Z9999ZZ")
    path = write_csv(
        tmp_path, "prison_number,first_name,last_name,date_of_birth\nA1234BC,Jo,Bloggs,1990-05-17\n"
    )

    call_command(
        "import_prisoner_register", "hmp-alpha", path, "--deactivate-missing", stdout=StringIO()
    )

    assert not PrisonerRegisterEntry.objects.get(prison_number="Z9999ZZ").active


def test_the_register_import_needs_a_known_prison(db, tmp_path):
    path = write_csv(tmp_path, "prison_number,first_name,last_name,date_of_birth\n")

    with pytest.raises(CommandError, match="no prison"):
        call_command("import_prisoner_register", "nowhere", path)


def test_a_booking_in_the_past_is_refused(prison, caseworker):
    visit = RequestedVisitFactory(prison=prison, slot=slot_on(date(2026, 12, 1)))

    with time_machine.travel("2026-12-02 09:00 +0000", tick=False):
        with pytest.raises(services.SlotUnavailable, match="already passed"):
            services.visit_book(
                visit=visit, slot=slot_on(date(2026, 12, 1)), booking_reference="x", by=caseworker
            )
