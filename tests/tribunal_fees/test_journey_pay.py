"""The pay-a-fee journey through the test client: each step's errors, the fee explained
for Type A, Type B and group bands, "no fee to pay" outside 29 July 2013 to 26 July
2017, and the way out to the card payment (success, declined, cancelled) or Help with Fees."""

import re

import pytest
from django.urls import reverse

from digital_services.notifications.models import OutboundMessage
from tests.conftest import sign_in
from tribunal_fees.constants import FeeCaseStatus
from tribunal_fees.models import FeeCase

from .factories import UserFactory

pytestmark = pytest.mark.django_db

ISSUE_2016 = {"fee_date_0": "14", "fee_date_1": "3", "fee_date_2": "2016"}


def step_url(step: str) -> str:
    return reverse("tribunal_fees:pay-step", args=[step])


def answer(client, step: str, data: dict):
    response = client.post(step_url(step), data)
    assert response.status_code == 302, _errors(response)
    return response["Location"]


def _errors(response) -> str:
    body = response.content.decode()
    return " | ".join(re.findall(r'<a href="#[^"]*">([^<]+)</a>', body)) or body[:300]


def answer_up_to_fee(client, *, kind="issue", elements=("unfair_dismissal",), claimants="1"):
    answer(client, "tribunal", {"tribunal": "employment"})
    answer(client, "fee-kind", {"kind": kind})
    if kind == "hearing":
        answer(client, "case-number", {"case_number": "1234567/2016"})
    answer(client, "date", ISSUE_2016)
    answer(client, "payer", {"payer_role": "claimant"})
    answer(client, "claimants", {"claimants": claimants})
    return answer(client, "claim-about", {"claim_elements": list(elements)})


@pytest.fixture
def user(client):
    user = UserFactory()
    sign_in(client, user)
    return user


@pytest.mark.parametrize(
    ("step", "data", "message"),
    [
        ("fee-kind", {}, "Select what you are paying for"),
        ("date", {}, "Enter the date the claim was presented"),
        (
            "date",
            {"fee_date_0": "31", "fee_date_1": "2", "fee_date_2": "2016"},
            "The date the claim was presented must be a real date",
        ),
        (
            "date",
            {"fee_date_0": "1", "fee_date_1": "1", "fee_date_2": "2999"},
            "The date the claim was presented must be today or in the past",
        ),
        ("payer", {}, "Select who is paying the fee"),
        ("claimants", {"claimants": "0"}, "The number of claimants must be 1 or more"),
        ("claimants", {"claimants": "lots"}, "Enter the number of claimants as a whole number"),
        ("claim-about", {}, "Select what the claim is about"),
    ],
)
def test_each_step_explains_a_bad_answer_and_keeps_it(client, step, data, message):
    answer(client, "tribunal", {"tribunal": "employment"})
    answer(client, "fee-kind", {"kind": "issue"})
    if step not in ("fee-kind", "date"):
        answer(client, "date", ISSUE_2016)
    if step in ("claimants", "claim-about"):
        answer(client, "payer", {"payer_role": "claimant"})
    if step == "claim-about":
        answer(client, "claimants", {"claimants": "1"})

    response = client.post(step_url(step), data)
    body = response.content.decode()

    assert response.status_code == 200
    assert message in body
    assert "<title>Error: " in body
    for value in data.values():
        assert f'value="{value}"' in body


def test_a_hearing_fee_needs_the_case_number_in_its_format(client):
    answer(client, "tribunal", {"tribunal": "employment"})
    answer(client, "fee-kind", {"kind": "hearing"})
    response = client.post(step_url("case-number"), {"case_number": "12345/16"})
    assert (
        "Enter the case number in the right format, like 1234567/2016" in response.content.decode()
    )
    assert answer(client, "case-number", {"case_number": "1234567/2016"}) == step_url("date")


def test_an_appeal_fee_asks_for_the_appeal_number(client):
    answer(client, "tribunal", {"tribunal": "employment"})
    answer(client, "fee-kind", {"kind": "other"})
    answer(client, "other-fee", {"other_kind": "eat_lodge"})
    response = client.post(step_url("case-number"), {"case_number": "1234567/2016"})
    assert "like UKEAT/0123/16/001" in response.content.decode()


def test_a_type_a_claim_is_explained_as_type_a(client):
    answer_up_to_fee(client, elements=("unpaid_wages", "holiday_pay"))
    body = client.get(step_url("fee")).content.decode()
    assert "Your fee is £160.00" in body
    assert "Type A" in body
    assert "lower Type A fee" in body


def test_a_mixed_claim_pays_the_type_b_fee_once(client):
    answer_up_to_fee(client, elements=("unpaid_wages", "discrimination"))
    body = client.get(step_url("fee")).content.decode()
    assert "Your fee is £250.00" in body
    assert "pays the Type B fee, once" in body


@pytest.mark.parametrize(
    ("claimants", "fee", "divisor", "share"),
    [
        ("2", "£500.00", "2", "£250.00"),
        ("11", "£1,000.00", "4", "£250.00"),
        ("201", "£1,500.00", "6", "£250.00"),
    ],
)
def test_a_group_fee_is_explained_with_its_band_and_the_remission_split(
    client, claimants, fee, divisor, share
):
    answer_up_to_fee(client, claimants=claimants)
    body = client.get(step_url("fee")).content.decode()
    assert f"Your fee is {fee}" in body
    assert f"divided by {divisor}, which is {share}" in body


def test_the_group_split_example_is_capped_at_the_group_fee(client):
    answer_up_to_fee(client, claimants="2")
    body = client.get(step_url("fee")).content.decode()
    # 2 claimants, 1 with Help with Fees: £500 ÷ 2 × 1 = £250.
    assert "the group would pay £250.00" in body


def test_a_claim_presented_after_fees_were_abolished_has_no_fee_to_pay(client):
    answer(client, "tribunal", {"tribunal": "employment"})
    answer(client, "fee-kind", {"kind": "issue"})
    next_url = answer(client, "date", {"fee_date_0": "27", "fee_date_1": "7", "fee_date_2": "2017"})
    assert next_url == step_url("fee")  # no questions about a fee that does not exist

    body = client.get(next_url).content.decode()

    assert "<title>You do not need to pay a fee" in body
    assert "fees stopped on 26 July 2017" in body
    assert "What did you think of this service?" in body
    assert 'name="next_step"' not in body


def test_a_claim_before_fees_started_has_no_fee_to_pay(client):
    answer(client, "tribunal", {"tribunal": "employment"})
    answer(client, "fee-kind", {"kind": "issue"})
    answer(client, "date", {"fee_date_0": "28", "fee_date_1": "7", "fee_date_2": "2013"})
    assert "fees started on 29 July 2013" in client.get(step_url("fee")).content.decode()


def test_judicial_mediation_on_a_type_a_claim_has_no_fee(client):
    answer(client, "tribunal", {"tribunal": "employment"})
    answer(client, "fee-kind", {"kind": "other"})
    answer(client, "other-fee", {"other_kind": "judicial_mediation"})
    answer(client, "case-number", {"case_number": "1234567/2016"})
    answer(client, "date", ISSUE_2016)
    answer(client, "payer", {"payer_role": "respondent"})
    answer(client, "claim-about", {"claim_elements": ["notice_pay"]})
    body = client.get(step_url("fee")).content.decode()
    assert "There is no judicial mediation for a Type A claim" in body


def test_the_fee_page_asks_to_pay_now_or_apply_for_help(client):
    answer_up_to_fee(client)
    response = client.post(step_url("fee"), {})
    assert "Select whether you want to pay now or apply for Help with Fees" in (
        response.content.decode()
    )


def _finish(client, *, choice="pay", email="payer@example.com"):
    answer_up_to_fee(client)
    answer(client, "fee", {"next_step": choice})
    answer(client, "email", {"contact": "email", "email": email})
    return client.post(reverse("tribunal_fees:pay-check"))


def _pay_with(client, card_url: str, card_number: str, capture):
    """The sandbox's card pages, as the citizen uses them; returns the return page (the
    payments app tells the fee about the outcome after its transaction commits)."""
    with capture(execute=True):
        return _card_pages(client, card_url, card_number)


def _card_pages(client, card_url: str, card_number: str):
    response = client.post(
        card_url,
        {
            "card_no": card_number,
            "expiry_month": "12",
            "expiry_year": "2035",
            "cardholder_name": "Sam Example",
            "cvc": "123",
        },
    )
    if response["Location"].endswith("/confirm/"):
        response = client.post(response["Location"])
    return client.get(response["Location"])


def test_paying_by_card_records_the_fee_paid_sends_a_receipt_and_offers_the_pdf(
    client, user, django_capture_on_commit_callbacks
):
    response = _finish(client)
    fee_case = FeeCase.objects.get()
    assert fee_case.user == user
    assert fee_case.status == FeeCaseStatus.PAYMENT_IN_PROGRESS
    assert "/payments/sandbox/" in response["Location"]

    result = _pay_with(
        client, response["Location"], "4444333322221111", django_capture_on_commit_callbacks
    )

    fee_case.refresh_from_db()
    assert "Payment received" in result.content.decode()
    assert fee_case.status == FeeCaseStatus.PAID
    assert fee_case.amount_paid_pence == 25000
    assert OutboundMessage.objects.filter(template_key="tribunal_fees.fee_receipt").count() == 1
    fee_url = reverse("tribunal_fees:fee-detail", args=[fee_case.reference])
    assert f'href="{fee_url}"' in result.content.decode()
    page = client.get(fee_url).content.decode()
    assert "Date paid" in page
    assert reverse("tribunal_fees:fee-receipt-pdf", args=[fee_case.reference]) in page
    pdf = client.get(reverse("tribunal_fees:fee-receipt-pdf", args=[fee_case.reference]))
    assert pdf["Content-Type"] == "application/pdf"
    assert fee_case.reference.encode() in b"".join(pdf.streaming_content)


def test_a_declined_card_leaves_the_fee_unpaid_and_offers_to_try_again(
    client, user, django_capture_on_commit_callbacks
):
    response = _finish(client)
    result = _pay_with(
        client, response["Location"], "4000000000000002", django_capture_on_commit_callbacks
    )
    body = result.content.decode()
    assert "Your payment was declined" in body
    assert "Try again" in body
    assert FeeCase.objects.get().status == FeeCaseStatus.UNPAID


def test_a_cancelled_payment_leaves_the_fee_unpaid(
    client, user, django_capture_on_commit_callbacks
):
    response = _finish(client)
    payment_id = response["Location"].rstrip("/").rsplit("/", 1)[-1]
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = client.post(reverse("payments:sandbox-cancel", args=[payment_id]))
        body = client.get(cancelled["Location"]).content.decode()
    assert "Your payment has been cancelled" in body
    fee_case = FeeCase.objects.get()
    assert fee_case.status == FeeCaseStatus.UNPAID
    page = client.get(reverse("tribunal_fees:fee-detail", args=[fee_case.reference]))
    assert "Pay £250.00 by card" in page.content.decode()


def test_a_provider_error_shows_the_payment_uncertain_page(
    client, user, django_capture_on_commit_callbacks
):
    response = _finish(client)
    _pay_with(client, response["Location"], "4000000000000119", django_capture_on_commit_callbacks)
    fee_case = FeeCase.objects.get()
    assert fee_case.status == FeeCaseStatus.PAYMENT_UNCERTAIN
    body = client.get(reverse("tribunal_fees:fee-detail", args=[fee_case.reference])).content
    assert b"We cannot confirm your payment yet" in body
    assert b"Do not pay again" in body


def test_someone_not_signed_in_can_pay_and_then_see_their_fee(
    client, django_capture_on_commit_callbacks
):
    response = _finish(client)
    result = _pay_with(
        client, response["Location"], "4444333322221111", django_capture_on_commit_callbacks
    )
    fee_case = FeeCase.objects.get()
    assert fee_case.user is None
    assert fee_case.email == "payer@example.com"
    back = re.search(r'href="([^"]*access/[^"]*)"', result.content.decode()).group(1)
    page = client.get(back.replace("&amp;", "&"), follow=True)
    assert page.status_code == 200
    assert fee_case.reference in page.content.decode()
    assert "Date paid" in page.content.decode()


def test_another_browser_cannot_see_a_fee_sent_without_an_account(client, django_user_model):
    _finish(client)
    fee_case = FeeCase.objects.get()
    other = django_user_model.objects.create_user(email="other@example.com", password="x" * 12)
    from django.test import Client

    stranger = Client()
    stranger.force_login(other)
    url = reverse("tribunal_fees:fee-detail", args=[fee_case.reference])
    assert stranger.get(url).status_code == 404
    assert Client().get(url)["Location"].startswith(reverse("account_login"))


def test_a_forged_access_link_does_not_work(client):
    _finish(client)
    assert client.get(reverse("core:grant", args=["not-a-token"])).status_code == 404


def test_choosing_help_with_fees_goes_on_to_help_with_fees_for_that_fee(client, user):
    response = _finish(client, choice="hwf")
    fee_case = FeeCase.objects.get()
    assert response["Location"] == reverse("tribunal_fees:fee-hwf", args=[fee_case.reference])
    assert fee_case.status == FeeCaseStatus.UNPAID

    begun = client.post(response["Location"])
    first = client.get(begun["Location"])
    assert first["Location"] == reverse(
        "tribunal_fees:apply-for-help-with-fees-step", args=["applicant"]
    )


@pytest.mark.parametrize(
    ("remitted", "status", "due"),
    [("1", FeeCaseStatus.PAYMENT_IN_PROGRESS, 25000), ("2", FeeCaseStatus.REMITTED, 0)],
)
def test_a_group_with_help_with_fees_pays_the_split_or_nothing(client, user, remitted, status, due):
    answer_up_to_fee(client, claimants="2")
    answer(client, "fee", {"next_step": "hwf"})
    response = client.post(step_url("group-hwf"), {"remitted_claimants": "3"})
    assert "must be 2 or fewer" in response.content.decode()
    answer(client, "group-hwf", {"remitted_claimants": remitted})
    answer(client, "email", {"contact": "email", "email": "group@example.com"})

    client.post(reverse("tribunal_fees:pay-check"))

    fee_case = FeeCase.objects.get()
    assert fee_case.fee_pence == 50000
    assert fee_case.amount_due_pence == due
    assert fee_case.status == status


def test_the_start_page_starts_the_journey_and_links_to_help_and_refunds(client):
    body = client.get(reverse("tribunal_fees:start")).content.decode()
    assert reverse("tribunal_fees:pay-start") in body
    assert reverse("tribunal_fees:apply-for-help-with-fees-start") in body
    assert reverse("tribunal_fees:refund-start") in body


def test_a_signed_in_citizen_finds_their_email_already_filled_in(client, user):
    """Issue #12 point 19: the contact step starts with the account's email chosen."""
    answer_up_to_fee(client)
    answer(client, "fee", {"next_step": "pay"})
    page = client.get(step_url("email")).content.decode()
    assert re.search(r'<input[^>]+name="email"[^>]+value="' + re.escape(user.email), page), page
    assert re.search(
        r'<input[^>]+value="email"[^>]+checked|<input[^>]+checked[^>]+value="email"', page
    )


def test_someone_not_signed_in_starts_with_nothing_filled_in(client):
    answer_up_to_fee(client)
    answer(client, "fee", {"next_step": "pay"})
    page = client.get(step_url("email")).content.decode()
    assert not re.search(r'<input[^>]+name="email"[^>]+value="[^"]', page)
