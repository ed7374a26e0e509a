from io import StringIO

import pytest

from lasting_power import bench
from lasting_power.constants import LpaStatus
from lasting_power.models import Lpa
from tests.accounts.factories import StaffUserFactory
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_the_bench_data_loads_and_its_pages_render_in_few_queries(
    client, django_user_model, django_assert_max_num_queries
):
    bench.seed(scale=0.005, stdout=StringIO())
    bench.seed(scale=0.005, stdout=StringIO())  # topping up adds nothing

    assert Lpa.objects.count() == 1000
    own = Lpa.objects.get(user__email=bench.CITIZEN_EMAIL)
    assert own.donor_name and own.answers  # answered through the forms
    assert Lpa.objects.filter(status=LpaStatus.COMPLETED).count() == 333
    citizen = django_user_model.objects.get(email=bench.CITIZEN_EMAIL)
    staff = StaffUserFactory(is_superuser=True)
    for page in bench.PAGES:
        sign_in(client, staff if page["who"] == "staff" else citizen, second_factor=True)
        with django_assert_max_num_queries(25):
            assert client.get(page["path"]()).status_code == 200, page["name"]
