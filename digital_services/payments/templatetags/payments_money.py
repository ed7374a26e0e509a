from django import template

register = template.Library()


@register.filter
def pounds(pence) -> str:
    """16000 -> "£160.00": money is pence everywhere and pounds only on the page."""
    if pence is None or pence == "":
        return ""
    return f"£{int(pence) / 100:,.2f}"
