"""The all-tables sweep: after retention has run past every period, nothing personal about
an expired case is left anywhere: not in the cases, the outbox, the history tables, the
sessions, the sign-in logs or the account."""

import datetime as dt
import json

import pytest
import time_machine
from django.apps import apps
from django.db import models

from digital_services.privacy.retention import retention_rules, retention_run

from .seed import DATE_NEEDLES, TEXT_NEEDLES, seed_everything

pytestmark = pytest.mark.django_db

SEEDED_AT = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC)

TEXT_TYPES = (models.CharField, models.TextField, models.JSONField, models.GenericIPAddressField)


def _normalised(value) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return text.lower()


def personal_data_left() -> list[str]:
    """Every (table, column, needle) where a seeded value is still found."""
    needles = [needle.lower() for needle in TEXT_NEEDLES]
    found = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if not meta.managed or meta.proxy:
            continue
        text_fields = [f.attname for f in meta.concrete_fields if isinstance(f, TEXT_TYPES)]
        date_fields = [
            f.attname
            for f in meta.concrete_fields
            if isinstance(f, models.DateField) and not isinstance(f, models.DateTimeField)
        ]
        if not text_fields and not date_fields:
            continue
        manager = model._base_manager
        for row in manager.values(*text_fields, *date_fields).iterator():
            for name in text_fields:
                if row[name] in (None, "", {}, []):
                    continue
                text = _normalised(row[name])
                squeezed = text.replace(" ", "")
                for needle in needles:
                    if needle in text or needle.replace(" ", "") in squeezed:
                        found.append(f"{meta.db_table}.{name}: {needle}")
            for name in date_fields:
                if row[name] in DATE_NEEDLES:
                    found.append(f"{meta.db_table}.{name}: {row[name]}")
    return sorted(set(found))


def test_the_seed_puts_personal_data_in_every_kind_of_table():
    """The sweep can fail: before retention it finds the seed everywhere it was put."""
    with time_machine.travel(SEEDED_AT, tick=False):
        seed_everything()

    left = "\n".join(personal_data_left())
    for table in (
        "accounts_user.email",
        "accounts_citizenprofile.phone",
        "account_emailaddress.email",
        "journeys_draft.answers",
        "axes_accessattempt.username",
        "notifications_outboundmessage.recipient",
        "notifications_outboundmessage.personalisation",
        "performance_satisfactionresponse.comment",
        "prison_visits_visit.prisoner_last_name",
        "prison_visits_historicalvisit.contact_email",
        "prison_visits_visitor.first_name",
        "prison_visits_visitevent.message",
        "prison_visits_prisonerregisterentry.last_name",
        "django_admin_log.object_repr",
        "tribunal_fees_feecase.email",
        "tribunal_fees_feecase.mobile",
        "tribunal_fees_historicalfeecase.postal_address",
        "tribunal_fees_helpwithfeesapplication.ni_number",
        "tribunal_fees_historicalhelpwithfeesapplication.ni_number",
        "tribunal_fees_refundapplication.account_number",
        "tribunal_fees_historicalrefundapplication.sort_code",
        "tribunal_fees_refundapplication.date_of_birth",
    ):
        assert table in left, table


def test_after_retention_past_every_period_no_personal_data_is_left_in_any_table():
    with time_machine.travel(SEEDED_AT, tick=False):
        seed_everything()
    longest = max(rule.days for rule in retention_rules())

    with time_machine.travel(SEEDED_AT + dt.timedelta(days=longest + 30), tick=False):
        counts = retention_run(batch_size=2)

    assert personal_data_left() == []
    assert counts["prison_visits.visits"] == 1
    assert counts["tribunal_fees.help_with_fees"] == 1
    assert counts["accounts.inactive"] == 1


def test_a_second_run_finds_nothing_more_to_do():
    with time_machine.travel(SEEDED_AT, tick=False):
        seed_everything()
    later = SEEDED_AT + dt.timedelta(days=max(rule.days for rule in retention_rules()) + 30)

    with time_machine.travel(later, tick=False):
        retention_run()
        again = retention_run()

    assert {key: count for key, count in again.items() if count and key != "audit.events"} == {}
