"""Issue #12 point 10: staff pages fit a 1280 px wide screen. A wide table scrolls inside
its own box; the page itself never scrolls sideways. Walks every admin list and the case
pages of a seeded set, in Chromium at 1280 px, as a superuser (who sees every list)."""

from datetime import date

import pytest
from django.conf import settings
from django.contrib import admin
from django.urls import reverse

from tests.accounts.factories import StaffUserFactory
from tests.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH = 1280

#: The page's own width beyond the window, and the widest element that sticks out.
OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const over = document.documentElement.scrollWidth - width;
    let widest = "";
    if (over > 0) {
        let most = width;
        for (const el of document.body.querySelectorAll("*")) {
            const right = el.getBoundingClientRect().right;
            if (right > most) { most = right; widest = el.tagName + "." + el.className + "#" + el.id; }
        }
    }
    const scrollers = [];
    for (const el of document.body.querySelectorAll("*")) {
        const style = getComputedStyle(el);
        if (["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
            scrollers.push(`${el.tagName}.${el.className}#${el.id} ${el.scrollWidth - el.clientWidth}px`);
        }
    }
    return [over, widest, scrollers];
}"""


@pytest.fixture
def browser_context_args() -> dict:
    return {"viewport": {"width": WIDTH, "height": 900}}


def seeded_pages() -> list[str]:
    """Every admin list, and each seeded case's page and action pages."""
    from tests.prison_visits.factories import (
        BookedVisitFactory,
        CancelledVisitFactory,
        PrisonFactory,
        RequestedVisitFactory,
    )
    from tests.tribunal_fees.factories import (
        DecidedPartHwfApplicationFactory,
        HwfApplicationFactory,
        RefundApplicationFactory,
    )

    prison = PrisonFactory(name="HMP Long Lartin and Young Offender Institution Brinsford")
    visitors = [
        ("Alexandrina-Maximiliana", "Featherstonehaugh-Wolfeschle", date(1980, 1, 1)),
        ("Bartholomew-Christopher", "Cholmondeley-Auchinleck-Mont", date(2015, 6, 1)),
    ]
    requested = RequestedVisitFactory(prison=prison, visitors=visitors)
    booked = BookedVisitFactory(prison=prison, visitors=visitors)
    cancelled = CancelledVisitFactory(prison=prison, cancelled_by_visitor=True, visitors=visitors)
    hwf = HwfApplicationFactory(applicant_name="Alexandrina-Maximiliana Featherstonehaugh")
    decided = DecidedPartHwfApplicationFactory()
    refund = RefundApplicationFactory(
        representative_name="Amalgamated Union of Engineering Workers"
    )

    pages = [reverse("admin:index")]
    for model in admin.site._registry:
        opts = model._meta
        pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    for visit in (requested, booked, cancelled):
        pages.append(reverse("admin:prison_visits_visit_change", args=[visit.pk]))
    pages += [
        reverse("admin:prison_visits_visit_changelist") + "?inbox=requests",
        reverse("admin:prison_visits_visit_process", args=[requested.pk]),
        reverse("admin:prison_visits_visit_cancel", args=[booked.pk]),
        reverse("admin:prison_visits_visit_day_sheet"),
        reverse("admin:prison_visits_prison_change", args=[prison.pk]),
        reverse("admin:tribunal_fees_feecase_change", args=[hwf.fee_case.pk]),
        reverse("admin:tribunal_fees_helpwithfeesapplication_change", args=[hwf.pk]),
        reverse("admin:tribunal_fees_helpwithfeesapplication_change", args=[decided.pk]),
        reverse("admin:tribunal_fees_refundapplication_change", args=[refund.pk]),
        reverse("admin:tribunal_fees_helpwithfeesapplication_decide", args=[hwf.pk]),
    ]
    return pages


def test_staff_pages_fit_1280_pixels_without_scrolling_sideways(
    page, browser_context, live_server, client
):
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
    too_wide = []
    for path in seeded_pages():
        response = page.goto(path)
        assert response.status == 200, path
        if "/process/" in path or "/decide/" in path:
            assert page.evaluate(FORM_STYLED), f"{path}: the form has no admin styling"
        over, widest, scrollers = page.evaluate(OVERFLOW)
        if over > 0 or scrollers:
            too_wide.append(f"{path}: {over}px too wide ({widest}); scrolls inside: {scrollers}")
    assert too_wide == [], "\n".join(too_wide)


#: The admin's form styling applied to an action page's form (the processing page's
#: Decision section, a Help with Fees decision).
FORM_STYLED = """() => {
    const row = document.querySelector("fieldset.module .form-row");
    const style = row && getComputedStyle(row);
    return Boolean(style) && style.paddingTop === "10px" && style.borderBottomStyle === "solid";
}"""
