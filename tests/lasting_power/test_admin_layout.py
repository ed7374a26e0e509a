"""The OPG caseworkers' LPA pages fit a 1280 px screen (as tests/browser/test_staff_layout.py
asks of every staff page): the case page with its registration, objections and letters,
the Receive page with a signing date per person, and Receive a signed LPA."""

import pytest
from django.conf import settings
from django.urls import reverse

from lasting_power import registration
from tests.accounts.factories import StaffUserFactory
from tests.browser.test_staff_layout import FORM_STYLED, OVERFLOW, WIDTH
from tests.conftest import sign_in

from .factories import lpa_completed
from .registration_factories import lpa_imperfect, lpa_received

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser_context_args() -> dict:
    return {"viewport": {"width": WIDTH, "height": 900}}


def test_lpa_staff_pages_fit_1280_pixels(page, browser_context, live_server, client):
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
    imperfect = lpa_imperfect(attorneys=3)
    other = lpa_received()
    registration.objection_record(
        lpa=imperfect,
        received_on=imperfect.received_on,
        objection_type="thirdParty",
        notes="A long note about why the neighbour objects " * 6,
        other_references=[other.reference],
    )
    completed = lpa_completed(attorneys=3)
    paths = [
        reverse("admin:lasting_power_lpa_change", args=[imperfect.pk]),
        reverse("admin:lasting_power_lpa_receive", args=[completed.pk]),
        reverse("admin:lasting_power_lpa_check", args=[imperfect.pk]),
        reverse("admin:lasting_power_lpa_receive_find"),
        reverse("admin:lasting_power_lpa_changelist") + "?queue=imperfect",
    ]
    too_wide = []
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        if "/receive/" in path and not path.endswith("lpa/receive/"):
            assert page.evaluate(FORM_STYLED), f"{path}: the form has no admin styling"
        over, widest, scrollers = page.evaluate(OVERFLOW)
        if over > 0 or scrollers:
            too_wide.append(f"{path}: {over}px too wide ({widest}); scrolls inside: {scrollers}")
    assert too_wide == [], "\n".join(too_wide)
