"""A landlord's possession claim in real Chromium, as a new user would make it (issue #16):
every task of the journey with the example answers (the quality walker, clicking through
the task list), the card page, the issued claim with its claim pack sent to the tenant;
then, after the caseworker lists the hearing and the court makes a suspended order, the
landlord opens the claim from "Your applications", asks for a warrant (a bad amount
first: the page says why and keeps what was typed), pays the £148 fee by card, and sees
the eviction date once the caseworker issues the warrant."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from civil_claims.journeys.possession import POSSESSION
from civil_claims.models import PossessionClaim
from civil_claims.possession_constants import HearingKind, HearingOutcome, PossessionStatus
from civil_claims.possession_hearing_rules import first_hearing_window
from civil_claims.services.possession_hearing import (
    possession_hearing_list,
    possession_hearing_outcome,
)
from civil_claims.services.possession_warrant import possession_warrant_issue
from digital_services.notifications.models import OutboundMessage
from tests.accounts.factories import StaffUserFactory
from tests.browser_support import page_problems
from tests.quality.a11y.checks import BrowserDriver
from tests.quality.harness import JourneyWalker
from tests.tribunal_fees.factories import UserFactory

from .test_civil_claims_journey import enter_card

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
S = PossessionStatus


@pytest.fixture(autouse=True)
def _links_on_the_live_server(settings, live_server):
    """The payments sandbox sends the browser back to SITE_URL."""
    settings.SITE_URL = live_server.url


@pytest.fixture(autouse=True)
def _possession_fees(transactional_db):
    """The dated possession fees, as their migration seeds them (a flush empties them)."""
    from django.contrib.contenttypes.models import ContentType

    from civil_claims.models import PossessionFee

    if not PossessionFee.objects.exists():
        PossessionFee.objects.bulk_create(
            [
                PossessionFee(kind="claim", effective_from=dt.date(2025, 4, 8), fee_pence=40400),
                PossessionFee(kind="warrant", effective_from=dt.date(2025, 4, 8), fee_pence=14800),
            ]
        )
    ContentType.objects.clear_cache()


def test_a_new_landlord_claims_possession_and_asks_for_a_warrant(page, browser_sign_in):
    landlord = UserFactory(email="lana@example.com")
    browser_sign_in(landlord)
    walker = JourneyWalker(POSSESSION, BrowserDriver(page))
    walker.walk()
    expect(page.locator("h1")).to_have_text("Enter card details")
    enter_card(page)

    claim = PossessionClaim.objects.get()
    assert (claim.status, claim.user) == (S.ISSUED, landlord)
    letter = OutboundMessage.objects.get(template_key="civil_claims.possession_claim_pack")
    assert letter.channel == "letter" and len(letter.personalisation["access_code"]) == 8

    # The caseworker lists the first hearing and the court makes a suspended order.
    caseworker = StaffUserFactory()
    first, _last = first_hearing_window(claim.issue_date)
    possession_hearing_list(
        claim=claim,
        kind=HearingKind.FIRST,
        starts_at=timezone.make_aware(dt.datetime.combine(first, dt.time(10, 0))),
        duration_days=0,
        duration_hours=1,
        duration_minutes=0,
        notice_wording="Bring your rent statement.",
        short_notice_accepted=True,
        actor=caseworker,
    )
    at_hearing = timezone.make_aware(dt.datetime.combine(first, dt.time(10, 30)))
    with time_machine.travel(at_hearing, tick=False):  # an outcome only once the hearing starts
        possession_hearing_outcome(
            claim=claim,
            outcome=HearingOutcome.SUSPENDED,
            terms="The rent and £50 a week off the arrears",
            actor=caseworker,
        )

    page.goto(reverse("accounts:your-applications"))
    page.get_by_role("link", name="View claim").first.click()
    expect(page.locator("#possession-next-step")).to_contain_text("Suspended possession order")
    expect(page.locator("#possession-outcome")).to_contain_text("£50 a week")
    page.get_by_role("link", name="Ask for a warrant of possession").click()
    expect(page.locator("h1")).to_have_text("Ask for a warrant of possession")
    expect(page.locator("main")).to_contain_text("£148.00")
    page.locator("input[name=basis][value=terms_broken]").check()
    page.locator("[name=breach_details]").fill("Nothing paid since the order")
    page.locator("[name=amount_owed_pence]").fill("two thousand")
    page.locator("input[name=how][value=card]").check()
    page.get_by_role("button", name="Ask for the warrant").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter an amount in pounds")
    expect(page.locator("[name=breach_details]")).to_have_value("Nothing paid since the order")
    expect(page.locator("[name=amount_owed_pence]")).to_have_value("two thousand")
    page.locator("[name=amount_owed_pence]").fill("2,000")
    page.get_by_role("button", name="Ask for the warrant").click()
    expect(page.locator("h1")).to_have_text("Enter card details")
    enter_card(page)

    claim.refresh_from_db()
    assert claim.status == S.WARRANT_REQUESTED
    assert (claim.warrant.amount_owed_pence, claim.warrant.amount_paid_pence) == (200000, 14800)
    eviction = timezone.localdate() + dt.timedelta(days=21)
    possession_warrant_issue(
        claim=claim,
        eviction_at=timezone.make_aware(dt.datetime.combine(eviction, dt.time(9, 30))),
        actor=caseworker,
    )
    page.get_by_role("link", name="Go back to your application").click()
    expect(page.locator("#possession-next-step")).to_contain_text("The eviction is on")
    assert OutboundMessage.objects.filter(
        template_key="civil_claims.possession_eviction_notice"
    ).exists()
    assert not page_problems(page)
