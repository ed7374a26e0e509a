from django import template

from ..receipts import pounds as _pounds

register = template.Library()


@register.filter
def pounds(pence) -> str:
    """16000 -> "£160.00", in whole-pence arithmetic (no floats)."""
    if pence is None or pence == "":
        return ""
    return _pounds(int(pence))
