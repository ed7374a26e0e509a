"""The issue fee bands: every edge, the 5% rounding, the top band and dated rows."""

import datetime as dt

import pytest

from civil_claims.fees import FeeNotFound, fee_changed, issue_fee_for, issue_fee_quote
from civil_claims.models import IssueFeeBand

pytestmark = pytest.mark.django_db

ON = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("amount_pence", "fee_pence"),
    [
        (1, 3500),
        (30000, 3500),  # £300.00
        (30001, 5000),  # £300.01
        (50000, 5000),
        (50001, 7000),
        (100000, 7000),
        (100001, 8000),
        (150000, 8000),
        (150001, 11500),
        (300000, 11500),
        (300001, 20500),
        (500000, 20500),
        (500001, 45500),
        (1000000, 45500),  # £10,000.00
        (1000001, 50000),  # £10,000.01: 5% is 50000.05p, rounded down
        (1234567, 61728),  # 61728.35p rounded down
        (1234579, 61728),  # 61728.95p: still down, never up
        (20000000, 1000000),  # £200,000.00: 5%
        (20000001, 1000000),  # over £200,000: the fixed £10,000
        (99999999, 1000000),
    ],
)
def test_issue_fee_at_every_band_edge(amount_pence, fee_pence):
    assert issue_fee_for(amount_pence, on=ON) == fee_pence


def test_percentage_band_explains_the_rounding():
    quote = issue_fee_quote(1234579, on=ON)
    assert quote.percent_basis_points == 500
    assert quote.code == "FEE0209"
    assert quote.explanation.startswith("£617.28: 5% of £12,345.79, rounded down")


def test_fee_before_the_table_starts_is_not_found():
    with pytest.raises(FeeNotFound):
        issue_fee_for(10000, on=dt.date(2020, 1, 1))


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "100"])
def test_amount_must_be_whole_positive_pence(bad):
    with pytest.raises(ValueError):
        issue_fee_for(bad, on=ON)


def test_a_later_band_applies_only_from_its_date():
    IssueFeeBand.objects.filter(lower_pence=1).update(valid_to=dt.date(2027, 3, 31))
    IssueFeeBand.objects.create(
        valid_from=dt.date(2027, 4, 1), lower_pence=1, upper_pence=30000, fee_pence=3700
    )
    assert issue_fee_for(20000, on=dt.date(2027, 3, 31)) == 3500
    assert issue_fee_for(20000, on=dt.date(2027, 4, 1)) == 3700


def test_fee_changed_when_interest_moves_the_claim_into_the_next_band():
    assert fee_changed(quoted_pence=3500, amount_pence=30001, on=ON)
    assert not fee_changed(quoted_pence=3500, amount_pence=30000, on=ON)


def test_overlapping_band_is_refused_in_clean():
    band = IssueFeeBand(valid_from=ON, lower_pence=29000, upper_pence=31000, fee_pence=1)
    with pytest.raises(Exception, match="overlaps"):
        band.clean()
