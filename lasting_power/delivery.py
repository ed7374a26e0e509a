"""Sending a completed LPA the correspondent's way (the platform's contact step decided
it): by email, a message saying the documents are ready in the applicant's account; by
post, a letter in the outbox's next letter batch, with the LPA's PDFs printed behind it.

The PDFs themselves are drawn by ``lasting_power.documents`` in a background task.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext, override

from digital_services.core.money import pence_format
from digital_services.journeys.contact import contact_route
from digital_services.notifications.constants import Channel
from digital_services.notifications.services import notification_send

from .documents.generate import lpa_documents_request
from .models import Lpa

logger = logging.getLogger(__name__)

TEMPLATE_COMPLETED = "lasting_power.completed"


def lpa_route(lpa: Lpa):
    """The correspondent's contact route (email or post) with their name on letters."""
    from .selectors import lpa_details

    details = lpa_details(lpa)
    contact = lpa.answers.get("correspondent-contact") or {}
    name = details.correspondent.name if details.correspondent else ""
    cleaned = {
        "contact": contact.get("contact"),
        "email": contact.get("email", ""),
        "address_line_1": contact.get("address_line_1", ""),
        "address_line_2": contact.get("address_line_2", ""),
        "address_town": contact.get("address_town", ""),
        "address_postcode": contact.get("address_postcode", ""),
    }
    return contact_route(cleaned, name=name), details


def correspondent_language(details) -> str:
    """The language of the correspondent's messages: Welsh when the LPA says they want
    letters in Welsh (the correspondent question), else English."""
    return "cy" if details.correspondent_in_welsh else "en"


def _fee_words(lpa: Lpa) -> str:
    """The fee in words, in the active language."""
    if lpa.fee_pence is None:
        return gettext("to be decided by the Office of the Public Guardian (Universal Credit)")
    if lpa.fee_pence == 0:
        return gettext("no fee")
    how = {
        "card": gettext("paid by card"),
        "cheque": gettext("to pay by cheque, sent with the LPA"),
    }
    return f"{pence_format(lpa.fee_pence)}, {how.get(lpa.payment_method, '')}".rstrip(", ")


def lpa_documents_send(*, lpa_id: int) -> None:
    """After completion: ask for the final documents and tell the correspondent.

    Returns quietly when the LPA is gone or not completed (run twice, it sends twice
    only if called twice: completion calls it once, after its commit)."""
    lpa = Lpa.objects.filter(pk=lpa_id).first()
    if lpa is None or not lpa.is_locked:
        return
    route, details = lpa_route(lpa)
    language = correspondent_language(details)
    with transaction.atomic(), override(language):
        lpa_documents_request(lpa=lpa)
        if not route.usable:
            logger.warning("LPA %s has no usable correspondent route", lpa.pk)
            return
        if route.channel == Channel.LETTER:
            documents = gettext(
                "The LPA and its forms are printed and come with this letter. Everyone "
                "signs them in the order the forms say."
            )
        else:
            documents = gettext(
                "Download and print the LPA and its forms from your account. Everyone "
                "signs them in the order the forms say."
            )
        notification_send(
            template=TEMPLATE_COMPLETED,
            to=route.to,
            channel=route.channel,
            language=language,
            about=lpa,
            service="lasting_power",
            reference=lpa.reference_display,
            personalisation={
                "reference": lpa.reference_display,
                "donor": details.donor.full_name if details.donor else "",
                "lpa_type": details.type_label,
                "fee": _fee_words(lpa),
                "documents": documents,
                "dashboard_url": f"{settings.SITE_URL}{reverse('lasting_power:dashboard')}",
            },
        )


def lpa_pack_enclosures(*, message) -> list[tuple[str, bytes]]:
    """For the letter batch: the PDFs of the LPA a "completed" letter is about (made now if
    the background task has not made them yet), in file-name order. Other letters of this
    service enclose nothing."""
    from digital_services.documents.services import document_open

    from .documents.generate import lpa_documents_current, lpa_documents_generate

    if message.template_key == "lasting_power.registered" and message.object_id:
        return _registered_enclosure(message)
    if message.template_key != TEMPLATE_COMPLETED or not message.object_id:
        return []
    lpa = Lpa.objects.filter(pk=message.object_id).first()
    if lpa is None or not lpa.is_locked:
        return []
    documents = lpa_documents_current(lpa=lpa) or sorted(
        lpa_documents_generate(lpa_id=lpa.pk), key=lambda d: d.filename
    )
    enclosures = []
    for document in documents:
        with document_open(document=document) as stored:
            enclosures.append((document.filename, stored.read()))
    return enclosures


def _registered_enclosure(message) -> list[tuple[str, bytes]]:
    """The registered LPA, stamped, behind the "registered" letter (made now if the
    background task has not made it yet)."""
    from digital_services.documents.services import document_open

    from .constants import LpaStatus
    from .documents.registered import lpa_registered_document_make

    lpa = Lpa.objects.filter(pk=message.object_id).first()
    if lpa is None or lpa.registered_on is None or lpa.status == LpaStatus.IN_PROGRESS:
        return []
    document = lpa_registered_document_make(lpa=lpa)
    with document_open(document=document) as stored:
        return [(document.filename, stored.read())]
