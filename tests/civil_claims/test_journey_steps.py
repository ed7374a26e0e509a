"""The money claim journey's questions through the test client: each step's GOV.UK errors
(with what was typed kept), the limits of each kind of party, the postcode checks, the
amount's rows and total against the online limit, and the Help with Fees reference."""

import re

import pytest
import time_machine

from .journey_answers import (
    CLAIMANT,
    DEFENDANT,
    add_items,
    answer,
    answer_amount,
    answer_parties,
    errors,
    step_url,
)

pytestmark = pytest.mark.django_db


def post(client, step: str, data: dict):
    response = client.post(step_url(step), data)
    assert response.status_code == 200, f"{step} accepted {data}"
    body = response.content.decode()
    assert "<title>Error: " in body
    assert 'class="govuk-error-summary"' in body
    return response


@pytest.mark.parametrize(
    ("step", "data", "message"),
    [
        ("claimant-type", {}, "Select who you are claiming as"),
        ("claimant-correspondence", {}, "Select yes if you want letters sent to a different"),
        ("contact", {}, "Select how we should contact you"),
        ("defendant-type", {}, "Select who you are claiming against"),
        ("defendant-correspondence", {}, "Select yes if you have a different address for them"),
        ("interest", {}, "Select whether you want to claim interest"),
        ("reason", {}, "Enter why you believe you are owed the money"),
        ("resolving", {}, "Select yes if you have tried to resolve the dispute"),
    ],
)
def test_step_sent_empty_says_what_to_do(client, step, data, message):
    if step in ("claimant-correspondence", "contact"):
        answer(client, "claimant-type", {"party_type": "individual"})
        answer(client, "claimant", CLAIMANT)
    if step == "contact":
        answer(client, "claimant-correspondence", {"different": "no"})
    if step == "defendant-correspondence":
        answer(client, "defendant-type", {"party_type": "company"})
        answer(
            client,
            "defendant",
            {
                "organisation_name": "Acme Ltd",
                **{k: DEFENDANT[k] for k in ("line_1", "town", "postcode")},
            },
        )
    if step == "resolving":
        answer(client, "reason", {"reason": "They did not pay."})
    response = post(client, step, data)
    assert message in errors(response).replace("&#x27;", "’")


def test_claimant_individual_needs_name_address_and_a_date_of_birth(client):
    answer(client, "claimant-type", {"party_type": "individual"})
    response = post(client, "claimant", {"first_name": "Sam", "town": "Leeds"})
    found = errors(response)
    for message in (
        "Enter your last name",
        "Enter your date of birth",
        "Enter the first line of your address",
        "Enter your postcode",
    ):
        assert message in found
    body = response.content.decode()
    assert 'value="Sam"' in body and 'value="Leeds"' in body  # nothing typed is lost


@time_machine.travel("2026-06-01 10:00:00+01:00", tick=False)
def test_claimant_under_18_cannot_go_on(client):
    answer(client, "claimant-type", {"party_type": "individual"})
    data = {**CLAIMANT, "date_of_birth_0": "2", "date_of_birth_1": "6", "date_of_birth_2": "2008"}
    response = post(client, "claimant", data)
    assert "You must be 18 or over to use this service" in errors(response)
    data["date_of_birth_0"] = "1"
    answer(client, "claimant", data)  # 18 today


@pytest.mark.parametrize(
    ("postcode", "message"),
    [("NOTAPOST", "Enter a real postcode"), ("12345", "Enter a real postcode")],
)
def test_claimant_postcode_must_be_a_uk_postcode(client, postcode, message):
    answer(client, "claimant-type", {"party_type": "individual"})
    response = post(client, "claimant", {**CLAIMANT, "postcode": postcode})
    assert message in errors(response)


@pytest.mark.parametrize("postcode", ["EH1 1AA", "G1 1AA", "BT1 1AA", "JE2 3AB"])
def test_defendant_postcode_must_be_in_england_or_wales(client, postcode):
    answer(client, "defendant-type", {"party_type": "individual"})
    response = post(client, "defendant", {**DEFENDANT, "postcode": postcode})
    assert "Enter a postcode in England or Wales" in errors(response)


def test_defendant_postcode_is_kept_tidy(client):
    answer(client, "defendant-type", {"party_type": "individual"})
    answer(client, "defendant", {**DEFENDANT, "postcode": "cf101aa"})
    response = client.get(step_url("defendant"))
    assert 'value="CF10 1AA"' in response.content.decode()


@pytest.mark.parametrize(
    ("party_type", "fields", "absent"),
    [
        ("individual", ["title", "first_name", "last_name"], ["date_of_birth_0", "trading_name"]),
        ("sole_trader", ["title", "first_name", "trading_name"], ["organisation_name"]),
        ("company", ["organisation_name", "contact_person", "companies_house_number"], ["title"]),
        ("organisation", ["organisation_name", "contact_person"], ["first_name"]),
    ],
)
def test_each_kind_of_defendant_has_its_own_fields(client, party_type, fields, absent):
    answer(client, "defendant-type", {"party_type": party_type})
    body = client.get(step_url("defendant")).content.decode()
    for name in fields:
        assert f'name="{name}"' in body
    for name in absent:
        assert f'name="{name}"' not in body


def test_company_number_and_name_limits(client):
    answer(client, "defendant-type", {"party_type": "company"})
    address = {k: DEFENDANT[k] for k in ("line_1", "town", "postcode")}
    response = post(
        client,
        "defendant",
        {"organisation_name": "A" * 256, "companies_house_number": "12AB", **address},
    )
    found = errors(response)
    assert "Company name must be 255 characters or fewer" in found
    assert "Enter a Companies House number of 8 characters" in found
    answer(
        client,
        "defendant",
        {"organisation_name": "Acme Ltd", "companies_house_number": "sc 123456", **address},
    )


def test_sole_trader_title_is_at_most_35_characters(client):
    answer(client, "defendant-type", {"party_type": "sole_trader"})
    response = post(client, "defendant", {**DEFENDANT, "title": "T" * 36})
    assert "Title must be 35 characters or fewer" in errors(response)


def test_correspondence_address_is_needed_only_when_different(client):
    answer(client, "claimant-type", {"party_type": "individual"})
    answer(client, "claimant", CLAIMANT)
    response = post(client, "claimant-correspondence", {"different": "yes"})
    found = errors(response)
    assert "Enter the first line of the address for letters" in found
    assert "Enter the postcode of the address for letters" in found
    answer(
        client,
        "claimant-correspondence",
        {
            "different": "yes",
            "correspondence_line_1": "PO Box 1",
            "correspondence_town": "York",
            "correspondence_postcode": "yo1 7hh",
        },
    )


def test_defendant_email_is_optional_but_must_be_an_email(client):
    answer(client, "defendant-type", {"party_type": "individual"})
    answer(client, "defendant", DEFENDANT)
    answer(client, "defendant-correspondence", {"different": "no"})
    response = post(client, "defendant-contact", {"email": "not an email"})
    assert "Enter an email address in the correct format" in errors(response)
    answer(client, "defendant-contact", {"email": "", "phone": ""})


def test_contact_step_lets_a_citizen_without_email_choose_post(client):
    answer_parties(
        client,
        contact={
            "contact": "post",
            "address_line_1": "1 High Street",
            "address_town": "Leeds",
            "address_postcode": "LS1 1AA",
        },
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter what you are claiming for"),
        ({"reason": "Invoice", "amount_pence": "0"}, "The amount must be at least £0.01"),
        ({"reason": "Invoice", "amount_pence": "12.345"}, "Enter an amount in pounds and pence"),
        (
            {"reason": "Invoice", "amount_pence": "25000.01"},
            "The amount must be £25,000.00 or less",
        ),
    ],
)
def test_amount_row_errors(client, data, message):
    from django.urls import reverse

    response = client.post(reverse("civil_claims:claim-item-add", args=["amount"]), data)
    assert response.status_code == 200
    assert message in errors(response)


def test_amount_list_shows_the_running_total(client):
    from django.urls import reverse

    for reason, amount in (("Invoice 1", "300.00"), ("Invoice 2", "0.01")):
        client.post(
            reverse("civil_claims:claim-item-add", args=["amount"]),
            {"reason": reason, "amount_pence": amount},
        )
    body = client.get(step_url("amount")).content.decode()
    assert "Invoice 1: £300.00" in body and "Invoice 2: £0.01" in body
    assert re.search(r"Total so far</dt>\s*<dd[^>]*>£300.01<", body)


def test_interest_page_shows_each_row_and_the_total(client):
    answer_amount(client, rows=[("Invoice 1", "300.00"), ("Invoice 2", "0.01")])
    body = client.get(step_url("interest")).content.decode()
    assert "Interest on the £300.01 you are claiming" in body
    assert "Invoice 1" in body and "£300.00" in body and "Invoice 2" in body


def test_amount_total_over_the_online_limit_cannot_go_on(client):
    add_items(
        client,
        "amount",
        [
            {"reason": "Invoice 1", "amount_pence": "20000.00"},
            {"reason": "Invoice 2", "amount_pence": "5000.01"},
        ],
    )
    listed = client.get(step_url("amount")).content.decode()
    assert "Too much to claim online" in listed
    response = client.get(step_url("interest"))
    body = response.content.decode()
    assert "You cannot use this service" in body
    assert "£25,000.00 or less" in body and "£25,000.01" in body
    assert "Money Claim Online" in body
    response = client.post(step_url("interest"), {"kind": "none"})
    assert response.status_code == 200


def test_amount_needs_at_least_one_row(client):
    response = client.post(step_url("amount"), {"add_another": "no"})
    assert response.status_code in (200, 302)
    if response.status_code == 302:  # no rows yet: sent to add the first
        assert "add" in response["Location"]


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("HWF-A1B-23C", "HWF-A1B-23C"), ("hwf a1b 23c", "HWF-A1B-23C"), ("HWFA1B23C", "HWF-A1B-23C")],
)
def test_help_with_fees_reference_is_tidied(client, typed, kept):
    from civil_claims.journeys.forms import HwfReferenceForm

    form = HwfReferenceForm({"reference": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["reference"] == kept


@pytest.mark.parametrize("typed", ["", "HWF-A1B", "ABC-A1B-23C", "HWF-A1B-23C-1"])
def test_help_with_fees_reference_in_the_wrong_format_is_refused(typed):
    from civil_claims.journeys.forms import HwfReferenceForm

    form = HwfReferenceForm({"reference": typed})
    assert not form.is_valid()


def test_statement_of_truth_for_an_individual_is_a_tick_with_the_warning(client):
    answer(client, "claimant-type", {"party_type": "individual"})
    body = client.get(step_url("statement-of-truth")).content.decode()
    assert "Proceedings for contempt of court" in body
    assert 'name="signer_name"' not in body
    response = post(client, "statement-of-truth", {})
    assert "Confirm that you believe the facts in this claim are true" in errors(response)


def test_statement_of_truth_for_a_company_needs_the_signer(client):
    answer(client, "claimant-type", {"party_type": "company"})
    response = post(client, "statement-of-truth", {"believed_true": "on"})
    found = errors(response)
    assert "Enter your full name" in found
    assert "Enter your job title or role" in found
    response = post(
        client,
        "statement-of-truth",
        {"believed_true": "on", "signer_name": "P" * 71, "signer_role": "Director"},
    )
    assert "Your full name must be 70 characters or fewer" in errors(response)


@pytest.mark.parametrize("typed", ["²³", "-5", "1e3", "9" * 20, "<b>"])
def test_fee_page_ignores_a_hidden_fee_it_cannot_read(typed):
    from civil_claims.journeys.forms import _pence_or_none

    assert _pence_or_none(typed) is None
    assert _pence_or_none("3500") == 3500
