"""``{% retention_rows as rows %}``: the privacy notice's retention table, from the rules."""

from django import template

from digital_services.privacy.retention import retention_table

register = template.Library()


@register.simple_tag
def retention_rows():
    return retention_table()
