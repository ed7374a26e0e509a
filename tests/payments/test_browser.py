"""The sandbox payment flow end to end in headless Chromium."""

import pytest

from digital_services.payments import services
from digital_services.payments.constants import PaymentStatus
from digital_services.payments.models import Payment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _start(case):
    return services.payment_start(
        for_case=case,
        purpose="issue-fee",
        service="tribunal_fees",
        amount_pence=25000,
        reference="ET-9PX-QRT",
        description="Employment tribunal issue fee",
        return_to="/",
    )


def _enter_card(page, number):
    page.get_by_label("Card number").fill(number)
    page.get_by_label("Month").fill("12")
    page.get_by_label("Year").fill("2040")
    page.get_by_label("Name on card").fill("Sam Smith")
    page.get_by_label("Card security code").fill("123")
    page.get_by_role("button", name="Continue").click()


def test_paying_with_a_good_test_card_in_the_browser(browser_page, case):
    page = browser_page
    page.goto(_start(case))
    assert page.locator("h1").inner_text() == "Enter card details"

    _enter_card(page, "4444333322221111")
    assert page.locator("h1").inner_text() == "Confirm your payment"
    assert "Visa ending 1111" in page.content()
    page.get_by_role("button", name="Confirm payment").click()

    assert page.locator("h1").inner_text().strip() == "Payment received"
    assert "ET-9PX-QRT" in page.locator(".govuk-panel").inner_text()
    assert "£250.00" in page.content()
    page.reload()  # a refresh of the return page charges nothing more
    assert page.locator("h1").inner_text().strip() == "Payment received"
    assert Payment.objects.get().status == PaymentStatus.SUCCESS


def test_a_declined_card_then_try_again_in_the_browser(browser_page, case):
    page = browser_page
    page.goto(_start(case))

    _enter_card(page, "4000000000000002")
    assert page.locator("h1").inner_text() == "Your payment was declined"

    page.get_by_role("button", name="Try again").click()
    assert page.locator("h1").inner_text() == "Enter card details"
    _enter_card(page, "4444333322221111")
    page.get_by_role("button", name="Confirm payment").click()

    assert page.locator("h1").inner_text().strip() == "Payment received"
    assert sorted(Payment.objects.values_list("status", flat=True)) == ["failed", "success"]


def test_an_invalid_card_shows_errors_then_cancel_in_the_browser(browser_page, case):
    page = browser_page
    page.goto(_start(case))

    _enter_card(page, "1234")
    assert page.title().startswith("Error:")
    assert "Enter a valid card number" in page.locator(".govuk-error-summary").inner_text()
    assert page.get_by_label("Name on card").input_value() == "Sam Smith"
    assert page.get_by_label("Card security code").input_value() == ""

    page.get_by_role("button", name="Cancel payment").click()
    assert page.locator("h1").inner_text() == "Your payment has been cancelled"
    payment = Payment.objects.get()
    assert (payment.status, payment.failure_code) == ("failed", "P0030")
