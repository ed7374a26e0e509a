"""Money: the one place pence become pounds on a page, and pounds typed become pence.

Every amount is stored and passed around as an integer number of pence. It is turned
into "£1,250.00" only at the edge (pages, emails, letters, admin, exports), by
``pence_format`` or the ``pence`` template filter (``{% load money %}``), and what a user
types is parsed back to pence by ``PenceField``. No float ever touches money: the
arithmetic is on integers, and a ``Decimal`` (an average cost of a transaction, say) is
rounded half up to a whole penny first.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError

_TYPED_POUNDS = re.compile(r"^\d+(\.\d{1,2})?$")


def _pence_whole(value: int | Decimal | str) -> int:
    """``value`` as a whole number of pence: a ``Decimal`` is rounded half up (away from 0).

    Raises ``ValueError`` for anything that is not a number of pence (a float included:
    it should never have been one).
    """
    if isinstance(value, bool | float):
        raise ValueError(f"Not an amount in pence: {value!r}")
    if isinstance(value, int):
        return value
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise ValueError(f"Not an amount in pence: {value!r}") from exc
    if not number.is_finite():
        raise ValueError(f"Not an amount in pence: {value!r}")
    return int(number.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def pence_format(pence: int | Decimal | str | None, *, plain: bool = False) -> str:
    """An amount in pence as people read it: 23000 → "£230.00", 125000 → "£1,250.00",
    -550 → "-£5.50"; None → "".

    ``plain=True`` gives the figure for a spreadsheet column: no £ sign and no thousands
    separators (125000 → "1250.00", -550 → "-5.50").
    """
    if pence is None or pence == "":
        return ""
    whole = _pence_whole(pence)
    pounds, pennies = divmod(abs(whole), 100)
    sign = "-" if whole < 0 else ""
    if plain:
        return f"{sign}{pounds}.{pennies:02d}"
    return f"{sign}£{pounds:,}.{pennies:02d}"


class PenceField(forms.CharField):
    """An amount typed in pounds ("£1,250.50", "12") and cleaned to an ``int`` of pence.

    Error messages follow the GOV.UK pattern and can be replaced per form with
    ``error_messages``; the limits in them are shown with ``pence_format``.
    """

    default_error_messages = {
        "required": "Enter an amount",
        "invalid": "Enter an amount in pounds and pence, like 12.50",
        "min_value": "The amount must be at least %(limit)s",
        "max_value": "The amount must be %(limit)s or less",
    }

    def __init__(self, *, min_pence: int | None = 0, max_pence: int | None = None, **kwargs):
        self.min_pence = min_pence
        self.max_pence = max_pence
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")
        self.widget.attrs.setdefault("spellcheck", "false")
        self.widget.attrs.setdefault("class", "govuk-input govuk-input--width-10")

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        cleaned = text.strip().replace(",", "").replace(" ", "").removeprefix("£")
        if not _TYPED_POUNDS.match(cleaned):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return int((Decimal(cleaned) * 100).to_integral_exact())
        except InvalidOperation as exc:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from exc

    def validate(self, value):
        if value in self.empty_values and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        if value is None:
            return
        if self.min_pence is not None and value < self.min_pence:
            raise ValidationError(
                self.error_messages["min_value"],
                code="min_value",
                params={"limit": pence_format(self.min_pence)},
            )
        if self.max_pence is not None and value > self.max_pence:
            raise ValidationError(
                self.error_messages["max_value"],
                code="max_value",
                params={"limit": pence_format(self.max_pence)},
            )

    def run_validators(self, value):
        # CharField's max_length validators apply to the text, not to pence.
        return None

    def prepare_value(self, value):
        # Shown back in the input as the user would type it: "1250.00", not "£1,250.00".
        if isinstance(value, int) and not isinstance(value, bool):
            return pence_format(value, plain=True)
        return value


#: The most a ``PositiveIntegerField`` of pence can hold (£21,474,836.47).
PENCE_FIELD_MAX = 2_147_483_647


def pence_admin_column(field_name: str, description: str):
    """A ModelAdmin column or read-only field showing ``<field_name>`` as "£230.00".

    Assign it on the admin class (``interest = pence_admin_column("interest_pence",
    "Interest")``) and list ``"interest"`` in ``list_display`` or ``readonly_fields``, so
    staff never see a raw number of pence or a label that says "pence". Nothing shows "–".
    """

    def column(model_admin, obj) -> str:
        return pence_format(getattr(obj, field_name)) or "–"

    column.short_description = description
    column.admin_order_field = field_name
    column.__name__ = field_name.removesuffix("_pence")
    return column


class PenceAdminMixin:
    """ModelAdmin / InlineModelAdmin mixin: every editable ``*_pence`` model field is typed in
    pounds (a ``PenceField``), and its label loses the word "pence"."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name.endswith("_pence") and db_field.get_internal_type() in (
            "IntegerField",
            "PositiveIntegerField",
            "BigIntegerField",
            "PositiveBigIntegerField",
        ):
            label = re.sub(r"\s*\(?\bpence\b\)?", "", str(db_field.verbose_name)).strip()
            return PenceField(
                label=label[:1].upper() + label[1:],
                required=not db_field.blank,
                max_pence=PENCE_FIELD_MAX,
                help_text=db_field.help_text,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)
