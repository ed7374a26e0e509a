"""The demo LPAs of ``manage.py seed_demo``: one in progress and one completed and paid by
card for the demo citizen, made through the services, and not made twice."""

from io import StringIO

import pytest

from digital_services.accounts import demo as accounts_demo
from digital_services.notifications.models import OutboundMessage
from lasting_power import demo
from lasting_power.constants import LpaStatus, LpaType
from lasting_power.journeys import STEP, lpa_flow
from lasting_power.models import Lpa

pytestmark = pytest.mark.django_db


def _seed(capture):
    with capture(execute=True):
        demo.seed(stdout=StringIO())


def test_the_demo_citizen_gets_an_lpa_in_progress_and_one_completed_and_paid(
    settings, django_capture_on_commit_callbacks
):
    settings.ACCOUNTS_DEMO_USERS = True
    accounts_demo.seed(stdout=StringIO())
    _seed(django_capture_on_commit_callbacks)

    lpas = Lpa.objects.filter(user__email=demo.CITIZEN_EMAIL)
    in_progress = lpas.get(lpa_type=LpaType.HEALTH_WELFARE)
    assert in_progress.status == LpaStatus.IN_PROGRESS and in_progress.donor_name == "Pat Demo"
    assert lpa_flow(in_progress).next_target().kind == STEP  # questions left to answer
    assert lpa_flow(in_progress).next_target().slug == "replacements"

    completed = lpas.get(lpa_type=LpaType.PROPERTY_FINANCE)
    assert completed.status == LpaStatus.COMPLETED and completed.is_locked
    assert completed.payment_method == "card" and completed.fee_pence == 9200
    assert OutboundMessage.objects.filter(
        object_id=str(completed.pk), template_key="lasting_power.payment_card"
    ).exists()

    _seed(django_capture_on_commit_callbacks)  # again: nothing new
    assert lpas.count() == 2


def test_no_demo_lpas_without_demo_users(settings, django_capture_on_commit_callbacks):
    settings.ACCOUNTS_DEMO_USERS = False
    _seed(django_capture_on_commit_callbacks)
    assert not Lpa.objects.exists()
