"""The platform's "how we contact you" step: the form's checks, the route it gives, the
words pages use to say what goes where, and the agent's starting answer."""

from types import SimpleNamespace

import pytest

from digital_services.journeys.contact import (
    ContactForm,
    contact_describe,
    contact_initial_for,
    contact_route,
)
from tests.assisted_digital.factories import CitizenWithEmailFactory, CitizenWithoutEmailFactory

POST = {
    "contact": "post",
    "address_line_1": " 12  Station Road ",
    "address_town": "Swansea",
    "address_postcode": "sa11aa",
}


def _form(data):
    form = ContactForm(data=data)
    form.is_valid()
    return form


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "contact", "Select how we should contact you"),
        ({"contact": "email"}, "email", "Enter your email address"),
        ({"contact": "sms"}, "mobile", "Enter a UK mobile number"),
        (
            {"contact": "sms", "mobile": "01134960000"},
            "mobile",
            "cannot send text messages to a landline",
        ),
        ({"contact": "sms", "mobile": "+1 202 555 0100"}, "mobile", "Enter a UK mobile number"),
        ({**POST, "address_line_1": ""}, "address_line_1", "Enter the first line of your address"),
        ({**POST, "address_postcode": "NOT A CODE"}, "address_postcode", "Enter a real postcode"),
    ],
)
def test_each_choice_asks_for_what_it_needs(data, field, message):
    form = _form(data)
    assert message in " ".join(form.errors.get(field, []))


def test_only_the_chosen_route_is_kept():
    form = _form({**POST, "email": "left@example.com", "mobile": "07700900982"})
    assert form.is_valid()
    route = contact_route(form.cleaned_data, name="Margaret Evans")
    assert (route.channel, route.email, route.mobile) == ("letter", "", "")
    assert route.to == ["Margaret Evans", "12 Station Road", "Swansea", "SA1 1AA"]

    form = _form({**POST, "contact": "sms", "mobile": "+44 7700 900982"})
    assert form.is_valid()
    route = contact_route(form.cleaned_data)
    assert (route.channel, route.to, route.address) == ("sms", "07700900982", "")


@pytest.mark.parametrize(
    ("channel", "to", "words"),
    [
        ("email", "a@example.com", "an email to a@example.com"),
        ("sms", "07700900982", "a text message to 07700 900 982"),
        (
            "post",
            "12 Station Road\nSwansea\nSA1 1AA",
            "a letter to 12 Station Road, Swansea, SA1 1AA",
        ),
        (
            "letter",
            ["Margaret Evans", "12 Station Road", "SA1 1AA"],
            "a letter to Margaret Evans, 12 Station Road, SA1 1AA",
        ),
    ],
)
def test_contact_describe_says_what_goes_where(channel, to, words):
    assert contact_describe(channel, to) == words


@pytest.mark.django_db
def test_an_agent_starts_with_the_citizens_recorded_preference():
    margaret = CitizenWithoutEmailFactory(full_name="Margaret Evans")
    initial = contact_initial_for(
        SimpleNamespace(assisted_session=SimpleNamespace(citizen=margaret))
    )
    assert initial["contact"] == "post"
    assert initial["address_postcode"] == "CF10 1AA"
    assert "email" not in initial  # the placeholder address is never offered

    jane = CitizenWithEmailFactory(email="jane@example.com")
    initial = contact_initial_for(SimpleNamespace(assisted_session=SimpleNamespace(citizen=jane)))
    assert (initial["contact"], initial["email"]) == ("email", "jane@example.com")


def test_a_preference_the_service_cannot_use_is_not_chosen():
    class EmailOrPost(ContactForm):
        methods = ("email", "post")

    form = EmailOrPost(initial={"contact": "sms", "mobile": "07700900982"})
    assert "contact" not in form.initial
    assert "mobile" not in form.fields
