"""Issue #19, retrospective Help with Fees for a fee paid to the tribunal outside this
service: the citizen describes the fee and the payment (case number, day, amount, how),
gives bank details, sends evidence of payment; a caseworker decides, a first caseworker
checks the payment against the evidence and a second approves the refund (four eyes); the
refund goes by bank transfer, without interest. The 3-month limit is tested at its edges."""

import datetime as dt
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from digital_services.audit.models import AuditEvent
from digital_services.notifications.models import OutboundMessage
from tests.conftest import sign_in
from tribunal_fees import services
from tribunal_fees.constants import FeeCaseStatus, RefundStatus
from tribunal_fees.models import FeeCase, HelpWithFeesApplication, RefundApplication
from tribunal_fees.services import paid_elsewhere_errors

from .factories import (
    FeeCaseFactory,
    PaidElsewhereHwfApplicationFactory,
    PaidFeeCaseFactory,
    UserFactory,
)
from .test_journey_hwf import answer, step_url

pytestmark = pytest.mark.django_db

TODAY = dt.datetime(2026, 12, 5, 12, tzinfo=dt.UTC)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
BANK = {
    "account_name": "Sam Example",
    "bank_name": "Example Bank",
    "sort_code": "30-94-30",
    "account_number": "00733445",
}
HWF_ANSWERS = services.HwfAnswers(
    applicant_name="Sam Example",
    applicant_date_of_birth=dt.date(1980, 1, 1),
    capital_pence=None,
    savings_band="low",
    gross_monthly_income_pence=100_000,
    income_kinds=("wages",),
    income_period="last_month",
    ni_number="QQ123456C",
)


def _date(prefix: str, day: dt.date) -> dict:
    return {
        f"{prefix}_0": str(day.day),
        f"{prefix}_1": str(day.month),
        f"{prefix}_2": str(day.year),
    }


def _errors(*, paid_on, amount=14_000, today=dt.date(2026, 12, 5), method="card"):
    return paid_elsewhere_errors(
        fee_pence=14_000,
        paid_on=paid_on,
        amount_pence=amount,
        method=method,
        case_number="AB/01234/2026",
        today=today,
    )


# The 3-month limit and the payment's other checks ------------------------------------


@pytest.mark.parametrize(
    ("paid_on", "today", "in_time"),
    [
        (dt.date(2026, 9, 5), dt.date(2026, 12, 5), True),  # the last day counts
        (dt.date(2026, 9, 5), dt.date(2026, 12, 6), False),  # the day after is too late
        (dt.date(2026, 11, 30), dt.date(2027, 2, 28), True),  # a shorter month: its last day
        (dt.date(2026, 11, 30), dt.date(2027, 3, 1), False),
        (dt.date(2027, 11, 30), dt.date(2028, 2, 29), True),  # a leap year's 29 February
        (dt.date(2027, 11, 30), dt.date(2028, 3, 1), False),
        (dt.date(2026, 12, 5), dt.date(2026, 12, 5), True),  # paid today
    ],
)
def test_a_payment_elsewhere_is_in_time_up_to_the_same_day_3_months_later(paid_on, today, in_time):
    errors = _errors(paid_on=paid_on, today=today)
    assert ("paid_on" not in errors) is in_time, errors
    if not in_time:
        assert "You paid this fee more than 3 months ago" in errors["paid_on"]


def test_a_payment_day_in_the_future_is_refused():
    errors = _errors(paid_on=dt.date(2026, 12, 6))
    assert errors["paid_on"] == "The date you paid must be today or in the past"


@pytest.mark.parametrize(
    ("amount", "problem"),
    [(0, "Enter how much you paid"), (1, None), (14_000, None), (14_001, "£140.00 or less")],
)
def test_the_amount_paid_is_between_1p_and_the_fee(amount, problem):
    errors = _errors(paid_on=dt.date(2026, 12, 1), amount=amount)
    if problem is None:
        assert "amount_paid_pence" not in errors
    else:
        assert problem in errors["amount_paid_pence"]


def test_recording_the_payment_makes_the_fee_paid_elsewhere_with_an_audit_event():
    fee_case = FeeCaseFactory(fee_pence=14_000, amount_due_pence=14_000)
    with time_machine.travel(TODAY, tick=False):
        services.fee_case_paid_elsewhere_record(
            fee_case=fee_case,
            paid_on=dt.date(2026, 11, 20),
            amount_pence=14_000,
            method="cheque",
            case_number="ab/01234/2026",
        )
    fee_case.refresh_from_db()
    assert fee_case.status == FeeCaseStatus.PAID_ELSEWHERE
    assert (fee_case.amount_paid_pence, fee_case.amount_due_pence) == (14_000, 0)
    assert fee_case.paid_at.date() == dt.date(2026, 11, 20)
    assert (fee_case.case_number, fee_case.paid_elsewhere_method) == ("AB/01234/2026", "cheque")
    assert AuditEvent.objects.filter(action="fee_case.paid_elsewhere").exists()


def test_only_an_unpaid_fee_can_be_recorded_as_paid_elsewhere():
    fee_case = PaidFeeCaseFactory()
    with pytest.raises(services.TransitionNotAllowed):
        services.fee_case_paid_elsewhere_record(
            fee_case=fee_case,
            paid_on=fee_case.paid_at.date(),
            amount_pence=fee_case.fee_pence,
            method="card",
            case_number="AB/1",
        )


@time_machine.travel(TODAY, tick=False)
def test_help_with_fees_on_a_fee_paid_elsewhere_needs_bank_details():
    fee_case = FeeCaseFactory(fee_pence=14_000, amount_due_pence=14_000)
    services.fee_case_paid_elsewhere_record(
        fee_case=fee_case,
        paid_on=dt.date(2026, 12, 1),
        amount_pence=14_000,
        method="card",
        case_number="AB/1",
    )
    with pytest.raises(services.InvalidRequest) as refused:
        services.hwf_application_submit(fee_case=fee_case, answers=HWF_ANSWERS)
    assert "refund_sort_code" in refused.value.errors
    assert not HelpWithFeesApplication.objects.exists()

    answers = services.HwfAnswers(
        **{
            **HWF_ANSWERS.__dict__,
            "refund_account_name": "Sam Example",
            "refund_bank_name": "Example Bank",
            "refund_account_number": "00733445",
            "refund_sort_code": "309430",
        }
    )
    application = services.hwf_application_submit(fee_case=fee_case, answers=answers)
    fee_case.refresh_from_db()
    assert application.fee_already_paid
    assert fee_case.status == FeeCaseStatus.PAID_ELSEWHERE  # it stays paid: no status change


# Evidence of payment ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The selected file is empty"),
        (b"<html><script>alert(1)</script>", "must be a PDF, JPG or PNG"),
        (b"GIF89a" + b"\x00" * 10, "must be a PDF, JPG or PNG"),
    ],
)
def test_evidence_must_be_a_pdf_jpg_or_png_by_its_content(content, message):
    application = PaidElsewhereHwfApplicationFactory()
    with pytest.raises(services.InvalidRequest) as refused:
        services.hwf_payment_evidence_add(
            application=application, content=content, filename="receipt.pdf"
        )
    assert message in refused.value.errors["evidence"]
    assert services.fee_case_payment_evidence(application.fee_case) == []


def test_evidence_is_limited_to_5_files():
    application = PaidElsewhereHwfApplicationFactory()
    for n in range(5):
        services.hwf_payment_evidence_add(
            application=application, content=PNG, filename=f"statement-{n}.png"
        )
    with pytest.raises(services.InvalidRequest) as refused:
        services.hwf_payment_evidence_add(application=application, content=PDF, filename="x.pdf")
    assert "already sent 5 files" in refused.value.errors["evidence"]


def test_evidence_is_not_taken_for_a_fee_paid_through_this_service():
    from .factories import HwfApplicationFactory

    application = HwfApplicationFactory(fee_case=PaidFeeCaseFactory(), fee_already_paid=True)
    with pytest.raises(services.TransitionNotAllowed):
        services.hwf_payment_evidence_add(application=application, content=PDF, filename="r.pdf")


# Decision, the four-eyes refund and its check of the evidence ---------------------------


def test_a_decision_refunds_at_most_what_was_paid_after_the_evidence_is_checked_by_two(
    caseworker, second_caseworker
):
    application = PaidElsewhereHwfApplicationFactory(
        fee_case__fee_pence=14_000, fee_case__amount_paid_pence=10_000, computed_outcome="full"
    )
    services.hwf_application_decide(
        application=application, actor=caseworker, outcome="full", override_reason="Full"
    )
    refund = RefundApplication.objects.get(hwf_application=application)
    assert refund.fees_pence == 10_000  # the fee less nothing to pay, capped at what was paid

    with pytest.raises(services.InvalidRequest) as refused:
        services.refund_application_check(application=refund, actor=caseworker)
    assert "not sent evidence of payment" in refused.value.errors["evidence"]

    services.hwf_payment_evidence_add(application=application, content=PDF, filename="r.pdf")
    services.refund_application_check(application=refund, actor=caseworker)
    with pytest.raises(services.FourEyesRuleBroken):
        services.refund_application_approve(application=refund, actor=caseworker)
    services.refund_application_approve(application=refund, actor=second_caseworker)
    with pytest.raises(services.InvalidRequest):  # not paid by card here: no card refund
        services.refund_application_issue(application=refund, actor=caseworker, method="card")
    refund = services.refund_application_issue(
        application=refund, actor=caseworker, method="bank_transfer"
    )
    assert (refund.status, refund.interest_pence, refund.bank_transfer_pence) == (
        RefundStatus.ISSUED,
        0,
        10_000,
    )
    # Once checked, no more evidence is taken: the check was made on what was there.
    with pytest.raises(services.TransitionNotAllowed):
        services.hwf_payment_evidence_add(application=application, content=PDF, filename="x.pdf")


# Through the real pages -------------------------------------------------------------------


def _describe_an_immigration_appeal_fee(client):
    answer(client, "fee", {"has_reference": "no"})
    answer(client, "tribunal", {"tribunal": "IAC"})
    answer(client, "current-fee", {"kind": "iac_hearing"})
    answer(client, "date", _date("fee_date", dt.date(2026, 11, 1)))
    return answer(client, "exemption", {"exemption": "none"})


def _payment(day: dt.date, amount="140") -> dict:
    return {
        "case_number": "AB/01234/2026",
        **_date("paid_on", day),
        "amount_paid_pence": amount,
        "method": "card",
    }


def _error_texts(response) -> list[str]:
    return re.findall(r'<a href="#[^"]*">([^<]+)</a>', response.content.decode())


@time_machine.travel(TODAY, tick=False)
def test_a_fee_paid_to_the_tribunal_is_refunded_through_the_pages_and_the_admin(
    client, caseworker, second_caseworker
):
    sign_in(client, UserFactory())
    assert _describe_an_immigration_appeal_fee(client) == step_url("already-paid")
    empty = client.post(step_url("already-paid"), {})
    assert "Select yes if you have already paid this fee" in empty.content.decode()
    assert answer(client, "already-paid", {"already_paid": "yes"}) == step_url("payment-elsewhere")

    late = client.post(step_url("payment-elsewhere"), _payment(dt.date(2026, 9, 4)))
    assert late.status_code == 200
    assert "The last day to apply was 4 December 2026" in late.content.decode()
    assert 'value="AB/01234/2026"' in late.content.decode()  # nothing typed is lost
    too_much = client.post(step_url("payment-elsewhere"), _payment(dt.date(2026, 9, 5), "141"))
    assert _error_texts(too_much) == [
        "The amount you paid must be £140.00 or less: that is the fee"
    ]
    answer(client, "payment-elsewhere", _payment(dt.date(2026, 9, 5)))  # the last day: in time

    answer(
        client,
        "applicant",
        {"applicant_name": "Sam Example", **_date("applicant_date_of_birth", dt.date(1980, 1, 1))},
    )
    answer(client, "identity", {"ni_number": "QQ 12 34 56 C"})
    answer(client, "partner", {"has_partner": "no"})
    answer(client, "savings-band", {"savings_band": "low"})
    answer(client, "benefits", {"benefit": "none"})
    answer(
        client,
        "income",
        {
            "income_kinds": ["wages"],
            "income_period": "last_month",
            "gross_monthly_income_pence": "1000",
        },
    )
    answer(client, "children", {"children_0_13": "0", "children_14_plus": "0"})
    answer(client, "refund-bank", BANK)
    outcome = client.get(step_url("outcome")).content.decode()
    assert "You are likely to get full Help with Fees" in outcome
    assert (
        "we would refund £140.00 into the bank account you gave us, once we have checked "
        "your evidence of payment" in outcome
    )
    answer(client, "outcome", {"contact": "email", "email": "sam@example.com"})
    check = client.get(reverse("tribunal_fees:apply-for-help-with-fees-check")).content.decode()
    assert "AB/01234/2026" in check and "5 September 2026" in check
    confirmation = client.get(
        client.post(reverse("tribunal_fees:apply-for-help-with-fees-check"))["Location"]
    ).content.decode()

    application = HelpWithFeesApplication.objects.get()
    fee_case = FeeCase.objects.get()
    assert fee_case.status == FeeCaseStatus.PAID_ELSEWHERE
    assert (fee_case.amount_paid_pence, fee_case.case_number) == (14_000, "AB/01234/2026")
    assert application.fee_already_paid and application.refund_account_number == "00733445"
    evidence_url = reverse("tribunal_fees:hwf-payment-evidence", args=[application.reference])
    assert evidence_url in confirmation
    email = OutboundMessage.objects.get(template_key="tribunal_fees.hwf_submitted")
    assert "Send us evidence of payment" in email.personalisation["while_we_decide"]

    # The citizen sends evidence: a file that is not a PDF, JPG or PNG is refused.
    bad = client.post(
        evidence_url, {"evidence": SimpleUploadedFile("receipt.pdf", b"<html>", "application/pdf")}
    )
    assert "<title>Error:" in bad.content.decode()
    assert _error_texts(bad) == ["The selected file must be a PDF, JPG or PNG"]
    assert "Select a file" in client.post(evidence_url, {}).content.decode()
    sent = client.post(
        evidence_url, {"evidence": SimpleUploadedFile("receipt.pdf", PDF, "application/pdf")}
    )
    assert sent["Location"] == reverse("tribunal_fees:hwf-detail", args=[application.reference])
    assert "receipt.pdf" in client.get(sent["Location"]).content.decode()

    # Caseworkers: a decision, then the four-eyes refund, checked against the evidence.
    staff = Client()
    sign_in(staff, caseworker, second_factor=True)
    decide = reverse("admin:tribunal_fees_helpwithfeesapplication_decide", args=[application.pk])
    assert staff.post(decide, {"outcome": "full", "override_reason": ""}).status_code == 302
    refund = RefundApplication.objects.get(hwf_application=application)
    page = staff.get(reverse("admin:tribunal_fees_refundapplication_change", args=[refund.pk]))
    text = page.content.decode()
    assert "AB/01234/2026" in text and "5 September 2026" in text and "receipt.pdf" in text
    check_url = reverse("admin:tribunal_fees_refundapplication_check", args=[refund.pk])
    approve_url = reverse("admin:tribunal_fees_refundapplication_approve", args=[refund.pk])
    issue_url = reverse("admin:tribunal_fees_refundapplication_issue", args=[refund.pk])
    assert staff.post(check_url).status_code == 302
    refused = staff.post(approve_url, follow=True)
    assert "a different caseworker must approve it" in refused.content.decode()
    other = Client()
    sign_in(other, second_caseworker, second_factor=True)
    assert other.post(approve_url).status_code == 302
    assert other.post(issue_url, {"method": "bank_transfer"}).status_code == 302
    refund.refresh_from_db()
    assert (refund.status, refund.total_pence, refund.checked_by, refund.approved_by) == (
        RefundStatus.ISSUED,
        14_000,
        caseworker,
        second_caseworker,
    )
    detail = client.get(reverse("tribunal_fees:refund-detail", args=[refund.reference]))
    assert "Refund after Help with Fees" in detail.content.decode()
    assert "interest at" not in detail.content.decode()


@time_machine.travel(TODAY, tick=False)
def test_the_admin_will_not_mark_a_refund_checked_before_the_evidence_arrives(caseworker):
    application = PaidElsewhereHwfApplicationFactory(computed_outcome="full")
    services.hwf_application_decide(
        application=application, actor=caseworker, outcome="full", override_reason="Full"
    )
    refund = RefundApplication.objects.get(hwf_application=application)
    staff = Client()
    sign_in(staff, caseworker, second_factor=True)
    page = staff.get(reverse("admin:tribunal_fees_refundapplication_change", args=[refund.pk]))
    assert "No evidence of payment sent yet" in page.content.decode()
    check_url = reverse("admin:tribunal_fees_refundapplication_check", args=[refund.pk])
    response = staff.post(check_url)
    assert response.status_code == 200
    assert "has not sent evidence of payment yet" in response.content.decode()
    refund.refresh_from_db()
    assert refund.status == RefundStatus.SUBMITTED


@time_machine.travel(TODAY, tick=False)
def test_not_yet_paid_goes_on_as_before_without_payment_questions(client):
    _describe_an_immigration_appeal_fee(client)
    assert answer(client, "already-paid", {"already_paid": "no"}) == step_url("applicant")


@time_machine.travel(TODAY, tick=False)
def test_the_employment_route_is_not_asked_whether_the_fee_was_paid(client):
    answer(client, "fee", {"has_reference": "no"})
    answer(client, "tribunal", {"tribunal": "employment"})
    answer(client, "fee-kind", {"kind": "issue"})
    after_date = answer(client, "date", _date("fee_date", dt.date(2016, 3, 14)))
    assert after_date != step_url("already-paid")
    assert client.get(step_url("already-paid")).status_code in (302, 404)


def test_another_citizen_cannot_send_evidence_on_someone_elses_application(client):
    application = PaidElsewhereHwfApplicationFactory(fee_case__user=UserFactory())
    sign_in(client, UserFactory())
    url = reverse("tribunal_fees:hwf-payment-evidence", args=[application.reference])
    assert client.get(url).status_code == 404
    response = client.post(url, {"evidence": SimpleUploadedFile("r.pdf", PDF, "application/pdf")})
    assert response.status_code == 404
    assert services.fee_case_payment_evidence(application.fee_case) == []


def test_the_fee_page_of_a_fee_paid_elsewhere_offers_no_receipt_and_no_payment(client):
    user = UserFactory()
    application = PaidElsewhereHwfApplicationFactory(fee_case__user=user, user=user)
    fee_case = application.fee_case
    sign_in(client, user)
    page = client.get(reverse("tribunal_fees:fee-detail", args=[fee_case.reference]))
    text = page.content.decode()
    assert "Paid to the tribunal (not through this service)" in text
    assert "paid to the tribunal on" in text
    assert reverse("tribunal_fees:fee-receipt", args=[fee_case.reference]) not in text
    assert reverse("tribunal_fees:fee-pay", args=[fee_case.reference]) not in text
    receipt = client.get(reverse("tribunal_fees:fee-receipt", args=[fee_case.reference]))
    assert receipt.status_code == 404
    detail = client.get(reverse("tribunal_fees:hwf-detail", args=[application.reference]))
    assert "We do not have any evidence of payment yet" in detail.content.decode()
