"""The journey engine's own small forms: add another, and asking for a resume link."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Size
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import form_helper


class AddAnotherForm(forms.Form):
    """ "Do you need to add another visitor?" under a list of items."""

    add_another = forms.ChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, item_name: str, has_items: bool, **kwargs):
        super().__init__(*args, **kwargs)
        an = str(item_name)[:1].lower() in "aeiou"
        if has_items:
            question = gettext("Do you need to add another %(item)s?")
        elif an:
            question = gettext("Do you need to add an %(item)s?")
        else:
            question = gettext("Do you need to add a %(item)s?")
        if an:
            required = gettext("Select yes if you need to add an %(item)s")
        else:
            required = gettext("Select yes if you need to add a %(item)s")
        field = self.fields["add_another"]
        field.label = question % {"item": item_name}
        field.error_messages["required"] = required % {"item": item_name}
        # Not inline: crispy-forms-gds 2.0.1 then drops the govuk-radios class.
        self.helper = form_helper(Field.radios("add_another", legend_size=Size.MEDIUM))


class ResumeRequestForm(forms.Form):
    """Where to send a link to come back to an application."""

    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We’ll send you a link to continue your application. It works once."),
        max_length=254,
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.label_size = Size.MEDIUM
