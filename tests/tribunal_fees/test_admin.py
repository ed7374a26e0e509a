"""The staff side in the admin: pages for tribunal-fees caseworkers, 403 for others,
actions through services, the four-eyes rule, the finance CSV."""

import csv
import io

import pytest
from django.urls import reverse

from digital_services.audit.models import AuditEvent
from tests.conftest import sign_in
from tribunal_fees.constants import FeeCaseStatus, HwfStatus, RefundStatus

from .factories import (
    CheckedRefundApplicationFactory,
    DecidedPartHwfApplicationFactory,
    FeeCaseFactory,
    HwfApplicationFactory,
    IssuedRefundApplicationFactory,
    PaymentUncertainFeeCaseFactory,
    RefundApplicationFactory,
)

pytestmark = pytest.mark.django_db

MODELS = ["feeschedule", "feecase", "helpwithfeesapplication", "refundapplication"]


@pytest.fixture
def cases():
    return {
        "feeschedule": None,
        "feecase": PaymentUncertainFeeCaseFactory(),
        "helpwithfeesapplication": HwfApplicationFactory(),
        "refundapplication": CheckedRefundApplicationFactory(),
    }


def _change_url(model, obj):
    from tribunal_fees.models import FeeSchedule

    obj = obj or FeeSchedule.objects.first()
    return reverse(f"admin:tribunal_fees_{model}_change", args=[obj.pk])


@pytest.mark.parametrize("model", MODELS)
def test_caseworker_sees_each_list_and_case(client, caseworker, cases, model):
    sign_in(client, caseworker, second_factor=True)
    assert client.get(reverse(f"admin:tribunal_fees_{model}_changelist")).status_code == 200
    assert client.get(_change_url(model, cases[model])).status_code == 200


@pytest.mark.parametrize(
    "query",
    ["?queue=to_decide", "?queue=evidence", "?queue=evidence_overdue", "?queue=part_payment"],
)
def test_caseworker_sees_each_help_with_fees_queue(client, caseworker, cases, query):
    sign_in(client, caseworker, second_factor=True)
    url = reverse("admin:tribunal_fees_helpwithfeesapplication_changelist") + query
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "query", ["?exception=uncertain", "?exception=in_flight", "?exception=failed"]
)
def test_caseworker_sees_the_payment_exception_queues(client, caseworker, cases, query):
    sign_in(client, caseworker, second_factor=True)
    response = client.get(reverse("admin:tribunal_fees_feecase_changelist") + query)
    assert response.status_code == 200
    if query == "?exception=uncertain":
        assert cases["feecase"].reference in response.content.decode()


@pytest.mark.parametrize("model", MODELS)
def test_another_services_caseworker_is_refused(client, other_service_caseworker, cases, model):
    sign_in(client, other_service_caseworker, second_factor=True)
    assert client.get(reverse(f"admin:tribunal_fees_{model}_changelist")).status_code == 403
    assert client.get(_change_url(model, cases[model])).status_code == 403


@pytest.mark.parametrize(
    ("name", "factory"),
    [
        ("tribunal_fees_helpwithfeesapplication_decide", HwfApplicationFactory),
        ("tribunal_fees_helpwithfeesapplication_evidence", HwfApplicationFactory),
        ("tribunal_fees_refundapplication_check", RefundApplicationFactory),
        ("tribunal_fees_refundapplication_approve", CheckedRefundApplicationFactory),
        ("tribunal_fees_feecase_not_paid", PaymentUncertainFeeCaseFactory),
    ],
)
def test_action_pages_open_for_caseworkers_and_not_for_others(
    client, caseworker, other_service_caseworker, name, factory
):
    obj = factory()
    url = reverse(f"admin:{name}", args=[obj.pk])
    sign_in(client, other_service_caseworker, second_factor=True)
    assert client.get(url).status_code == 403
    assert client.post(url, {"reason": "x"}).status_code == 403
    sign_in(client, caseworker, second_factor=True)
    assert client.get(url).status_code == 200


def test_the_fee_schedule_is_read_only_for_caseworkers(client, caseworker):
    sign_in(client, caseworker, second_factor=True)
    assert client.get(reverse("admin:tribunal_fees_feeschedule_add")).status_code == 403


def test_a_caseworker_decides_help_with_fees_with_an_override_and_reason(client, caseworker):
    application = HwfApplicationFactory()
    sign_in(client, caseworker, second_factor=True)
    url = reverse("admin:tribunal_fees_helpwithfeesapplication_decide", args=[application.pk])

    response = client.post(url, {"outcome": "none", "amount_to_pay": "", "override_reason": ""})
    assert response.status_code == 200
    assert "Enter why the decision differs" in response.content.decode()

    response = client.post(
        url, {"outcome": "none", "override_reason": "Savings found on statements"}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.outcome, application.decided_by) == (
        HwfStatus.DECIDED,
        "none",
        caseworker,
    )


def test_a_caseworker_records_a_part_payment(client, caseworker):
    application = DecidedPartHwfApplicationFactory()
    sign_in(client, caseworker, second_factor=True)
    url = reverse("admin:tribunal_fees_helpwithfeesapplication_part_payment", args=[application.pk])
    assert client.post(url, {"amount": "£50.00"}).status_code == 302
    application.fee_case.refresh_from_db()
    assert application.fee_case.status == FeeCaseStatus.PAID


def test_the_admin_refuses_approval_by_the_caseworker_who_checked(
    client, caseworker, second_caseworker
):
    application = RefundApplicationFactory()
    sign_in(client, caseworker, second_factor=True)
    check = reverse("admin:tribunal_fees_refundapplication_check", args=[application.pk])
    approve = reverse("admin:tribunal_fees_refundapplication_approve", args=[application.pk])
    assert client.post(check).status_code == 302

    response = client.post(approve, follow=True)
    assert "a different caseworker must approve it" in response.content.decode()
    application.refresh_from_db()
    assert application.status == RefundStatus.CHECKED

    sign_in(client, second_caseworker, second_factor=True)
    assert client.post(approve).status_code == 302
    application.refresh_from_db()
    assert (application.status, application.approved_by) == (
        RefundStatus.APPROVED,
        second_caseworker,
    )


def test_a_caseworker_rejects_with_a_reason(client, caseworker):
    application = CheckedRefundApplicationFactory()
    sign_in(client, caseworker, second_factor=True)
    url = reverse("admin:tribunal_fees_refundapplication_reject", args=[application.pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200
    assert client.post(url, {"reason": "Reimbursed by the employer"}).status_code == 302
    application.refresh_from_db()
    assert application.status == RefundStatus.REJECTED


def test_a_caseworker_marks_an_uncertain_fee_not_paid(client, caseworker):
    fee_case = PaymentUncertainFeeCaseFactory()
    sign_in(client, caseworker, second_factor=True)
    url = reverse("admin:tribunal_fees_feecase_not_paid", args=[fee_case.pk])
    assert client.post(url, {"reason": "No money taken"}).status_code == 302
    fee_case.refresh_from_db()
    assert fee_case.status == FeeCaseStatus.UNPAID
    assert AuditEvent.objects.filter(action="fee_case.unpaid", actor=caseworker).exists()


def test_status_cannot_be_changed_by_editing_a_case(client, caseworker):
    fee_case = FeeCaseFactory()
    sign_in(client, caseworker, second_factor=True)
    url = reverse("admin:tribunal_fees_feecase_change", args=[fee_case.pk])
    client.post(url, {"status": "paid"})
    fee_case.refresh_from_db()
    assert fee_case.status == FeeCaseStatus.UNPAID


def test_the_finance_csv_lists_issued_refunds(client, caseworker):
    issued = IssuedRefundApplicationFactory(full_name="=HYPERLINK(1)")
    sign_in(client, caseworker, second_factor=True)
    response = client.post(
        reverse("admin:tribunal_fees_refundapplication_changelist"),
        {"action": "export_finance_csv", "_selected_action": [issued.pk]},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "reference"
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["reference"] == issued.reference
    assert (row["fees"], row["interest"], row["total"]) == ("250.00", "2.75", "252.75")
    assert row["sort code"] == "30-94-30"
    assert row["name"] == "'=HYPERLINK(1)"


@pytest.fixture
def administrator(db):
    from digital_services.accounts.constants import ADMINISTRATOR
    from digital_services.accounts.services import user_role_add
    from tests.accounts.factories import StaffWithTotpFactory

    user = StaffWithTotpFactory()
    user_role_add(user=user, role=ADMINISTRATOR)
    return user


def _schedule_form(**overrides):
    data = {
        "jurisdiction": "ET",
        "kind": "issue",
        "claim_type": "A",
        "claimant_band": "1",
        "amount_pence": "55.00",
        "effective_from": "2017-07-01",
        "effective_to": "",
        "notes": "Proposed flat fee",
    }
    data.update(overrides)
    return data


def test_an_administrator_cannot_add_an_overlapping_fee(client, administrator):
    sign_in(client, administrator, second_factor=True)
    response = client.post(reverse("admin:tribunal_fees_feeschedule_add"), _schedule_form())
    assert response.status_code == 200
    assert "overlaps another fee for the same thing" in response.content.decode()


def test_an_administrator_adds_a_fee_from_a_later_date(client, administrator):
    from tribunal_fees.models import FeeSchedule

    sign_in(client, administrator, second_factor=True)
    response = client.post(
        reverse("admin:tribunal_fees_feeschedule_add"), _schedule_form(effective_from="2030-01-01")
    )
    assert response.status_code == 302
    assert FeeSchedule.objects.filter(amount_pence=5500).exists()


def test_the_bench_data_fills_the_queues_the_bench_measures(client, caseworker):
    import io

    from digital_services.core.references import reference_for_number
    from tribunal_fees import bench

    bench.seed(scale=0.002, stdout=io.StringIO())  # 400 fees
    sign_in(client, caseworker, second_factor=True)
    for page in bench.PAGES:
        response = client.get(page["path"]())
        assert response.status_code == 200, page["name"]
    uncertain = client.get(bench.PAGES[2]["path"]()).content.decode()
    assert f"TB{reference_for_number(1, length=8)}" in uncertain


@pytest.mark.parametrize(
    ("model", "factory", "prefix"),
    [
        ("feecase", FeeCaseFactory, "TF"),
        ("helpwithfeesapplication", HwfApplicationFactory, "HWF"),
    ],
)
def test_the_admin_search_finds_a_case_by_its_reference_however_typed(
    client, caseworker, model, factory, prefix
):
    """Issue #12 point 7: the reference as shown, without hyphens, lower case or with
    spaces finds the case, and only that case."""
    case, other = factory(reference=f"{prefix}-4Q7-ZMB"), factory(reference=f"{prefix}-4Q8-ZMA")
    sign_in(client, caseworker, second_factor=True)
    changelist = reverse(f"admin:tribunal_fees_{model}_changelist")
    plain = case.reference.replace("-", "")
    for term in (case.reference, plain, plain.lower(), case.reference.replace("-", " ")):
        page = client.get(changelist, {"q": term}).content.decode()
        assert case.reference in page, term
        assert other.reference not in page, term


def test_the_admin_search_finds_a_refund_application_by_its_reference_however_typed(
    client, caseworker
):
    """Issue #12 point 7, for refunds: "c 2000 001" finds C2000001, and only it."""
    case = RefundApplicationFactory(reference="C2000123")
    other = RefundApplicationFactory(reference="C2000124")
    sign_in(client, caseworker, second_factor=True)
    changelist = reverse("admin:tribunal_fees_refundapplication_changelist")
    for term in ("C2000123", "c2000123", "C 2000 123", "C-2000-123", " c2000123 "):
        page = client.get(changelist, {"q": term}).content.decode()
        assert case.reference in page, term
        assert other.reference not in page, term


def test_the_fee_case_page_shows_everyone_on_it_and_each_decision(client, caseworker):
    """Issue #12 point 8: the payer, each Help with Fees applicant with the decision on
    them (and why it differs from the worked-out one), each refund applicant and their
    representative."""
    from tribunal_fees.constants import HwfOutcome, PayerRole

    from .factories import DecidedPartHwfApplicationFactory, FeeCaseFactory, UserFactory

    payer = UserFactory(full_name="Robin Representative")
    fee_case = FeeCaseFactory(user=payer, payer_role=PayerRole.REPRESENTATIVE)
    decided = DecidedPartHwfApplicationFactory(
        fee_case=fee_case,
        applicant_name="Casey Claimant",
        outcome=HwfOutcome.FULL,
        overridden=True,
        override_reason="Income evidence shows a lower income",
        decided_by=caseworker,
    )
    RefundApplicationFactory(
        fee_case=fee_case, full_name="Casey Claimant", representative_name="Union Reps Ltd"
    )
    sign_in(client, caseworker, second_factor=True)

    page = client.get(
        reverse("admin:tribunal_fees_feecase_change", args=[fee_case.pk])
    ).content.decode()

    assert "A representative: Robin Representative" in page
    assert f"Help with Fees applicant ({decided.reference})" in page
    assert "Casey Claimant: Full remission" in page
    assert "changed because: Income evidence shows a lower income" in page
    assert f"decided by {caseworker.get_full_name() or caseworker.email}" in page
    assert "Union Reps Ltd" in page


def test_a_caseworker_reads_an_old_version_of_a_fee_but_cannot_revert_it(client, caseworker):
    """The fee schedule's history page opened with a FieldError for staff who may only look
    (the pounds display "amount" is not a form field)."""
    from tribunal_fees.models import FeeSchedule

    row = FeeSchedule.objects.order_by("pk").first()
    row.notes = "Before the change"
    row.save()
    version = row.history.first()
    sign_in(client, caseworker, second_factor=True)
    url = reverse("admin:tribunal_fees_feeschedule_simple_history", args=[row.pk, version.pk])

    response = client.get(url)
    client.post(url, {"notes": "Changed by a caseworker"})

    assert response.status_code == 200
    assert "£" in response.content.decode()
    row.refresh_from_db()
    assert row.notes == "Before the change"
