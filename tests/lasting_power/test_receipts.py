"""The payment confirmation of a completed LPA (lasting_power.receipts): one message for
each way the fee was settled (card online, card by telephone, cheque, nothing to pay now),
separate from the documents message, sent to the account holder by their chosen route."""

import pytest
from django.contrib.contenttypes.models import ContentType

from digital_services.core.money import pence_format
from digital_services.notifications.models import OutboundMessage
from digital_services.notifications.selectors import outbound_message_render
from digital_services.payments.models import Payment
from digital_services.payments.sandbox import sandbox_card_submit, sandbox_payment_confirm
from digital_services.payments.services import payment_refresh
from lasting_power import services
from lasting_power.models import Lpa
from tests.accounts.factories import StaffUserFactory, UserFactory
from tests.assisted_digital.factories import CitizenProfileFactory, CitizenWithoutEmailFactory

from .factories import lpa_answered

pytestmark = pytest.mark.django_db

GOOD_CARD = "4444333322221111"
PAYMENT_TEMPLATES = (
    "lasting_power.payment_card",
    "lasting_power.payment_telephone",
    "lasting_power.payment_cheque",
    "lasting_power.payment_none",
)


def _ready(user=None, **fee):
    lpa = lpa_answered(user or UserFactory(email="payer@example.com"))
    services.lpa_fee_decide(lpa=lpa, cleaned_data={"wanted": "no", **fee})
    lpa.refresh_from_db()
    return lpa


def _pay_by_card(lpa, capture, *, agent=None):
    services.lpa_payment_start(lpa=lpa, started_by=lpa.user, entered_by=agent)
    payment = Payment.objects.get(
        content_type=ContentType.objects.get_for_model(Lpa), object_id=str(lpa.pk)
    )
    sandbox_card_submit(payment_id=payment.provider_payment_id, card_number=GOOD_CARD)
    sandbox_payment_confirm(payment_id=payment.provider_payment_id)
    with capture(execute=True):
        payment_refresh(payment=payment)
    payment.refresh_from_db()
    return payment


def _confirmation(lpa):
    (message,) = OutboundMessage.objects.filter(
        object_id=str(lpa.pk), template_key__in=PAYMENT_TEMPLATES
    )
    return message


def _body(message) -> str:
    return outbound_message_render(message=message).body


def test_a_card_payment_sends_a_receipt_with_the_amount_date_and_payment_reference(
    django_capture_on_commit_callbacks,
):
    lpa = _ready()
    payment = _pay_by_card(lpa, django_capture_on_commit_callbacks)
    message = _confirmation(lpa)
    assert message.template_key == "lasting_power.payment_card"
    assert message.channel == "email" and message.recipient == "payer@example.com"
    assert message.personalisation["amount"] == pence_format(9200)
    assert message.personalisation["reference"] == Lpa.objects.get(pk=lpa.pk).reference_display
    assert message.personalisation["payment_reference"] == (
        payment.provider_reference or payment.reference
    )
    assert message.personalisation["paid_on"]
    assert message.personalisation["donor"] == "Dorothy Donor"
    # The documents go separately, the correspondent's way.
    assert OutboundMessage.objects.filter(
        object_id=str(lpa.pk), template_key="lasting_power.completed"
    ).exists()


def test_a_card_payment_an_agent_took_by_telephone_says_so(django_capture_on_commit_callbacks):
    lpa = _ready()
    _pay_by_card(lpa, django_capture_on_commit_callbacks, agent=StaffUserFactory())
    message = _confirmation(lpa)
    assert message.template_key == "lasting_power.payment_telephone"
    assert "over the telephone" in _body(message) and pence_format(9200) in _body(message)


def test_choosing_a_cheque_says_how_much_and_how_to_send_it(django_capture_on_commit_callbacks):
    lpa = _ready()
    with django_capture_on_commit_callbacks(execute=True):
        services.lpa_complete(lpa=lpa, method="cheque", actor=lpa.user)
    message = _confirmation(lpa)
    assert message.template_key == "lasting_power.payment_cheque"
    assert message.personalisation["amount"] == pence_format(9200)
    assert "payable to" in _body(message) and "not taken any money" in _body(message)


@pytest.mark.parametrize(
    ("fee", "said"),
    [
        ({"wanted": "yes", "benefits": ["income-support"], "damages_over_limit": False}, "£0"),
        ({"wanted": "yes", "benefits": ["universal-credit"]}, "to be decided"),
    ],
)
def test_nothing_to_pay_now_sends_the_no_payment_confirmation(
    django_capture_on_commit_callbacks, fee, said
):
    lpa = _ready(**fee)
    assert not lpa.fee_pence
    with django_capture_on_commit_callbacks(execute=True):
        services.lpa_complete(lpa=lpa, actor=lpa.user)
    message = _confirmation(lpa)
    assert message.template_key == "lasting_power.payment_none"
    assert said in message.personalisation["fee"] and "LPA120" in _body(message)


def test_a_citizen_who_wants_texts_gets_the_confirmation_by_text(
    django_capture_on_commit_callbacks,
):
    citizen = UserFactory()
    CitizenProfileFactory(user=citizen, preferred_contact="sms", phone="07700900555")
    lpa = _ready(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        services.lpa_complete(lpa=lpa, method="cheque", actor=citizen)
    message = _confirmation(lpa)
    assert message.channel == "sms" and "07700900555" in message.recipient.replace(" ", "")


def test_a_citizen_without_email_gets_the_confirmation_by_letter(
    django_capture_on_commit_callbacks,
):
    citizen = CitizenWithoutEmailFactory()
    lpa = _ready(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        services.lpa_complete(lpa=lpa, method="cheque", actor=citizen)
    message = _confirmation(lpa)
    assert message.channel == "letter"
    assert citizen.citizen_profile.postcode in message.recipient


def test_completing_twice_sends_one_confirmation(django_capture_on_commit_callbacks):
    lpa = _ready()
    payment = _pay_by_card(lpa, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.lpa_payment_outcome(payment=payment)
    assert _confirmation(lpa).template_key == "lasting_power.payment_card"
