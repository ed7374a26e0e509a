"""The Help with Fees journey through the test client: for a fee we hold (from its page)
or one described on the way; each step's errors; the likely outcome (full, part, none)
and the application it sends, waiting for a caseworker's decision."""

import re

import pytest
from django.urls import reverse

from digital_services.notifications.models import OutboundMessage
from tests.conftest import sign_in
from tribunal_fees.constants import FeeCaseStatus, HwfOutcome, HwfStatus
from tribunal_fees.models import FeeCase, HelpWithFeesApplication

from .factories import FeeCaseFactory, PaidFeeCaseFactory, UserFactory

pytestmark = pytest.mark.django_db

JOURNEY = "apply-for-help-with-fees"
DOB_1980 = {
    "applicant_date_of_birth_0": "13",
    "applicant_date_of_birth_1": "8",
    "applicant_date_of_birth_2": "1980",
}


def step_url(step: str) -> str:
    return reverse(f"tribunal_fees:{JOURNEY}-step", args=[step])


def answer(client, step: str, data: dict) -> str:
    response = client.post(step_url(step), data)
    assert response.status_code == 302, re.findall(
        r'<a href="#[^"]*">([^<]+)</a>', response.content.decode()
    )
    return response["Location"]


@pytest.fixture
def user(client):
    user = UserFactory()
    sign_in(client, user)
    return user


def start_from_fee_page(client, fee_case) -> str:
    page = client.get(reverse("tribunal_fees:fee-detail", args=[fee_case.reference]))
    hwf_url = reverse("tribunal_fees:fee-hwf", args=[fee_case.reference])
    assert hwf_url in page.content.decode()
    begun = client.post(hwf_url)
    return client.get(begun["Location"])["Location"]


def answer_money(client, *, capital="0", benefit="none", income="1000", children=("0", "0")):
    answer(client, "applicant", {"applicant_name": "Sam Example", **DOB_1980})
    answer(client, "partner", {"has_partner": "no"})
    answer(client, "savings", {"capital_pence": capital})
    answer(client, "benefits", {"benefit": benefit})
    if benefit == "none":
        answer(client, "income", {"gross_monthly_income_pence": income})
        answer(client, "children", {"children_0_13": children[0], "children_14_plus": children[1]})


def test_the_fee_page_starts_help_with_fees_with_the_reference_given(client, user):
    fee_case = FeeCaseFactory(user=user)
    assert start_from_fee_page(client, fee_case) == step_url("applicant")


@pytest.mark.parametrize(
    ("capital", "benefit", "income", "outcome", "to_pay", "text"),
    [
        # The 2013 scheme (a 2016 fee of £160): capital limit £3,000 for fees up to £1,000.
        ("2999.99", "jsa", "", HwfOutcome.FULL, 0, "You are likely to get full Help with Fees"),
        ("0", "none", "1085", HwfOutcome.FULL, 0, "You are likely to get full Help with Fees"),
        # £1,185 is £100 over £1,085: pay half of it, £50.
        ("0", "none", "1185", HwfOutcome.PART, 5000, "You would still pay <strong>£50.00</strong>"),
        ("3000", "jsa", "", HwfOutcome.NONE, 16000, "You are not likely to get Help with Fees"),
        ("0", "none", "5000", HwfOutcome.NONE, 16000, "Your income is too far over that limit"),
    ],
)
def test_the_likely_outcome_is_shown_and_sent_for_a_decision(
    client, user, capital, benefit, income, outcome, to_pay, text
):
    fee_case = FeeCaseFactory(user=user)
    start_from_fee_page(client, fee_case)
    answer_money(client, capital=capital, benefit=benefit, income=income)

    page = client.get(step_url("outcome")).content.decode()
    assert text in page

    answer(client, "outcome", {"email": "sam@example.com"})
    response = client.post(reverse(f"tribunal_fees:{JOURNEY}-check"))

    application = HelpWithFeesApplication.objects.get()
    assert response["Location"] == reverse(
        "tribunal_fees:hwf-confirmation", args=[application.reference]
    )
    assert application.status == HwfStatus.SUBMITTED
    assert application.computed_outcome == outcome
    assert application.computed_amount_to_pay_pence == to_pay
    fee_case.refresh_from_db()
    assert fee_case.status == FeeCaseStatus.AWAITING_HWF
    confirmation = client.get(response["Location"]).content.decode()
    assert re.search(r"HWF-[A-Z0-9]{3}-[A-Z0-9]{3}", confirmation)
    assert "What happens next" in confirmation
    assert "Do not pay the fee while we decide" in confirmation
    assert OutboundMessage.objects.filter(template_key="tribunal_fees.hwf_submitted").exists()


def test_a_partner_and_children_raise_the_income_limit(client, user):
    fee_case = FeeCaseFactory(user=user)
    start_from_fee_page(client, fee_case)
    answer(client, "applicant", {"applicant_name": "Sam Example", **DOB_1980})
    answer(client, "partner", {"has_partner": "yes"})
    answer(
        client,
        "partner-dob",
        {
            "partner_date_of_birth_0": "1",
            "partner_date_of_birth_1": "1",
            "partner_date_of_birth_2": "1982",
        },
    )
    answer(client, "savings", {"capital_pence": "0"})
    answer(client, "benefits", {"benefit": "none"})
    # £1,085 + £160 partner + 2 × £245 children = £1,735: exactly at the limit.
    answer(client, "income", {"gross_monthly_income_pence": "1735"})
    answer(client, "children", {"children_0_13": "1", "children_14_plus": "1"})
    page = client.get(step_url("outcome")).content.decode()
    assert "You are likely to get full Help with Fees" in page
    assert "£1,735.00 a month" in page


@pytest.mark.parametrize(
    ("step", "data", "message"),
    [
        ("applicant", {"applicant_name": ""}, "Enter your full name"),
        (
            "applicant",
            {
                "applicant_name": "Sam",
                "applicant_date_of_birth_0": "40",
                **{"applicant_date_of_birth_1": "1", "applicant_date_of_birth_2": "1980"},
            },
            "Your date of birth must be a real date",
        ),
        ("partner", {}, "Select yes if you have a partner"),
        ("savings", {"capital_pence": "lots"}, "Enter the amount of savings in pounds"),
        ("benefits", {}, "Select a benefit you get, or none of these"),
    ],
)
def test_each_step_explains_a_bad_answer(client, user, step, data, message):
    fee_case = FeeCaseFactory(user=user)
    start_from_fee_page(client, fee_case)
    if step in ("partner", "savings", "benefits"):
        answer(client, "applicant", {"applicant_name": "Sam Example", **DOB_1980})
    if step in ("savings", "benefits"):
        answer(client, "partner", {"has_partner": "no"})
    if step == "benefits":
        answer(client, "savings", {"capital_pence": "0"})
    response = client.post(step_url(step), data)
    body = response.content.decode()
    assert message in body
    assert "<title>Error: " in body


def test_income_and_children_are_not_asked_with_a_qualifying_benefit(client, user):
    fee_case = FeeCaseFactory(user=user)
    start_from_fee_page(client, fee_case)
    answer(client, "applicant", {"applicant_name": "Sam Example", **DOB_1980})
    answer(client, "partner", {"has_partner": "no"})
    answer(client, "savings", {"capital_pence": "10"})
    assert answer(client, "benefits", {"benefit": "income_support"}) == step_url("outcome")


def test_a_described_fee_is_recorded_with_the_application(client):
    answer(client, "fee", {"has_reference": "no"})
    answer(client, "fee-kind", {"kind": "issue"})
    response = client.post(
        step_url("date"), {"fee_date_0": "1", "fee_date_1": "9", "fee_date_2": "2017"}
    )
    assert "There was no fee to pay on that date" in response.content.decode()
    answer(client, "date", {"fee_date_0": "1", "fee_date_1": "9", "fee_date_2": "2015"})
    answer(client, "claim-about", {"claim_elements": ["unfair_dismissal"]})
    answer_money(client, capital="0", benefit="jsa")
    answer(client, "outcome", {"email": "sam@example.com"})

    response = client.post(reverse(f"tribunal_fees:{JOURNEY}-check"))

    fee_case = FeeCase.objects.get()
    assert fee_case.user is None
    assert fee_case.fee_pence == 25000
    assert fee_case.status == FeeCaseStatus.AWAITING_HWF
    confirmation = client.get(response["Location"], follow=True)
    assert "Help with Fees application sent" in confirmation.content.decode()


def test_a_wrong_reference_cannot_be_assessed(client):
    answer(client, "fee", {"has_reference": "yes"})
    bad = client.post(step_url("fee-reference"), {"reference": "not a reference"})
    assert "Enter the fee reference in the right format" in bad.content.decode()
    answer(client, "fee-reference", {"reference": "TF-AAA-BBB"})
    answer_money(client)
    page = client.get(step_url("outcome")).content.decode()
    assert "We cannot find an unpaid fee for one claimant with the reference TF-AAA-BBB" in page
    response = client.post(step_url("outcome"), {"email": "sam@example.com"})
    assert response.status_code == 200
    assert "<title>Error: " in response.content.decode()


def test_someone_elses_fee_is_refused_at_the_end(client, user):
    fee_case = FeeCaseFactory(user=UserFactory())
    answer(client, "fee", {"has_reference": "yes"})
    answer(client, "fee-reference", {"reference": fee_case.reference})
    answer_money(client)
    answer(client, "outcome", {"email": "sam@example.com"})
    response = client.post(reverse(f"tribunal_fees:{JOURNEY}-check"))
    assert "We cannot find an unpaid fee for one claimant with that reference" in (
        response.content.decode()
    )
    assert not HelpWithFeesApplication.objects.exists()


def test_a_paid_fee_offers_no_help_with_fees(client, user):
    fee_case = PaidFeeCaseFactory(user=user)
    page = client.get(reverse("tribunal_fees:fee-hwf", args=[fee_case.reference]))
    assert "You cannot apply for Help with Fees on this fee now" in page.content.decode()
    client.post(reverse("tribunal_fees:fee-hwf", args=[fee_case.reference]))
    from digital_services.journeys.models import Draft

    assert not Draft.objects.exists()
