import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from digital_services.payments.constants import RefundStatus
from digital_services.payments.models import Refund

from .conftest import staff_login
from .factories import (
    FailedPaymentFactory,
    PaymentFactory,
    RefundFactory,
    SuccessfulPaymentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _staff(*codenames):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="payments", codename__in=codenames)
    )
    return user


@pytest.fixture
def caseworker(client):
    user = _staff("view_payment", "view_refund", "add_refund")
    staff_login(client, user)
    return user


def _refund_url(payment):
    return reverse("admin:payments_payment_refund", args=[payment.pk])


def test_the_payments_list_filters_by_status(client, caseworker):
    SuccessfulPaymentFactory(reference="PAID-1")
    FailedPaymentFactory(reference="DECLINED-1")

    response = client.get(
        reverse("admin:payments_payment_changelist"), {"status__exact": "success"}
    )

    assert response.status_code == 200
    assert "PAID-1" in response.text
    assert "DECLINED-1" not in response.text


def test_the_refunds_list_opens(client, caseworker):
    RefundFactory()
    response = client.get(reverse("admin:payments_refund_changelist"))
    assert response.status_code == 200
    assert "£50.00" in response.text


def test_a_caseworker_refunds_part_of_a_payment_from_the_admin(client, caseworker):
    payment = SuccessfulPaymentFactory()

    response = client.post(_refund_url(payment), {"amount": "60.00", "reason": "Claim withdrawn"})

    assert response.status_code == 302
    refund = Refund.objects.get()
    assert (refund.amount_pence, refund.status) == (6000, RefundStatus.SUCCESS)
    assert refund.requested_by == caseworker
    assert refund.reason == "Claim withdrawn"


def test_the_admin_refuses_a_refund_over_the_amount_available_and_keeps_the_input(
    client, caseworker
):
    payment = SuccessfulPaymentFactory()
    RefundFactory(payment=payment, amount_pence=10000)

    response = client.post(_refund_url(payment), {"amount": "60.01", "reason": "Too much"})

    assert response.status_code == 200
    assert "The amount to refund must be £60.00 or less" in response.text
    assert 'value="60.01"' in response.text
    assert "Too much" in response.text
    assert Refund.objects.count() == 1


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("", "Enter the amount to refund"),
        ("ten pounds", "Enter the amount to refund in pounds and pence"),
        ("1.234", "Enter the amount to refund in pounds and pence"),
        ("0", "at least £0.01"),
    ],
)
def test_the_admin_refund_form_explains_bad_amounts(client, caseworker, amount, message):
    payment = SuccessfulPaymentFactory()
    response = client.post(_refund_url(payment), {"amount": amount, "reason": "x"})
    assert message in response.text
    assert not Refund.objects.exists()


def test_staff_without_the_add_refund_permission_cannot_refund(client):
    staff_login(client, _staff("view_payment"))
    payment = SuccessfulPaymentFactory()

    assert client.get(_refund_url(payment)).status_code == 403
    assert client.post(_refund_url(payment), {"amount": "1", "reason": "x"}).status_code == 403
    assert not Refund.objects.exists()


def test_a_refund_cannot_be_added_through_the_plain_admin_form(client, caseworker):
    assert client.get(reverse("admin:payments_refund_add")).status_code == 403


def test_the_finance_csv_has_gross_remitted_net_provider_id_and_status(client, caseworker):
    when = datetime(2026, 11, 20, 10, 30, tzinfo=ZoneInfo("Europe/London"))
    paid = SuccessfulPaymentFactory(
        reference="ET-AAA-BBB", remitted_pence=9000, amount_pence=16000, finished_at=when
    )
    RefundFactory(payment=paid, amount_pence=5000)
    RefundFactory(payment=paid, amount_pence=1000, status=RefundStatus.ERROR)
    declined = FailedPaymentFactory(reference="=HYPERLINK(1)", finished_at=when)
    PaymentFactory(reference="NOT-SELECTED")

    response = client.post(
        reverse("admin:payments_payment_changelist"),
        {"action": "export_finance_csv", "_selected_action": [paid.pk, declined.pk]},
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "date",
        "reference",
        "service",
        "gross",
        "remitted",
        "net",
        "provider id",
        "status",
    ]
    assert rows[1] == [
        "2026-11-20",
        "ET-AAA-BBB",
        "tribunal_fees",
        "160.00",
        "90.00",
        "110.00",
        paid.provider_payment_id,
        "success",
    ]
    assert rows[2][1] == "'=HYPERLINK(1)"
    assert rows[2][3:6] == ["160.00", "", "0.00"]
    assert rows[2][7] == "failed"
    assert len(rows) == 3


def test_the_refresh_action_asks_the_provider(client, caseworker):
    payment = PaymentFactory()
    from digital_services.payments.models import SandboxPayment

    SandboxPayment.objects.filter(payment_id=payment.provider_payment_id).update(
        status="failed", failure_code="P0030"
    )

    client.post(
        reverse("admin:payments_payment_changelist"),
        {"action": "refresh_from_provider", "_selected_action": [payment.pk]},
    )

    payment.refresh_from_db()
    assert (payment.status, payment.failure_code) == ("failed", "P0030")


def test_the_payment_page_links_to_the_refund_form_for_caseworkers(client, caseworker):
    payment = SuccessfulPaymentFactory()

    response = client.get(reverse("admin:payments_payment_change", args=[payment.pk]))

    assert response.status_code == 200
    assert _refund_url(payment) in response.text
    assert "£160.00" in response.text
