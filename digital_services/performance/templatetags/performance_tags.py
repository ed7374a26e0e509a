from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from digital_services.core.registry import service_for_namespace

register = template.Library()


@register.simple_tag(takes_context=True)
def feedback_link_url(context, service="", journey=""):
    """The feedback page's URL for the end of a journey, back-linked to this page.

    ``service`` defaults to the service whose URL namespace the page is in.
    """
    request = context.get("request")
    path = request.path if request else ""
    if not service and request is not None:
        match = getattr(request, "resolver_match", None)
        found = service_for_namespace(match.namespaces[0]) if match and match.namespaces else None
        service = found.slug if found else ""
    params = {key: value for key, value in (("service", service), ("journey", journey)) if value}
    if path:
        params["from"] = path
    url = reverse("performance:feedback")
    return f"{url}?{urlencode(params)}" if params else url


@register.filter
def service_slug(app_label: str) -> str:
    """The registered service slug of an app (``tribunal_fees`` -> ``tribunal-fees``), or ""."""
    found = service_for_namespace(app_label or "")
    return found.slug if found else ""


#: Shown instead of a figure that has nothing to divide by (not "0%").
NO_FIGURE = "–"


@register.filter
def kpi_percent(value):
    """A percentage to one decimal place ("66.7%"), or "–" when there is none."""
    if value is None:
        return NO_FIGURE
    return f"{Decimal(value).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"
