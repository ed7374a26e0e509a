"""Everyone can finish (issue #12 point 1): someone who chose post gets a letter for every
later outcome of their fee, Help with Fees and refund, not only the acknowledgement: the
Help with Fees decision (full, part or none) and a request for evidence, a refund paid and
a refund rejected. Nothing goes by email or text."""

import datetime as dt

import pytest

from digital_services.notifications.models import OutboundMessage
from tests.accounts.factories import StaffUserFactory
from tribunal_fees import services
from tribunal_fees.constants import HwfOutcome

from .factories import (
    ApprovedRefundApplicationFactory,
    AwaitingHwfFeeCaseFactory,
    HwfApplicationFactory,
    RefundApplicationFactory,
)

pytestmark = pytest.mark.django_db

ADDRESS = "12 Station Road\nSwansea\nSA1 1AA"


def _letters_about(case) -> list[OutboundMessage]:
    messages = list(OutboundMessage.objects.filter(object_id=str(case.pk)).order_by("id"))
    assert {m.channel for m in messages} == {"letter"}, [
        (m.template_key, m.channel) for m in messages
    ]
    return messages


@pytest.fixture
def by_post_hwf(db):
    fee_case = AwaitingHwfFeeCaseFactory(
        email="", contact_channel="letter", postal_address=ADDRESS, user__full_name="Margaret Evans"
    )
    return HwfApplicationFactory(fee_case=fee_case)


@pytest.mark.parametrize("outcome", [HwfOutcome.FULL, HwfOutcome.PART, HwfOutcome.NONE])
def test_each_help_with_fees_decision_goes_by_letter(by_post_hwf, outcome):
    services.hwf_application_decide(
        application=by_post_hwf,
        actor=StaffUserFactory(),
        outcome=outcome,
        amount_to_pay_pence=5_000 if outcome == HwfOutcome.PART else None,
        override_reason="" if outcome == HwfOutcome.PART else "Checked the evidence",
    )
    (letter,) = _letters_about(by_post_hwf)
    assert letter.recipient.endswith(ADDRESS)


def test_a_request_for_evidence_goes_by_letter(by_post_hwf):
    services.hwf_application_evidence_request(
        application=by_post_hwf, actor=StaffUserFactory(), note="Send 3 months of payslips"
    )
    (letter,) = _letters_about(by_post_hwf)
    assert letter.recipient.endswith(ADDRESS)


def test_a_refund_paid_and_a_refund_rejected_go_by_letter():
    paid = ApprovedRefundApplicationFactory(
        email="", contact_channel="letter", address=ADDRESS, full_name="Margaret Evans"
    )
    services.refund_application_issue(
        application=paid,
        actor=StaffUserFactory(),
        method="bank_transfer",
        on_date=dt.date(2026, 12, 4),
    )
    (letter,) = _letters_about(paid)
    assert letter.recipient == f"Margaret Evans\n{ADDRESS}"

    rejected = RefundApplicationFactory(
        email="", contact_channel="letter", address=ADDRESS, full_name="Margaret Evans"
    )
    services.refund_application_check(application=rejected, actor=StaffUserFactory())
    services.refund_application_reject(
        application=rejected, actor=StaffUserFactory(), reason="We have no record of this fee"
    )
    (letter,) = _letters_about(rejected)
    assert letter.recipient == f"Margaret Evans\n{ADDRESS}"
