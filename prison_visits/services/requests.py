"""The visit request: checked, booked provisionally against its slots, confirmed to the visitor."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from .. import emails
from ..constants import (
    MAX_SLOT_CHOICES,
    Channel,
    Language,
    VisitStatus,
)
from ..models import Prison, SlotTime, Visit, VisitEvent, Visitor
from ..rules import (
    PrisonerDetails,
    VisitorDetails,
    prison_number_normalise,
    visitors_problems,
)
from ..selectors import (
    PRISONER_NOT_FOUND,
    prison_availability_get,
    prison_respond_by,
    prisoner_register_check,
)
from .common import (
    InvalidDecision,
    PrisonerNotFound,
    PrisonNotBookable,
    SlotFull,
    SlotUnavailable,
    VisitError,
    VisitorRulesBroken,
    _actor,
    _audit,
    _event,
    _notify,
    _reference_new,
    _slot,
)

# ---------------------------------------------------------------- the request


def visit_request_submit(
    *,
    prison: Prison,
    prisoner: PrisonerDetails,
    slots: Sequence[SlotTime | str],
    visitors: Sequence[VisitorDetails],
    contact_email: str = "",
    contact_phone: str = "",
    postal_address: str = "",
    language: str = Language.ENGLISH,
    user=None,
    channel: str = Channel.DIGITAL,
    assisted_session=None,
) -> Visit:
    """Create a ``requested`` visit and send the "request received" messages.

    ``slots`` are 1 to 3 ``SlotTime``s (or their keys) in order of preference,
    each still available in ``prison_availability_get`` for this prisoner.
    ``visitors[0]`` is the lead visitor. With an ``assisted_session`` (from the
    journey engine) the member of staff who typed it and the channel are kept,
    ``user`` should be the citizen, and ``contact_email`` may be empty when a
    ``postal_address`` (or the citizen's profile) gives a way to reach them.

    Raises ``PrisonNotBookable``, ``PrisonerNotFound`` (the register has no such
    prisoner), ``SlotUnavailable`` / ``SlotFull`` (naming the slot),
    ``VisitorRulesBroken`` (with each problem), and ``InvalidDecision`` when
    there is no way to contact the visitor.
    """
    if not prison.is_bookable:
        raise PrisonNotBookable(
            gettext("Visits to %(prison)s cannot be booked through this service")
            % {"prison": prison.name_here}
        )
    chosen = [_slot(s) for s in slots]
    if not 1 <= len(chosen) <= MAX_SLOT_CHOICES:
        raise SlotUnavailable(
            gettext("Choose between 1 and %(count)s times") % {"count": MAX_SLOT_CHOICES}
        )
    if len({s.key for s in chosen}) != len(chosen):
        raise SlotUnavailable(gettext("Choose each time only once"))
    problems = visitors_problems(
        visitors=visitors, adult_age=prison.adult_age, visit_dates=[s.date for s in chosen]
    )
    if problems:
        raise VisitorRulesBroken(problems)
    if not (contact_email or postal_address or user is not None):
        raise InvalidDecision(
            gettext("Give an email address or a postal address for the main visitor")
        )
    number = prison_number_normalise(prisoner.prison_number)
    check = prisoner_register_check(
        prison=prison, prison_number=number, date_of_birth=prisoner.date_of_birth
    )
    if check == PRISONER_NOT_FOUND:
        raise PrisonerNotFound(
            gettext("The prison number and date of birth do not match a prisoner at this prison")
        )
    availability = prison_availability_get(prison=prison, prisoner_number=number)
    for slot in chosen:
        state = availability.slot(slot.key)
        if state is None:
            raise SlotUnavailable(
                gettext("%(when)s is not a time you can book")
                % {"when": emails.slot_text(slot, emails.page_language())},
                slot=slot,
                reason="not_a_slot",
            )
        if not state.available:
            error = SlotFull if state.state == "fully_booked" else SlotUnavailable
            raise error(
                gettext("%(when)s is no longer available")
                % {"when": emails.slot_text(slot, emails.page_language())},
                slot=slot,
                reason=state.reason,
            )

    now = timezone.now()
    agent = getattr(assisted_session, "agent", None) if assisted_session is not None else None
    fields = dict(
        prison=prison,
        status=VisitStatus.REQUESTED,
        prisoner_first_name=prisoner.first_name.strip(),
        prisoner_last_name=prisoner.last_name.strip(),
        prisoner_date_of_birth=prisoner.date_of_birth,
        prisoner_number=number,
        prisoner_check=check,
        requested_slots=[s.key for s in chosen],
        visit_date=chosen[0].date,
        contact_email=(contact_email or "").strip(),
        contact_phone="".join((contact_phone or "").split()),
        postal_address=(postal_address or "").strip(),
        language=language if language in Language.values else Language.ENGLISH,
        user=_actor(user),
        channel=Channel.ASSISTED if assisted_session is not None else channel,
        assisted_by=agent,
        assisted_channel=getattr(assisted_session, "channel", "") or "",
        requested_at=now,
        respond_by=prison_respond_by(prison=prison, day=timezone.localdate(now)),
    )
    with transaction.atomic():
        for _attempt in range(10):
            try:
                with transaction.atomic():
                    visit = Visit.objects.create(reference=_reference_new(), **fields)
                break
            except IntegrityError:
                continue
        else:  # pragma: no cover - 32**8 references make ten collisions in a row unthinkable
            raise VisitError("Could not make a unique reference")
        created = Visitor.objects.bulk_create(
            [
                Visitor(
                    visit=visit,
                    position=position,
                    first_name=v.first_name.strip(),
                    last_name=v.last_name.strip(),
                    date_of_birth=v.date_of_birth,
                )
                for position, v in enumerate(visitors)
            ]
        )
        _event(visit, VisitEvent.Kind.REQUESTED, actor=agent, by_visitor=agent is None, at=now)
        _audit(
            "requested",
            visit,
            actor=agent or user,
            on_behalf_of=getattr(assisted_session, "citizen", None),
            channel=visit.channel,
            prisoner_check=check,
        )
        _notify(visit, "request_received", emails.request_received(visit=visit, visitors=created))
    return visit
