"""The defendant's response through its pages (test client): each response type end to end,
what is kept, the claim stamped, and the messages to both parties."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from civil_claims.constants import ClaimStatus, PartyRole, PaymentOption, ResponseType
from civil_claims.models import Claim, Counterclaim, EvidenceItem, Response, TimelineEvent
from digital_services.audit.models import AuditEvent
from digital_services.journeys.models import Draft
from tests.accounts.factories import UserFactory

from .factories_defendant import claim_linked_to, messages_about
from .response_answers import (
    answer,
    claim_against_individual,
    date_data,
    dispute_rest,
    means_answers,
    response_begin,
    send,
    sign,
)

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 6, 10, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def defendant():
    return UserFactory(email="dee@example.com")


@pytest.fixture
def claim(defendant):
    return claim_against_individual(defendant)


@pytest.fixture
def signed_in(client, defendant):
    client.force_login(defendant)
    return client


def _templates(claim) -> dict[str, str]:
    return {m.template_key: m.channel for m in messages_about(claim)}


def test_a_full_admission_paid_immediately_is_sent_and_both_parties_are_told(signed_in, claim):
    response_begin(signed_in, claim)
    answer(signed_in, "response-type", {"response_type": "full_admission"})
    answer(signed_in, "payment-option", {"option": "immediately"})
    sign(signed_in)

    check = signed_in.get(reverse("civil_claims:response-check"))
    assert check.status_code == 200
    assert "You admit you owe" in check.content.decode()
    sent = send(signed_in)

    assert sent.status_code == 302
    assert sent["Location"] == reverse("civil_claims:respond-sent", args=[claim.reference])
    response = Response.objects.get(claim=claim)
    claim.refresh_from_db()
    assert response.response_type == ResponseType.FULL_ADMISSION
    assert response.channel == "online"
    assert response.user.email == "dee@example.com"
    assert response.admitted_amount_pence == claim.total_claimed_pence
    assert response.payment_option == PaymentOption.IMMEDIATELY
    assert response.pay_by_date == dt.date(2026, 6, 15)  # within 5 days
    assert claim.responded_at == NOW
    assert claim.status == ClaimStatus.OPEN  # a response keeps the claim open (notes §4)
    assert AuditEvent.objects.filter(
        action="claim.response_submitted", object_id=str(claim.pk)
    ).exists()
    templates = _templates(claim)
    assert "civil_claims.response_received_defendant" in templates
    assert "civil_claims.response_full_admission_claimant" in templates
    assert not Draft.objects.filter(journey="response").exists()
    page = signed_in.get(sent["Location"])
    assert "Your response has been sent" in page.content.decode()
    assert "15 June 2026" in page.content.decode()


def test_a_part_admission_with_instalments_and_a_statement_of_means(signed_in, claim):
    response_begin(signed_in, claim)
    answer(signed_in, "response-type", {"response_type": "part_admission"})
    answer(signed_in, "part-paid-question", {"already_paid": "no"})
    answer(signed_in, "admitted-amount", {"amount_pence": "100.00"})
    answer(signed_in, "defence", {"defence": "Only half the work was done"})
    answer(signed_in, "counterclaim", {"wants": "no"})
    answer(signed_in, "payment-option", {"option": "instalments"})
    answer(
        signed_in,
        "instalments",
        {
            "amount_pence": "10",
            "frequency": "monthly",
            **date_data("first_date", dt.date(2026, 7, 1)),
        },
    )
    means_answers(signed_in)
    dispute_rest(signed_in)
    sign(signed_in)
    assert send(signed_in).status_code == 302

    response = Response.objects.get(claim=claim)
    assert response.response_type == ResponseType.PART_ADMISSION
    assert response.admitted_amount_pence == 10000
    assert response.instalment_amount_pence == 1000
    assert response.instalment_frequency == "monthly"
    assert response.instalment_first_date == dt.date(2026, 7, 1)
    assert response.defence == "Only half the work was done"
    means = response.statement_of_means
    assert means["bank_accounts"][0]["balance_pence"] == 12050
    assert means["employers"] == [{"employer": "Acme Ltd", "job_title": "Driver"}]
    assert means["monthly_income_total_pence"] == 190000
    assert means["monthly_outgoings_total_pence"] == 75000 + 30000 + 6000 + 2000 + 5000
    assert means["explanation"] == "My hours were cut this year"
    assert response.free_mediation is True
    assert response.directions_questionnaire["other_witnesses"] == 1
    assert response.directions_questionnaire["mediation_phone"] == "07700 900 982"
    assert TimelineEvent.objects.get(claim=claim, party_role=PartyRole.DEFENDANT).date_text == (
        "March 2026"
    )
    assert EvidenceItem.objects.get(claim=claim, party_role=PartyRole.DEFENDANT).kind == "photo"
    assert "civil_claims.response_part_admission_claimant" in _templates(claim)


def test_a_part_admission_already_paid(signed_in, claim):
    response_begin(signed_in, claim)
    answer(signed_in, "response-type", {"response_type": "part_admission"})
    answer(signed_in, "part-paid-question", {"already_paid": "yes"})
    answer(
        signed_in,
        "part-paid",
        {"amount_pence": "50", **date_data("paid_on", dt.date(2026, 5, 1)), "how": "Bank transfer"},
    )
    answer(signed_in, "defence", {"defence": "I paid what I owed"})
    answer(signed_in, "counterclaim", {"wants": "no"})
    dispute_rest(signed_in, mediation=False)
    sign(signed_in)
    assert send(signed_in).status_code == 302

    response = Response.objects.get(claim=claim)
    assert (response.paid_amount_pence, response.paid_on, response.paid_how) == (
        5000,
        dt.date(2026, 5, 1),
        "Bank transfer",
    )
    assert response.admitted_amount_pence is None
    assert response.payment_option == ""
    assert response.statement_of_means == {}
    assert "civil_claims.response_states_paid_claimant" in _templates(claim)


def test_a_full_defence_disputing_the_claim_without_mediation(signed_in, claim):
    response_begin(signed_in, claim)
    answer(signed_in, "response-type", {"response_type": "full_defence"})
    answer(signed_in, "defence-type", {"defence_type": "dispute"})
    answer(signed_in, "defence", {"defence": "I never ordered anything", "impact": "Stress"})
    answer(signed_in, "counterclaim", {"wants": "no"})
    dispute_rest(signed_in, mediation=False)
    sign(signed_in)
    assert send(signed_in).status_code == 302

    response = Response.objects.get(claim=claim)
    assert response.response_type == ResponseType.FULL_DEFENCE
    assert response.defence_type == "dispute"
    assert response.impact_of_dispute == "Stress"
    assert response.free_mediation is False
    assert "civil_claims.response_defence_claimant" in _templates(claim)


def test_a_full_defence_saying_it_has_been_paid(signed_in, claim):
    response_begin(signed_in, claim)
    answer(signed_in, "response-type", {"response_type": "full_defence"})
    answer(signed_in, "defence-type", {"defence_type": "already_paid"})
    total = claim.total_claimed_pence
    answer(
        signed_in,
        "defence-paid",
        {
            "amount_pence": f"{total // 100}.{total % 100:02d}",
            **date_data("paid_on", dt.date(2026, 6, 1)),
            "how": "Cash",
        },
    )
    answer(signed_in, "defence", {"defence": "Paid in full in cash"})
    answer(signed_in, "counterclaim", {"wants": "no"})
    dispute_rest(signed_in)
    sign(signed_in)
    assert send(signed_in).status_code == 302

    response = Response.objects.get(claim=claim)
    assert response.defence_type == "already_paid"
    assert response.paid_amount_pence == total
    assert "civil_claims.response_states_paid_claimant" in _templates(claim)


def test_a_company_asking_for_time_sends_its_finances_to_the_claimant(client):
    user = UserFactory()
    claim = claim_linked_to(user)  # against a company
    client.force_login(user)
    response_begin(client, claim)
    answer(client, "response-type", {"response_type": "full_admission"})
    answer(client, "payment-option", {"option": "by_set_date"})
    answer(client, "pay-by-date", date_data("pay_by", dt.date(2026, 9, 1)))

    page = client.get(reverse("civil_claims:response-step", kwargs={"step": "som-bank-accounts"}))
    assert page.status_code == 302  # no statement of means for a company
    finances = client.get(
        reverse("civil_claims:response-step", kwargs={"step": "company-finances"})
    )
    assert "send the claimant" in finances.content.decode().lower()
    answer(client, "company-finances", {"will_send": "on"})
    sign(client, signer_name="Pat Director", signer_role="Director")
    assert send(client).status_code == 302

    response = Response.objects.get(claim=claim)
    assert response.pay_by_date == dt.date(2026, 9, 1)
    assert response.statement_of_means == {"organisation_sends_financial_details_to_claimant": True}
    assert (response.sot_signer_name, response.sot_signer_role) == ("Pat Director", "Director")


def test_an_individual_asking_for_time_gives_a_statement_of_means(signed_in, claim):
    response_begin(signed_in, claim)
    answer(signed_in, "response-type", {"response_type": "full_admission"})
    answer(signed_in, "payment-option", {"option": "by_set_date"})
    answer(signed_in, "pay-by-date", date_data("pay_by", dt.date(2026, 9, 1)))
    company = signed_in.get(
        reverse("civil_claims:response-step", kwargs={"step": "company-finances"})
    )
    assert company.status_code == 302  # not asked of an individual
    sign(signed_in)
    check = signed_in.get(reverse("civil_claims:response-check"))
    assert check.status_code == 302  # the statement of means is still to do
    means_answers(signed_in)
    assert send(signed_in).status_code == 302
    assert Response.objects.get(claim=claim).statement_of_means["residence"]["kind"] == (
        "private_rent"
    )


@pytest.mark.parametrize(
    ("how", "extra", "expected"),
    [
        ("card", {}, "Pay the counterclaim fee"),
        ("hwf", {"hwf_reference": "hwf a1b 23c"}, "HWF-A1B-23C"),
        ("paper", {}, "paper counterclaim form"),
    ],
)
def test_a_counterclaim_shows_its_fee_and_each_way_to_pay(signed_in, claim, how, extra, expected):
    response_begin(signed_in, claim)
    answer(signed_in, "response-type", {"response_type": "full_defence"})
    answer(signed_in, "defence-type", {"defence_type": "dispute"})
    answer(signed_in, "defence", {"defence": "They owe me"})
    answer(signed_in, "counterclaim", {"wants": "yes"})
    answer(signed_in, "counterclaim-details", {"amount_pence": "500", "reason": "Unpaid invoice"})
    fee_page = signed_in.get(
        reverse("civil_claims:response-step", kwargs={"step": "counterclaim-fee"})
    ).content.decode()
    assert "The fee for a counterclaim of £500.00 is £50.00" in fee_page  # the £300.01–£500 band
    answer(signed_in, "counterclaim-fee", {"how": how, **extra})
    dispute_rest(signed_in)
    sign(signed_in)
    sent = send(signed_in)
    assert sent.status_code == 302

    counterclaim = Counterclaim.objects.get(response__claim=claim)
    assert (counterclaim.amount_pence, counterclaim.fee_pence, counterclaim.fee_route) == (
        50000,
        5000,
        how,
    )
    assert "civil_claims.response_counterclaim_claimant" in _templates(claim)
    assert expected in signed_in.get(sent["Location"]).content.decode()


def test_the_counterclaim_fee_paid_by_card_is_recorded(
    signed_in, claim, django_capture_on_commit_callbacks
):
    from civil_claims.services.response import (
        CounterclaimAnswers,
        ResponseAnswers,
        response_submit,
    )
    from digital_services.payments.models import Payment

    from .test_journey_submit import pay

    response_submit(
        claim=claim,
        answers=ResponseAnswers(
            response_type="full_defence",
            defence_type="dispute",
            defence="They owe me",
            counterclaim=CounterclaimAnswers(
                amount_pence=50000, reason="Invoice", fee_route="card"
            ),
        ),
    )
    started = signed_in.post(
        reverse("civil_claims:respond-counterclaim-pay", args=[claim.reference])
    )
    assert "/payments/sandbox/" in started["Location"]
    payment = Payment.objects.get(purpose="civil-claims-counterclaim-fee")
    assert payment.amount_pence == 5000

    pay(signed_in, started["Location"], django_capture_on_commit_callbacks)

    counterclaim = Counterclaim.objects.get(response__claim=claim)
    assert counterclaim.fee_paid_pence == 5000
    assert counterclaim.fee_paid_at is not None
    assert AuditEvent.objects.filter(
        action="claim.counterclaim_fee_paid", object_id=str(claim.pk)
    ).exists()
    page = signed_in.get(reverse("civil_claims:respond-sent", args=[claim.reference]))
    assert "You paid the fee on" in page.content.decode()
    again = signed_in.post(reverse("civil_claims:respond-counterclaim-pay", args=[claim.reference]))
    assert again["Location"] == reverse("civil_claims:respond-sent", args=[claim.reference])


def test_a_validation_error_keeps_what_was_typed(signed_in, claim):
    response_begin(signed_in, claim)
    answer(signed_in, "response-type", {"response_type": "part_admission"})
    answer(signed_in, "part-paid-question", {"already_paid": "no"})
    total = claim.total_claimed_pence
    typed = f"{total // 100 + 5}.00"
    page = answer(signed_in, "admitted-amount", {"amount_pence": typed}, expect_ok=False)
    html = page.content.decode()
    assert page.status_code == 200
    assert "govuk-error-summary" in html
    assert "must be less than the total claimed" in html
    assert f'value="{typed}"' in html

    page = answer(
        signed_in,
        "instalments",
        {
            "amount_pence": "abc",
            "frequency": "weekly",
            **date_data("first_date", dt.date(2026, 1, 1)),
        },
        expect_ok=False,
    )
    assert page.status_code in (200, 302)


def test_the_journey_is_only_for_the_claims_linked_defendant(client, claim):
    stranger = UserFactory()
    client.force_login(stranger)
    assert (
        client.get(
            reverse("civil_claims:respond-response-start", args=[claim.reference])
        ).status_code
        == 404
    )
    page = client.get(reverse("civil_claims:response-start"))
    assert page["Location"] == reverse("civil_claims:respond-start")


def test_a_second_response_is_refused(signed_in, claim):
    response_begin(signed_in, claim)
    answer(signed_in, "response-type", {"response_type": "full_admission"})
    answer(signed_in, "payment-option", {"option": "immediately"})
    sign(signed_in)
    assert send(signed_in).status_code == 302
    again = signed_in.get(reverse("civil_claims:respond-response-start", args=[claim.reference]))
    assert again["Location"] == reverse("civil_claims:respond-claim", args=[claim.reference])
    assert Response.objects.filter(claim=claim).count() == 1
    page = signed_in.get(again["Location"]).content.decode()
    assert "You responded on" in page
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.OPEN
