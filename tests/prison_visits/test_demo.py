from io import StringIO

import pytest

from digital_services.accounts import demo as accounts_demo
from prison_visits import demo
from prison_visits.constants import VisitStatus
from prison_visits.models import Prison, PrisonStaffAssignment, Visit

pytestmark = pytest.mark.django_db


def test_the_demo_data_has_visits_in_every_state_and_can_be_loaded_twice(settings, frozen):
    settings.ACCOUNTS_DEMO_USERS = True
    accounts_demo.seed(stdout=StringIO())

    demo.seed(stdout=StringIO())
    counts = {status: Visit.objects.filter(status=status).count() for status in VisitStatus}
    demo.seed(stdout=StringIO())

    assert counts == {status: Visit.objects.filter(status=status).count() for status in VisitStatus}
    assert all(counts[status] >= 1 for status in VisitStatus), counts
    assert Prison.objects.count() == 6
    assert list(
        PrisonStaffAssignment.objects.filter(user__email=demo.CASEWORKER_EMAIL).values_list(
            "prison__slug", flat=True
        )
    ) == ["hmp-brixton"]
