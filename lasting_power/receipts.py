"""The payment confirmation sent when an LPA is completed: one message per way the fee was
settled [L: card payment, cheque or no payment; here a card payment taken over the
telephone by an agent too], separate from the message that sends the documents.

It goes to the person whose LPA it is (the account holder, also when an agent typed) by
the way they asked to be contacted: email, text message or letter, through the outbox
(``accounts.citizens.citizen_notification_send``).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from digital_services.accounts.citizens import CitizenUnreachable, citizen_notification_send
from digital_services.core.dates import date_format
from digital_services.core.money import pence_format

from .constants import PaymentMethod
from .models import Lpa

logger = logging.getLogger(__name__)

TEMPLATE_CARD = "lasting_power.payment_card"
TEMPLATE_TELEPHONE = "lasting_power.payment_telephone"
TEMPLATE_CHEQUE = "lasting_power.payment_cheque"
TEMPLATE_NONE = "lasting_power.payment_none"
TEMPLATES = (TEMPLATE_CARD, TEMPLATE_TELEPHONE, TEMPLATE_CHEQUE, TEMPLATE_NONE)


def payment_template_for(*, lpa: Lpa, payment=None) -> str:
    """Which confirmation fits how the fee was settled."""
    if not lpa.fee_pence:
        return TEMPLATE_NONE  # nothing to pay, or Universal Credit: decided later
    if lpa.payment_method == PaymentMethod.CHEQUE:
        return TEMPLATE_CHEQUE
    if payment is not None and payment.moto:
        return TEMPLATE_TELEPHONE
    return TEMPLATE_CARD


def lpa_payment_confirmation_send(*, lpa: Lpa, payment=None) -> None:
    """Queue the payment confirmation for a just-completed LPA (inside the completing
    transaction: it is sent after the commit). ``payment``: the card payment that
    completed it, if any. Someone who cannot be reached by any route is logged (ids only),
    not an error: completing the LPA does not depend on it. In the LPA's language."""
    with override(lpa.language):
        _confirmation_send(lpa=lpa, payment=payment)


def _confirmation_send(*, lpa: Lpa, payment) -> None:
    from .selectors import lpa_details

    details = lpa_details(lpa)
    template = payment_template_for(lpa=lpa, payment=payment)
    personalisation = {
        "reference": lpa.reference_display,
        "donor": details.donor.full_name if details.donor else "",
        "lpa_type": details.type_label,
        "lpa_url": f"{settings.SITE_URL}{reverse('lasting_power:lpa-view', args=[lpa.pk])}",
    }
    if template in (TEMPLATE_CARD, TEMPLATE_TELEPHONE):
        personalisation.update(
            amount=pence_format(payment.amount_pence if payment else lpa.fee_pence),
            paid_on=date_format(
                (payment.finished_at if payment else None) or lpa.completed_at or timezone.now()
            ),
            payment_reference=(payment.provider_reference or payment.reference)
            if payment
            else lpa.reference_display,
        )
    elif template == TEMPLATE_CHEQUE:
        personalisation["amount"] = pence_format(lpa.fee_pence)
    else:
        personalisation["fee"] = (
            gettext("to be decided by the Office of the Public Guardian")
            if lpa.fee_pence is None
            else pence_format(0)
        )
    try:
        citizen_notification_send(
            citizen=lpa.user,
            template=template,
            personalisation=personalisation,
            about=lpa,
            service="lasting_power",
            reference=lpa.reference_display,
            language=lpa.language,
        )
    except CitizenUnreachable:
        logger.warning("LPA %s: no way to send its payment confirmation", lpa.pk)
