"""The money-claim case page and its action pages fit a 1280 px screen (as the platform's
tests/browser/test_staff_layout.py checks the lists), with long names and addresses."""

import pytest
from django.conf import settings
from django.urls import reverse

from civil_claims.services import claim_issue
from tests.accounts.factories import StaffUserFactory
from tests.browser.test_staff_layout import FORM_STYLED, OVERFLOW, WIDTH
from tests.conftest import sign_in

from .factories import claim_submitted, defendant_draft, party_draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_args() -> dict:
    return {"viewport": {"width": WIDTH, "height": 900}}


def test_claim_case_and_action_pages_fit_1280_pixels(page, browser_context, live_server, client):
    long_name = "Alexandrina-Maximiliana Featherstonehaugh-Wolfeschlegelsteinhausen"
    claim = claim_issue(
        claim=claim_submitted(
            claimant=party_draft(
                name=long_name,
                address_line_1="Flat 12, The Old Rectory, Upper Llanfihangel-yng-Ngwynfa Road",
                email="alexandrina.maximiliana.featherstonehaugh@example.com",
            ),
            defendant=defendant_draft(
                name="Amalgamated Consolidated Roofing and Guttering Services (Wales) Ltd",
                correspondence_line_1="Care of Messrs Cholmondeley-Auchinleck and Partners",
                correspondence_town="Llanfairpwllgwyngyll",
                correspondence_postcode="LL61 5UJ",
            ),
        )
    )
    hwf = claim_submitted(hwf_reference="HWF-A1B-2C3")
    user = StaffUserFactory(is_superuser=True, full_name="Wide Screen")
    sign_in(client, user, second_factor=True)
    browser_context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    pages = [
        reverse("admin:civil_claims_claim_change", args=[claim.pk]),
        reverse("admin:civil_claims_claim_change", args=[hwf.pk]),
        reverse("admin:civil_claims_claim_hwf_decide", args=[hwf.pk]),
        reverse("admin:civil_claims_claim_contact_defendant", args=[claim.pk]),
        reverse("admin:civil_claims_claim_transfer", args=[claim.pk]),
    ]
    too_wide = []
    for path in pages:
        response = page.goto(path)
        assert response.status == 200, path
        if "/change/" not in path:
            assert page.evaluate(FORM_STYLED), f"{path}: the form has no admin styling"
        over, widest, scrollers = page.evaluate(OVERFLOW)
        if over > 0 or scrollers:
            too_wide.append(f"{path}: {over}px too wide ({widest}); scrolls inside: {scrollers}")
    assert too_wide == [], "\n".join(too_wide)
