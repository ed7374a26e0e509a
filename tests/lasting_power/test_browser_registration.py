"""Issue #18 end to end in real Chromium: an applicant completes an LPA; an OPG caseworker
(their own browser, the staff pages) receives it by its reference, records it imperfect
(the attorney signed before the certificate provider), checks the corrected pages as
perfect and gives notice; the waiting period passes (the beat job run with the clock
moved past its last day); the caseworker registers it. At each stage the applicant's LPA
page shows where it has got to, and each message is sent to the correspondent."""

import datetime as dt
from unittest import mock

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from digital_services.accounts.services import user_role_add
from digital_services.notifications.models import OutboundMessage
from lasting_power.constants import LpaStatus
from lasting_power.models import Lpa
from lasting_power.service import CASEWORKER_ROLE
from lasting_power.tasks import lpa_registered_send_task, lpas_waiting_periods_end_task
from tests.accounts.factories import StaffWithTotpFactory, UserFactory
from tests.browser_support import browser_session_from, page_problems
from tests.conftest import sign_in

from .test_browser_journey import (
    _add_another,
    _answer_common_start,
    _certificate_provider_and_the_rest,
    _continue,
    _heading,
    _person,
    _save,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CORRESPONDENT = "dorothy@example.com"


@pytest.fixture(autouse=True)
def _links_on_the_live_server(settings, live_server):
    settings.SITE_URL = live_server.url


@pytest.fixture
def staff_page(browser, live_server, _static_files_without_manifest):
    """A second browser: an OPG caseworker, signed in with a second factor."""
    caseworker = StaffWithTotpFactory()
    user_role_add(user=caseworker, role=CASEWORKER_ROLE)
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    browser_session_from(context, live_server, sign_in(Client(), caseworker, second_factor=True))
    yield context.new_page()
    context.close()


def _complete_an_lpa(page) -> Lpa:
    """A property and financial affairs LPA with one attorney, the donor applying and
    hearing by email, paid by cheque."""
    page.goto(reverse("lasting_power:lpa-new"))
    page.get_by_label("Property and financial affairs").check()
    _continue(page)
    _answer_common_start(page)
    _heading(page, "When the LPA can be used")
    page.get_by_label("As soon as it is registered").check()
    _save(page)
    page.get_by_role("group", name="trust corporation").get_by_label("No", exact=True).check()
    _save(page)
    _heading(page, "The attorneys")
    _add_another(page, "Yes")
    _person(page, "Ann", "Attorney")
    _save(page)
    _add_another(page, "No")
    _heading(page, "Replacement attorneys")
    _add_another(page, "No")
    _certificate_provider_and_the_rest(page, notify=False, contact="Email")
    page.get_by_role("group", name="reduced fee").get_by_label("No", exact=True).check()
    _continue(page)
    page.get_by_label("By cheque").check()
    _continue(page)
    expect(page.locator("h1")).to_have_text("LPA completed")
    return Lpa.objects.get()


def _stage(page, lpa, current: str):
    """The applicant's LPA page names ``current`` as the stage it has reached."""
    page.goto(reverse("lasting_power:lpa-view", args=[lpa.pk]))
    expect(page.locator(".lpa-stages strong")).to_have_text(current)
    return page.locator("main")


def _dates(staff_page, *, cp: dt.date, attorney: dt.date, others: dt.date):
    text = {
        "signed_donor": others,
        "signed_certificate-provider": cp,
        "signed_attorney-1": attorney,
        "signed_applicant-donor": others,
    }
    for name, day in text.items():
        staff_page.locator(f'[name="{name}"]').fill(day.strftime("%d/%m/%Y"))


def _sent_to_the_correspondent() -> list[str]:
    return [
        m.template_key.removeprefix("lasting_power.")
        for m in OutboundMessage.objects.filter(recipient=CORRESPONDENT).order_by("created_at")
    ]


def test_an_lpa_goes_from_the_applicant_through_opg_to_registered(
    page, browser_sign_in, staff_page
):
    applicant = UserFactory(email="applicant@example.com", full_name="Ada Applicant")
    browser_sign_in(applicant)
    lpa = _complete_an_lpa(page)
    expect(_stage(page, lpa, "Waiting")).to_contain_text("waiting to receive your signed LPA")

    # OPG receives it: found by its reference, the dates typed, the attorney signed first.
    today = timezone.localdate()
    signed = today - dt.timedelta(days=5)
    staff_page.goto(reverse("admin:lasting_power_lpa_receive_find"))
    staff_page.get_by_label("LPA reference or barcode").fill(lpa.reference_display.lower())
    staff_page.get_by_role("button", name="Find the LPA").click()
    staff_page.locator('[name="received_on"]').fill(today.strftime("%d/%m/%Y"))
    _dates(staff_page, cp=signed, attorney=signed - dt.timedelta(days=1), others=signed)
    staff_page.get_by_role("button", name="Receive the signed LPA").click()
    expect(staff_page.locator(".messagelist")).to_contain_text("imperfect, 1 problem(s)")
    main = _stage(page, lpa, "Checking")
    expect(main).to_contain_text("We cannot register it until these are corrected")
    expect(page.locator(".lpa-stages")).to_contain_text(f"Received: {today.day} ")

    # The corrected pages come back: checked again, perfect; notice is given.
    staff_page.goto(reverse("admin:lasting_power_lpa_check", args=[lpa.pk]))
    _dates(staff_page, cp=signed, attorney=signed + dt.timedelta(days=1), others=signed)
    staff_page.locator('[name="signed_applicant-donor"]').fill(
        (signed + dt.timedelta(days=1)).strftime("%d/%m/%Y")
    )
    staff_page.get_by_role("button", name="Check the signing dates").click()
    expect(staff_page.locator(".messagelist")).to_contain_text("perfect. Give notice next")
    staff_page.goto(reverse("admin:lasting_power_lpa_notices", args=[lpa.pk]))
    staff_page.get_by_role("button", name="Give notice and start the waiting period").click()
    expect(staff_page.locator(".messagelist")).to_contain_text("1 notice(s) sent")
    expect(_stage(page, lpa, "Checking")).not_to_contain_text("cannot register it until")
    lpa.refresh_from_db()
    assert lpa.status == LpaStatus.WAITING_PERIOD

    # The waiting period passes: the beat job, run the day after its last day, moves it on.
    with time_machine.travel(
        dt.datetime.combine(lpa.waiting_period_ends_on, dt.time(1, 15), tzinfo=dt.UTC)
    ):
        assert lpas_waiting_periods_end_task.apply().get() == 0  # its last day: not yet
    with time_machine.travel(
        dt.datetime.combine(
            lpa.waiting_period_ends_on + dt.timedelta(days=1), dt.time(1, 15), tzinfo=dt.UTC
        )
    ):
        assert lpas_waiting_periods_end_task.apply().get() == 1
    assert Lpa.objects.get(pk=lpa.pk).status == LpaStatus.READY

    # Registered: the stamped LPA is made and the correspondent told (the task, run here).
    with mock.patch("lasting_power.tasks.lpa_registered_send_task.delay") as delay:
        staff_page.goto(reverse("admin:lasting_power_lpa_register", args=[lpa.pk]))
        staff_page.get_by_role("button", name="Register the LPA").click()
        expect(staff_page.locator(".messagelist")).to_contain_text("registered")
    delay.assert_called_once_with(lpa.pk)
    assert lpa_registered_send_task.apply(args=[lpa.pk]).get() is True
    main = _stage(page, lpa, "Processed")
    expect(main).to_contain_text("Outcome: Registered.")
    expect(main).to_contain_text("Expect it back by")
    page.goto(reverse("lasting_power:lpa-documents", args=[lpa.pk]))
    expect(page.locator("main")).to_contain_text("the registered lasting power of attorney")

    # Every message went to the correspondent, in order; the attorney got their code.
    sent = _sent_to_the_correspondent()
    for expected in ("received", "imperfect", "registered"):
        assert expected in sent, sent
    assert sent.index("received") < sent.index("imperfect") < sent.index("registered")
    notice = OutboundMessage.objects.get(template_key="lasting_power.notice")
    assert notice.channel == "letter" and "Ann Attorney" in notice.recipient
    code = OutboundMessage.objects.get(template_key="lasting_power.attorney_access")
    assert "Ann Attorney" in code.recipient
    assert page_problems(page) == []
