"""Issue #22 point 12 in every service: an address Notify would refuse gets a GOV.UK error
on its own field where it is typed (a money claim's party, an LPA person, the citizen an
agent records), not when the letter is sent."""

import pytest
from django import forms

from digital_services.notifications.addresses import address_fields_check


class AddressForm(forms.Form):
    line_1 = forms.CharField(label="Address line 1")
    line_2 = forms.CharField(label="Address line 2 (optional)", required=False)
    town = forms.CharField(label="Town or city")

    def clean(self):
        data = super().clean()
        address_fields_check(self, data, ["line_1", "line_2", "town"])
        return data


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"line_1": "=1 High St", "town": "Leeds"}, "line_1", "Address line 1 cannot start with ="),
        (
            {"line_1": "1 High St", "line_2": "(rear)", "town": "Leeds"},
            "line_2",
            "Address line 2 cannot start with (",
        ),
        (
            {"line_1": "--", "town": "Leeds"},
            "line_1",
            "Address line 1 must include letters or numbers",
        ),
        ({"line_1": "1 High St", "town": "/Leeds"}, "town", "Town or city cannot start with /"),
    ],
)
def test_an_address_notify_would_refuse_is_an_error_on_its_field(data, field, message):
    form = AddressForm(data)
    assert not form.is_valid()
    assert form.errors[field][0].startswith(message)


def test_a_good_address_passes():
    assert AddressForm({"line_1": "1 High St", "town": "Leeds"}).is_valid()


@pytest.mark.parametrize(
    "module",
    ["civil_claims.journeys.parties", "lasting_power.forms.common", "assisted_digital.forms"],
)
def test_every_form_where_an_address_is_typed_checks_it(module):
    import importlib
    import inspect

    assert "address_fields_check(" in inspect.getsource(importlib.import_module(module))
