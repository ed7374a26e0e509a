"""The tenant's general applications (adjourn the hearing, set aside, something else) with
the 14-day rule for adjourning's fee, and the caseworker's case page showing the response
and the applications."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from civil_claims.models import PossessionApplication, PossessionHearing
from civil_claims.possession_response_constants import ApplicationKind
from civil_claims.services.possession_response import (
    CounterclaimDraft,
    ResponseDraft,
    application_fee,
    possession_response_submit,
)
from digital_services.audit.models import AuditEvent
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in

from .factories_possession_defendant import possession_claim_linked_to

pytestmark = pytest.mark.django_db

NOW = "2026-12-01 10:00:00+00:00"
TODAY = dt.date(2026, 12, 1)


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def tenant(client):
    user = UserFactory()
    sign_in(client, user)
    return user


@pytest.fixture
def claim(tenant):
    return possession_claim_linked_to(tenant, issue_date=dt.date(2026, 11, 2))


def _hearing(claim, *, days_away: int):
    return PossessionHearing.objects.create(
        claim=claim,
        kind="first",
        starts_at=timezone.now() + dt.timedelta(days=days_away),
        duration_hours=1,
        notice_wording="Possession hearing at Leeds County Court",
    )


def _url(claim):
    return reverse("civil_claims:possession-application-new", args=[claim.reference])


@pytest.mark.parametrize("days_away,free", [(14, True), (30, True), (13, False), (1, False)])
def test_adjourning_is_free_only_at_least_14_days_before_the_hearing(days_away, free):
    fee, _row = application_fee(
        kind=ApplicationKind.ADJOURN, hearing_on=TODAY + dt.timedelta(days=days_away), on=TODAY
    )
    assert (fee == 0) is free
    if not free:
        assert fee == 31300  # the general application fee of the day (dated data)


def test_other_applications_pay_the_fee_of_the_day():
    assert application_fee(kind=ApplicationKind.SET_ASIDE, hearing_on=None, on=TODAY)[0] == 31300
    assert application_fee(kind=ApplicationKind.OTHER, hearing_on=TODAY, on=TODAY)[0] == 31300


def test_a_free_adjournment_goes_straight_to_a_caseworker_and_every_party_is_told(client, claim):
    _hearing(claim, days_away=20)
    page = client.get(_url(claim)).content.decode()
    assert "Asking to adjourn the hearing is free" in page
    response = client.post(
        _url(claim), {"kind": "adjourn", "details": "I have a hospital appointment that day."}
    )
    assert response["Location"] == reverse(
        "civil_claims:possession-respond-claim", args=[claim.reference]
    )
    application = PossessionApplication.objects.get(claim=claim)
    assert application.fee_pence == 0 and application.status == "issued"
    assert application.issued_at is not None
    assert application.hearing_on == (TODAY + dt.timedelta(days=20))
    assert AuditEvent.objects.filter(action="possession_claim.application_issued").exists()
    claim_page = client.get(response["Location"]).content.decode()
    assert "Adjourn (put off) the hearing" in claim_page and "(no fee)" in claim_page


def test_a_late_adjournment_has_a_fee_paid_by_card_or_with_help_with_fees(client, claim):
    _hearing(claim, days_away=5)
    page = client.get(_url(claim)).content.decode()
    assert "costs £313.00, because it is less than 14 days away" in page
    missing = client.post(_url(claim), {"kind": "adjourn", "details": "Ill", "how": ""})
    assert "Select how you will pay the application fee" in missing.content.decode()
    assert "Ill</textarea>" in missing.content.decode()
    bad = client.post(
        _url(claim), {"kind": "adjourn", "details": "Ill", "how": "hwf", "hwf_reference": "X"}
    )
    assert "Enter your Help with Fees reference in the right format" in bad.content.decode()
    assert 'value="X"' in bad.content.decode()
    ok = client.post(
        _url(claim),
        {"kind": "adjourn", "details": "Ill", "how": "hwf", "hwf_reference": "hwf a1b 23c"},
    )
    assert ok.status_code == 302
    application = PossessionApplication.objects.get(claim=claim)
    assert application.fee_pence == 31300 and application.hwf_reference == "HWF-A1B-23C"
    assert application.status == "issued"


def test_a_set_aside_paid_by_card_waits_for_the_fee_then_goes_to_a_caseworker(
    client, claim, django_capture_on_commit_callbacks
):
    from digital_services.payments.models import Payment

    from .test_journey_submit import pay

    response = client.post(
        _url(claim),
        {"kind": "set_aside", "details": "I was not told of the hearing.", "how": "card"},
    )
    assert response.status_code == 302
    application = PossessionApplication.objects.get(claim=claim)
    assert application.status == "pending_issue"
    payment = Payment.objects.get(object_id=str(application.pk))
    assert payment.purpose == "civil-claims-possession-application-fee"
    assert payment.amount_pence == 31300
    pay(client, response["Location"], django_capture_on_commit_callbacks)
    application.refresh_from_db()
    assert application.status == "issued" and application.amount_paid_pence == 31300


def test_adjourning_with_no_hearing_listed_is_refused_and_keeps_what_was_typed(client, claim):
    response = client.post(_url(claim), {"kind": "adjourn", "details": "Please put it off"})
    body = response.content.decode()
    assert response.status_code == 200 and "<title>Error: " in body
    assert "There is no hearing listed to adjourn" in body and "Please put it off" in body
    assert not PossessionApplication.objects.exists()


def test_the_details_are_required(client, claim):
    body = client.post(_url(claim), {"kind": "other", "details": ""}).content.decode()
    assert "Enter what you are asking the court to do, and why" in body


def test_the_tenants_claim_page_shows_the_hearing_and_what_to_do(client, claim):
    _hearing(claim, days_away=20)
    page = client.get(reverse("civil_claims:possession-respond-claim", args=[claim.reference]))
    body = " ".join(re.sub(r"<[^>]+>", " ", page.content.decode()).split())
    assert "Your hearing" in body and "Possession hearing at Leeds County Court" in body
    assert "Respond to the claim" in body and "Make an application" in body
    assert "Respond by 4pm on" in body


def test_a_caseworker_sees_the_response_and_the_applications(client, claim, tenant, caseworker):
    party = claim.defendants[0]
    fields = {
        "tenancy_start_correct": "yes",
        "tenancy_type_correct": "yes",
        "notice_received": "not_sure",
        "arrears_correct": "no",
        "arrears_owed_pence": 190000,
        "disputes_claim": True,
        "dispute_details": "The boiler was broken",
        "instalment_offered": True,
        "instalment_pence": 2500,
        "instalment_frequency": "weekly",
        "universal_credit": "yes",
        "monthly_income_pence": 145000,
        "monthly_expenses_pence": 130000,
        "legal_advice": "yes",
        "sot_signer_name": "Terry Tenant",
    }
    possession_response_submit(
        party=party,
        draft=ResponseDraft(
            fields=fields,
            counterclaim=CounterclaimDraft(
                kind="other", amount_pence=None, details="Repairs", hwf_reference="HWF-A1B-23C"
            ),
        ),
        user=tenant,
    )
    client.post(_url(claim), {"kind": "other", "details": "More time", "how": "card"})
    staff = client.__class__()
    sign_in(staff, caseworker, second_factor=True)
    page = staff.get(reverse("admin:civil_claims_possessionclaim_change", args=[claim.pk]))
    body = " ".join(re.sub(r"<[^>]+>", " ", page.content.decode()).split())
    for text in (
        "Defendants’ responses",
        "Yes: The boiler was broken",
        "says £1,900.00",
        "£25.00 every week",
        "Signed by Terry Tenant",
        "Something else (for example, an order to do repairs): Repairs",
        "Fee £377.00, Help with Fees HWF-A1B-23C",
        "Defendants’ applications",
        "More time",
        "Waiting for the fee",
    ):
        assert text in body, text
