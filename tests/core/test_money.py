"""Money: one formatting function, one filter, one parsing field (``digital_services.core.money``)."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.template import Context, Template

from digital_services.core.money import PenceField, pence_admin_column, pence_format

ROOT = Path(settings.BASE_DIR)


@pytest.mark.parametrize(
    ("pence", "shown"),
    [
        (0, "£0.00"),
        (1, "£0.01"),
        (99, "£0.99"),
        (100, "£1.00"),
        (23000, "£230.00"),
        (125000, "£1,250.00"),
        (123456, "£1,234.56"),
        (123456789, "£1,234,567.89"),
        (-1, "-£0.01"),
        (-550, "-£5.50"),
        (-123456, "-£1,234.56"),
    ],
)
def test_pence_format_shows_pounds_and_pence(pence, shown):
    assert pence_format(pence) == shown


@pytest.mark.parametrize(
    ("pence", "plain"),
    [(0, "0.00"), (1, "0.01"), (99, "0.99"), (123456, "1234.56"), (-550, "-5.50")],
)
def test_pence_format_plain_is_a_spreadsheet_figure(pence, plain):
    assert pence_format(pence, plain=True) == plain


@pytest.mark.parametrize(
    ("pence", "shown"),
    [
        (Decimal("1072.5"), "£10.73"),  # half a penny rounds up
        (Decimal("1072.49"), "£10.72"),
        (Decimal("-1072.5"), "-£10.73"),  # and away from nothing when negative
        ("23000", "£230.00"),
    ],
)
def test_pence_format_rounds_a_fraction_of_a_penny_half_up(pence, shown):
    assert pence_format(pence) == shown


def test_pence_format_shows_nothing_for_no_amount():
    assert pence_format(None) == ""
    assert pence_format("") == ""


@pytest.mark.parametrize("not_pence", [1.5, True, "twelve", "NaN"])
def test_pence_format_refuses_what_is_not_pence(not_pence):
    with pytest.raises(ValueError):
        pence_format(not_pence)


def test_the_pence_filter_formats_in_templates():
    template = Template('{% load money %}{{ a|pence }}|{{ b|pence }}|{{ c|pence|default:"–" }}')
    assert template.render(Context({"a": 125000, "b": 1, "c": None})) == "£1,250.00|£0.01|–"


@pytest.mark.parametrize(
    ("typed", "pence"),
    [("12", 1200), ("12.5", 1250), ("£1,234.56", 123456), (" 0.01 ", 1), ("0", 0)],
)
def test_pence_field_reads_pounds_as_pence(typed, pence):
    assert PenceField().clean(typed) == pence


@pytest.mark.parametrize("typed", ["12.345", "twelve", "-5", "1e3", "£-5"])
def test_pence_field_rejects_what_is_not_an_amount(typed):
    with pytest.raises(forms.ValidationError) as error:
        PenceField().clean(typed)
    assert error.value.messages == ["Enter an amount in pounds and pence, like 12.50"]


def test_pence_field_enforces_its_limits_in_pounds():
    with pytest.raises(forms.ValidationError) as error:
        PenceField(max_pence=10000).clean("100.01")
    assert error.value.messages == ["The amount must be £100.00 or less"]
    with pytest.raises(forms.ValidationError) as error:
        PenceField(min_pence=1).clean("0")
    assert error.value.messages == ["The amount must be at least £0.01"]


def test_pence_field_shows_pence_back_as_typed_pounds():
    assert PenceField().prepare_value(125050) == "1250.50"
    assert PenceField().prepare_value("12.5") == "12.5"


def test_an_admin_pence_column_shows_pounds_and_no_pence_label():
    class Row:
        part_payment_pence = 5000

    column = pence_admin_column("part_payment_pence", "Part payment")
    assert column(None, Row()) == "£50.00"
    Row.part_payment_pence = None
    assert column(None, Row()) == "–"
    assert column.short_description == "Part payment"
    assert column.admin_order_field == "part_payment_pence"


# Nothing outside core formats pence itself.

_SOURCES = ("digital_services", "prison_visits", "tribunal_fees", "assisted_digital", "templates")
_CORE_MONEY = ROOT / "digital_services" / "core" / "money.py"
#: Ways money used to be turned into pounds by hand.
_HAND_FORMATTING = re.compile(
    r"(?<!/)/ ?100\b|divmod\(.*pence.*, ?100\)|:,?\.2f|\bdef _?pounds\b|"
    r"\bpence_as_pounds\b|payments_money|tribunal_fees_money|\|pounds\b|floatformat|"
    r"\{[^{}]*pence[^{}]*\}p\b"  # "23000p"
)


def _source_files():
    for top in _SOURCES:
        for path in (ROOT / top).rglob("*"):
            if path.suffix in {".py", ".html", ".txt"} and "migrations" not in path.parts:
                yield path


def test_the_old_money_tags_are_gone():
    assert not (ROOT / "digital_services/payments/templatetags/payments_money.py").exists()
    assert not (ROOT / "tribunal_fees/templatetags/tribunal_fees_money.py").exists()
    assert not (ROOT / "digital_services/journeys/fields.py").exists()


def test_no_module_or_template_outside_core_formats_pence_itself():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in _source_files()
        if path != _CORE_MONEY
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _HAND_FORMATTING.search(line)
    ]
    assert offenders == []


def test_no_model_field_label_says_pence():
    """Staff see field labels in the admin and in field history: amounts say pounds there,
    so no label names the unit the database stores."""
    from django.apps import apps

    labels = [
        f"{model._meta.label}.{field.name}: {field.verbose_name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if "pence" in str(getattr(field, "verbose_name", "")).lower()
    ]
    assert labels == []
