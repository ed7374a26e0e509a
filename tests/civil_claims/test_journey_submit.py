"""Sending the claim through the test client: the card payment issues it (claim number,
confirmation that says how we will contact the claimant), Help with Fees sends it to wait,
the claim page and "Your applications", and the "your fee has changed" page when interest
moves the claim into another fee band between the fee page and sending."""

import re

import pytest
import time_machine
from django.urls import reverse

from civil_claims.constants import ClaimStatus
from civil_claims.models import Claim
from tests.conftest import sign_in
from tests.tribunal_fees.factories import UserFactory

from .journey_answers import (
    CONTACT_POST,
    answer,
    answer_amount,
    answer_interest,
    answer_parties,
    answer_rest,
    answer_whole_claim,
    errors,
    step_url,
)

pytestmark = pytest.mark.django_db

# A Tuesday morning: the claim is issued the same day.
SENT_AT = "2026-03-10 10:00:00+00:00"
CARD_OK = "4444333322221111"


def text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def pay(client, card_url: str, capture):
    with capture(execute=True):
        response = client.post(
            card_url,
            {
                "card_no": CARD_OK,
                "expiry_month": "12",
                "expiry_year": "2035",
                "cardholder_name": "Sam Claimant",
                "cvc": "123",
            },
        )
        if response["Location"].endswith("/confirm/"):
            response = client.post(response["Location"])
        return client.get(response["Location"])


@pytest.fixture
def user(client):
    user = UserFactory()
    sign_in(client, user)
    return user


@time_machine.travel(SENT_AT, tick=False)
def test_paying_by_card_issues_the_claim_and_says_how_we_will_write(
    client, user, django_capture_on_commit_callbacks
):
    answer_whole_claim(client, contact=CONTACT_POST)
    check = client.get(reverse("civil_claims:claim-check"))
    assert "£1,000.00" in text(check) and "Court fee £70.00" in text(check)
    response = client.post(reverse("civil_claims:claim-check"))
    assert response.status_code == 302, errors(response)
    assert "/payments/sandbox/" in response["Location"]
    claim = Claim.objects.get()
    assert claim.user == user
    assert claim.status == ClaimStatus.AWAITING_PAYMENT
    assert claim.fee_pence == 7000
    assert claim.claimant.contact_channel == "letter"
    assert claim.claimant.email == ""

    result = pay(client, response["Location"], django_capture_on_commit_callbacks)
    assert "Payment received" in text(result)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.OPEN
    assert re.fullmatch(r"\d{3}MC\d{3}", claim.claim_number)

    page = client.get(reverse("civil_claims:claim-confirmation", args=[claim.reference]))
    words = text(page)
    assert "Your claim has been issued" in words
    assert claim.claim_number in words
    assert "by a letter to Sam Claimant, 1 High Street, Leeds, LS1 1AA" in words
    assert "email" not in words.split("by a letter")[1][:40]

    detail = text(client.get(reverse("civil_claims:claim-detail", args=[claim.reference])))
    assert "Issued on 10 March 2026" in detail
    assert "The defendant must respond by 4pm on 30 March 2026" in detail
    assert "Claim submitted" in detail and "Claim issued" in detail

    applications = text(client.get(reverse("accounts:your-applications")))
    assert claim.claim_number in applications
    assert "Money claim against Mr Dan Defendant" in applications


@time_machine.travel(SENT_AT, tick=False)
def test_help_with_fees_sends_the_claim_to_wait_for_a_decision(client, user):
    answer_parties(client)
    answer_amount(client)
    answer_interest(client)
    answer_rest(client, how="hwf")
    response = client.post(reverse("civil_claims:claim-check"))
    assert response.status_code == 302, errors(response)
    claim = Claim.objects.get()
    assert claim.status == ClaimStatus.HWF_PENDING
    assert claim.hwf_reference == "HWF-A1B-23C"
    page = client.get(response["Location"], follow=True)
    words = text(page)
    assert "Your claim has been sent" in words
    assert "Do not pay the fee yet" in words
    assert "by an email to sam@example.com" in words


def test_someone_not_signed_in_sends_a_claim_and_sees_it_through_its_grant(client):
    with time_machine.travel(SENT_AT, tick=False):
        answer_parties(client)
        answer_amount(client)
        answer_interest(client)
        answer_rest(client, how="hwf")
        response = client.post(reverse("civil_claims:claim-check"))
        claim = Claim.objects.get()
        assert claim.user is None
        page = client.get(response["Location"], follow=True)
        assert "Your claim has been sent" in text(page)
        detail = client.get(reverse("civil_claims:claim-detail", args=[claim.reference]))
        assert detail.status_code == 200  # the grant stays held in this browser's session
    other = client.__class__()
    refused = other.get(reverse("civil_claims:claim-detail", args=[claim.reference]))
    assert refused.status_code == 302 and "login" in refused["Location"]


@time_machine.travel(SENT_AT, tick=False)
def test_interest_is_shown_worked_out_to_the_penny(client):
    answer_amount(client)
    answer_interest(
        client,
        kind="same_rate",
        interest_rate={"rate_type": "statutory"},
        interest_start={
            "start": "custom",
            "start_date_0": "10",
            "start_date_1": "3",
            "start_date_2": "2025",
            "start_reason": "The invoice was due then",
        },
        interest_end={"end": "settled"},
    )
    page = text(client.get(step_url("fee")))
    # £1,000 at 8%: 21.917…p a day, 365 days: £80.00 to the issue date.
    assert "Interest to 10 March 2026 £80.00" in page
    assert "Interest to that date £80.00" in page
    assert "Interest each day £0.22" in page
    assert "Number of days 365" in page
    assert "From 10 March 2025" in page
    assert "£0.22 a day until the claim is settled" in page


@time_machine.travel(SENT_AT, tick=False)
def test_a_different_rate_needs_a_reason_and_a_sensible_number(client):
    answer_amount(client)
    answer(client, "interest", {"kind": "same_rate"})
    response = client.post(step_url("interest-rate"), {"rate_type": "other", "rate": "abc"})
    found = errors(response)
    assert "Enter the rate as a number" in found
    assert "Enter why you are claiming this rate" in found
    assert 'value="abc"' in response.content.decode()
    response = client.post(step_url("interest-rate"), {"rate_type": "other", "rate": "150"})
    assert "Enter a rate more than 0% and no more than 100%" in errors(response)


@time_machine.travel(SENT_AT, tick=False)
def test_interest_cannot_start_in_the_future(client):
    answer_amount(client)
    answer(client, "interest", {"kind": "same_rate"})
    answer(client, "interest-rate", {"rate_type": "statutory"})
    response = client.post(
        step_url("interest-start"),
        {
            "start": "custom",
            "start_date_0": "11",
            "start_date_1": "3",
            "start_date_2": "2026",
            "start_reason": "Why",
        },
    )
    assert "The date interest starts must be today or earlier" in errors(response)


@time_machine.travel(SENT_AT, tick=False)
def test_fee_is_worked_out_on_the_claim_plus_interest(client):
    answer_amount(client, rows=[("Invoice", "290.00")])
    answer_interest(
        client,
        kind="breakdown",
        interest_breakdown={"total_pence": "10.01", "explanation": "My sums"},
        interest_continuing={"continuing": "none"},
    )
    page = text(client.get(step_url("fee")))
    # £290.00 + £10.01 = £300.01: the second band (£50), not the first (£35).
    assert "The court fee is £50.00" in page
    assert "Amount claimed £290.00" in page
    assert "Interest to 10 March 2026 £10.01" in page


def test_fee_changed_page_when_interest_moves_the_band_before_sending(client, user):
    with time_machine.travel("2026-03-09 10:00:00+00:00", tick=False):
        answer_parties(client)
        answer_amount(client, rows=[("Invoice", "299.00")])
        # £299.00 at 8% is 6.55p a day: 15 days is £0.98 (£299.98, the £35 band).
        answer_interest(
            client,
            kind="same_rate",
            interest_rate={"rate_type": "statutory"},
            interest_start={
                "start": "custom",
                "start_date_0": "22",
                "start_date_1": "2",
                "start_date_2": "2026",
                "start_reason": "The invoice was due then",
            },
            interest_end={"end": "settled"},
        )
        assert "The court fee is £35.00" in text(client.get(step_url("fee")))
        answer_rest(client)
    # Two days later 17 days of interest is £1.11: £300.11 is in the £50 band.
    with time_machine.travel("2026-03-11 10:00:00+00:00", tick=False):
        sign_in(client, user)  # two days idle: signed out, the draft kept for the account
        response = client.post(reverse("civil_claims:claim-check"))
        assert response.status_code == 200
        assert "Your court fee has changed to £50.00" in text(response)
        assert step_url("fee") + "?return=check" in response.content.decode()
        assert not Claim.objects.exists()
        page = client.get(step_url("fee") + "?return=check")
        words = text(page)
        assert "Your court fee has changed" in words
        assert "was £35.00" in words and "It is now £50.00" in words
        assert "<title>Your court fee has changed" in page.content.decode()
        answer(client, "fee", {"how": "card", "quoted_fee_pence": "5000"})
        response = client.post(reverse("civil_claims:claim-check"))
        assert response.status_code == 302, errors(response)
    assert Claim.objects.get().fee_pence == 5000
