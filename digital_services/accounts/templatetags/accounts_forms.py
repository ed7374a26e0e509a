"""Renders any allauth form as GOV.UK fields, whether or not it has a FormHelper."""

from crispy_forms.utils import render_crispy_form
from crispy_forms_gds.helper import FormHelper
from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def govuk_fields(context, form):
    """The form's fields (no <form> tag, no buttons, no non-field errors: those go in the error summary)."""
    helper = getattr(form, "helper", None)
    if helper is None:
        for field in form.fields.values():
            field.widget.attrs.pop("placeholder", None)
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
    return render_crispy_form(form, helper=helper, context=context.flatten())


@register.filter
def duration_in_words(value) -> str:
    """A timedelta as "30 minutes", "1 hour" or "2 hours" (for the lockout page)."""
    minutes = int(value.total_seconds() // 60) if value else 0
    if minutes >= 60 and minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour" if hours == 1 else f"{hours} hours"
    return "1 minute" if minutes == 1 else f"{minutes} minutes"


@register.filter
def squash(value) -> str:
    """Collapse runs of whitespace (allauth's page titles come with line breaks)."""
    return " ".join(str(value).split())
