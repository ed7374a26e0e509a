"""A possession claim after sending, through the real pages: the caseworker's action pages
(Help with Fees, list a hearing with its warning, outcome, issue the warrant) and the
landlord's (the claim page, the warrant request and its card payment, Your applications),
with bad input keeping what was typed."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from civil_claims.constants import HwfOutcome
from civil_claims.possession_constants import HearingStatus, PossessionStatus
from digital_services.accounts.selectors import applications_for_user
from tests.accounts.factories import UserFactory
from tests.conftest import sign_in

from .factories_possession import possession_claim
from .test_journey_submit import pay

pytestmark = pytest.mark.django_db
S = PossessionStatus


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.fixture
def staff_client(client, caseworker):
    sign_in(client, caseworker, second_factor=True)
    return client


def _action(claim, slug):
    return reverse(f"admin:civil_claims_possessionclaim_{slug.replace('-', '_')}", args=[claim.pk])


def test_the_caseworker_decides_part_remission_on_its_page(staff_client):
    claim = possession_claim(S.HWF_PENDING, hwf_reference="HWF-A1B-23C")
    page = _text(
        staff_client.get(reverse("admin:civil_claims_possessionclaim_change", args=[claim.pk]))
    )
    assert "Decide Help with Fees" in page
    bad = staff_client.post(
        _action(claim, "hwf-decide"), {"outcome": HwfOutcome.PART, "remitted_pence": ""}
    )
    assert bad.status_code == 200 and "Enter the amount remitted" in _text(bad)
    response = staff_client.post(
        _action(claim, "hwf-decide"), {"outcome": HwfOutcome.PART, "remitted_pence": "300"}
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == S.HWF_AWAITING_CLAIMANT and claim.hwf_amount_to_pay_pence == 10400


@time_machine.travel("2026-12-20 10:00 +0000", tick=False)
def test_listing_a_hearing_on_short_notice_warns_and_keeps_what_was_typed(client, caseworker):
    sign_in(client, caseworker, second_factor=True)
    staff_client = client
    claim = possession_claim(S.ISSUED, claim_number="902MC001", issue_date=dt.date(2026, 12, 1))
    form = {
        "kind": "first",
        "starts_on": "29/12/2026",
        "starts_time": "10:30",
        "duration_days": "0",
        "duration_hours": "1",
        "duration_minutes": "0",
        "notice_wording": "Bring the rent book and any letters.",
    }
    warned = staff_client.post(_action(claim, "hearing-list"), form)
    page = _text(warned)
    assert warned.status_code == 200
    assert "less than the 21 days" in page
    assert (
        "Bring the rent book and any letters." in page
        and 'value="29/12/2026"' in warned.content.decode()
    )
    claim.refresh_from_db()
    assert claim.status == S.ISSUED
    outside = staff_client.post(_action(claim, "hearing-list"), {**form, "starts_on": "27/01/2027"})
    assert "between 29 December 2026 and 26 January 2027" in _text(outside)
    listed = staff_client.post(
        _action(claim, "hearing-list"), {**form, "short_notice_accepted": "on"}
    )
    assert listed.status_code == 302
    claim.refresh_from_db()
    assert claim.status == S.HEARING_LISTED
    hearing = claim.hearings.get()
    assert hearing.short_notice_days == 4 and hearing.duration_text == "1 hour"


@time_machine.travel("2026-12-20 10:00 +0000", tick=False)
def test_the_outcome_page_asks_for_the_date_of_an_outright_order(client, caseworker):
    sign_in(client, caseworker, second_factor=True)
    staff_client = client
    claim = possession_claim(S.ISSUED, claim_number="903MC001", issue_date=dt.date(2026, 11, 20))
    listed = staff_client.post(
        _action(claim, "hearing-list"),
        {
            "kind": "first",
            "starts_on": "05/01/2027",
            "starts_time": "10:00",
            "duration_days": "0",
            "duration_hours": "0",
            "duration_minutes": "30",
            "notice_wording": "Come to court.",
            "short_notice_accepted": "on",  # listed on 20 December: 11 days' notice
        },
    )
    assert listed.status_code == 302
    # Before the hearing has started its outcome is refused, and what was typed is kept.
    early = staff_client.post(
        _action(claim, "hearing-outcome"), {"outcome": "outright", "possession_on": "19/01/2027"}
    )
    assert early.status_code == 200
    assert "The hearing has not happened yet: it is on 5 January 2027 at 10:00" in _text(early)
    assert 'value="19/01/2027"' in early.content.decode()
    assert claim.hearings.get().status == HearingStatus.LISTED
    with time_machine.travel("2027-01-05 10:30 +0000", tick=False):
        sign_in(client, caseworker, second_factor=True)  # the staff session has run out
        bad = staff_client.post(_action(claim, "hearing-outcome"), {"outcome": "outright"})
        assert "Enter the date to give up possession by" in _text(bad)
        done = staff_client.post(
            _action(claim, "hearing-outcome"),
            {"outcome": "outright", "possession_on": "19/01/2027"},
        )
    assert done.status_code == 302
    claim.refresh_from_db()
    assert claim.status == S.POSSESSION_ORDERED
    assert claim.order_possession_on == dt.date(2027, 1, 19)
    assert claim.hearings.get().status == HearingStatus.HEARD


def test_a_citizen_cannot_open_a_caseworker_action(client):
    claim = possession_claim(S.ISSUED)
    sign_in(client, UserFactory())
    response = client.get(_action(claim, "hearing-list"))
    assert response.status_code in (302, 403)
    claim.refresh_from_db()
    assert claim.status == S.ISSUED


@time_machine.travel("2027-02-10 10:00 +0000", tick=False)
def test_the_landlord_asks_for_a_warrant_pays_and_the_caseworker_issues_it(
    client, caseworker, django_capture_on_commit_callbacks
):
    landlord = UserFactory()
    claim = possession_claim(
        S.POSSESSION_ORDERED,
        user=landlord,
        claim_number="904MC001",
        issue_date=dt.date(2026, 12, 1),
        order_possession_on=dt.date(2027, 2, 1),
    )
    sign_in(client, landlord)
    [entry] = [
        case
        for _service, cases in applications_for_user(user=landlord)
        for case in cases
        if case.reference == claim.reference_display
    ]
    assert "Outright possession order" in entry.status
    page = _text(client.get(reverse("civil_claims:possession-claim", args=[claim.reference])))
    assert "Ask for a warrant of possession" in page

    url = reverse("civil_claims:possession-warrant", args=[claim.reference])
    assert "£148.00" in _text(client.get(url))
    bad = client.post(
        url,
        {"basis": "date_passed", "amount_owed_pence": "12x", "how": "hwf", "hwf_reference": "nope"},
    )
    body = bad.content.decode()
    assert bad.status_code == 200 and "<title>Error:" in body
    assert "Enter an amount in pounds and pence" in body
    assert "Help with Fees reference in the right format" in body
    assert 'value="12x"' in body and 'value="nope"' in body
    response = client.post(
        url, {"basis": "date_passed", "amount_owed_pence": "2,120.50", "how": "card"}
    )
    assert response.status_code == 302 and "/payments/sandbox/" in response["Location"]
    claim.refresh_from_db()
    assert claim.status == S.WARRANT_AWAITING_PAYMENT
    assert claim.warrant.amount_owed_pence == 212050
    pay(client, response["Location"], django_capture_on_commit_callbacks)
    claim.refresh_from_db()
    assert claim.status == S.WARRANT_REQUESTED and claim.warrant.amount_paid_pence == 14800

    client.logout()
    sign_in(client, caseworker, second_factor=True)
    bad = client.post(
        _action(claim, "warrant-issue"), {"eviction_on": "10/02/2027", "eviction_time": "9:30"}
    )
    assert "The eviction date must be after today" in _text(bad)
    client.post(
        _action(claim, "warrant-issue"), {"eviction_on": "03/03/2027", "eviction_time": "9:30"}
    )
    claim.refresh_from_db()
    assert claim.status == S.WARRANT_ISSUED
    client.logout()
    sign_in(client, landlord)
    page = _text(client.get(reverse("civil_claims:possession-claim", args=[claim.reference])))
    assert "The eviction is on 3 March 2027 at 9:30am" in page


def test_another_citizen_cannot_see_the_landlords_claim(client):
    claim = possession_claim(S.ISSUED, user=UserFactory())
    sign_in(client, UserFactory())
    assert (
        client.get(reverse("civil_claims:possession-claim", args=[claim.reference])).status_code
        == 404
    )
    assert (
        client.get(reverse("civil_claims:possession-warrant", args=[claim.reference])).status_code
        == 404
    )


def test_your_data_holds_the_landlords_possession_claim_with_its_hearing_and_warrant():
    from civil_claims.models import PossessionHearing, PossessionWarrant
    from digital_services.privacy.selectors import user_data_export

    landlord = UserFactory()
    claim = possession_claim(S.WARRANT_REQUESTED, user=landlord, claim_number="906MC001")
    PossessionHearing.objects.create(
        claim=claim,
        kind="first",
        starts_at=dt.datetime(2027, 1, 5, 10, tzinfo=dt.UTC),
        notice_wording="Come to court.",
        status=HearingStatus.HEARD,
    )
    PossessionWarrant.objects.create(
        claim=claim, basis="date_passed", amount_owed_pence=212050, fee_pence=14800
    )
    services = user_data_export(user=landlord)["services"]
    [record] = services["Make a money claim"]["possession claims"]
    assert record["claim_number"] == "906MC001"
    assert record["grounds"] == [
        {"ground": "Ground 8: serious rent arrears", "reason": "Three months unpaid"}
    ]
    assert record["hearings"][0]["status"] == "heard"
    assert record["warrant"]["amount_owed"] == "£2,120.50"
    assert (
        user_data_export(user=UserFactory())["services"]["Make a money claim"]["possession claims"]
        == []
    )
