"""The Help with Fees journey through the test client: for a fee we hold (from its page)
or one described on the way; each step's errors; the likely outcome (full, part, none)
and the application it sends, waiting for a caseworker's decision."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

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


INCOME_OF = {"income_kinds": ["wages"], "income_period": "last_month"}


def answer_money(client, *, capital="0", benefit="none", income="1000", children=("0", "0")):
    answer(client, "applicant", {"applicant_name": "Sam Example", **DOB_1980})
    answer(client, "identity", {"ni_number": "QQ 12 34 56 C"})
    answer(client, "partner", {"has_partner": "no"})
    answer(client, "savings", {"capital_pence": capital})
    answer(client, "benefits", {"benefit": benefit})
    if benefit == "none":
        answer(client, "income", {**INCOME_OF, "gross_monthly_income_pence": income})
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
        # Savings equal to the limit fail it: "£3,000 or more", never "over the limit".
        ("3000", "jsa", "", HwfOutcome.NONE, 16000, "You have £3,000.00 or more in savings"),
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

    answer(client, "outcome", {"contact": "email", "email": "sam@example.com"})
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
    answer(client, "identity", {"ni_number": "QQ 12 34 56 C"})
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
    answer(client, "income", {**INCOME_OF, "gross_monthly_income_pence": "1735"})
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
        answer(client, "identity", {"ni_number": "QQ 12 34 56 C"})
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
    answer(client, "identity", {"ni_number": "QQ 12 34 56 C"})
    answer(client, "partner", {"has_partner": "no"})
    answer(client, "savings", {"capital_pence": "10"})
    assert answer(client, "benefits", {"benefit": "income_support"}) == step_url("outcome")


def test_a_described_fee_is_recorded_with_the_application(client):
    answer(client, "fee", {"has_reference": "no"})
    answer(client, "tribunal", {"tribunal": "employment"})
    answer(client, "fee-kind", {"kind": "issue"})
    response = client.post(
        step_url("date"), {"fee_date_0": "1", "fee_date_1": "9", "fee_date_2": "2017"}
    )
    assert "There was no fee to pay on that date" in response.content.decode()
    answer(client, "date", {"fee_date_0": "1", "fee_date_1": "9", "fee_date_2": "2015"})
    answer(client, "claim-about", {"claim_elements": ["unfair_dismissal"]})
    answer_money(client, capital="0", benefit="jsa")
    answer(client, "outcome", {"contact": "email", "email": "sam@example.com"})

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
    typo = client.post(step_url("fee-reference"), {"reference": "TF-ABC-DE5"})
    assert "Check your fee reference: one of its characters is not right" in (typo.content.decode())
    unknown = client.post(step_url("fee-reference"), {"reference": "TF-AAA-BBB"})
    assert unknown.status_code == 200
    assert "Open your fee’s page and choose ‘Apply for Help with Fees’" in (
        unknown.content.decode()
    )
    assert reverse("tribunal_fees:fee-find") in unknown.content.decode()


# Issue #11 point 3: a fee reference on its own used to let anyone use anyone's fee.


def test_a_signed_in_user_cannot_use_or_see_someone_elses_fee_by_its_reference(client, user):
    fee_case = FeeCaseFactory(user=UserFactory(), case_number="7654321/2016")
    answer(client, "fee", {"has_reference": "yes"})
    response = client.post(step_url("fee-reference"), {"reference": fee_case.reference})
    assert response.status_code == 200
    assert "<title>Error: " in response.content.decode()
    answer_money(client)
    page = client.get(step_url("outcome"), follow=True).content.decode()
    assert fee_case.description.lower() not in page and "You would pay" not in page
    client.post(step_url("outcome"), {"contact": "email", "email": "sam@example.com"})
    client.post(reverse(f"tribunal_fees:{JOURNEY}-check"))
    assert not HelpWithFeesApplication.objects.exists()


def test_an_anonymous_visitor_cannot_apply_on_someone_elses_anonymous_fee(client):
    fee_case = FeeCaseFactory(user=None, email="payer@example.com")
    answer(client, "fee", {"has_reference": "yes"})
    response = client.post(step_url("fee-reference"), {"reference": fee_case.reference})
    assert response.status_code == 200
    answer_money(client)
    client.post(step_url("outcome"), {"contact": "email", "email": "visitor@example.com"})
    client.post(reverse(f"tribunal_fees:{JOURNEY}-check"))

    fee_case.refresh_from_db()
    assert fee_case.status == FeeCaseStatus.UNPAID
    assert not HelpWithFeesApplication.objects.exists()
    assert not OutboundMessage.objects.filter(template_key="tribunal_fees.hwf_submitted").exists()
    detail = reverse("tribunal_fees:fee-detail", args=[fee_case.reference])
    assert client.get(detail).status_code == 302  # still sent to sign in


def test_a_grant_for_one_fee_does_not_open_another(client):
    mine = FeeCaseFactory(user=None, email="me@example.com")
    theirs = FeeCaseFactory(user=None, email="them@example.com")
    from digital_services.core.grants import grant_issue

    answer(client, "fee", {"has_reference": "yes"})
    response = client.post(
        step_url("fee-reference"),
        {
            "reference": theirs.reference,
            "grant": grant_issue(scope="tribunal_fees.fee", reference=mine.reference),
        },
    )
    assert response.status_code == 200
    assert "<title>Error: " in response.content.decode()


def test_the_payer_without_an_account_finds_the_fee_with_the_email_and_applies(client):
    fee_case = FeeCaseFactory(user=None, email="Payer@Example.com")
    found = client.post(
        reverse("tribunal_fees:fee-find"),
        {"reference": fee_case.reference.lower().replace("-", " "), "email": "payer@example.com"},
    )
    assert found["Location"] == reverse("tribunal_fees:fee-detail", args=[fee_case.reference])

    start_from_fee_page(client, fee_case)
    answer_money(client, capital="0", benefit="jsa")
    outcome = client.get(step_url("outcome")).content.decode()
    assert fee_case.description.lower() in outcome
    assert "You would pay nothing towards" in outcome
    answer(client, "outcome", {"contact": "email", "email": "payer@example.com"})
    client.post(reverse(f"tribunal_fees:{JOURNEY}-check"))

    application = HelpWithFeesApplication.objects.get()
    assert application.fee_case == fee_case


def test_finding_a_fee_with_the_wrong_email_finds_nothing(client):
    fee_case = FeeCaseFactory(user=None, email="payer@example.com")
    response = client.post(
        reverse("tribunal_fees:fee-find"),
        {"reference": fee_case.reference, "email": "guess@example.com"},
    )
    assert response.status_code == 200
    assert "No fee matches that reference and email address" in response.content.decode()
    detail = reverse("tribunal_fees:fee-detail", args=[fee_case.reference])
    assert client.get(detail).status_code == 302


def test_finding_a_fee_explains_each_mistake_and_keeps_what_was_typed(client):
    response = client.post(reverse("tribunal_fees:fee-find"), {"reference": "abc", "email": "x"})
    body = response.content.decode()
    assert "<title>Error: " in body
    assert "Enter the fee reference in the right format" in body
    assert "Enter an email address in the correct format" in body
    assert 'value="abc"' in body


def test_finding_a_fee_is_rate_limited_per_address_and_per_reference(client, settings):
    from django.test import Client

    settings.TRIBUNAL_FEES_LOOKUP_RATE_LIMIT = "3/h"
    fee_case = FeeCaseFactory(user=None, email="payer@example.com")
    find = reverse("tribunal_fees:fee-find")
    for n in range(3):
        guess = client.post(find, {"reference": fee_case.reference, "email": f"g{n}@example.com"})
        assert guess.status_code == 200
    refused = client.post(find, {"reference": fee_case.reference, "email": "payer@example.com"})
    assert refused.status_code == 429
    assert "You have tried to find a fee too many times" in refused.content.decode()

    elsewhere = Client(REMOTE_ADDR="192.0.2.77")
    refused = elsewhere.post(find, {"reference": fee_case.reference, "email": "payer@example.com"})
    assert refused.status_code == 429  # the reference's own limit


def test_a_fee_paid_over_3_months_ago_offers_no_help_with_fees_and_says_why(client, user):
    # Within 3 months of paying, retrospective Help with Fees applies (its own tests).
    fee_case = PaidFeeCaseFactory(user=user, paid_at=timezone.now() - dt.timedelta(days=100))
    page = client.get(reverse("tribunal_fees:fee-hwf", args=[fee_case.reference]))
    assert "You paid this fee more than 3 months ago" in page.content.decode()
    client.post(reverse("tribunal_fees:fee-hwf", args=[fee_case.reference]))
    from digital_services.journeys.models import Draft

    assert not Draft.objects.exists()


def test_the_check_page_shows_the_fee_and_the_likely_outcome_worked_out_again(client, user):
    """Issue #12 point 20: both shown, and recomputed when an answer is changed."""
    fee_case = FeeCaseFactory(user=user)
    start_from_fee_page(client, fee_case)
    answer_money(client, capital="0", benefit="none", income="1085")
    answer(client, "outcome", {"contact": "email", "email": "sam@example.com"})
    check = reverse(f"tribunal_fees:{JOURNEY}-check")

    before = client.get(check).content.decode()
    client.post(
        step_url("income") + "?return=check",
        {**INCOME_OF, "gross_monthly_income_pence": "1185"},
    )
    after = client.get(check).content.decode()

    assert f"{fee_case.description}: £160.00" in before
    assert "Full Help with Fees: you would pay nothing" in before
    assert "Some help: you would pay £50.00 and Help with Fees the other £110.00" in after


def test_after_a_decision_the_fee_offers_no_second_application(client, user):
    """Issue #12 point 19: refused Help with Fees leaves the fee unpaid, but the decision stands."""
    from .factories import HwfApplicationFactory

    fee_case = FeeCaseFactory(user=user)
    HwfApplicationFactory(
        fee_case=fee_case,
        status=HwfStatus.DECIDED,
        outcome=HwfOutcome.NONE,
        computed_outcome=HwfOutcome.NONE,
        amount_to_pay_pence=fee_case.fee_pence,
    )
    hwf_url = reverse("tribunal_fees:fee-hwf", args=[fee_case.reference])

    detail = client.get(reverse("tribunal_fees:fee-detail", args=[fee_case.reference]))
    page = client.get(hwf_url).content.decode()
    client.post(hwf_url)

    assert hwf_url not in detail.content.decode()
    assert "You have already applied for Help with Fees on this fee" in page
    from digital_services.journeys.models import Draft

    assert not Draft.objects.exists()


@pytest.mark.parametrize(
    ("case_number", "shown", "not_shown"),
    [
        ("", "You do not need a case number", "and your case number"),
        ("1234567/2016", "and your case number (1234567/2016)", "You do not need a case number"),
    ],
    ids=["new issue fee", "hearing fee on a case"],
)
def test_the_confirmation_asks_for_a_case_number_only_from_someone_who_has_one(
    client, user, case_number, shown, not_shown
):
    """Issue #12 point 19: a new issue-fee applicant has no case number yet."""
    from .factories import HwfApplicationFactory

    kind = "hearing" if case_number else "issue"
    fee_case = FeeCaseFactory(user=user, kind=kind, case_number=case_number)
    application = HwfApplicationFactory(fee_case=fee_case)

    page = client.get(reverse("tribunal_fees:hwf-confirmation", args=[application.reference]))

    assert shown in page.content.decode()
    assert not_shown not in page.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter your National Insurance number, or your Home Office reference"),
        ({"ni_number": "12345678"}, "Enter a National Insurance number in the correct format"),
    ],
)
def test_the_identity_step_needs_an_ni_number_or_a_home_office_reference(
    client, user, data, message
):
    fee_case = FeeCaseFactory(user=user)
    start_from_fee_page(client, fee_case)
    answer(client, "applicant", {"applicant_name": "Sam Example", **DOB_1980})
    response = client.post(step_url("identity"), data)
    assert message in response.content.decode()


def test_income_kinds_and_period_are_asked_and_kept(client, user):
    fee_case = FeeCaseFactory(user=user)
    start_from_fee_page(client, fee_case)
    answer(client, "applicant", {"applicant_name": "Sam Example", **DOB_1980})
    answer(client, "identity", {"home_office_reference": "b1234567"})
    answer(client, "partner", {"has_partner": "no"})
    answer(client, "savings", {"capital_pence": "0"})
    answer(client, "benefits", {"benefit": "none"})
    response = client.post(
        step_url("income"), {"income_kinds": ["none", "wages"], "gross_monthly_income_pence": "0"}
    )
    body = response.content.decode()
    assert "Select the kinds of income you get, or no income" in body
    assert "Select which period your income is for" in body
    answer(
        client,
        "income",
        {
            "income_kinds": ["wages", "maintenance"],
            "income_period": "average_3_months",
            "gross_monthly_income_pence": "900",
        },
    )
    answer(client, "children", {"children_0_13": "0", "children_14_plus": "0"})
    answer(client, "outcome", {"contact": "email", "email": "sam@example.com"})
    client.post(reverse(f"tribunal_fees:{JOURNEY}-check"))

    application = fee_case.hwf_applications.get()
    assert (application.ni_number, application.home_office_reference) == ("", "B1234567")
    assert application.income_kinds == ["wages", "maintenance"]
    assert application.income_period == "average_3_months"
