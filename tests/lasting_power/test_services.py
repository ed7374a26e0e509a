"""Writes: saving answers, the lock on completion, every status move, the fee, paying by
card, cheque or nothing, reuse, delete, and what completion sends."""

import pytest
from django.contrib.contenttypes.models import ContentType

from digital_services.audit.models import AuditEvent
from digital_services.core.transitions import TransitionNotAllowed, transition_apply
from digital_services.notifications.models import OutboundMessage
from digital_services.payments.models import Payment
from digital_services.payments.sandbox import sandbox_card_submit, sandbox_payment_confirm
from digital_services.payments.services import payment_refresh
from lasting_power import services
from lasting_power.constants import LPA_TRANSITIONS, LpaStatus, LpaType
from lasting_power.models import Lpa
from lasting_power.selectors import lpa_details

from .factories import (
    CONTACT_POST,
    donor_data,
    lpa_answered,
    lpa_completed,
)

pytestmark = pytest.mark.django_db
GOOD = "4444333322221111"
DECLINED = "4000000000000002"


def test_a_new_lpa_has_an_a_reference_and_is_in_progress():
    lpa = lpa_answered(stop_before="donor")
    assert lpa.reference.startswith("A") and len(lpa.reference) == 12
    assert lpa.status == LpaStatus.IN_PROGRESS
    assert lpa.reference_display.replace(" ", "") == lpa.reference
    assert AuditEvent.objects.filter(action="lpa.started").count() == 1


def test_each_answer_is_saved_as_it_is_given_and_the_donor_name_kept_for_search():
    lpa = lpa_answered(stop_before="when")
    assert set(lpa.answers) == {"donor"}
    assert lpa.donor_name == "Dorothy Donor"


@pytest.mark.parametrize("source", LpaStatus.values)
@pytest.mark.parametrize("target", LpaStatus.values)
def test_every_move_is_allowed_only_by_the_map(source, target):
    lpa = lpa_answered(stop_before="when")
    Lpa.objects.filter(pk=lpa.pk).update(status=source)
    lpa.refresh_from_db()
    if target in LPA_TRANSITIONS[source]:
        transition_apply(lpa, to=target, action=None)
        assert lpa.status == target
    else:
        with pytest.raises(TransitionNotAllowed):
            transition_apply(lpa, to=target, action=None)


def test_completion_needs_every_answer():
    lpa = lpa_answered(stop_before="repeat-application")
    with pytest.raises(TransitionNotAllowed):
        services.lpa_complete(lpa=lpa, method="cheque")
    with pytest.raises(ValueError):
        services.lpa_fee_decide(lpa=lpa, cleaned_data={"wanted": "no"})


def test_completion_needs_the_fee_decided_and_a_way_to_pay():
    lpa = lpa_answered()
    with pytest.raises(TransitionNotAllowed, match="fee questions"):
        services.lpa_complete(lpa=lpa, method="cheque")
    services.lpa_fee_decide(lpa=lpa, cleaned_data={"wanted": "no"})
    lpa.refresh_from_db()
    with pytest.raises(TransitionNotAllowed, match="how to pay"):
        services.lpa_complete(lpa=lpa, method="")


def test_completing_by_cheque_locks_stamps_audits_and_tells_the_correspondent(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        lpa = lpa_completed(method="cheque")
    assert lpa.status == LpaStatus.COMPLETED and lpa.is_locked
    assert lpa.completed_at is not None and lpa.completed_by == lpa.user
    assert lpa.payment_method == "cheque" and lpa.fee_pence == 9200
    assert AuditEvent.objects.filter(action="lpa.completed").count() == 1
    from digital_services.performance.models import PerformanceEvent

    kinds = set(
        PerformanceEvent.objects.filter(service="lasting-power").values_list("kind", "outcome")
    )
    assert kinds == {("journey_started", ""), ("journey_completed", "cheque")}
    message = OutboundMessage.objects.get(template_key="lasting_power.completed")
    assert message.channel == "email" and message.recipient == "dorothy@example.com"
    assert message.personalisation["fee"] == "£92.00, to pay by cheque, sent with the LPA"


def test_a_correspondent_by_post_gets_a_letter_in_welsh_when_asked(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        lpa = lpa_completed(contact=CONTACT_POST)
    message = OutboundMessage.objects.get(template_key="lasting_power.completed")
    assert message.channel == "letter"
    assert "1 Donor Road" in message.recipient and "Dorothy Donor" in message.recipient
    assert lpa_details(lpa).correspondent_by_post


@pytest.mark.parametrize(
    "step",
    ["donor", "attorneys"],
)
def test_a_completed_lpa_cannot_change(step):
    lpa = lpa_completed()
    with pytest.raises(TransitionNotAllowed, match="can no longer be changed"):
        if step == "donor":
            services.lpa_answer_save(lpa=lpa, step="donor", cleaned_data={})
        else:
            services.lpa_item_remove(lpa=lpa, step="attorneys", number=1)
    with pytest.raises(TransitionNotAllowed):
        services.lpa_complete(lpa=lpa, method="cheque")
    with pytest.raises(TransitionNotAllowed):
        services.lpa_fee_decide(lpa=lpa, cleaned_data={"wanted": "no"})


@pytest.mark.parametrize(
    ("reduction", "repeat", "fee"),
    [
        ({"wanted": "no"}, False, 9200),
        ({"wanted": "no"}, True, 4600),
        (
            {
                "wanted": "yes",
                "benefits": [],
                "damages_over_limit": False,
                "income_under_limit": True,
            },
            False,
            4600,
        ),
        (
            {
                "wanted": "yes",
                "benefits": [],
                "damages_over_limit": False,
                "income_under_limit": True,
            },
            True,
            2300,
        ),
        (
            {
                "wanted": "yes",
                "benefits": ["income-support"],
                "damages_over_limit": False,
                "income_under_limit": False,
            },
            False,
            0,
        ),
        (
            {
                "wanted": "yes",
                "benefits": ["universal-credit"],
                "damages_over_limit": False,
                "income_under_limit": False,
            },
            False,
            None,
        ),
    ],
)
def test_the_fee_follows_the_reduction_answers_and_a_repeat(reduction, repeat, fee):
    lpa = lpa_answered(repeat=repeat)
    outcome = services.lpa_fee_decide(lpa=lpa, cleaned_data=reduction)
    lpa.refresh_from_db()
    assert lpa.fee_pence == fee == outcome.amount_pence
    assert lpa.fee_reduction["repeat"] is repeat


@pytest.mark.parametrize("benefits", [["income-support"], ["universal-credit"]])
def test_nothing_to_pay_now_completes_without_a_payment(benefits):
    lpa = lpa_answered()
    services.lpa_fee_decide(
        lpa=lpa,
        cleaned_data={
            "wanted": "yes",
            "benefits": benefits,
            "damages_over_limit": False,
            "income_under_limit": False,
        },
    )
    lpa.refresh_from_db()
    with pytest.raises(TransitionNotAllowed):
        services.lpa_payment_start(lpa=lpa)
    services.lpa_complete(lpa=lpa, actor=lpa.user)
    lpa.refresh_from_db()
    assert lpa.is_locked and lpa.payment_method == ""


def _pay(lpa, card, capture):
    url = services.lpa_payment_start(lpa=lpa, started_by=lpa.user)
    assert url
    payment = Payment.objects.get(
        content_type=ContentType.objects.get_for_model(Lpa), object_id=str(lpa.pk)
    )
    sandbox_card_submit(payment_id=payment.provider_payment_id, card_number=card)
    if card == GOOD:
        sandbox_payment_confirm(payment_id=payment.provider_payment_id)
    with capture(execute=True):
        payment_refresh(payment=payment)
    lpa.refresh_from_db()
    return payment


def test_a_card_payment_that_succeeds_completes_the_lpa(django_capture_on_commit_callbacks):
    lpa = lpa_answered()
    services.lpa_fee_decide(lpa=lpa, cleaned_data={"wanted": "no"})
    lpa.refresh_from_db()
    payment = _pay(lpa, GOOD, django_capture_on_commit_callbacks)
    assert payment.amount_pence == 9200 and payment.purpose == "lpa-application-fee"
    assert lpa.is_locked and lpa.payment_method == "card"
    services.lpa_payment_outcome(payment=payment)  # a second call changes nothing
    assert AuditEvent.objects.filter(action="lpa.completed").count() == 1


def test_a_declined_card_leaves_the_lpa_open_to_pay_again(django_capture_on_commit_callbacks):
    lpa = lpa_answered()
    services.lpa_fee_decide(lpa=lpa, cleaned_data={"wanted": "no"})
    lpa.refresh_from_db()
    _pay(lpa, DECLINED, django_capture_on_commit_callbacks)
    assert lpa.status == LpaStatus.IN_PROGRESS


def test_reuse_starts_the_other_type_with_the_same_donor_only():
    old = lpa_answered(attorneys=2)
    new = services.lpa_reuse(lpa=old, lpa_type=LpaType.HEALTH_WELFARE)
    assert new.seed == old and new.user == old.user and new.pk != old.pk
    assert set(new.answers) == {"donor"} and new.answers["donor"] == old.answers["donor"]
    assert new.lpa_type == LpaType.HEALTH_WELFARE and new.reference != old.reference


def test_delete_removes_the_lpa_and_its_documents_and_audits_it():
    from digital_services.documents.constants import DocumentKind
    from digital_services.documents.models import Document
    from digital_services.documents.services import document_store

    lpa = lpa_completed()
    document_store(
        content=b"%PDF",
        kind=DocumentKind.LPA_FORM,
        content_type="application/pdf",
        filename="LP1F.pdf",
        owner=lpa.user,
        case=lpa,
    )
    services.lpa_delete(lpa=lpa, actor=lpa.user)
    assert not Lpa.objects.filter(pk=lpa.pk).exists()
    assert not Document.objects.filter(object_id=str(lpa.pk), kind=DocumentKind.LPA_FORM).exists()
    assert AuditEvent.objects.filter(action="lpa.deleted").count() == 1


def test_people_to_notify_stop_at_five():
    lpa = lpa_answered(notify=5)
    with pytest.raises(TransitionNotAllowed, match="up to 5"):
        services.lpa_item_save(lpa=lpa, step="people-to-notify", cleaned_data=donor_data())


def test_warnings_read_are_remembered_on_the_lpa():
    from lasting_power.journeys import lpa_flow

    from .factories import add

    lpa = lpa_answered(stop_before="attorneys")
    add(lpa, "attorneys", donor_data())
    services.lpa_items_confirm(lpa=lpa, step="attorneys")
    lpa.refresh_from_db()
    assert lpa_flow(lpa).unread("attorneys")
    services.lpa_warnings_acknowledge(lpa=lpa, step="attorneys")
    lpa.refresh_from_db()
    assert not lpa_flow(lpa).unread("attorneys") and lpa.acknowledged


def test_changing_an_answer_after_the_fee_asks_the_fee_questions_again():
    from .factories import answer

    lpa = lpa_answered()
    services.lpa_fee_decide(lpa=lpa, cleaned_data={"wanted": "no"})
    lpa.refresh_from_db()
    assert lpa.fee_pence == 9200
    answer(lpa, "repeat-application", {"repeat": "yes", "case_number": "700000000001"})
    lpa.refresh_from_db()
    assert lpa.fee_pence is None and lpa.fee_reduction == {}
    with pytest.raises(TransitionNotAllowed, match="fee questions"):
        services.lpa_complete(lpa=lpa, method="cheque")
    assert services.lpa_fee_decide(lpa=lpa, cleaned_data={"wanted": "no"}).amount_pence == 4600
