import datetime as dt
import json
import uuid
from decimal import Decimal

import pytest
from crispy_forms_gds.fields import DateInputField
from django import forms

from digital_services.journeys.codec import (
    answer_decode,
    answer_encode,
    form_data_for,
    json_decode,
    json_encode,
)

from .example import AmountForm, DateOfBirthForm


def test_json_round_trip_keeps_dates_datetimes_decimals_and_uuids():
    value = {
        "day": dt.date(2026, 3, 5),
        "when": dt.datetime(2026, 3, 5, 14, 30, tzinfo=dt.UTC),
        "at": dt.time(9, 15),
        "rate": Decimal("12.50"),
        "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "pence": 1250,
        "names": ["Ann", "Bo"],
        "nothing": None,
        "yes": True,
    }
    stored = json.loads(json.dumps(json_encode(value)))
    assert json_decode(stored) == value
    assert stored["day"] == {"$date": "2026-03-05"}
    assert stored["rate"] == {"$decimal": "12.50"}


def test_json_encode_refuses_a_type_it_cannot_store():
    with pytest.raises(TypeError):
        json_encode({"x": object()})


@pytest.mark.django_db
def test_a_model_row_is_stored_by_primary_key_and_fetched_again(citizen):
    stored = json.loads(json.dumps(json_encode({"who": citizen})))
    assert stored == {"who": {"$model": "accounts.user", "pk": citizen.pk}}
    assert json_decode(stored) == {"who": citizen}


@pytest.mark.django_db
def test_a_deleted_model_row_decodes_to_none(citizen):
    stored = json_encode({"who": citizen})
    citizen.delete()
    assert json_decode(stored) == {"who": None}


def test_a_date_answer_goes_back_into_the_day_month_year_boxes():
    form = DateOfBirthForm()
    data = form_data_for(form, {"date_of_birth": dt.date(1980, 8, 13)})
    assert data.dict() == {
        "date_of_birth_0": "13",
        "date_of_birth_1": "8",
        "date_of_birth_2": "1980",
    }
    bound = DateOfBirthForm(data=data)
    assert bound.is_valid()
    assert bound.cleaned_data["date_of_birth"] == dt.date(1980, 8, 13)


def test_money_and_decimals_round_trip_through_storage_and_the_form():
    form = AmountForm(data={"amount": "£1,250.50", "interest_rate": "8.25"})
    assert form.is_valid()
    assert form.cleaned_data["amount"] == 125050
    stored = json.loads(json.dumps(answer_encode(AmountForm, form.cleaned_data)))
    assert stored == {"amount": 125050, "interest_rate": {"$decimal": "8.25"}}
    values = answer_decode(AmountForm, stored)
    again = AmountForm(data=form_data_for(AmountForm(), values))
    assert again.is_valid()
    assert again.cleaned_data == {"amount": 125050, "interest_rate": Decimal("8.25")}


class ChoicesForm(forms.Form):
    colours = forms.MultipleChoiceField(
        choices=[("red", "Red"), ("blue", "Blue")], widget=forms.CheckboxSelectMultiple
    )
    size = forms.TypedChoiceField(choices=[(1, "Small"), (2, "Large")], coerce=int)
    agree = forms.BooleanField(required=False)
    when = DateInputField(required=False)


def test_choices_checkboxes_and_booleans_round_trip_through_the_form():
    values = {"colours": ["red", "blue"], "size": 2, "agree": True, "when": None}
    form = ChoicesForm(data=form_data_for(ChoicesForm(), json_decode(json_encode(values))))
    assert form.is_valid(), form.errors
    assert form.cleaned_data == values


class OwnCodecForm(forms.Form):
    code = forms.CharField()

    @staticmethod
    def to_json(cleaned_data):
        return {"c": cleaned_data["code"].upper()}

    @staticmethod
    def from_json(data):
        return {"code": data["c"].lower()}


def test_a_form_can_define_its_own_storage_format():
    assert answer_encode(OwnCodecForm, {"code": "ab"}) == {"c": "AB"}
    assert answer_decode(OwnCodecForm, {"c": "AB"}) == {"code": "ab"}
