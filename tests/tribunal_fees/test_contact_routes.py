"""Everyone can finish (issue #12): a citizen without email, helped by an agent in an
assisted-digital session, pays a fee, applies for Help with Fees and for a refund, and
gets a letter for each outcome; the contact step starts with the citizen's recorded
preference; a text message goes only to a UK mobile."""

import re

import pytest
from django.urls import reverse

from digital_services.notifications.models import OutboundMessage
from digital_services.payments.models import Payment, SandboxPayment
from tests.assisted_digital.factories import CitizenWithoutEmailFactory, agent_helping
from tribunal_fees.constants import FeeCaseStatus
from tribunal_fees.models import FeeCase, RefundApplication

from .test_journey_hwf import DOB_1980
from .test_journey_pay import answer_up_to_fee
from .test_journey_refund import BANK, FEE, add_fee

pytestmark = pytest.mark.django_db

POST = {
    "contact": "post",
    "address_line_1": "12 Station Road",
    "address_town": "Swansea",
    "address_postcode": "sa1 1aa",
}


@pytest.fixture
def margaret(db):
    return CitizenWithoutEmailFactory(full_name="Margaret Evans")


@pytest.fixture
def agent_client(client, margaret):
    return agent_helping(margaret, client=client)


def _answer(client, journey: str, step: str, data: dict) -> str:
    response = client.post(reverse(f"tribunal_fees:{journey}-step", args=[step]), data)
    assert response.status_code == 302, re.findall(
        r'<a href="#[^"]*">([^<]+)</a>', response.content.decode()
    )
    return response["Location"]


def _letters(template: str) -> list[OutboundMessage]:
    return list(OutboundMessage.objects.filter(template_key=template, channel="letter"))


def test_the_agent_sees_the_citizens_recorded_preference_already_chosen(agent_client, margaret):
    answer_up_to_fee(agent_client)
    _answer(agent_client, "pay", "fee", {"next_step": "pay"})
    page = agent_client.get(reverse("tribunal_fees:pay-step", args=["email"])).content.decode()
    assert re.search(r'<input[^>]*value="post"[^>]*checked', page)
    profile = margaret.citizen_profile
    assert f'value="{profile.address_line_1}"' in page
    assert 'value="CF10 1AA"' in page
    assert "Enter your email address" not in page


def test_a_fee_paid_for_a_citizen_without_email_sends_the_receipt_by_letter(
    agent_client, margaret, django_capture_on_commit_callbacks
):
    answer_up_to_fee(agent_client)
    _answer(agent_client, "pay", "fee", {"next_step": "pay"})
    _answer(agent_client, "pay", "email", POST)
    check = agent_client.get(reverse("tribunal_fees:pay-check")).content.decode()
    assert "A letter to 12 Station Road, Swansea, SA1 1AA" in check
    response = agent_client.post(reverse("tribunal_fees:pay-check"))
    fee_case = FeeCase.objects.get()
    assert (fee_case.user, fee_case.email, fee_case.contact_channel) == (margaret, "", "letter")

    with django_capture_on_commit_callbacks(execute=True):
        card = agent_client.get(response["Location"])
        assert card.status_code == 200
        result = agent_client.post(
            response["Location"],
            {
                "card_no": "4444333322221111",
                "expiry_month": "12",
                "expiry_year": "2035",
                "cardholder_name": "Margaret Evans",
                "cvc": "123",
            },
        )
        if result["Location"].endswith("/confirm/"):
            result = agent_client.post(result["Location"])
        back = agent_client.get(result["Location"])

    assert back.status_code == 200, back.content.decode()[:300]
    fee_case.refresh_from_db()
    assert fee_case.status == FeeCaseStatus.PAID
    payment = Payment.objects.get()  # a telephone (MOTO) payment, typed by the agent
    assert (payment.moto, payment.started_by) == (True, margaret)
    assert payment.entered_by == agent_client.agent
    assert SandboxPayment.objects.get().moto
    detail = agent_client.get(reverse("tribunal_fees:fee-detail", args=[fee_case.reference]))
    assert "Margaret Evans’s receipt" in detail.content.decode()
    assert "Your receipt" not in detail.content.decode()
    (letter,) = _letters("tribunal_fees.fee_receipt")
    assert letter.recipient == "Margaret Evans\n12 Station Road\nSwansea\nSA1 1AA"
    assert not OutboundMessage.objects.filter(channel="email").exists()


def test_help_with_fees_for_a_citizen_without_email_sends_the_acknowledgement_by_letter(
    agent_client, margaret
):
    journey = "apply-for-help-with-fees"
    _answer(agent_client, journey, "fee", {"has_reference": "no"})
    _answer(agent_client, journey, "tribunal", {"tribunal": "employment"})
    _answer(agent_client, journey, "fee-kind", {"kind": "issue"})
    _answer(
        agent_client, journey, "date", {"fee_date_0": "1", "fee_date_1": "9", "fee_date_2": "2015"}
    )
    _answer(agent_client, journey, "claim-about", {"claim_elements": ["unfair_dismissal"]})
    _answer(agent_client, journey, "applicant", {"applicant_name": "Margaret Evans", **DOB_1980})
    _answer(agent_client, journey, "identity", {"ni_number": "QQ123456C"})
    _answer(agent_client, journey, "partner", {"has_partner": "no"})
    _answer(agent_client, journey, "savings", {"capital_pence": "0"})
    _answer(agent_client, journey, "benefits", {"benefit": "jsa"})
    _answer(agent_client, journey, "outcome", POST)
    response = agent_client.post(reverse(f"tribunal_fees:{journey}-check"))
    assert response.status_code == 302
    confirmation = agent_client.get(response["Location"], follow=True).content.decode()
    assert "We will email you" not in confirmation
    assert "12 Station Road" in confirmation
    (letter,) = _letters("tribunal_fees.hwf_submitted")
    assert letter.recipient.splitlines()[-1] == "SA1 1AA"


def test_a_refund_for_a_citizen_without_email_sends_the_acknowledgement_by_letter(
    agent_client, margaret
):
    journey = "refund"
    _answer(agent_client, journey, "who-paid", {"profile": "paid_myself"})
    _answer(
        agent_client,
        journey,
        "applicant",
        {
            "full_name": "Margaret Evans",
            "date_of_birth_0": "14",
            "date_of_birth_1": "3",
            "date_of_birth_2": "1948",
        },
    )
    _answer(agent_client, journey, "name-changed", {"name_changed": "no"})
    _answer(agent_client, journey, "contact", POST)
    _answer(agent_client, journey, "paid-here", {"paid_here": "no"})
    _answer(
        agent_client,
        journey,
        "case",
        {"region": "england_wales", "et_case_number": "1234567/2016", "eat_case_number": ""},
    )
    _answer(agent_client, journey, "respondent", {"respondent_name": "Example Ltd"})
    assert add_fee(agent_client, FEE)
    _answer(agent_client, journey, "fees", {"add_another": "no"})
    _answer(agent_client, journey, "bank", BANK)
    response = agent_client.post(reverse(f"tribunal_fees:{journey}-check"))
    assert response.status_code == 302, response.content.decode()[:500]
    application = RefundApplication.objects.get()
    assert (application.email, application.contact_channel) == ("", "letter")
    confirmation = agent_client.get(response["Location"], follow=True).content.decode()
    assert "We will email you" not in confirmation
    (letter,) = _letters("tribunal_fees.refund_submitted")
    assert letter.recipient.startswith("Margaret Evans\n12 Station Road")


@pytest.mark.parametrize(
    ("mobile", "error"),
    [
        ("01134960000", "We cannot send text messages to a landline"),
        ("", "Enter a UK mobile number"),
    ],
)
def test_text_messages_go_only_to_a_uk_mobile(client, mobile, error):
    answer_up_to_fee(client)
    _answer(client, "pay", "fee", {"next_step": "pay"})
    response = client.post(
        reverse("tribunal_fees:pay-step", args=["email"]), {"contact": "sms", "mobile": mobile}
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    assert f'value="{mobile}"' in response.content.decode() or not mobile


def test_shared_pages_speak_of_the_citizen_in_an_assisted_session(agent_client, client):
    page = agent_client.get(reverse("accounts:your-applications")).content.decode()
    assert '<h1 class="govuk-heading-l">Margaret Evans’s applications</h1>' in page
    assert "<title>Margaret Evans’s applications" in page
    assert "Your applications" not in page
