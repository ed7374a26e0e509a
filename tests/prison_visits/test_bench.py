from io import StringIO

import pytest

from prison_visits import bench
from prison_visits.models import Visit
from tests.accounts.factories import StaffUserFactory
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_the_bench_data_loads_and_its_pages_render_in_few_queries(
    client, frozen, django_assert_max_num_queries
):
    bench.seed(scale=0.005, stdout=StringIO())
    bench.seed(scale=0.005, stdout=StringIO())  # topping up adds nothing

    assert Visit.objects.count() == 1000
    admin = StaffUserFactory(is_superuser=True)
    sign_in(client, admin, second_factor=True)
    for page in bench.PAGES:
        with django_assert_max_num_queries(25):
            assert client.get(page["path"]()).status_code == 200, page["name"]


def test_no_bench_visit_is_for_a_demo_prisoner():
    """Bench visits count against their prisoner's allowance at every prison: one for a demo
    prisoner could leave the booking journey's example no time to choose at 200,000 visits."""
    from prison_visits.demo import REGISTERS

    demo = {number for rows in REGISTERS.values() for number, *_ in rows}
    demo |= {"A1234BC", "A2345CD", "A3456DE", "C1234AB", "L1234AB"}  # the demo's visits too
    assert not demo & {bench.prisoner_number(n) for n in range(200_000)}
