"""What the fee, Help with Fees and refund writes share: domain errors, row locks, links and emails."""

from __future__ import annotations

import logging

from django.db.models import Model
from django.utils import translation
from django.utils.functional import Promise, lazy

from digital_services.accounts.citizens import (
    CitizenUnreachable,
    citizen_notification_send,
    email_is_placeholder,
)
from digital_services.core.dates import date_format
from digital_services.core.grants import grant_url
from digital_services.core.transitions import (
    TransitionNotAllowed,
)
from digital_services.journeys.contact import ContactRoute
from digital_services.notifications.services import notification_send

from ..constants import (
    GRANT_SCOPE_FEE,
    SERVICE,
)
from ..models import (
    FeeCase,
    RefundApplication,
)

logger = logging.getLogger(__name__)

AUDIT_SERVICE = "tribunal-fees"  # the registry slug, as audit events from requests carry


class TribunalFeesError(Exception):
    """Base class for this service's domain errors."""


class FourEyesRuleBroken(TransitionNotAllowed):
    """The caseworker who checked a refund tried to approve it too."""


class InvalidRequest(TribunalFeesError):
    """The answers given are not valid. ``errors`` maps a field name to a GOV.UK-style message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))


def _locked(model, pk):
    return model.objects.select_for_update().get(pk=pk)


def _fee_link(fee_case: FeeCase, path: str) -> str:
    """A link in an email about a fee: the platform's grant link (core/grants.py), so it
    opens for the payer whether or not they have an account."""
    return grant_url(
        scope=GRANT_SCOPE_FEE, reference=fee_case.reference, next_url=path, absolute=True
    )


def contact_route_of(case: FeeCase | RefundApplication) -> ContactRoute:
    """Where a fee's or a refund's messages go: the route chosen in the journey."""
    if isinstance(case, RefundApplication):
        return ContactRoute(
            channel=case.contact_channel,
            email=case.email,
            mobile=case.mobile,
            address=case.address,
            name=case.full_name,
        )
    name = getattr(case.user, "full_name", "") if case.user_id else ""
    return ContactRoute(
        channel=case.contact_channel,
        email=case.email,
        mobile=case.mobile,
        address=case.postal_address,
        name=name or "",
    )


def _email(
    *, template: str, to: ContactRoute, about: Model, language: str, personalisation: dict
) -> None:
    """Send ``template`` by the chosen route: an email, a text message or a letter (in the
    outbox's next letter batch). A case with no route of its own (made before routes were
    asked) reaches its citizen by their recorded preference, if it has one. Lazy values
    (labels, ``FeeCase.description``, ``date_in_language``) are read in the case's language."""
    language = language if language in ("en", "cy") else "en"
    with translation.override(language):
        personalisation = {
            key: str(value) if isinstance(value, Promise) else value
            for key, value in personalisation.items()
        }
    if to.usable:
        notification_send(
            template=template,
            to=to.to,
            personalisation=personalisation,
            language=language,
            channel=to.channel,
            about=about,
            service=SERVICE,
        )
        return
    citizen = getattr(about, "user", None)
    if citizen is None:
        return
    try:
        citizen_notification_send(
            citizen=citizen,
            template=template,
            personalisation=personalisation,
            about=about,
            service=SERVICE,
            language=language,
        )
    except CitizenUnreachable:
        logger.warning("%s %s: no way to send %s", type(about).__name__, about.pk, template)


#: "5 December 2026" in the language active when it is read (a message's, see ``_email``).
date_in_language = lazy(date_format, str)


# Fee cases.


def _case_email(*, email: str, contact: ContactRoute | None, user) -> str:
    """The payer's email address: the one they chose us to use, else the one they typed or
    signed in with (never the placeholder of a citizen without email)."""
    if contact is not None:
        email = contact.email
    if not email and contact is None:
        email = getattr(user, "email", "") or ""
    return "" if email_is_placeholder(email) else email
