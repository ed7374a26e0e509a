"""A counterclaim's Help with Fees, decided by a caseworker as a claim's is (the same rule,
``services.hwf``): each outcome's figures, message to the defendant by their route and
audit; what is left to pay is paid by card from the response page for that amount; refused
when nothing waits; and the decision through the real admin page."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from civil_claims.constants import ClaimStatus, HwfOutcome
from civil_claims.models import Claim, Counterclaim
from civil_claims.services.hwf import counterclaim_hwf_decide
from civil_claims.services.response import CounterclaimAnswers, ResponseAnswers, response_submit
from digital_services.audit.models import AuditEvent
from digital_services.core.transitions import TransitionNotAllowed
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in

from .factories_defendant import messages_about
from .response_answers import claim_against_individual

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(dt.datetime(2026, 6, 10, 10, 0, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def defendant():
    return UserFactory(email="dee@example.com")


def _counterclaimed(defendant, fee_route="hwf") -> Claim:
    claim = claim_against_individual(defendant)
    response_submit(
        claim=claim,
        answers=ResponseAnswers(
            response_type="full_defence",
            defence_type="dispute",
            defence="They owe me",
            counterclaim=CounterclaimAnswers(
                amount_pence=50000,
                reason="Invoice",
                fee_route=fee_route,
                hwf_reference="HWF-A1B-23C" if fee_route == "hwf" else "",
            ),
        ),
    )
    return Claim.objects.get(pk=claim.pk)


def _sent(claim, template):
    return [m for m in messages_about(claim) if m.template_key == template]


@pytest.mark.parametrize(
    ("outcome", "remitted", "note", "to_pay", "due"),
    [
        (HwfOutcome.FULL, None, "", 0, False),
        (HwfOutcome.PART, 2000, "", 3000, True),
        (HwfOutcome.NONE, None, "", 5000, True),
        (HwfOutcome.MORE_INFO, None, "Send your benefit letter", 5000, False),
        (HwfOutcome.INVALID, None, "", 5000, True),
    ],
)
def test_each_outcome_sets_what_is_left_to_pay_and_tells_the_defendant(
    defendant, caseworker, outcome, remitted, note, to_pay, due
):
    claim = _counterclaimed(defendant)
    counterclaim = counterclaim_hwf_decide(
        claim=claim, outcome=outcome, remitted_pence=remitted, note=note, actor=caseworker
    )
    counterclaim.refresh_from_db()
    assert counterclaim.fee_pence == 5000
    assert (counterclaim.hwf_outcome, counterclaim.hwf_amount_to_pay_pence) == (outcome, to_pay)
    assert counterclaim.hwf_decided_by == caseworker
    assert counterclaim.fee_due is due
    if due:
        assert counterclaim.amount_to_pay_pence == to_pay
    assert AuditEvent.objects.filter(
        object_id=str(claim.pk), action="claim.counterclaim_hwf_decided", actor=caseworker
    ).exists()
    (message,) = _sent(claim, f"civil_claims.counterclaim_hwf_{outcome}")
    assert message.channel == "email"  # the defendant's chosen route
    assert message.personalisation["hwf_reference"] == "HWF-A1B-23C"
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.OPEN  # the claim does not move


def test_it_goes_by_post_when_that_is_the_defendants_route(defendant, caseworker):
    claim = _counterclaimed(defendant)
    claim.defendant.__class__.objects.filter(pk=claim.defendant.pk).update(contact_channel="letter")
    counterclaim_hwf_decide(claim=claim, outcome=HwfOutcome.FULL, actor=caseworker)
    (message,) = _sent(claim, "civil_claims.counterclaim_hwf_full")
    assert message.channel == "letter"
    assert claim.defendant.address_line_1 in message.recipient


def test_more_information_may_be_decided_again_but_a_decision_is_final(defendant, caseworker):
    claim = _counterclaimed(defendant)
    counterclaim_hwf_decide(
        claim=claim, outcome=HwfOutcome.MORE_INFO, note="Payslips", actor=caseworker
    )
    counterclaim_hwf_decide(
        claim=claim, outcome=HwfOutcome.PART, remitted_pence=1, actor=caseworker
    )
    with pytest.raises(TransitionNotAllowed, match="no Help with Fees to decide"):
        counterclaim_hwf_decide(claim=claim, outcome=HwfOutcome.FULL, actor=caseworker)
    assert Counterclaim.objects.get(response__claim=claim).hwf_outcome == HwfOutcome.PART


@pytest.mark.parametrize(
    ("outcome", "remitted", "note"),
    [
        ("maybe", None, ""),
        (HwfOutcome.PART, None, ""),
        (HwfOutcome.PART, 5000, ""),  # not less than the fee
        (HwfOutcome.MORE_INFO, None, "  "),
    ],
)
def test_bad_decisions_are_refused_and_change_nothing(
    defendant, caseworker, outcome, remitted, note
):
    claim = _counterclaimed(defendant)
    with pytest.raises(ValueError):
        counterclaim_hwf_decide(
            claim=claim, outcome=outcome, remitted_pence=remitted, note=note, actor=caseworker
        )
    assert Counterclaim.objects.get(response__claim=claim).hwf_outcome == ""
    assert not _sent(claim, f"civil_claims.counterclaim_hwf_{outcome}")


@pytest.mark.parametrize("fee_route", ["card", "paper"])
def test_a_counterclaim_without_help_with_fees_has_nothing_to_decide(
    defendant, caseworker, fee_route
):
    claim = _counterclaimed(defendant, fee_route=fee_route)
    with pytest.raises(TransitionNotAllowed):
        counterclaim_hwf_decide(claim=claim, outcome=HwfOutcome.FULL, actor=caseworker)


def test_a_closed_claims_counterclaim_is_not_decided(defendant, caseworker):
    claim = _counterclaimed(defendant)
    Claim.objects.filter(pk=claim.pk).update(status=ClaimStatus.SETTLED)
    with pytest.raises(TransitionNotAllowed):
        counterclaim_hwf_decide(claim=claim, outcome=HwfOutcome.FULL, actor=caseworker)


def test_the_defendant_pays_what_is_left_by_card(client, defendant, caseworker):
    from digital_services.payments.models import Payment

    claim = _counterclaimed(defendant)
    client.force_login(defendant)
    sent_url = reverse("civil_claims:respond-sent", args=[claim.reference])
    page = client.get(sent_url).content.decode()
    assert "We will check your Help with Fees reference HWF-A1B-23C" in page
    assert "Pay the counterclaim fee" not in page
    counterclaim_hwf_decide(
        claim=claim, outcome=HwfOutcome.PART, remitted_pence=2000, actor=caseworker
    )
    page = client.get(sent_url).content.decode()
    assert "Pay £30.00 now" in page and "Pay the counterclaim fee" in page
    started = client.post(reverse("civil_claims:respond-counterclaim-pay", args=[claim.reference]))
    assert "/payments/sandbox/" in started["Location"]
    assert Payment.objects.get(purpose="civil-claims-counterclaim-fee").amount_pence == 3000


# Through the admin -----------------------------------------------------------------------


def test_a_caseworker_decides_it_on_the_case_page(client, defendant, caseworker):
    claim = _counterclaimed(defendant)
    sign_in(client, caseworker, second_factor=True)
    queue = client.get(reverse("admin:civil_claims_claim_changelist") + "?queue=counterclaim_hwf")
    assert claim.claim_number in queue.content.decode()
    case = client.get(reverse("admin:civil_claims_claim_change", args=[claim.pk])).content.decode()
    assert "Counterclaim Help with Fees" in case
    url = reverse("admin:civil_claims_claim_counterclaim_hwf_decide", args=[claim.pk])
    form = client.get(url).content.decode()
    assert "HWF-A1B-23C" in form and "What the defendant needs to send" in form
    bad = client.post(url, {"outcome": "more_info"}).content.decode()
    assert "Say what information the defendant needs to send" in bad
    assert client.post(url, {"outcome": "none"}).status_code == 302
    counterclaim = Counterclaim.objects.get(response__claim=claim)
    assert (counterclaim.hwf_outcome, counterclaim.hwf_decided_by) == (HwfOutcome.NONE, caseworker)
    assert AuditEvent.objects.filter(
        object_id=str(claim.pk), action="claim.counterclaim_hwf_decided", actor=caseworker
    ).exists()
    queue = client.get(reverse("admin:civil_claims_claim_changelist") + "?queue=counterclaim_hwf")
    assert claim.claim_number not in queue.content.decode()
    # Decided: the action is refused with the reason.
    again = client.post(url, {"outcome": "full"})
    assert again.status_code == 302
    assert Counterclaim.objects.get(response__claim=claim).hwf_outcome == HwfOutcome.NONE
