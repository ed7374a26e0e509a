import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from digital_services.journeys import tasks
from digital_services.journeys.constants import TASK_DRAFTS_EXPIRE
from digital_services.journeys.models import Draft

from .helpers import APPLY_URL, only_draft

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.journeys.urls")]


def test_a_draft_expires_the_configured_number_of_days_after_its_last_change(client, settings):
    settings.JOURNEYS_DRAFT_EXPIRY_DAYS = 10
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    assert only_draft().expires_at == now + dt.timedelta(days=10)


def test_the_expiry_task_deletes_expired_drafts_only(client, citizen):
    client.post(APPLY_URL + "name/", {"full_name": "Expired"})
    Draft.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    client.force_login(citizen)  # adopting skips the expired draft
    client.post(APPLY_URL + "name/", {"full_name": "Current"})
    assert Draft.objects.count() == 2
    assert tasks.drafts_expire() == 1
    assert list(Draft.objects.values_list("answers__name__full_name", flat=True)) == ["Current"]


def test_an_expired_draft_is_not_resumed_and_a_new_answer_starts_afresh(client, settings):
    settings.SESSION_COOKIE_AGE = 60 * 24 * 3600
    settings.JOURNEYS_DRAFT_EXPIRY_DAYS = 28
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    with time_machine.travel(timezone.now() + dt.timedelta(days=29)):
        assert client.get(APPLY_URL).url == APPLY_URL + "name/"
        assert 'value="Ann"' not in client.get(APPLY_URL + "name/").content.decode()
        client.post(APPLY_URL + "name/", {"full_name": "Bea"})
        assert only_draft().answers == {"name": {"full_name": "Bea"}}


def test_the_expiry_job_runs_every_day_from_the_beat_schedule():
    entry = tasks.BEAT_SCHEDULE["journeys-drafts-expire"]
    assert entry["task"] == TASK_DRAFTS_EXPIRE == tasks.drafts_expire.name
    assert entry["schedule"].hour == {2}
    assert entry["schedule"].day_of_week == set(range(7))
