"""Issue #22: our payments code against GOV.UK Pay's published contract (points 2-5, 8).

Each test runs against the stub of Pay's API (tests/payments/govuk_pay_stub.py), and
where the sandbox must behave the same, against the sandbox too.
"""

import json
import logging

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from digital_services.payments import services
from digital_services.payments.constants import PaymentStatus, RefundStatus
from digital_services.payments.models import Payment, Refund
from digital_services.payments.providers import ProviderError, provider_get
from digital_services.payments.sandbox import SandboxProvider

from .factories import SuccessfulPaymentFactory, UserFactory

pytestmark = pytest.mark.django_db


def _paid(start, govuk_pay, amount_pence=16000):
    start(amount_pence=amount_pence)
    payment = Payment.objects.get()
    govuk_pay.set_state(payment.provider_payment_id, "success")
    return services.payment_refresh(payment=payment)


# 2. Refunds use Pay's figure, fresh, and resync on P0604.


def test_a_refund_sends_pay_s_fresh_amount_available_not_our_sum(start, govuk_pay):
    payment = _paid(start, govuk_pay)
    govuk_pay.refund_outside(payment.provider_payment_id, 6000)  # in Pay's admin tool

    refund = services.refund_create(
        payment=payment, amount_pence=1000, requested_by=UserFactory(), reason="Overpaid"
    )

    assert refund.status == RefundStatus.SUBMITTED
    body = json.loads(govuk_pay.requests_to("POST", r"/v1/payments/\w+/refunds")[-1]["body"])
    assert body == {"amount": 1000, "refund_amount_available": 10000}


def test_a_refund_made_outside_is_recorded_so_our_figures_agree_with_pay(start, govuk_pay):
    payment = _paid(start, govuk_pay)
    outside = govuk_pay.refund_outside(payment.provider_payment_id, 6000)

    services.refund_create(
        payment=payment, amount_pence=1000, requested_by=UserFactory(), reason="Overpaid"
    )

    found = Refund.objects.get(provider_refund_id=outside["refund_id"])
    assert (found.amount_pence, found.status, found.requested_by) == (6000, "success", None)
    from digital_services.payments import selectors

    assert selectors.payment_amount_refundable(payment=payment) == 16000 - 6000 - 1000


def test_more_than_pay_says_is_left_is_refused_before_asking_pay(start, govuk_pay):
    payment = _paid(start, govuk_pay)
    govuk_pay.refund_outside(payment.provider_payment_id, 15000)

    with pytest.raises(services.RefundNotAllowed, match="£10"):
        services.refund_create(
            payment=payment, amount_pence=2000, requested_by=UserFactory(), reason="x"
        )
    assert govuk_pay.requests_to("POST", r"/v1/payments/\w+/refunds") == []


def test_p0604_reconciles_the_refunds_and_asks_again_with_the_fresh_figure(start, govuk_pay):
    payment = _paid(start, govuk_pay)
    # Pay refunds between our GET and our POST (another tab, the admin tool).
    govuk_pay.fail_next(412, "P0604", method="POST", path=r"/v1/payments/\w+/refunds")
    outside = govuk_pay.refund_outside(payment.provider_payment_id, 3000)
    # ...which our first GET did not see: make it see the figure before that refund.
    original = govuk_pay._payment_json

    def stale_once(p, for_search=False, _seen=[]):  # noqa: B006 - counts calls
        body = original(p, for_search)
        if not _seen:
            _seen.append(1)
            body["refund_summary"]["amount_available"] = 16000
        return body

    govuk_pay._payment_json = stale_once

    refund = services.refund_create(
        payment=payment, amount_pence=1000, requested_by=UserFactory(), reason="x"
    )

    assert refund.status == RefundStatus.SUBMITTED
    assert Refund.objects.filter(provider_refund_id=outside["refund_id"]).exists()
    bodies = [
        json.loads(r["body"]) for r in govuk_pay.requests_to("POST", r"/v1/payments/\w+/refunds")
    ]
    assert bodies[-1] == {"amount": 1000, "refund_amount_available": 13000}


def test_the_sandbox_refuses_a_stale_amount_available_with_p0604():
    payment = SuccessfulPaymentFactory(provider="sandbox")
    sandbox = SandboxProvider()
    sandbox.refund_create(
        payment_id=payment.provider_payment_id, amount=100, refund_amount_available=16000
    )

    with pytest.raises(ProviderError) as exc:
        sandbox.refund_create(
            payment_id=payment.provider_payment_id, amount=100, refund_amount_available=16000
        )
    assert (exc.value.status_code, exc.value.code) == (412, "P0604")


def test_a_sandbox_refund_uses_the_sandbox_s_fresh_figure():
    payment = SuccessfulPaymentFactory(provider="sandbox")
    SandboxProvider().refund_create(
        payment_id=payment.provider_payment_id, amount=6000, refund_amount_available=16000
    )

    refund = services.refund_create(
        payment=payment, amount_pence=1000, requested_by=UserFactory(), reason="x"
    )

    assert refund.status == RefundStatus.SUCCESS
    assert payment.refunds.filter(requested_by=None, amount_pence=6000).exists()


# 3. A 401/403 on the status GET is our fault; only a confirmed 404 ends a payment.


@pytest.mark.parametrize("status", [401, 403])
def test_a_refused_key_on_the_status_get_alerts_and_keeps_the_payment_open(
    start, govuk_pay, status, caplog
):
    start()
    payment = Payment.objects.get()
    govuk_pay.fail_next(status, "P0920")

    with caplog.at_level(logging.CRITICAL, logger="digital_services.alerts"):
        with pytest.raises(services.PaymentProviderUnavailable):
            start()

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.CREATED
    assert any("ALERT payments.provider_refused_our_key" in r.message for r in caplog.records)
    assert start().startswith(f"{govuk_pay.url}/secure/")  # the key fixed: same payment
    assert Payment.objects.count() == 1 and len(govuk_pay.payments) == 1


@pytest.mark.parametrize("status", [401, 403])
def test_a_refused_key_in_the_reconcile_job_keeps_the_payment_open(start, govuk_pay, status):
    start()
    payment = Payment.objects.get()
    govuk_pay.fail_next(status, "P0920")

    with pytest.raises(services.PaymentProviderUnavailable):
        services.payment_refresh(payment=payment)

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.CREATED


def test_a_refused_key_on_create_alerts_and_keeps_the_payment_open(start, govuk_pay, caplog):
    govuk_pay.fail_next(401, "P0920")

    with caplog.at_level(logging.CRITICAL, logger="digital_services.alerts"):
        with pytest.raises(services.PaymentProviderUnavailable):
            start()

    assert Payment.objects.get().status == PaymentStatus.CREATED
    assert "ALERT" in caplog.text


def test_a_404_ends_the_payment_only_when_the_search_finds_nothing(start, govuk_pay):
    start()
    payment = Payment.objects.get()
    del govuk_pay.payments[payment.provider_payment_id]

    services.payment_refresh(payment=payment)

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.ERROR
    assert govuk_pay.requests_to("GET", r"/v1/payments\?.*")  # it searched first


def test_a_404_with_the_payment_found_by_search_adopts_it_and_stays_open(start, govuk_pay):
    start()
    payment = Payment.objects.get()
    pay_payment = govuk_pay.payments.pop(payment.provider_payment_id)
    pay_payment.payment_id = "movedpayment0000000000000"
    govuk_pay.payments[pay_payment.payment_id] = pay_payment

    services.payment_refresh(payment=payment)

    payment.refresh_from_db()
    assert (payment.status, payment.provider_payment_id) == ("created", pay_payment.payment_id)


# 4. Amounts outside the card limits never reach Pay, and get a clear page.


@pytest.mark.parametrize("amount", [1, 29])
def test_less_than_30p_is_refused_before_calling_pay(start, govuk_pay, amount):
    with pytest.raises(services.PaymentAmountNotAccepted, match=r"£0\.30"):
        start(amount_pence=amount)
    assert govuk_pay.requests == [] and not Payment.objects.exists()


def test_more_than_the_provider_s_limit_is_refused_before_calling_pay(start, govuk_pay, settings):
    settings.PAYMENTS_AMOUNT_MAX_PENCE = 500_000
    with pytest.raises(services.PaymentAmountNotAccepted, match=r"£5,000\.00"):
        start(amount_pence=500_001)
    assert govuk_pay.requests == []
    start(amount_pence=500_000)
    assert len(govuk_pay.payments) == 1


def test_30p_is_taken(start, govuk_pay):
    start(amount_pence=30)
    assert json.loads(govuk_pay.requests_to("POST", "/v1/payments")[0]["body"])["amount"] == 30


@pytest.mark.parametrize("amount", [29, 10_000_001])
def test_the_sandbox_and_the_stub_refuse_amounts_outside_the_limits(pay_stub, amount):
    from digital_services.payments.govuk_pay import GovukPayProvider

    from .govuk_pay_stub import API_KEY

    for provider in (SandboxProvider(), GovukPayProvider(api_url=pay_stub.url, api_key=API_KEY)):
        with pytest.raises(ProviderError) as exc:
            provider.create(
                amount=amount, reference="R", description="D", return_url="https://x.example/"
            )
        assert (exc.value.status_code, exc.value.code) == (422, "P0102")


def test_a_view_that_starts_too_small_a_payment_shows_the_page_saying_how_else_to_pay(
    client, settings
):
    from django.http import HttpResponse  # noqa: F401
    from django.test import RequestFactory

    from digital_services.payments.middleware import PaymentAmountMiddleware

    request = RequestFactory().get("/tribunal-fees/pay/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    middleware = PaymentAmountMiddleware(lambda r: None)
    exc = services.PaymentAmountNotAccepted(
        services.payment_amount_problem(10), amount_pence=10, return_to="/tribunal-fees/"
    )

    response = middleware.process_exception(request, exc)

    text = response.content.decode()
    assert response.status_code == 422
    assert "You cannot pay this amount by card" in text
    assert "The smallest amount you can pay by card is £0.30" in text
    assert settings.CONTACT_PHONE in text
    assert 'href="/tribunal-fees/"' in text


# 5. A live key needs an https site.


def test_a_live_key_with_an_http_site_is_refused_by_the_checks_and_by_provider_get(settings):
    settings.GOVUK_PAY_API_KEY = "api_live_abc"
    settings.SITE_URL = "http://digital.justice.example"

    with pytest.raises(SystemCheckError, match="SITE_URL"):
        call_command("check")
    with pytest.raises(ImproperlyConfigured, match="https"):
        provider_get()


def test_a_live_key_with_an_https_site_passes(settings):
    settings.GOVUK_PAY_API_KEY = "api_live_abc"
    settings.SITE_URL = "https://digital.justice.example"
    call_command("check")
    provider_get()


def test_a_test_key_with_an_http_site_is_fine_for_development(settings):
    settings.GOVUK_PAY_API_KEY = "api_test_abc"
    settings.SITE_URL = "http://127.0.0.1:8000"
    call_command("check")


# 8. Welsh cases get Pay's pages in Welsh.


def test_a_welsh_case_sends_language_cy(start, govuk_pay):
    start(language="cy")

    assert Payment.objects.get().language == "cy"
    assert json.loads(govuk_pay.requests_to("POST", "/v1/payments")[0]["body"])["language"] == "cy"


def test_try_again_keeps_the_language(start, govuk_pay):
    start(language="cy")
    payment = Payment.objects.get()
    govuk_pay.set_state(payment.provider_payment_id, "failed", "P0010")
    services.payment_refresh(payment=payment)

    services.payment_retry(payment=payment)

    bodies = [json.loads(r["body"]) for r in govuk_pay.requests_to("POST", "/v1/payments")]
    assert [b["language"] for b in bodies] == ["cy", "cy"]


def test_an_unknown_language_is_refused(start):
    with pytest.raises(services.PaymentNotAllowed, match="language"):
        start(language="fr")


def test_a_welsh_tribunal_fee_is_paid_on_welsh_pages(govuk_pay):
    from tests.tribunal_fees.factories import FeeCaseFactory
    from tribunal_fees import services as fee_services

    fee_case = FeeCaseFactory(language="cy")

    fee_services.fee_case_payment_start(fee_case=fee_case)

    assert json.loads(govuk_pay.requests_to("POST", "/v1/payments")[0]["body"])["language"] == "cy"


@pytest.mark.parametrize("service", ["money claim", "lpa"])
def test_every_services_welsh_case_is_paid_on_welsh_pages(govuk_pay, service):
    """The case's own language reaches Pay without each service passing it (#22 point 8)."""
    if service == "money claim":
        from civil_claims import services as claim_services
        from tests.civil_claims.factories import claim_submitted

        claim = claim_submitted()
        claim.language = "cy"
        claim.save(update_fields=["language"])
        claim_services.claim_payment_start(claim=claim, return_to="/")
    else:
        from lasting_power import services as lpa_services
        from tests.accounts.factories import UserFactory
        from tests.lasting_power.factories import lpa_answered

        lpa = lpa_answered(UserFactory())
        lpa.language = "cy"
        lpa.fee_pence = 9_200
        lpa.save(update_fields=["language", "fee_pence"])
        lpa_services.lpa_payment_start(lpa=lpa)

    assert json.loads(govuk_pay.requests_to("POST", "/v1/payments")[0]["body"])["language"] == "cy"
