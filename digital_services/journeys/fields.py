"""Form fields that journeys need and Django does not have."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError

_MONEY = re.compile(r"^\d+(\.\d{1,2})?$")


def pence_format(pence: int) -> str:
    """'£1,234.50' for 123450 pence; whole pounds lose the pence ('£12')."""
    pounds, rest = divmod(abs(int(pence)), 100)
    sign = "-" if int(pence) < 0 else ""
    text = f"£{pounds:,}" if rest == 0 else f"£{pounds:,}.{rest:02d}"
    return sign + text


class PenceField(forms.CharField):
    """An amount typed in pounds ("£1,250.50", "12") and cleaned to an ``int`` of pence.

    Amounts are stored as pence so that no float ever touches money. Error messages
    follow the GOV.UK pattern and can be replaced per form with ``error_messages``.
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
        if not _MONEY.match(cleaned):
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
        if isinstance(value, int) and not isinstance(value, bool):
            pounds, rest = divmod(value, 100)
            return f"{pounds}.{rest:02d}"
        return value
