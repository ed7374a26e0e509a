from io import StringIO

import pytest

from civil_claims import bench
from civil_claims.models import Claim
from tests.accounts.factories import StaffUserFactory
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_the_bench_data_loads_and_its_pages_render_in_few_queries(
    client, django_assert_max_num_queries
):
    bench.seed(scale=0.005, stdout=StringIO())
    bench.seed(scale=0.005, stdout=StringIO())  # topping up adds nothing

    assert Claim.objects.count() == 1000
    assert Claim.objects.filter(status="hwf_pending").count() == 50
    admin = StaffUserFactory(is_superuser=True)
    sign_in(client, admin, second_factor=True)
    for page in bench.PAGES:
        with django_assert_max_num_queries(25):
            assert client.get(page["path"]()).status_code == 200, page["name"]
