"""Refund interest, bank details and references (pure functions)."""

import datetime as dt

import pytest

from digital_services.core.references import ALPHABET, reference_is_valid
from tribunal_fees.references import reference_random, refund_reference_for
from tribunal_fees.refunds import (
    account_number_valid,
    rate_display,
    refund_interest_pence,
    refund_month_in_scheme,
    sort_code_normalise,
    sort_code_valid,
)


@pytest.mark.parametrize(
    ("amount", "paid", "refunded", "interest"),
    [
        (25000, dt.date(2015, 3, 1), dt.date(2016, 3, 1), 125),  # 366 days: 125.34p → 125p
        (25000, dt.date(2014, 3, 1), dt.date(2015, 3, 1), 125),  # 365 days: exactly 125p
        (25000, dt.date(2015, 3, 1), dt.date(2015, 5, 13), 25),  # 73 days: exactly 25p
        (36500, dt.date(2015, 3, 1), dt.date(2015, 3, 2), 1),  # 0.5p rounds up
        (36499, dt.date(2015, 3, 1), dt.date(2015, 3, 2), 0),  # 0.49999p rounds down
        (100000, dt.date(2016, 1, 1), dt.date(2017, 1, 1), 501),  # leap year: 366/365
        (25000, dt.date(2015, 3, 1), dt.date(2015, 3, 1), 0),
        (25000, dt.date(2015, 3, 1), dt.date(2015, 2, 1), 0),
    ],
)
def test_refund_interest_is_simple_interest_rounded_half_up(amount, paid, refunded, interest):
    assert (
        refund_interest_pence(
            amount_pence=amount, paid_on=paid, refunded_on=refunded, rate_basis_points=50
        )
        == interest
    )


def test_refund_interest_follows_the_configured_rate():
    args = {
        "amount_pence": 100000,
        "paid_on": dt.date(2014, 1, 1),
        "refunded_on": dt.date(2015, 1, 1),
    }
    assert refund_interest_pence(rate_basis_points=50, **args) == 500
    assert refund_interest_pence(rate_basis_points=125, **args) == 1250
    assert rate_display(50) == "0.5%"
    assert rate_display(125) == "1.25%"
    assert rate_display(300) == "3%"


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("309430", True),
        ("30-94-30", True),
        ("30 94 30", True),
        ("30943", False),
        ("3094300", False),
        ("30-94-3a", False),
        ("", False),
    ],
)
def test_sort_code_must_be_six_digits(value, valid):
    assert sort_code_valid(value) is valid


def test_sort_code_normalise_takes_out_dashes_and_spaces():
    assert sort_code_normalise(" 30-94 30") == "309430"


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("00733445", True),
        ("0073 3445", True),
        ("0073344", False),
        ("007334455", False),
        ("0073344x", False),
    ],
)
def test_account_number_must_be_eight_digits(value, valid):
    assert account_number_valid(value) is valid


@pytest.mark.parametrize(
    ("month", "year", "ok"),
    [(6, 2013, False), (7, 2013, True), (8, 2017, True), (9, 2017, False)],
)
def test_refund_months_run_from_july_2013_to_august_2017(month, year, ok):
    assert refund_month_in_scheme(month=month, year=year) is ok


def test_refund_references_are_c_and_seven_digits_from_c1000001():
    assert refund_reference_for(1) == "C1000001"
    assert refund_reference_for(42) == "C1000042"


def test_random_references_avoid_look_alike_characters_and_retry_when_taken():
    seen = []

    def exists(ref):
        seen.append(ref)
        return len(seen) == 1  # the first draw is "taken"

    reference = reference_random("HWF", exists=exists)
    assert len(seen) == 2
    assert reference == seen[1]
    prefix, first, second = reference.split("-")
    assert prefix == "HWF" and len(first) == 3 and len(second) == 3
    # The platform's alphabet (core/references.py) and its check character last.
    assert set(first + second) <= set(ALPHABET)
    assert not set("ILOU") & set(ALPHABET)
    assert reference_is_valid(first + second)
