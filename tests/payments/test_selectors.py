"""payments.selectors: a case's latest payment (read on every case page, its SQL compiled once
per query shape) is what ``payments_for_case(...).first()`` gives, for each case and purpose."""

from __future__ import annotations

import pytest

from digital_services.payments.constants import PaymentStatus
from digital_services.payments.selectors import payment_latest_for_case, payments_for_case

from .factories import PaymentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_each_case_and_purpose_gets_its_own_latest_payment():
    first, second, none = UserFactory(), UserFactory(), UserFactory()
    PaymentFactory(case=first, status=PaymentStatus.FAILED)
    PaymentFactory(case=first, purpose="hearing-fee")
    PaymentFactory(case=first)
    PaymentFactory(case=second)

    for case in (first, second, none):
        for purpose in ("issue-fee", "hearing-fee"):
            expected = payments_for_case(for_case=case, purpose=purpose).first()
            found = payment_latest_for_case(for_case=case, purpose=purpose)
            assert found == expected
            if expected is not None:
                assert found.purpose == purpose and found.object_id == str(case.pk)
    assert payment_latest_for_case(for_case=none, purpose="issue-fee") is None
