"""Help with Fees applications: submit, ask for evidence, decide (with override), part payment."""

import datetime as dt

import pytest
from django.utils import timezone

from digital_services.audit.models import AuditEvent
from digital_services.notifications.models import OutboundMessage
from tribunal_fees import services
from tribunal_fees.constants import HWF_TRANSITIONS, FeeCaseStatus, HwfStatus

from .factories import (
    FEE_CASE_FACTORY_FOR_STATUS,
    HWF_FACTORY_FOR_STATUS,
    DecidedPartHwfApplicationFactory,
    FeeCaseFactory,
    HwfApplicationFactory,
)

pytestmark = pytest.mark.django_db

ANSWERS = services.HwfAnswers(
    applicant_name="Alex Applicant",
    applicant_date_of_birth=dt.date(1980, 1, 1),
    capital_pence=100_000,
    gross_monthly_income_pence=118_500,  # £100 over the 2013 single threshold
)


def test_submitting_works_out_the_outcome_and_holds_the_fee():
    fee_case = FeeCaseFactory()  # £160, presented in 2016: the October 2013 scheme
    application = services.hwf_application_submit(
        fee_case=fee_case, answers=ANSWERS, user=fee_case.user
    )

    assert application.reference.startswith("HWF-")
    assert len(application.reference) == 11
    assert (application.scheme, application.computed_outcome) == ("2013", "part")
    assert application.computed_amount_to_pay_pence == 5000
    assert application.status == HwfStatus.SUBMITTED
    fee_case.refresh_from_db()
    assert fee_case.status == FeeCaseStatus.AWAITING_HWF
    assert OutboundMessage.objects.filter(template_key="tribunal_fees.hwf_submitted").exists()


@pytest.mark.parametrize(
    "status",
    # A paid fee can be applied for within 3 months (test_hwf_retrospective.py), and so can
    # one paid to the tribunal outside this service (test_hwf_paid_elsewhere.py).
    [
        s
        for s in FeeCaseStatus
        if s not in (FeeCaseStatus.UNPAID, FeeCaseStatus.PAID, FeeCaseStatus.PAID_ELSEWHERE)
    ],
)
def test_submitting_is_refused_unless_the_fee_is_unpaid(status):
    fee_case = FEE_CASE_FACTORY_FOR_STATUS[status]()
    with pytest.raises(services.TransitionNotAllowed):
        services.hwf_application_submit(fee_case=fee_case, answers=ANSWERS)


def test_a_group_fee_is_refused_for_a_single_application():
    fee_case = FeeCaseFactory(claimants=3)
    with pytest.raises(services.InvalidRequest):
        services.hwf_application_submit(fee_case=fee_case, answers=ANSWERS)


def test_deciding_with_the_calculated_outcome_needs_no_reason(caseworker):
    application = HwfApplicationFactory()
    application = services.hwf_application_decide(application=application, actor=caseworker)

    assert (application.status, application.outcome) == (HwfStatus.DECIDED, "part")
    assert application.amount_to_pay_pence == 5000
    assert application.decided_by == caseworker
    assert not application.overridden
    fee_case = application.fee_case
    fee_case.refresh_from_db()
    assert (fee_case.status, fee_case.amount_due_pence, fee_case.remission_pence) == (
        FeeCaseStatus.UNPAID,
        5000,
        11000,
    )
    event = AuditEvent.objects.get(action="hwf_application.decided", object_id=str(application.pk))
    assert event.actor == caseworker and event.detail["overridden"] is False


def test_full_remission_remits_the_fee(caseworker):
    application = HwfApplicationFactory(computed_outcome="full", computed_amount_to_pay_pence=0)
    services.hwf_application_decide(application=application, actor=caseworker)
    application.fee_case.refresh_from_db()
    assert application.fee_case.status == FeeCaseStatus.REMITTED
    assert application.fee_case.remission_pence == 16000
    # Nothing is owed, so the email does not offer to take a card payment (issue #12 point 19).
    sent = OutboundMessage.objects.get(template_key="tribunal_fees.hwf_decided")
    assert sent.personalisation["next_step"].startswith("You do not need to pay anything")
    assert "pay by card" not in sent.personalisation["next_step"]


def test_a_part_remission_email_offers_to_pay_by_card(caseworker):
    services.hwf_application_decide(application=HwfApplicationFactory(), actor=caseworker)

    sent = OutboundMessage.objects.get(template_key="tribunal_fees.hwf_decided")
    assert sent.personalisation["next_step"] == "You can pay by card here:"


def test_an_override_needs_a_reason(caseworker):
    application = HwfApplicationFactory()
    with pytest.raises(services.InvalidRequest) as error:
        services.hwf_application_decide(application=application, actor=caseworker, outcome="none")
    assert "override_reason" in error.value.errors
    application.refresh_from_db()
    assert application.status == HwfStatus.SUBMITTED


def test_an_override_with_a_reason_is_recorded(caseworker):
    application = HwfApplicationFactory()
    application = services.hwf_application_decide(
        application=application,
        actor=caseworker,
        outcome="none",
        override_reason="Payslips show more income",
    )
    assert application.overridden
    assert application.override_reason == "Payslips show more income"
    application.fee_case.refresh_from_db()
    assert application.fee_case.amount_due_pence == 16000


@pytest.mark.parametrize("amount", [0, 16000, 20000])
def test_a_part_decision_must_leave_something_less_than_the_fee(caseworker, amount):
    application = HwfApplicationFactory()
    with pytest.raises(services.InvalidRequest):
        services.hwf_application_decide(
            application=application,
            actor=caseworker,
            outcome="part",
            amount_to_pay_pence=amount,
            override_reason="x",
        )


def test_asking_for_evidence_sets_a_28_day_expiry(caseworker):
    application = HwfApplicationFactory()
    application = services.hwf_application_evidence_request(
        application=application, actor=caseworker, note="Last 3 payslips"
    )
    assert application.status == HwfStatus.EVIDENCE_REQUESTED
    assert application.evidence_expires_on == timezone.localdate() + dt.timedelta(days=28)
    assert application.evidence_requested_by == caseworker
    assert OutboundMessage.objects.filter(
        template_key="tribunal_fees.hwf_evidence_requested"
    ).exists()


def test_evidence_cannot_be_due_in_the_past(caseworker):
    with pytest.raises(services.InvalidRequest):
        services.hwf_application_evidence_request(
            application=HwfApplicationFactory(),
            actor=caseworker,
            note="x",
            expires_on=timezone.localdate(),
        )


def test_recording_the_part_payment_pays_the_fee(caseworker):
    application = DecidedPartHwfApplicationFactory()
    application = services.hwf_application_part_payment_record(
        application=application, actor=caseworker, amount_pence=5000
    )
    assert application.status == HwfStatus.PART_PAYMENT_RECORDED
    application.fee_case.refresh_from_db()
    assert application.fee_case.status == FeeCaseStatus.PAID
    assert application.fee_case.amount_paid_pence == 5000


def test_a_part_payment_of_the_wrong_amount_is_refused(caseworker):
    with pytest.raises(services.InvalidRequest):
        services.hwf_application_part_payment_record(
            application=DecidedPartHwfApplicationFactory(), actor=caseworker, amount_pence=4999
        )


ACTIONS = {
    HwfStatus.DECIDED: lambda app, actor: services.hwf_application_decide(
        application=app, actor=actor
    ),
    HwfStatus.EVIDENCE_REQUESTED: lambda app, actor: services.hwf_application_evidence_request(
        application=app, actor=actor, note="payslips"
    ),
    HwfStatus.PART_PAYMENT_RECORDED: lambda app, actor: (
        services.hwf_application_part_payment_record(
            application=app, actor=actor, amount_pence=5000
        )
    ),
}


@pytest.mark.parametrize("source", list(HwfStatus))
@pytest.mark.parametrize("target", list(ACTIONS))
def test_hwf_transitions_from_every_status(caseworker, source, target):
    application = HWF_FACTORY_FOR_STATUS[source]()
    if target in HWF_TRANSITIONS[source]:
        result = ACTIONS[target](application, caseworker)
        assert result.status == target
    else:
        with pytest.raises(services.TransitionNotAllowed):
            ACTIONS[target](application, caseworker)
