"""The refund journey (2017 scheme) through the test client: each step's errors, bank
details checked, fees added as a list, the declaration, the C + 7 digit reference and
the interest explained on the confirmation page."""

import re

import pytest
from django.urls import reverse

from tests.conftest import sign_in
from tribunal_fees.constants import RefundStatus
from tribunal_fees.models import RefundApplication

from .factories import UserFactory

pytestmark = pytest.mark.django_db

BANK = {
    "account_name": "Sam Example",
    "bank_name": "Example Bank",
    "sort_code": "30-94-30",
    "account_number": "00733445",
}
FEE = {
    "kind": "et_issue",
    "amount_pence": "250",
    "method": "card",
    "paid_month": "3",
    "paid_year": "2016",
}


def url(name: str, *args) -> str:
    return reverse(f"tribunal_fees:refund-{name}", args=args)


def answer(client, step: str, data: dict) -> str:
    response = client.post(url("step", step), data)
    assert response.status_code == 302, re.findall(
        r'<a href="#[^"]*">([^<]+)</a>', response.content.decode()
    )
    return response["Location"]


def answer_up_to_fees(client, paid_here: dict | None = None):
    answer(client, "who-paid", {"profile": "paid_myself"})
    answer(
        client,
        "applicant",
        {
            "full_name": "Sam Example",
            "date_of_birth_0": "13",
            "date_of_birth_1": "8",
            "date_of_birth_2": "1980",
        },
    )
    answer(client, "name-changed", {"name_changed": "no"})
    answer(
        client,
        "contact",
        {
            "address_line_1": "1 Example Street",
            "address_town": "Leeds",
            "address_postcode": "LS1 1AA",
            "contact": "email",
            "email": "sam@example.com",
        },
    )
    if paid_here is None:
        answer(client, "paid-here", {"paid_here": "no"})
    else:
        answer(client, "paid-here", {"paid_here": "yes"})
        answer(client, "online-fee", paid_here)
    answer(
        client,
        "case",
        {"region": "england_wales", "et_case_number": "1234567/2016", "eat_case_number": ""},
    )
    return answer(client, "respondent", {"respondent_name": "Example Ltd"})


def add_fee(client, data: dict) -> str:
    response = client.post(url("item-add", "fees"), data)
    assert response.status_code == 302
    return response["Location"]


@pytest.mark.parametrize(
    ("step", "data", "message"),
    [
        ("who-paid", {}, "Select who paid the fees"),
        ("applicant", {"full_name": ""}, "Enter your full name"),
        (
            "contact",
            {"address_line_1": "1 Street", "contact": "email", "email": "not-an-email"},
            "Enter an email address",
        ),
        (
            "case",
            {"region": "scotland", "et_case_number": "", "eat_case_number": ""},
            "Enter the employment tribunal case number or the appeal number",
        ),
        (
            "case",
            {"region": "scotland", "et_case_number": "123/16", "eat_case_number": ""},
            "Enter the case number in the right format",
        ),
        ("respondent", {"respondent_name": ""}, "Enter the name of the respondent"),
    ],
)
def test_each_step_explains_a_bad_answer_and_keeps_it(client, step, data, message):
    order = ["who-paid", "applicant", "contact", "case", "respondent"]
    if order.index(step) > 0:
        answer_up_to_fees(client)
    response = client.post(url("step", step), data)
    body = response.content.decode()
    assert message in body
    assert "<title>Error: " in body
    for value in data.values():
        if value and "\n" not in value:
            assert value in body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**FEE, "amount_pence": "0"}, "The amount you paid must be more than £0"),
        ({**FEE, "method": ""}, "Select how you paid this fee"),
        ({**FEE, "paid_month": "6", "paid_year": "2013"}, "between July 2013 and August 2017"),
        ({**FEE, "paid_month": "", "paid_year": "2016"}, "Enter the month you paid"),
        ({**FEE, "paid_month": "13"}, "Enter the month as a number from 1 to 12"),
    ],
)
def test_a_fee_needs_an_amount_a_method_and_a_month_in_the_scheme(client, data, message):
    answer_up_to_fees(client)
    response = client.post(url("item-add", "fees"), data)
    assert message in response.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**BANK, "sort_code": "30943"}, "Enter a valid sort code like 309430"),
        ({**BANK, "account_number": "1234567"}, "Enter a valid account number like 00733445"),
        ({**BANK, "account_number": "1234567a"}, "Enter a valid account number like 00733445"),
        ({**BANK, "account_name": ""}, "Enter the name on the account"),
    ],
)
def test_bank_details_are_checked(client, data, message):
    answer_up_to_fees(client)
    add_fee(client, FEE)
    answer(client, "fees", {"add_another": "no"})
    response = client.post(url("step", "bank"), data)
    body = response.content.decode()
    assert message in body
    assert "<title>Error: " in body


def test_the_same_fee_twice_is_sent_back_from_check_your_answers(client):
    answer_up_to_fees(client)
    add_fee(client, FEE)
    answer(client, "fees", {"add_another": "yes"})
    add_fee(client, FEE)
    answer(client, "fees", {"add_another": "no"})
    answer(client, "bank", BANK)
    response = client.post(url("check"))
    assert "Enter each fee once" in response.content.decode()
    assert not RefundApplication.objects.exists()


def test_a_refund_application_is_sent_with_a_c_reference_and_the_interest_explained(client):
    user = UserFactory()
    sign_in(client, user)
    answer_up_to_fees(client)
    add_fee(client, FEE)
    answer(client, "fees", {"add_another": "yes"})
    add_fee(client, {**FEE, "kind": "et_hearing", "amount_pence": "950", "method": "cheque"})
    answer(client, "fees", {"add_another": "no"})
    answer(client, "bank", BANK)
    check = client.get(url("check")).content.decode()
    assert "I believe that the facts stated in this application are true" in check
    # One row for when each fee was paid (issue #12 point 19), not Month and Year rows.
    assert "When you paid" in check and "March 2016" in check
    assert ">Month</dt>" not in check and ">Year</dt>" not in check

    response = client.post(url("check"))

    application = RefundApplication.objects.get()
    assert re.fullmatch(r"C\d{7}", application.reference)
    assert application.user == user
    assert application.status == RefundStatus.SUBMITTED
    assert application.fees_pence == 120000
    assert application.sort_code == "309430"
    assert [f.kind for f in application.fees.order_by("kind")] == ["et_hearing", "et_issue"]
    assert response["Location"] == url("confirmation", application.reference)
    page = client.get(response["Location"]).content.decode()
    assert application.reference in page
    assert "simple interest at 0.5% a year" in page
    assert "the interest is £1.25" in page  # £250 for 365 days at 0.5%


def test_someone_not_signed_in_sees_their_confirmation_and_nobody_else_does(client):
    answer_up_to_fees(client)
    add_fee(client, FEE)
    answer(client, "fees", {"add_another": "no"})
    answer(client, "bank", BANK)
    response = client.post(url("check"))
    application = RefundApplication.objects.get()
    assert application.user is None
    page = client.get(response["Location"], follow=True)
    assert application.reference in page.content.decode()

    from django.test import Client

    stranger = Client()
    assert stranger.get(url("confirmation", application.reference)).status_code == 302
    stranger.force_login(UserFactory())
    assert stranger.get(url("confirmation", application.reference)).status_code == 404


def test_an_applicant_whose_name_changed_is_sent_to_the_paper_form(client):
    answer(client, "who-paid", {"profile": "paid_myself"})
    answer(
        client,
        "applicant",
        {
            "full_name": "Sam Example",
            "date_of_birth_0": "13",
            "date_of_birth_1": "8",
            "date_of_birth_2": "1980",
        },
    )
    response = client.post(url("step", "name-changed"), {"name_changed": "yes"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "You cannot apply online if your name has changed since you paid" in body
    assert "form 1-C" in body


def test_a_fee_paid_online_here_is_chosen_by_its_reference_and_refunded_from_its_day(client):
    import datetime as dt

    from django.utils import timezone

    from tribunal_fees.services import refund_interest_for

    from .factories import PaidFeeCaseFactory

    paid_at = timezone.make_aware(dt.datetime(2016, 3, 14, 12, 0))
    fee_case = PaidFeeCaseFactory(
        email="sam@example.com", kind="issue", fee_date=dt.date(2016, 3, 14), paid_at=paid_at
    )
    answer_up_to_fees(
        client, paid_here={"reference": fee_case.reference, "email": "sam@example.com"}
    )
    add_fee(client, FEE)
    answer(client, "fees", {"add_another": "no"})
    answer(client, "bank", BANK)
    client.post(url("check"))

    application = RefundApplication.objects.get()
    assert application.fee_case == fee_case
    fee = application.fees.get()
    assert fee.paid_on == dt.date(2016, 3, 14)  # the day it was paid, not 1 March
    # £250 at 0.5% for 365 days from 14 March 2016 is £1.25; from 1 March it would be more.
    assert refund_interest_for(application, refunded_on=dt.date(2017, 3, 14)) == 125


def test_a_wrong_email_for_a_fee_paid_here_is_refused(client):
    from .factories import PaidFeeCaseFactory

    fee_case = PaidFeeCaseFactory(email="sam@example.com", kind="issue")
    wrong = {"reference": fee_case.reference, "email": "someone.else@example.com"}
    with pytest.raises(AssertionError, match="We cannot find an employment tribunal fee"):
        answer_up_to_fees(client, paid_here=wrong)
    assert client.post(url("step", "online-fee"), wrong).status_code == 200


def test_the_day_paid_if_known_starts_the_interest(client):
    import datetime as dt

    answer_up_to_fees(client)
    response = client.post(url("item-add", "fees"), {**FEE, "paid_day": "31", "paid_month": "2"})
    assert "The date you paid must be a real date" in response.content.decode()
    add_fee(client, {**FEE, "paid_day": "14"})
    answer(client, "fees", {"add_another": "no"})
    answer(client, "bank", BANK)
    assert "14 March 2016" in client.get(url("check")).content.decode()
    client.post(url("check"))

    fee = RefundApplication.objects.get().fees.get()
    assert fee.paid_on == dt.date(2016, 3, 14)


def test_a_month_without_a_day_still_counts_from_the_first_of_the_month(client):
    import datetime as dt

    answer_up_to_fees(client)
    add_fee(client, FEE)
    answer(client, "fees", {"add_another": "no"})
    answer(client, "bank", BANK)
    client.post(url("check"))
    fee = RefundApplication.objects.get().fees.get()
    assert (fee.paid_date, fee.paid_on) == (None, dt.date(2016, 3, 1))
