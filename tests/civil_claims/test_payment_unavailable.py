"""When the payment provider does not answer, every claim fee page shows the one 'not working'
page (503, nothing charged) with a way back to the right place."""

from __future__ import annotations

from unittest import mock

import pytest
from django.urls import reverse

from civil_claims.possession_constants import PossessionStatus
from digital_services.payments.services import PaymentProviderUnavailable
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in

from .factories_possession import possession_claim

pytestmark = pytest.mark.django_db


def test_a_landlord_whose_payment_cannot_start_is_sent_back_to_their_possession_claim(client):
    landlord = UserFactory()
    claim = possession_claim(PossessionStatus.AWAITING_PAYMENT, user=landlord)
    sign_in(client, landlord)
    with mock.patch(
        "civil_claims.views_possession_landlord.possession_payment_start",
        side_effect=PaymentProviderUnavailable("down"),
    ):
        response = client.post(reverse("civil_claims:possession-pay", args=[claim.reference]))

    body = response.content.decode()
    assert response.status_code == 503
    assert "Sorry, the payment service is not working" in body
    assert "You have not been charged" in body
    # Back to the possession claim's own page, not the money claims' page.
    assert reverse("civil_claims:possession-claim", args=[claim.reference]) in body
    assert reverse("civil_claims:claim-detail", args=[claim.reference]) not in body
