"""``{% load money %}`` then ``{{ fee_pence|pence }}``: "£230.00" (see ``core.money``).

Nothing (None or "") shows as nothing; add ``|default:"–"`` where a table needs a mark.
"""

from django import template

from digital_services.core.money import pence_format

register = template.Library()


@register.filter
def pence(value) -> str:
    """Pence as pounds and pence: 23000 → "£230.00", 125000 → "£1,250.00"."""
    return pence_format(value)
