"""Retrospective Help with Fees through the journey: a fee paid in the last 3 months, bank
details only when it was not paid by card here, pages that say a refund follows."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from digital_services.core.grants import grant_issue
from tribunal_fees.constants import FeeCaseStatus
from tribunal_fees.models import HelpWithFeesApplication

from .factories import PaidFeeCaseFactory
from .test_journey_hwf import JOURNEY, answer, answer_money, start_from_fee_page, step_url, user

pytestmark = pytest.mark.django_db
__all__ = ["user"]  # the signed-in user fixture

BANK = {
    "account_name": "Sam Example",
    "bank_name": "Example Bank",
    "sort_code": "30-94-30",
    "account_number": "00733445",
}


def test_a_paid_fee_applies_with_bank_details_and_is_told_a_refund_follows(client, user):
    fee_case = PaidFeeCaseFactory(user=user)  # paid just now, not by card here
    fee_page = client.get(reverse("tribunal_fees:fee-detail", args=[fee_case.reference]))
    assert "up to 3 months after paying" in fee_page.content.decode()
    start_from_fee_page(client, fee_case)
    answer_money(client, capital="0", benefit="none", income="1185")  # part: pays £50

    bad = client.post(step_url("refund-bank"), {**BANK, "sort_code": "12"})
    assert "Enter a valid sort code like 309430" in bad.content.decode()
    assert 'value="Example Bank"' in bad.content.decode()  # nothing typed is lost
    answer(client, "refund-bank", BANK)

    outcome = client.get(step_url("outcome")).content.decode()
    assert "we would refund £110.00 into the bank account you gave us" in outcome
    answer(client, "outcome", {"contact": "email", "email": "sam@example.com"})
    confirmation = client.get(client.post(reverse(f"tribunal_fees:{JOURNEY}-check"))["Location"])

    application = HelpWithFeesApplication.objects.get()
    assert application.fee_already_paid
    assert (application.refund_sort_code, application.refund_account_number) == (
        "309430",
        "00733445",
    )
    fee_case.refresh_from_db()
    assert fee_case.status == FeeCaseStatus.PAID
    text = confirmation.content.decode()
    assert "into the bank account you gave us" in text
    assert "Do not pay the fee while we decide" not in text


def test_the_fee_reference_step_refuses_a_fee_paid_over_3_months_ago_saying_why(client, user):
    fee_case = PaidFeeCaseFactory(user=user, paid_at=dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC))
    grant = grant_issue(scope="tribunal_fees.fee", reference=fee_case.reference)
    answer(client, "fee", {"has_reference": "yes"})
    with time_machine.travel(dt.datetime(2026, 6, 11, 12, tzinfo=dt.UTC), tick=False):
        late = client.post(
            step_url("fee-reference"), {"reference": fee_case.reference, "grant": grant}
        )
    assert late.status_code == 200
    assert "You paid this fee more than 3 months ago" in late.content.decode()
    assert "The last day to apply was 10 June 2026" in late.content.decode()
    with time_machine.travel(dt.datetime(2026, 6, 9, 12, tzinfo=dt.UTC), tick=False):
        in_time = client.post(
            step_url("fee-reference"), {"reference": fee_case.reference, "grant": grant}
        )
    assert in_time.status_code == 302
