"""The notes' inactive-account timetable as retention rules: warned at 8 months without
signing in, warned again at 8 months 3 weeks, LPAs deleted at 9 months; signing in again
starts the clock again. One email per account, however many LPAs it has."""

import datetime as dt

import pytest
from django.utils import timezone

from digital_services.notifications.models import OutboundMessage
from digital_services.privacy.retention import rule_apply
from lasting_power.models import Lpa
from lasting_power.retention import RETENTION
from tests.accounts.factories import UserFactory

from .factories import lpa_answered

pytestmark = pytest.mark.django_db
FIRST, FINAL, DELETE, OPG_RECORD = RETENTION


def _run(now):
    """The inactive-account timetable's three rules (the OPG record rule only keeps)."""
    return [rule_apply(rule, now=now, batch_size=100) for rule in (FIRST, FINAL, DELETE)]


def _user_last_seen(days_ago: int, now):
    user = UserFactory()
    user.last_login = now - dt.timedelta(days=days_ago)
    user.date_joined = now - dt.timedelta(days=400)
    user.save(update_fields=["last_login", "date_joined"])
    return user


def test_the_timetable_warns_twice_then_deletes():
    start = timezone.now()
    user = _user_last_seen(0, start)
    lpa_answered(user, stop_before="attorneys")
    lpa_answered(user, stop_before="attorneys")

    assert _run(start + dt.timedelta(days=242)) == [0, 0, 0]
    assert _run(start + dt.timedelta(days=244)) == [2, 0, 0]
    assert (
        OutboundMessage.objects.filter(template_key="lasting_power.inactive_warning").count() == 1
    )
    assert _run(start + dt.timedelta(days=250)) == [0, 0, 0]  # warned once only
    assert _run(start + dt.timedelta(days=265)) == [0, 2, 0]
    assert (
        OutboundMessage.objects.filter(template_key="lasting_power.inactive_warning").count() == 2
    )
    assert Lpa.objects.filter(user=user).count() == 2
    assert _run(start + dt.timedelta(days=275)) == [0, 0, 2]
    assert not Lpa.objects.filter(user=user).exists()


def test_nothing_is_deleted_without_both_warnings():
    now = timezone.now()
    user = _user_last_seen(300, now)
    lpa_answered(user, stop_before="attorneys")
    assert DELETE.expired(DELETE.cutoff(now)).count() == 0
    assert FINAL.expired(FINAL.cutoff(now)).count() == 0
    assert FIRST.expired(FIRST.cutoff(now)).count() == 1


def test_signing_in_again_starts_the_clock_again():
    start = timezone.now()
    user = _user_last_seen(0, start)
    lpa_answered(user, stop_before="attorneys")
    _run(start + dt.timedelta(days=244))
    _run(start + dt.timedelta(days=265))
    user.last_login = start + dt.timedelta(days=270)
    user.save(update_fields=["last_login"])
    assert _run(start + dt.timedelta(days=275)) == [0, 0, 0]
    assert Lpa.objects.filter(user=user).exists()
    # Inactive again: warned again from the start before any deletion.
    assert _run(start + dt.timedelta(days=270 + 244)) == [1, 0, 0]


def test_an_lpa_opg_has_received_is_neither_warned_about_nor_deleted():
    from .registration_factories import lpa_received

    start = timezone.now()
    user = _user_last_seen(0, start)
    lpa = lpa_received(user)
    assert _run(start + dt.timedelta(days=244)) == [0, 0, 0]
    assert _run(start + dt.timedelta(days=265)) == [0, 0, 0]
    assert _run(start + dt.timedelta(days=400)) == [0, 0, 0]
    assert Lpa.objects.filter(pk=lpa.pk).exists()
    # The keep rule counts it as OPG's record, past its period and kept.
    assert rule_apply(OPG_RECORD, now=start + dt.timedelta(days=400), batch_size=100) == 1
    assert Lpa.objects.filter(pk=lpa.pk).exists()
