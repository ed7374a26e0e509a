"""Every limit of the notes' section 2, on the forms the pages use: names, titles,
addresses, dates of birth, free text, company names, case numbers, people to notify."""

import datetime as dt

import pytest
import time_machine

from lasting_power.forms import (
    AttorneyForm,
    CertificateProviderForm,
    CorrespondentForm,
    DonorForm,
    HowDecideForm,
    InstructionsForm,
    NotifyForm,
    RegisteringForm,
    RepeatForm,
    StepInForm,
    TrustCorporationForm,
)

from .factories import date_data, donor_data, person_data, provider_data

TODAY = dt.date(2026, 6, 1)
pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture
def frozen():
    with time_machine.travel(dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC), tick=False):
        yield


def _errors(form_class, data, **kwargs):
    form = form_class(data=data, **kwargs)
    form.is_valid()
    return form.errors


@pytest.mark.parametrize(
    ("form_class", "data", "field", "limit"),
    [
        (DonorForm, donor_data(), "first_name", 53),
        (DonorForm, donor_data(), "last_name", 61),
        (DonorForm, donor_data(), "other_names", 50),
        (AttorneyForm, person_data("A", "B"), "first_name", 50),
        (AttorneyForm, person_data("A", "B"), "last_name", 50),
        (CertificateProviderForm, provider_data(), "first_name", 50),
        (CertificateProviderForm, provider_data(), "last_name", 50),
        (NotifyForm, person_data("A", "B", born=None), "last_name", 50),
        (AttorneyForm, person_data("A", "B"), "address_line_1", 50),
        (AttorneyForm, person_data("A", "B"), "address_line_2", 50),
        (AttorneyForm, person_data("A", "B"), "address_line_3", 50),
        (AttorneyForm, person_data("A", "B"), "postcode", 8),
        (CorrespondentForm, {"who": "other", "in_welsh": "no", "first_name": "C"}, "last_name", 61),
        (CorrespondentForm, {"who": "other", "in_welsh": "no"}, "company", 75),
    ],
)
def test_each_field_takes_its_limit_and_not_one_more(form_class, data, field, limit):
    assert field not in _errors(form_class, {**data, field: "x" * limit})
    errors = _errors(form_class, {**data, field: "x" * (limit + 1)})
    assert errors[field] == [
        f"{form_class().fields[field].label.removesuffix(' (optional)')} must be {limit} "
        "characters or fewer"
    ]


def test_title_other_is_one_to_five_characters():
    data = person_data("A", "B", title="other")
    assert _errors(AttorneyForm, {**data, "title_other": ""})["title_other"] == ["Enter the title"]
    assert "title_other" not in _errors(AttorneyForm, {**data, "title_other": "Rev"})
    assert "title_other" in _errors(AttorneyForm, {**data, "title_other": "Revvvd"})


def test_prefer_not_to_say_keeps_no_title():
    form = AttorneyForm(data=person_data("A", "B", title="none"))
    assert form.is_valid()
    assert form.title_value(form.cleaned_data) == ""


def test_an_address_needs_line_two_or_a_postcode():
    data = person_data("A", "B", postcode="")
    assert _errors(AttorneyForm, data)["postcode"] == [
        "Enter the attorney's postcode or the second line of the address"
    ]
    assert "postcode" not in _errors(AttorneyForm, {**data, "address_line_2": "Flat 2"})


def test_a_postcode_has_no_format_rule():
    assert "postcode" not in _errors(AttorneyForm, person_data("A", "B", postcode="BFPO 1"))


def test_first_address_line_is_required():
    assert "address_line_1" in _errors(AttorneyForm, person_data("A", "B", address_line_1=""))


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("", "", ""), "Enter the attorney's date of birth"),
        (("12", "", "1980"), "The attorney's date of birth must include a month"),
        (("31", "2", "1980"), "The attorney's date of birth must be a real date"),
        (("1", "1", "80"), "Year must include 4 numbers"),
        (("2", "6", "2026"), "The attorney's date of birth must be today or in the past"),
    ],
)
def test_dates_of_birth_must_be_whole_real_and_not_in_the_future(parts, message):
    data = person_data("A", "B", born=None)
    data.update(
        dict(zip(("date_of_birth_0", "date_of_birth_1", "date_of_birth_2"), parts, strict=True))
    )
    assert _errors(AttorneyForm, data)["date_of_birth"] == [message]


def test_leading_zeros_in_a_date_of_birth_are_fine():
    data = {
        **person_data("A", "B", born=None),
        **{"date_of_birth_0": "01", "date_of_birth_1": "02", "date_of_birth_2": "1970"},
    }
    assert "date_of_birth" not in _errors(AttorneyForm, data)


def test_a_donor_under_18_is_refused_but_18_today_is_fine():
    under = donor_data(**date_data("date_of_birth", dt.date(2008, 6, 2)))
    assert _errors(DonorForm, under)["date_of_birth"] == [
        "The donor must be 18 or over to make a lasting power of attorney"
    ]
    assert "date_of_birth" not in _errors(
        DonorForm, donor_data(**date_data("date_of_birth", dt.date(2008, 6, 1)))
    )


def test_an_attorney_under_18_is_not_refused_by_the_form():
    """Only a warning (interruption page): they must be 18 when the donor signs."""
    data = person_data("A", "B", born=dt.date(2010, 1, 1))
    assert "date_of_birth" not in _errors(AttorneyForm, data)


def test_email_is_checked_and_lowercased():
    form = AttorneyForm(data=person_data("A", "B", email="Ann@Example.COM"))
    assert form.is_valid() and form.cleaned_data["email"] == "ann@example.com"
    assert "email" in _errors(AttorneyForm, person_data("A", "B", email="not an email"))


@pytest.mark.parametrize("field", ["preferences", "instructions"])
def test_preferences_and_instructions_limits(field):
    label = field.capitalize()
    assert _errors(InstructionsForm, {field: "a " * 5000}) == {}
    assert _errors(InstructionsForm, {field: "a" * 10_001})[field] == [
        f"{label} must be 10,000 characters or fewer"
    ]
    assert _errors(InstructionsForm, {field: "x" * 85}) == {}
    assert _errors(InstructionsForm, {field: "word " + "x" * 86})[field] == [
        f"{label} must not include a word longer than 85 characters"
    ]
    for link in ("see http://example.com", "see HTTPS://example.com"):
        assert _errors(InstructionsForm, {field: link})[field] == [
            f"{label} must not include links (http:// or https://)"
        ]


def test_preferences_and_instructions_may_both_be_empty():
    form = InstructionsForm(data={"preferences": "", "instructions": ""})
    assert form.is_valid()


def test_trust_corporation_name_and_number_up_to_75():
    data = {
        "wanted": "yes",
        "name": "T" * 75,
        "company_number": "1" * 75,
        "address_line_1": "1 Road",
        "postcode": "BS1 1AA",
    }
    assert _errors(TrustCorporationForm, data) == {}
    assert "name" in _errors(TrustCorporationForm, {**data, "name": "T" * 76})
    assert "company_number" in _errors(TrustCorporationForm, {**data, "company_number": "1" * 76})
    assert _errors(TrustCorporationForm, {"wanted": "yes"})["name"] == ["Enter the company name"]
    assert _errors(TrustCorporationForm, {"wanted": "no"}) == {}


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("700000000001", "700000000001"),
        ("7000 0000 0001", "700000000001"),
        ("7000-0000-0001", "700000000001"),
    ],
)
def test_repeat_case_number_strips_spaces_and_dashes(typed, stored):
    form = RepeatForm(data={"repeat": "yes", "case_number": typed})
    assert form.is_valid() and form.cleaned_data["case_number"] == stored


@pytest.mark.parametrize("typed", ["70000000001", "7000000000012", "7000 0000 000A", ""])
def test_repeat_case_number_must_be_12_digits(typed):
    errors = _errors(RepeatForm, {"repeat": "yes", "case_number": typed})
    assert "case_number" in errors


def test_no_repeat_keeps_no_case_number():
    form = RepeatForm(data={"repeat": "no", "case_number": "123"})
    assert form.is_valid() and form.cleaned_data["case_number"] == ""


@pytest.mark.parametrize("form_class", [HowDecideForm])
def test_depends_needs_the_decisions_described(form_class):
    assert _errors(form_class, {"how": "depends"})["how_details"] == [
        "Enter which decisions must be made jointly"
    ]
    form = form_class(data={"how": "jointly", "how_details": "left over"})
    assert form.is_valid() and form.cleaned_data["how_details"] == ""


def test_step_in_some_other_way_needs_details():
    assert "when_details" in _errors(StepInForm, {"when": "depends"})
    assert _errors(StepInForm, {"when": "last"}) == {}


@pytest.mark.parametrize("cannot_be", [["family"], ["attorney"], ["care-home", "trust"]])
def test_a_certificate_provider_who_cannot_be_one_is_refused(cannot_be):
    errors = _errors(CertificateProviderForm, provider_data(cannot_be=cannot_be))
    assert errors["cannot_be"] == [
        "This person cannot be the certificate provider. Choose someone else"
    ]


def test_a_certificate_provider_known_for_less_than_2_years_is_refused():
    errors = _errors(CertificateProviderForm, provider_data(relationship="personally-short"))
    assert "2 years or more" in errors["relationship"][0]


def test_registering_jointly_means_every_attorney_registers():
    choices = [("1", "A"), ("2", "B")]
    form = RegisteringForm(data={"who": "attorneys"}, attorneys=choices, all_must_apply=True)
    assert form.is_valid() and form.cleaned_data["attorneys"] == ["1", "2"]
    loose = RegisteringForm(data={"who": "attorneys"}, attorneys=choices, all_must_apply=False)
    assert loose.errors["attorneys"] == ["Select the attorneys who are registering the LPA"]
    some = RegisteringForm(data={"who": "attorneys", "attorneys": ["2"]}, attorneys=choices)
    assert some.is_valid() and some.cleaned_data["attorneys"] == ["2"]


def test_the_correspondent_needs_a_name_or_a_company():
    errors = _errors(CorrespondentForm, {"who": "other", "in_welsh": "no"})
    assert errors["first_name"] == ["Enter their first and last names, or a company"]
    assert (
        _errors(CorrespondentForm, {"who": "other", "in_welsh": "yes", "company": "Law Ltd"}) == {}
    )
    assert "attorney" in _errors(CorrespondentForm, {"who": "attorney", "in_welsh": "no"})
