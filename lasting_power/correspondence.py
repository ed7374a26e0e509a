"""What the Office of the Public Guardian sends about an LPA it is registering: to the
correspondent by their route (email, or a letter in the outbox's next batch; Welsh when
they asked for it) at each stage (received, imperfect, objection received, cannot
register, registered), and the notices to the people the notes name (letters).

Each function queues its message inside the caller's transaction (sent after the
commit); a correspondent with no usable route is logged by id, not an error, so a
caseworker's action never fails because of it.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext, override

from digital_services.core.dates import date_format
from digital_services.notifications.constants import Channel
from digital_services.notifications.registry import template_get
from digital_services.notifications.services import InvalidRecipient, notification_send

from .constants import REGISTERING_DONOR
from .details import LpaDetails, Person
from .models import Lpa

logger = logging.getLogger(__name__)

TEMPLATE_RECEIVED = "lasting_power.received"
TEMPLATE_IMPERFECT = "lasting_power.imperfect"
TEMPLATE_OBJECTION = "lasting_power.objection_received"
TEMPLATE_CANNOT_REGISTER = "lasting_power.cannot_register"
TEMPLATE_REGISTERED = "lasting_power.registered"
TEMPLATE_NOTICE = "lasting_power.notice"
TEMPLATE_FEE_DECISION = "lasting_power.fee_decision"
TEMPLATE_ATTORNEY_ACCESS = "lasting_power.attorney_access"


def _lpa_url(lpa: Lpa) -> str:
    return f"{settings.SITE_URL}{reverse('lasting_power:lpa-view', args=[lpa.pk])}"


def lpa_correspondent_send(*, lpa: Lpa, template: str, personalisation: dict) -> bool:
    """Queue ``template`` to the LPA's correspondent by their route, with the reference,
    donor and link filled in. Returns False (and logs the id) when there is no route."""
    from .delivery import correspondent_language, lpa_route

    route, details = lpa_route(lpa)
    if not route.usable:
        logger.warning("LPA %s has no usable correspondent route for %s", lpa.pk, template)
        return False
    language = correspondent_language(details)
    with override(language):
        values = {
            "reference": lpa.reference_display,
            "donor": details.donor.full_name if details.donor else "",
            "lpa_type": details.type_label,
            "lpa_url": _lpa_url(lpa),
            **{
                # A date given as a date is written in the letter's language.
                key: date_format(value) if isinstance(value, dt.date) else value
                for key, value in personalisation.items()
            },
        }
    wanted = template_get(template).personalisation
    notification_send(
        template=template,
        to=route.to,
        channel=route.channel,
        language=language,
        personalisation={k: str(v) for k, v in values.items() if k in wanted},
        about=lpa,
        service="lasting_power",
        reference=lpa.reference_display,
    )
    return True


@dataclass(frozen=True)
class NoticeTarget:
    person: Person
    role: str  # as the notice words it: "an attorney", "the donor"


def notice_targets(details: LpaDetails) -> list[NoticeTarget]:
    """Who is given notice [notes section 5]: the attorneys when the donor applied; the
    donor and the attorneys who did not apply when attorneys applied."""
    if details.registering == REGISTERING_DONOR:
        return [NoticeTarget(person, gettext("an attorney")) for person in details.attorneys]
    applying = {person.key for person in details.registering_attorneys}
    targets = [NoticeTarget(details.donor, gettext("the donor"))] if details.donor else []
    targets += [
        NoticeTarget(person, gettext("an attorney"))
        for person in details.attorneys
        if person.key not in applying
    ]
    return targets


def _applicant_words(details: LpaDetails) -> str:
    if details.registering == REGISTERING_DONOR:
        return details.donor.full_name if details.donor else gettext("The donor")
    names = [person.full_name for person in details.registering_attorneys]
    if len(names) <= 1:
        return "".join(names) or gettext("The attorneys")
    return gettext("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


def lpa_notices_queue(*, lpa: Lpa, details: LpaDetails, object_by) -> tuple[int, list[str]]:
    """A notice letter to each person the notes name; returns (letters queued, names of
    those whose address cannot be printed: the caseworker sends theirs by hand). In the
    LPA's language (the one it was made in)."""
    with override(lpa.language):
        return _notices_queue(lpa=lpa, details=details, object_by=object_by)


def _notices_queue(*, lpa: Lpa, details: LpaDetails, object_by) -> tuple[int, list[str]]:
    sent, unsent = 0, []
    for target in notice_targets(details):
        person = target.person
        try:
            notification_send(
                template=TEMPLATE_NOTICE,
                to=[person.name, *person.address.lines],
                channel=Channel.LETTER,
                language=lpa.language,
                personalisation={
                    "applicant": _applicant_words(details),
                    "lpa_type": details.type_label.lower(),
                    "donor": details.donor.full_name if details.donor else "",
                    "role": target.role,
                    "reference": lpa.reference_display,
                    "object_by": date_format(object_by),
                },
                about=lpa,
                service="lasting_power",
                reference=lpa.reference_display,
            )
        except InvalidRecipient:
            unsent.append(person.full_name)
        else:
            sent += 1
    return sent, unsent
