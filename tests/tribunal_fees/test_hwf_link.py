"""'Already received a decision?': a Help with Fees reference applied to another fee."""

import pytest
from django.urls import reverse

from tests.conftest import sign_in
from tribunal_fees.constants import FeeCaseStatus, HwfOutcome
from tribunal_fees.models import FeeCase
from tribunal_fees.services import InvalidRequest, TransitionNotAllowed, fee_case_hwf_link

from .factories import (
    DecidedPartHwfApplicationFactory,
    FeeCaseFactory,
    HwfApplicationFactory,
    PaidFeeCaseFactory,
)

pytestmark = pytest.mark.django_db


def _url(fee_case):
    return reverse("tribunal_fees:fee-hwf-link", args=[fee_case.reference])


def test_a_part_remission_decision_leaves_its_amount_to_pay_on_the_fee(client):
    fee_case = FeeCaseFactory()  # the same £160 Type A issue fee
    decision = DecidedPartHwfApplicationFactory(fee_case__user=fee_case.user)
    sign_in(client, fee_case.user)

    response = client.post(_url(fee_case), {"reference": decision.reference.lower()})

    assert response.status_code == 302
    fee_case.refresh_from_db()
    assert fee_case.linked_hwf == decision
    assert (fee_case.status, fee_case.amount_due_pence, fee_case.remission_pence) == (
        FeeCaseStatus.UNPAID,
        5_000,
        11_000,
    )


def test_a_full_remission_decision_remits_the_fee():
    fee_case = FeeCaseFactory()
    decision = DecidedPartHwfApplicationFactory(
        outcome=HwfOutcome.FULL, amount_to_pay_pence=0, fee_case__user=fee_case.user
    )

    fee_case_hwf_link(fee_case=fee_case, hwf_reference=decision.reference, actor=fee_case.user)

    fee_case.refresh_from_db()
    assert (fee_case.status, fee_case.amount_due_pence) == (FeeCaseStatus.REMITTED, 0)


@pytest.mark.parametrize(
    "typed, message",
    [
        ("", "Enter your Help with Fees reference"),
        ("TF-ABC-DEF", "Enter the Help with Fees reference in the right format, like HWF-ABC-DEF"),
    ],
)
def test_a_badly_typed_reference_gets_a_govuk_error_and_keeps_what_was_typed(
    client, typed, message
):
    fee_case = FeeCaseFactory()
    sign_in(client, fee_case.user)

    response = client.post(_url(fee_case), {"reference": typed})

    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body and message in body
    assert f'value="{typed}"' in body or not typed


def test_a_decision_for_a_different_fee_or_an_undecided_one_is_refused():
    fee_case = FeeCaseFactory()
    hearing = DecidedPartHwfApplicationFactory(
        fee_case=FeeCaseFactory(kind="hearing", user=fee_case.user)
    )
    undecided = HwfApplicationFactory(fee_case__user=fee_case.user)

    with pytest.raises(InvalidRequest, match="different fee"):
        fee_case_hwf_link(fee_case=fee_case, hwf_reference=hearing.reference, actor=None)
    with pytest.raises(InvalidRequest, match="cannot find"):
        fee_case_hwf_link(fee_case=fee_case, hwf_reference=undecided.reference, actor=None)
    fee_case.refresh_from_db()
    assert fee_case.linked_hwf is None and fee_case.amount_due_pence == fee_case.fee_pence


def test_a_decision_is_used_once_and_no_help_gives_nothing():
    first = FeeCaseFactory()
    second = FeeCaseFactory(user=first.user)
    decision = DecidedPartHwfApplicationFactory(fee_case__user=first.user)
    fee_case_hwf_link(fee_case=first, hwf_reference=decision.reference, actor=None)
    refused = DecidedPartHwfApplicationFactory(
        outcome=HwfOutcome.NONE, amount_to_pay_pence=16_000, fee_case__user=first.user
    )

    with pytest.raises(InvalidRequest, match="already been used"):
        fee_case_hwf_link(fee_case=second, hwf_reference=decision.reference, actor=None)
    with pytest.raises(InvalidRequest, match="does not give any help"):
        fee_case_hwf_link(fee_case=second, hwf_reference=refused.reference, actor=None)
    assert FeeCase.objects.get(pk=second.pk).linked_hwf is None


def test_a_paid_fee_takes_no_decision(client):
    decision = DecidedPartHwfApplicationFactory()
    fee_case = PaidFeeCaseFactory()

    with pytest.raises(TransitionNotAllowed):
        fee_case_hwf_link(fee_case=fee_case, hwf_reference=decision.reference, actor=None)


def test_someone_else_cannot_link_a_decision_to_a_fee(client):
    fee_case = FeeCaseFactory()
    sign_in(client, FeeCaseFactory().user)

    assert client.get(_url(fee_case)).status_code == 404


def test_the_fee_page_links_to_already_received_a_decision(client):
    fee_case = FeeCaseFactory()
    sign_in(client, fee_case.user)

    body = client.get(reverse("tribunal_fees:fee-detail", args=[fee_case.reference])).content
    assert _url(fee_case).encode() in body


def test_someone_elses_decision_reads_as_no_decision():
    """A reference is not a key: a decision made for another person cannot be used, and the
    message does not say that it exists."""
    theirs = DecidedPartHwfApplicationFactory(outcome=HwfOutcome.FULL, amount_to_pay_pence=0)
    fee_case = FeeCaseFactory()

    with pytest.raises(InvalidRequest, match="cannot find"):
        fee_case_hwf_link(fee_case=fee_case, hwf_reference=theirs.reference, actor=fee_case.user)
    fee_case.refresh_from_db()
    assert (fee_case.status, fee_case.linked_hwf) == (FeeCaseStatus.UNPAID, None)


def test_a_decision_whose_own_fee_was_paid_cannot_be_used_again():
    """A retrospective decision already gives a refund of the paid fee; a part remission
    whose balance was paid has been used: neither takes help off a second fee."""
    fee_case = FeeCaseFactory()
    retrospective = DecidedPartHwfApplicationFactory(
        fee_case__user=fee_case.user, fee_already_paid=True
    )
    part_paid = DecidedPartHwfApplicationFactory(fee_case=PaidFeeCaseFactory(user=fee_case.user))

    for decision in (retrospective, part_paid):
        with pytest.raises(InvalidRequest, match="already been used"):
            fee_case_hwf_link(fee_case=fee_case, hwf_reference=decision.reference, actor=None)
    fee_case.refresh_from_db()
    assert (fee_case.status, fee_case.linked_hwf) == (FeeCaseStatus.UNPAID, None)
