"""The error summary's links, pointed at the element each error is about.

crispy-forms-gds gives radios and checkboxes the ids ``id_<name>_1``,
``id_<name>_2``… and date inputs ``<auto_id>_0``… (day, month, year); a link to
``#<auto_id>`` would go nowhere for those, so the summary links to the first
option or the first date part with an error, as the GOV.UK pattern asks.
"""

from django import forms, template

register = template.Library()

_MULTIPLE_CHOICE_WIDGETS = (forms.RadioSelect, forms.CheckboxSelectMultiple)


@register.filter
def error_summary_items(form):
    """(anchor id, message) pairs for every error of ``form``, in field order."""
    items = []
    visible = form.visible_fields()
    first_id = _anchor(visible[0]) if visible else ""
    for error in form.non_field_errors():
        items.append((first_id, error))
    for bound_field in visible:
        subfields = getattr(bound_field.field, "fields", None)
        if subfields:
            seen = []
            for index, subfield in enumerate(subfields):
                for error in getattr(subfield.widget, "errors", []):
                    items.append((f"{bound_field.auto_id}_{index}", error))
                    seen.append(error)
            for error in bound_field.errors:
                if error not in seen:
                    items.append((f"{bound_field.auto_id}_0", error))
            continue
        for error in bound_field.errors:
            items.append((_anchor(bound_field), error))
    return items


def _anchor(bound_field) -> str:
    if isinstance(bound_field.field.widget, _MULTIPLE_CHOICE_WIDGETS):
        return f"id_{bound_field.html_name}_1"
    if getattr(bound_field.field, "fields", None):
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id
