"""Fee decisions at OPG: a reduction asked for waits for a caseworker when the LPA is
received and holds registration; approved (exemption or remission), declined, or more
evidence asked for, each audited and told to the correspondent; allowed only from their
states; Universal Credit decided here; an approval below a fee paid by card refunds the
difference through the platform's payments."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from digital_services.audit.models import AuditEvent
from digital_services.core.transitions import TransitionNotAllowed
from digital_services.notifications.models import OutboundMessage
from digital_services.payments.models import Payment, Refund
from digital_services.payments.sandbox import sandbox_card_submit, sandbox_payment_confirm
from digital_services.payments.services import payment_refresh
from lasting_power import fee_decisions, registration, services
from lasting_power.constants import (
    FEE_DECISION_LPA_STATUSES,
    FEE_DECISION_TRANSITIONS,
    FeeDecisionStatus,
    LpaStatus,
)
from lasting_power.fee_decisions import (
    DECLINED,
    EXEMPTION,
    MORE_EVIDENCE,
    REMISSION,
    FeeDecisionRefused,
)
from lasting_power.models import FeeDecision, Lpa

from .factories import lpa_answered
from .registration_factories import lpa_ready, signatures_in_order
from .test_admin import _action, caseworker, staff  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
GOOD_CARD = "4444333322221111"


@pytest.fixture(autouse=True)
def _sandbox(settings):
    settings.GOVUK_PAY_API_KEY = ""
    settings.PAYMENTS_PROVIDER = ""
    settings.SITE_URL = "http://testserver"


def _completed(reduction: dict, *, method="cheque", **kwargs) -> Lpa:
    lpa = lpa_answered(**kwargs)
    services.lpa_fee_decide(lpa=lpa, cleaned_data=reduction)
    lpa.refresh_from_db()
    return services.lpa_complete(lpa=lpa, method=method, actor=lpa.user)


LOW_INCOME = {"wanted": "yes", "benefits": [], "income_under_limit": True}
UNIVERSAL_CREDIT = {"wanted": "yes", "benefits": ["universal-credit"]}
NONE = {"wanted": "no"}


def _paid_by_card(capture) -> tuple[Lpa, Payment]:
    """A full fee (£92) paid by card through the sandbox, then received by OPG."""
    lpa = lpa_answered()
    services.lpa_fee_decide(lpa=lpa, cleaned_data=NONE)
    lpa.refresh_from_db()
    services.lpa_payment_start(lpa=lpa, started_by=lpa.user)
    payment = Payment.objects.get(
        content_type=ContentType.objects.get_for_model(Lpa), object_id=str(lpa.pk)
    )
    sandbox_card_submit(payment_id=payment.provider_payment_id, card_number=GOOD_CARD)
    sandbox_payment_confirm(payment_id=payment.provider_payment_id)
    with capture(execute=True):
        payment_refresh(payment=payment)
    lpa.refresh_from_db()
    assert lpa.status == LpaStatus.COMPLETED and lpa.fee_pence == 9200
    registration.lpa_receive(lpa=lpa, received_on=timezone.localdate())
    payment.refresh_from_db()
    return lpa, payment


def test_the_decision_map_ends_in_approved_or_declined():
    assert set(FEE_DECISION_TRANSITIONS) == set(FeeDecisionStatus.values)
    assert FEE_DECISION_TRANSITIONS[FeeDecisionStatus.APPROVED] == ()
    assert FEE_DECISION_TRANSITIONS[FeeDecisionStatus.DECLINED] == ()


def test_receiving_an_lpa_that_asked_for_a_reduction_makes_a_decision_wait():
    lpa = _completed(LOW_INCOME)
    assert lpa.fee_pence == 4600
    registration.lpa_receive(lpa=lpa, received_on=timezone.localdate())
    decision = FeeDecision.objects.get(lpa=lpa)
    assert decision.status == FeeDecisionStatus.PENDING
    assert decision.reduction_asked == "low-income" and decision.fee_before_pence == 4600
    assert AuditEvent.objects.filter(action="lpa.fee_reduction_asked").count() == 1
    # An LPA that asked for nothing has no decision waiting.
    plain = _completed(NONE)
    registration.lpa_receive(lpa=plain, received_on=timezone.localdate())
    assert not FeeDecision.objects.filter(lpa=plain).exists()


def test_a_waiting_fee_decision_holds_registration_until_decided():
    lpa = lpa_ready()
    fee_decisions.fee_reduction_ask(lpa=lpa)
    with pytest.raises(registration.RegistrationRefused, match="fee reduction"):
        registration.lpa_register(lpa=lpa)
    fee_decisions.fee_decision_record(lpa=lpa, decision=DECLINED, notes="No evidence of income")
    registration.lpa_register(lpa=lpa)
    assert Lpa.objects.get(pk=lpa.pk).status == LpaStatus.REGISTERED


def test_a_remission_approved_keeps_half_the_fee_and_tells_the_correspondent():
    lpa = _completed(LOW_INCOME)
    registration.lpa_receive(lpa=lpa, received_on=timezone.localdate())
    decision = fee_decisions.fee_decision_record(lpa=lpa, decision=REMISSION)
    assert decision.status == FeeDecisionStatus.APPROVED and decision.reduction_given == REMISSION
    assert decision.fee_after_pence == 4600 and decision.decided_at is not None
    assert Lpa.objects.get(pk=lpa.pk).fee_pence == 4600
    message = OutboundMessage.objects.get(template_key="lasting_power.fee_decision")
    assert "remission" in message.personalisation["decision"]
    assert "£46" in message.personalisation["details"]
    event = AuditEvent.objects.get(action="lpa.fee_decided")
    assert event.detail["decision"] == REMISSION and event.detail["from"] == "pending"


def test_universal_credit_is_decided_here_and_more_evidence_can_be_asked_first():
    lpa = _completed(UNIVERSAL_CREDIT)
    assert lpa.fee_pence is None  # decided by OPG
    registration.lpa_receive(lpa=lpa, received_on=timezone.localdate())
    with pytest.raises(FeeDecisionRefused) as refused:
        fee_decisions.fee_decision_record(lpa=lpa, decision=MORE_EVIDENCE, notes="  ")
    assert refused.value.errors == {"notes": ["Enter the evidence you need"]}
    asked = fee_decisions.fee_decision_record(
        lpa=lpa, decision=MORE_EVIDENCE, notes="Your latest Universal Credit statement"
    )
    assert asked.status == FeeDecisionStatus.MORE_EVIDENCE and asked.evidence_asked_at
    letter = OutboundMessage.objects.get(template_key="lasting_power.fee_decision")
    assert "Universal Credit statement" in letter.personalisation["details"]
    decided = fee_decisions.fee_decision_record(lpa=lpa, decision=EXEMPTION)
    assert decided.status == FeeDecisionStatus.APPROVED and decided.fee_after_pence == 0
    assert Lpa.objects.get(pk=lpa.pk).fee_pence == 0


def test_declining_needs_a_reason_and_sets_the_full_fee():
    lpa = _completed(LOW_INCOME)
    registration.lpa_receive(lpa=lpa, received_on=timezone.localdate())
    with pytest.raises(FeeDecisionRefused):
        fee_decisions.fee_decision_record(lpa=lpa, decision=DECLINED)
    decided = fee_decisions.fee_decision_record(
        lpa=lpa, decision=DECLINED, notes="Income is over £12,000"
    )
    assert decided.status == FeeDecisionStatus.DECLINED and decided.fee_after_pence == 9200
    assert decided.refund is None


@pytest.mark.parametrize("first", [EXEMPTION, REMISSION, DECLINED])
def test_a_decided_fee_cannot_be_decided_again(first):
    lpa = _completed(LOW_INCOME)
    registration.lpa_receive(lpa=lpa, received_on=timezone.localdate())
    fee_decisions.fee_decision_record(lpa=lpa, decision=first, notes="Reason")
    assert not fee_decisions.fee_decision_allowed(lpa)
    with pytest.raises(TransitionNotAllowed):
        fee_decisions.fee_decision_record(lpa=lpa, decision=EXEMPTION)
    assert AuditEvent.objects.filter(action="lpa.fee_decided").count() == 1


@pytest.mark.parametrize("status", LpaStatus.values)
def test_a_fee_is_decided_only_while_opg_holds_the_lpa(status):
    lpa = _completed(LOW_INCOME)
    Lpa.objects.filter(pk=lpa.pk).update(status=status)
    lpa.refresh_from_db()
    assert fee_decisions.fee_decision_allowed(lpa) is (status in FEE_DECISION_LPA_STATUSES)
    if status in FEE_DECISION_LPA_STATUSES:
        fee_decisions.fee_decision_record(lpa=lpa, decision=REMISSION)
        assert FeeDecision.objects.get(lpa=lpa).status == FeeDecisionStatus.APPROVED
    else:
        with pytest.raises(TransitionNotAllowed):
            fee_decisions.fee_decision_record(lpa=lpa, decision=REMISSION)
        assert not FeeDecision.objects.filter(lpa=lpa).exists()


def test_an_exemption_approved_after_a_full_card_payment_refunds_it_to_the_card(
    django_capture_on_commit_callbacks,
):
    lpa, payment = _paid_by_card(django_capture_on_commit_callbacks)
    decision = fee_decisions.fee_decision_record(lpa=lpa, decision=EXEMPTION)
    refund = Refund.objects.get(payment=payment)
    assert decision.refund == refund and refund.amount_pence == 9200
    assert refund.reason == fee_decisions.REFUND_REASON
    assert AuditEvent.objects.filter(action="refund.requested").count() == 1
    message = OutboundMessage.objects.get(template_key="lasting_power.fee_decision")
    assert "refunding £92" in message.personalisation["details"]


def test_a_remission_after_a_full_card_payment_refunds_half(django_capture_on_commit_callbacks):
    lpa, payment = _paid_by_card(django_capture_on_commit_callbacks)
    fee_decisions.fee_decision_record(lpa=lpa, decision=REMISSION)
    assert Refund.objects.get(payment=payment).amount_pence == 4600


def test_a_declined_reduction_refunds_nothing(django_capture_on_commit_callbacks):
    lpa, payment = _paid_by_card(django_capture_on_commit_callbacks)
    fee_decisions.fee_decision_record(lpa=lpa, decision=DECLINED, notes="Not eligible")
    assert not Refund.objects.filter(payment=payment).exists()


def test_the_caseworker_decides_the_fee_from_the_case_page_and_sees_the_refund(
    staff,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    lpa, payment = _paid_by_card(django_capture_on_commit_callbacks)
    page = staff.get(reverse("admin:lasting_power_lpa_change", args=[lpa.pk])).content.decode()
    assert "Decide the fee" in page and "Card payment" in page and "£92.00" in page
    form = staff.get(_action(lpa, "fee")).content.decode()
    assert "Approve an exemption" in form
    error = staff.post(_action(lpa, "fee"), {"decision": DECLINED, "notes": ""})
    assert "Enter why the reduction is declined" in error.content.decode()
    done = staff.post(_action(lpa, "fee"), {"decision": EXEMPTION, "notes": ""}, follow=True)
    assert "£92.00 is refunded to the card" in done.content.decode()
    page = done.content.decode()
    assert "Refund" in page and fee_decisions.REFUND_REASON in page
    again = staff.get(_action(lpa, "fee"), follow=True).content.decode()
    assert "its fee cannot be decided now" in again


def test_the_fee_queue_lists_lpas_waiting_for_a_decision(staff):  # noqa: F811
    waiting = _completed(LOW_INCOME)
    registration.lpa_receive(
        lpa=waiting,
        received_on=timezone.localdate(),
        signatures=signatures_in_order(waiting),
    )
    other = _completed(NONE)
    registration.lpa_receive(lpa=other, received_on=timezone.localdate())
    page = staff.get(
        reverse("admin:lasting_power_lpa_changelist"), {"queue": "fees"}
    ).content.decode()
    assert waiting.reference_display in page and other.reference_display not in page


def test_a_caseworker_without_the_fee_permission_cannot_decide(client, django_user_model):
    from tests.accounts.factories import StaffWithTotpFactory
    from tests.conftest import sign_in

    lpa = _completed(LOW_INCOME)
    registration.lpa_receive(lpa=lpa, received_on=timezone.localdate())
    user = StaffWithTotpFactory()
    sign_in(client, user, second_factor=True)
    response = client.post(_action(lpa, "fee"), {"decision": EXEMPTION})
    assert response.status_code in (302, 403)
    assert FeeDecision.objects.get(lpa=lpa).status == FeeDecisionStatus.PENDING
