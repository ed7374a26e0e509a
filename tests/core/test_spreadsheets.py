"""The one csv_safe: a cell a spreadsheet shows as text; amounts can stay numbers."""

import pytest

from digital_services.core.spreadsheets import csv_safe


@pytest.mark.parametrize(
    ("value", "numbers", "expected"),
    [
        ('=HYPERLINK("x")', False, '\'=HYPERLINK("x")'),
        ("-12.50", False, "'-12.50"),
        ("-12.50", True, "-12.50"),
        ("-1+1", True, "'-1+1"),
        ("@SUM(A1)", True, "'@SUM(A1)"),
        (None, True, ""),
        (250, False, "250"),
    ],
)
def test_csv_safe(value, numbers, expected):
    assert csv_safe(value, numbers=numbers) == expected
