"""The caseworkers' side after a response: the queues (judgments requested, payment plans for
a decision, redeterminations, referred to mediation, stayed), the actions (record the
court's decision, record a mediation result, enter a judgment, transfer to a court), each
audited with bad input shown on the form; another service's caseworker sees nothing; and
the judgment register export in its documented layout."""

import csv
import datetime as dt
import io

import pytest
import time_machine
from django.urls import reverse

from civil_claims.admin.judgments import REGISTER_COLUMNS
from civil_claims.constants import (
    ClaimStatus,
    CourtDecision,
    FormaliseOption,
    JudgmentStatus,
)
from civil_claims.models import Claim, Judgment
from civil_claims.services.claimant import (
    claim_admission_accept,
    claim_go_ahead,
    claim_plan_reject,
)
from civil_claims.services.judgment import (
    claim_plan_decide,
    claim_redetermination_request,
    judgment_enter,
)
from civil_claims.services.outcomes import (
    claim_paid_in_full,
)
from civil_claims.services.plans import PaymentPlanAnswers
from digital_services.accounts.constants import CASEWORKER_ROLES
from digital_services.accounts.services import user_role_add
from digital_services.audit.models import AuditEvent
from tests.accounts.factories import StaffWithTotpFactory
from tests.conftest import sign_in

from .factories_claimant import claim_answered, full_defence

pytestmark = pytest.mark.django_db

CLAIMANT_PLAN = PaymentPlanAnswers(
    payment_option="instalments",
    instalment_amount_pence=20000,
    instalment_first_date=dt.date(2026, 12, 15),
    instalment_frequency="monthly",
)


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False) as traveller:
        yield traveller


@pytest.fixture
def staff_client(client, caseworker):
    sign_in(client, caseworker, second_factor=True)
    return client


def _plan_waiting():
    claim = claim_answered()
    claim_plan_reject(claim=claim, plan=CLAIMANT_PLAN, actor=None)
    return claim


def _reply_action(claim, slug):
    name = f"admin:civil_claims_claimantreply_{slug.replace('-', '_')}"
    return reverse(name, args=[claim.claimant_reply.pk])


def _judgment_action(judgment, slug):
    return reverse(f"admin:civil_claims_judgment_{slug}", args=[judgment.pk])


def _audited(claim, action, actor):
    return AuditEvent.objects.filter(object_id=str(claim.pk), action=action, actor=actor).exists()


# Queues --------------------------------------------------------------------------------


def test_each_reply_queue_lists_only_its_claims(staff_client, caseworker):
    plan = _plan_waiting()
    redetermination = _plan_waiting()
    claim_plan_decide(claim=redetermination, actor=caseworker, decision=CourtDecision.DEFENDANT)
    claim_redetermination_request(
        claim=redetermination, role="defendant", reason="Too much", actor=None
    )
    mediation = claim_answered(**full_defence())
    claim_go_ahead(claim=mediation, free_mediation=True, actor=None)
    changelist = reverse("admin:civil_claims_claimantreply_changelist")
    expected = {"plans": plan, "redeterminations": redetermination, "mediation": mediation}
    for queue, claim in expected.items():
        page = staff_client.get(f"{changelist}?queue={queue}")
        assert page.status_code == 200
        text = page.content.decode()
        for other in expected.values():
            assert (other.claim_number in text) == (other == claim), (queue, other)


def test_the_judgments_requested_queue_and_the_stayed_queue(staff_client, caseworker):
    requested = claim_answered()
    claim_admission_accept(claim=requested, formalise=FormaliseOption.CCJ, actor=None)
    entered = claim_answered()
    claim_admission_accept(claim=entered, formalise=FormaliseOption.CCJ, actor=None)
    judgment_enter(judgment=entered.judgment, actor=caseworker)
    page = staff_client.get(reverse("admin:civil_claims_judgment_changelist") + "?queue=requested")
    text = page.content.decode()
    assert requested.claim_number in text and entered.claim_number not in text
    stayed_page = staff_client.get(reverse("admin:civil_claims_claim_changelist") + "?queue=stayed")
    assert stayed_page.status_code == 200


# Actions -------------------------------------------------------------------------------


def test_the_decision_page_shows_the_statement_of_means_and_both_plans(staff_client):
    claim = _plan_waiting()
    change = reverse("admin:civil_claims_claimantreply_change", args=[claim.claimant_reply.pk])
    text = staff_client.get(change).content.decode()
    assert "Part-time shop work" in text  # the statement of means
    assert "£50.00 every month from 4 January 2027" in text  # the defendant's offer
    assert "£200.00 every month from 15 December 2026" in text  # the claimant's plan
    assert "Record the court&#x27;s decision" in text or "Record the court's decision" in text
    form = staff_client.get(_reply_action(claim, "plan-decide")).content.decode()
    assert "Part-time shop work" in form


def test_recording_the_courts_decision_makes_the_judgment_and_is_audited(staff_client, caseworker):
    claim = _plan_waiting()
    url = _reply_action(claim, "plan-decide")
    assert "Choose whose plan" in staff_client.post(url, {}).content.decode()
    bad = staff_client.post(
        url, {"decision": "court", "payment_option": "by_set_date", "pay_by_date": "31/02/2027"}
    ).content.decode()
    assert "Enter the date to pay by as a real date" in bad
    bad = staff_client.post(url, {"decision": "court", "payment_option": "by_set_date"})
    assert "Enter the date the money should be paid by" in bad.content.decode()
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.JUDGMENT_DECIDE_AMOUNT
    response = staff_client.post(
        url,
        {
            "decision": "court",
            "reason": "Income £1,200",
            "payment_option": "instalments",
            "instalment_amount_pence": "100",
            "instalment_frequency": "monthly",
            "instalment_first_date": "01/01/2027",
        },
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.JUDGMENT_REQUESTED
    assert claim.judgment.instalment_amount_pence == 10000
    assert claim.claimant_reply.decided_by == caseworker
    assert _audited(claim, "claim.plan_decided", caseworker)


def test_a_decision_on_a_claim_not_waiting_for_one_goes_back_with_the_reason(staff_client):
    claim = _plan_waiting()
    Claim.objects.filter(pk=claim.pk).update(status=ClaimStatus.STAYED)
    response = staff_client.post(_reply_action(claim, "plan-decide"), {"decision": "claimant"})
    assert response.status_code == 302
    assert not Judgment.objects.filter(claim=claim).exists()
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.STAYED


def test_recording_a_mediation_result(staff_client, caseworker):
    claim = claim_answered(**full_defence())
    claim_go_ahead(claim=claim, free_mediation=True, actor=None)
    url = _reply_action(claim, "mediation-result")
    assert "Choose the result of the mediation" in staff_client.post(url, {}).content.decode()
    staff_client.post(url, {"result": "failed"})
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.READY_FOR_DIRECTIONS
    assert _audited(claim, "claim.mediation_result", caseworker)


def test_entering_a_judgment(staff_client, caseworker):
    claim = claim_answered()
    claim_admission_accept(claim=claim, formalise=FormaliseOption.CCJ, actor=None)
    judgment = claim.judgment
    change = reverse("admin:civil_claims_judgment_change", args=[judgment.pk])
    assert "Enter the judgment" in staff_client.get(change).content.decode()
    staff_client.post(_judgment_action(judgment, "enter"), {})
    judgment.refresh_from_db()
    assert judgment.status == JudgmentStatus.ENTERED and judgment.entered_by == caseworker
    assert _audited(claim, "claim.judgment_entered", caseworker) is False  # on the judgment row
    assert AuditEvent.objects.filter(
        object_id=str(judgment.pk), action="claim.judgment_entered", actor=caseworker
    ).exists()
    again = staff_client.post(_judgment_action(judgment, "enter"), {})
    assert again.status_code == 302  # refused: back with the reason


def test_transferring_a_claim_to_a_court(staff_client, caseworker):
    claim = claim_answered(**full_defence())
    claim_go_ahead(claim=claim, free_mediation=False, actor=None)  # ready for directions
    url = reverse("admin:civil_claims_claim_transfer", args=[claim.pk])
    staff_client.post(url, {"court": "Cardiff County Court"})
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.TRANSFERRED and claim.transferred_by == caseworker
    assert _audited(claim, "claim.transferred", caseworker)


# Another service's caseworker ----------------------------------------------------------


def test_another_services_caseworker_sees_nothing(client):
    other = StaffWithTotpFactory()
    user_role_add(user=other, role=CASEWORKER_ROLES["tribunal_fees"])
    sign_in(client, other, second_factor=True)
    claim = _plan_waiting()
    for url in (
        reverse("admin:civil_claims_claimantreply_changelist"),
        reverse("admin:civil_claims_judgment_changelist"),
        reverse("admin:civil_claims_claimantreply_change", args=[claim.claimant_reply.pk]),
    ):
        assert client.get(url).status_code == 403, url
    response = client.post(_reply_action(claim, "plan-decide"), {"decision": "claimant"})
    assert response.status_code == 403
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.JUDGMENT_DECIDE_AMOUNT


# The judgment register -----------------------------------------------------------------


def test_the_judgment_register_export(staff_client, caseworker, _now):
    requested = claim_answered()
    claim_admission_accept(claim=requested, formalise=FormaliseOption.CCJ, actor=None)
    on_register = claim_answered()
    claim_admission_accept(claim=on_register, formalise=FormaliseOption.CCJ, actor=None)
    judgment_enter(judgment=on_register.judgment, actor=caseworker)
    paid_quickly = claim_answered()
    claim_admission_accept(claim=paid_quickly, formalise=FormaliseOption.CCJ, actor=None)
    judgment_enter(judgment=paid_quickly.judgment, actor=caseworker)
    paid_late = claim_answered()
    claim_admission_accept(claim=paid_late, formalise=FormaliseOption.CCJ, actor=None)
    judgment_enter(judgment=paid_late.judgment, actor=caseworker)
    _now.move_to("2026-12-20 10:00 +0000")
    claim_paid_in_full(claim=paid_quickly, received_on=dt.date(2026, 12, 19), actor=None)
    _now.move_to("2027-01-15 10:00 +0000")
    claim_paid_in_full(claim=paid_late, received_on=dt.date(2027, 1, 14), actor=None)
    sign_in(staff_client, caseworker, second_factor=True)
    response = staff_client.post(
        reverse("admin:civil_claims_judgment_changelist"),
        {
            "action": "export_register_csv",
            "_selected_action": list(Judgment.objects.values_list("pk", flat=True)),
        },
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert tuple(rows[0]) == REGISTER_COLUMNS
    by_number = {row[0]: dict(zip(REGISTER_COLUMNS, row, strict=True)) for row in rows[1:]}
    assert requested.claim_number not in by_number
    assert by_number[on_register.claim_number]["register_status"] == "on_register"
    assert by_number[paid_quickly.claim_number]["register_status"] == "removed_paid_within_month"
    assert by_number[paid_late.claim_number]["register_status"] == "satisfied"
    row = by_number[on_register.claim_number]
    assert row["entered_on"] == "2026-12-01"
    assert row["total"] == "600.00"
    assert row["defendant_date_of_birth"] == "1985-02-03"
    assert (row["payment_option"], row["instalment_amount"]) == ("instalments", "50.00")
    assert AuditEvent.objects.filter(action="claim.judgment_register_exported").exists()
    quick = staff_client.get(
        reverse("admin:civil_claims_judgment_changelist") + "?queue=paid_within_month"
    ).content.decode()
    assert paid_quickly.claim_number in quick and paid_late.claim_number not in quick


def test_the_register_export_needs_the_export_permission(client):
    other = StaffWithTotpFactory()
    user_role_add(user=other, role=CASEWORKER_ROLES["tribunal_fees"])
    sign_in(client, other, second_factor=True)
    response = client.post(
        reverse("admin:civil_claims_judgment_changelist"),
        {"action": "export_register_csv", "_selected_action": []},
    )
    assert response.status_code == 403


def test_the_statement_of_means_shows_amounts_as_money_not_pence():
    from civil_claims.admin.next_steps import _means_rows

    rows = dict(
        _means_rows(
            {
                "monthly_income_total_pence": 123456,
                "monthly_income": {"wages": {"amount_pence": 150000}},
                "residence": {"type": "rent", "shared": True},
                "explanation": "",
            }
        )
    )
    assert rows["Monthly income total"] == "£1,234.56"
    assert rows["Monthly income: Wages: Amount"] == "£1,500.00"
    assert rows["Residence: Shared"] == "Yes"
    assert rows["Explanation"] == "–"
