"""The error summary links each error to an element that exists on the page."""

import re

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout
from django import forms
from django.template import Context, Template


class ExampleForm(forms.Form):
    name = forms.CharField(label="Full name", error_messages={"required": "Enter your full name"})
    colour = forms.ChoiceField(
        label="Colour",
        choices=[("red", "Red"), ("blue", "Blue")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select a colour"},
    )
    pets = forms.MultipleChoiceField(
        label="Pets",
        choices=[("cat", "Cat"), ("dog", "Dog")],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select your pets"},
    )
    born = DateInputField(label="Date of birth", require_all_fields=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("name"), Field.radios("colour"), Field.checkboxes("pets"), Field("born")
        )


def _render(form):
    return Template(
        "{% load crispy_forms_tags crispy_forms_gds %}{% error_summary form %}{% crispy form %}"
    ).render(Context({"form": form}))


def test_every_error_summary_link_points_at_an_element_on_the_page():
    form = ExampleForm(data={"born_0": "31", "born_1": "2", "born_2": "2000"})
    assert not form.is_valid()
    html = _render(form)
    summary = html.split("<form", 1)[0]
    anchors = re.findall(r'href="#([^"]+)"', summary)
    assert {"id_name", "id_colour_1", "id_pets_1"} <= set(anchors)
    assert any(a.startswith("id_born_") for a in anchors)
    for anchor in anchors:
        assert f'id="{anchor}"' in html, anchor


def test_error_summary_uses_current_govuk_markup():
    html = _render(ExampleForm(data={}))
    assert 'class="govuk-error-summary" data-module="govuk-error-summary"' in html
    assert '<div role="alert">' in html
    assert "aria-labelledby" not in html.split("<form", 1)[0]


def test_no_error_summary_when_the_form_is_valid():
    form = ExampleForm(
        data={
            "name": "A",
            "colour": "red",
            "pets": ["cat"],
            "born_0": "1",
            "born_1": "2",
            "born_2": "2000",
        }
    )
    assert form.is_valid(), form.errors
    assert "govuk-error-summary" not in _render(form)
