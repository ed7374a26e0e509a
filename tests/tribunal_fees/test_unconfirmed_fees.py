"""Issue #19: figures that could not be confirmed from a primary source are not in the fee
schedule (docs/fees.md, "Figures left out, and why"), and the pay journey takes no payment
for them: the Property Chamber hearing fee on any date, and the application fee from
8 April 2025."""

import datetime as dt

import pytest
from django.urls import reverse

from tribunal_fees.fees import FeeNotFound, fee_lookup
from tribunal_fees.models import FeeSchedule

from .test_tribunals import PC_LAST_CONFIRMED, PC_START, _date, answer, step_url

pytestmark = pytest.mark.django_db


def test_no_property_chamber_hearing_fee_is_seeded():
    assert not FeeSchedule.objects.filter(jurisdiction="PC", kind="pc_hearing").exists()
    for day in (PC_START, PC_LAST_CONFIRMED, dt.date(2026, 12, 5)):
        with pytest.raises(FeeNotFound):
            fee_lookup(jurisdiction="PC", kind="pc_hearing", on_date=day)


@pytest.mark.parametrize("day", [dt.date(2020, 6, 1), dt.date(2026, 11, 20)])
def test_a_property_chamber_hearing_fee_is_not_taken_on_any_date(client, day):
    answer(client, "tribunal", {"tribunal": "PC"})
    answer(client, "current-fee", {"kind": "pc_hearing"})
    assert answer(client, "date", _date(day)) == step_url("fee")
    body = client.get(step_url("fee")).content.decode()
    assert "<title>You cannot pay this fee here" in body
    assert "Contact the tribunal" in body
    assert 'name="next_step"' not in body


@pytest.mark.parametrize(
    ("day", "payable"),
    [(PC_LAST_CONFIRMED, True), (PC_LAST_CONFIRMED + dt.timedelta(days=1), False)],
)
def test_the_property_application_fee_is_taken_only_up_to_7_april_2025(client, day, payable):
    answer(client, "tribunal", {"tribunal": "PC"})
    answer(client, "current-fee", {"kind": "pc_application"})
    answer(client, "date", _date(day))
    body = client.get(step_url("fee")).content.decode()
    assert ("Your fee is £100.00" in body) is payable
    assert ("You cannot pay this fee here" in body) is not payable


def test_the_fees_page_of_the_docs_lists_what_is_missing():
    from pathlib import Path

    from django.conf import settings

    text = (Path(settings.BASE_DIR) / "docs" / "fees.md").read_text()
    for needed in (
        "Property Chamber hearing fee",
        "Property Chamber application fee from 8 April 2025",
        "give **no figure at all**",
    ):
        assert needed in text, needed
    assert reverse("tribunal_fees:start")  # the service these figures are for is installed
