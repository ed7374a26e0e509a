"""Writes for registering an LPA at the Office of the Public Guardian (OPG), after the
applicant completed it, printed it, had it signed and posted it [notes sections 4, 5]:

received (the day it arrived) → checked: perfect, or imperfect with the problems listed
(the correspondent is told what to correct; corrected pages are checked again) → notices
given to the people the notes name → the 4-week statutory waiting period → ready to
register (a beat job, ``lpas_waiting_period_end``) → registered (a stamped PDF sent to the
correspondent). Before registration it can end as "cannot register" or "withdrawn"; once
registered it can be cancelled, revoked or suspended; each with a reason.

Every status change goes through ``core.transitions.transition_apply`` (the map in
``constants.LPA_TRANSITIONS``): the row is locked, the source status checked (a refused
move raises ``TransitionNotAllowed``), the time and caseworker stamped and an audit event
written. Messages are queued in the same transaction and sent after the commit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from digital_services.audit.services import audit_record
from digital_services.core.dates import date_format
from digital_services.core.references import reference_candidates
from digital_services.core.transitions import TransitionNotAllowed, transition_apply

from . import attorneys, correspondence, fee_decisions
from .constants import (
    OBJECTION_STATUSES,
    REASON_STATUSES,
    SERVICE_SLUG,
    WAITING_PERIOD_DAYS,
    LpaStatus,
    ObjectionOutcome,
)
from .correspondence import notice_targets
from .delivery import correspondent_language, lpa_route
from .models import Lpa, Objection, ObjectionLpa
from .signing import Signature, signing_dates_check

__all__ = ["TransitionNotAllowed", "notice_targets"]


class RegistrationRefused(ValueError):
    """An action the case's facts do not allow (an open objection, a wrong date); the
    ``errors`` dict (field or None -> message) is shown on the caseworker's form."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.errors = {field: [message]}


def _move(lpa: Lpa, *, to: str, action: str, actor, request, stamp=None, fields=None, detail=None):
    return transition_apply(
        lpa,
        to=to,
        action=action,
        stamp=stamp,
        fields=fields,
        actor=actor,
        request=request,
        service=SERVICE_SLUG,
        detail=detail,
    )


def lpa_find_by_reference(text: str) -> Lpa | None:
    """The LPA whose reference was typed or scanned from its barcode: spaces, dashes,
    case and a missing A are forgiven ("a123 4567-89ab", "*A1234567 89AB*")."""
    candidates = set()
    for plain in reference_candidates((text or "").replace("*", "")):
        if plain:
            candidates |= {plain, f"A{plain}"}
    if not candidates:
        return None
    return Lpa.objects.filter(reference__in=candidates).first()


# Receiving and checking -------------------------------------------------------------


def signing_problems(*, signatures: Sequence[Signature], today: dt.date) -> list[str]:
    """The signing-date rules (lasting_power.signing) as lines for the letter."""
    check = signing_dates_check(signatures=signatures, today=today)
    lines = []
    for problem in check.problems:
        again = (
            " " + gettext("Sign again: %(sections)s.") % {"sections": problem.sections_text}
            if problem.sections
            else ""
        )
        lines.append(f"{problem.message}{again}")
    return lines


def _problems_in_both(
    signatures: Sequence[Signature], today: dt.date, other_problems: Sequence[str]
) -> tuple[list[str], list[str]]:
    """The problems in English (the staff pages) and in Welsh (a Welsh page or letter); the
    caseworker's own lines as they wrote them in both."""
    extra = [line.strip() for line in other_problems if line.strip()]
    with translation.override("en"):
        english = signing_problems(signatures=signatures, today=today) + extra
    with translation.override("cy"):
        welsh = signing_problems(signatures=signatures, today=today) + extra
    return english, welsh


def lpa_receive(
    *,
    lpa: Lpa,
    received_on: dt.date,
    signatures: Sequence[Signature] | None = None,
    other_problems: Sequence[str] = (),
    actor=None,
    request=None,
) -> Lpa:
    """Record that OPG received the signed LPA on ``received_on`` (the correspondent is
    told), then, when the signing dates were entered, check it at once (``lpa_check``).

    Raises ``TransitionNotAllowed`` unless it is completed, and ``RegistrationRefused``
    for a received date in the future or before it was completed.
    """
    today = timezone.localdate()
    if received_on > today:
        raise RegistrationRefused(
            "The date received must be today or in the past", field="received_on"
        )
    if lpa.completed_at and received_on < timezone.localdate(lpa.completed_at):
        raise RegistrationRefused(
            f"The date received cannot be before the LPA was completed "
            f"({date_format(lpa.completed_at)})",
            field="received_on",
        )
    with transaction.atomic():
        _move(
            lpa,
            to=LpaStatus.RECEIVED,
            action="lpa.received",
            stamp="received",
            fields={"received_on": received_on},
            actor=actor,
            request=request,
            detail={"received_on": received_on.isoformat()},
        )
        correspondence.lpa_correspondent_send(
            lpa=lpa,
            template=correspondence.TEMPLATE_RECEIVED,
            personalisation={"received_on": received_on},  # written in the letter's language
        )
        if fee_decisions.fee_reduction_asked(lpa):  # its evidence came with the LPA
            fee_decisions.fee_reduction_ask(lpa=lpa, actor=actor, request=request)
        if signatures is not None:
            lpa_check(
                lpa=lpa,
                signatures=signatures,
                other_problems=other_problems,
                today=received_on,
                actor=actor,
                request=request,
            )
    return lpa


def lpa_check(
    *,
    lpa: Lpa,
    signatures: Sequence[Signature],
    other_problems: Sequence[str] = (),
    today: dt.date | None = None,
    actor=None,
    request=None,
) -> Lpa:
    """Check a received (or corrected) LPA: the signing-date rules on the dates entered,
    plus any other problems the caseworker found. None: perfect. Otherwise imperfect,
    the problems kept, and the correspondent sent what must be corrected.

    ``today``: no signature may be dated after it (the day it was received).
    Raises ``TransitionNotAllowed`` unless it is received or imperfect.
    """
    today = today or timezone.localdate()
    problems, problems_cy = _problems_in_both(signatures, today, other_problems)
    to = LpaStatus.IMPERFECT if problems else LpaStatus.PERFECT
    with transaction.atomic():
        if problems and lpa.status == LpaStatus.IMPERFECT:
            _still_imperfect(
                lpa, problems=problems, problems_cy=problems_cy, actor=actor, request=request
            )
        else:
            _move(
                lpa,
                to=to,
                action=f"lpa.{to}",
                stamp="checked",
                fields={"problems": problems, "problems_cy": problems_cy},
                actor=actor,
                request=request,
                detail={"problems": len(problems)},
            )
        if problems:
            welsh = correspondent_language(lpa_route(lpa)[1]) == "cy"
            correspondence.lpa_correspondent_send(
                lpa=lpa,
                template=correspondence.TEMPLATE_IMPERFECT,
                personalisation={
                    "problems": "\n".join(
                        f"* {line}" for line in (problems_cy if welsh else problems)
                    )
                },
            )
    return lpa


def _still_imperfect(
    lpa: Lpa, *, problems: list[str], problems_cy: list[str], actor, request
) -> None:
    """Corrected pages checked again and still imperfect: the status stays (a transition
    map has no move from a status to itself); the new problems and the check are stamped
    on the locked row and audited as an imperfect check, as ``_move`` would."""
    locked = Lpa.objects.select_for_update().get(pk=lpa.pk)
    if locked.status != LpaStatus.IMPERFECT:
        raise TransitionNotAllowed(
            "This LPA is no longer waiting for corrections.",
            source=locked.status,
            target=LpaStatus.IMPERFECT,
        )
    now = timezone.now()
    user = actor if getattr(actor, "is_authenticated", False) else None
    Lpa.objects.filter(pk=lpa.pk).update(
        problems=problems, problems_cy=problems_cy, checked_at=now, checked_by=user, updated_at=now
    )
    lpa.problems, lpa.problems_cy = problems, problems_cy
    lpa.checked_at, lpa.checked_by = now, user
    audit_record(
        action=f"lpa.{LpaStatus.IMPERFECT}",
        obj=lpa,
        actor=actor,
        request=request,
        service=SERVICE_SLUG,
        detail={"problems": len(problems)},
    )


# Notices and the statutory waiting period -------------------------------------------


def waiting_period_last_day(notice_given_on: dt.date) -> dt.date:
    """The last day of the 4 weeks beginning with the day notice was given."""
    return notice_given_on + dt.timedelta(days=WAITING_PERIOD_DAYS - 1)


def lpa_notices_send(*, lpa: Lpa, actor=None, request=None) -> tuple[int, list[str]]:
    """Give notice to the people the notes name (letters through the outbox) and start the
    4-week statutory waiting period from today, the day of the last notice. Returns (letters
    queued, names whose address could not be printed: send theirs by hand).

    Raises ``TransitionNotAllowed`` unless it is perfect.
    """
    from .selectors import lpa_details

    today = timezone.localdate()
    last_day = waiting_period_last_day(today)
    with transaction.atomic():
        _move(
            lpa,
            to=LpaStatus.WAITING_PERIOD,
            action="lpa.notices_sent",
            stamp="notices_sent",
            fields={"waiting_period_ends_on": last_day},
            actor=actor,
            request=request,
            detail={"waiting_period_ends_on": last_day.isoformat()},
        )
        sent, unsent = correspondence.lpa_notices_queue(
            lpa=lpa, details=lpa_details(lpa), object_by=last_day
        )
    return sent, unsent


def lpa_blocking_objections(lpa: Lpa):
    """The objections that stop this LPA being registered: open, or upheld."""
    return lpa.objection_links.filter(
        status__in=(ObjectionOutcome.OPEN, ObjectionOutcome.UPHELD)
    ).select_related("objection")


def lpa_waiting_period_end(*, lpa_id: int, today: dt.date | None = None) -> bool:
    """Move one LPA on to "ready to register" if its waiting period is over and no
    objection stands in the way. True if it moved; quietly False for an LPA that is
    gone, moved already, still waiting or objected to (checked again under the lock)."""
    today = today or timezone.localdate()
    with transaction.atomic():
        lpa = Lpa.objects.select_for_update().filter(pk=lpa_id).first()
        if (
            lpa is None
            or lpa.status != LpaStatus.WAITING_PERIOD
            or lpa.waiting_period_ends_on is None
            or lpa.waiting_period_ends_on >= today
            or lpa_blocking_objections(lpa).exists()
        ):
            return False
        _move(
            lpa,
            to=LpaStatus.READY,
            action="lpa.waiting_period_ended",
            stamp="waiting_period_ended",
            actor=None,
            request=None,
        )
    return True


def lpas_waiting_period_end(*, today: dt.date | None = None) -> int:
    """The beat job: every LPA whose waiting period is over moves on, each in its own
    transaction (by id). Returns how many moved."""
    today = today or timezone.localdate()
    ids = list(
        Lpa.objects.filter(status=LpaStatus.WAITING_PERIOD, waiting_period_ends_on__lt=today)
        .exclude(objection_links__status__in=(ObjectionOutcome.OPEN, ObjectionOutcome.UPHELD))
        .values_list("pk", flat=True)
    )
    return sum(lpa_waiting_period_end(lpa_id=pk, today=today) for pk in ids)


# Registration and status changes with a reason --------------------------------------


def lpa_register(*, lpa: Lpa, actor=None, request=None) -> Lpa:
    """Register the LPA today. The registered PDF (stamped with the date and a
    "registered" mark) is made and sent to the correspondent after the commit.

    Raises ``TransitionNotAllowed`` unless it is ready to register (its waiting period
    over) and ``RegistrationRefused`` while an objection is open or was upheld, or a
    fee decision waits.
    """
    from .tasks import lpa_registered_send_task

    with transaction.atomic():
        lpa = Lpa.objects.select_for_update().get(pk=lpa.pk)
        if lpa.status != LpaStatus.READY:
            # A suspension is lifted with a reason (lpa_status_change), not registered again.
            raise TransitionNotAllowed(
                f"LPA {lpa.reference_display} is {lpa.get_status_display().lower()}: "
                "only an LPA ready to register (its waiting period over) can be registered",
                source=lpa.status,
                target=LpaStatus.REGISTERED,
            )
        blocking = list(lpa_blocking_objections(lpa))
        if blocking:
            open_ = any(link.status == ObjectionOutcome.OPEN for link in blocking)
            raise RegistrationRefused(
                "An objection to this LPA is open: resolve it before registering"
                if open_
                else "An objection to this LPA was upheld: it cannot be registered"
            )
        if fee_decisions.fee_decision_waiting(lpa):
            raise RegistrationRefused(
                "A fee reduction or exemption is waiting for a decision: decide it first"
            )
        _move(
            lpa,
            to=LpaStatus.REGISTERED,
            action="lpa.registered",
            stamp="registered",
            fields={"registered_on": timezone.localdate()},
            actor=actor,
            request=request,
        )
        transaction.on_commit(lambda pk=lpa.pk: lpa_registered_send_task.delay(pk))
    return lpa


def lpa_registered_send(*, lpa_id: int) -> bool:
    """After registering: make the stamped PDF and send the correspondent the news by
    their route (a letter carries the PDF; an email points to the account, where it can
    be downloaded), and post each attorney their access code (``attorneys``). Quietly
    False for an LPA that is gone or not registered."""
    from .documents.registered import lpa_registered_document_make

    lpa = Lpa.objects.filter(pk=lpa_id).first()
    if lpa is None or lpa.status != LpaStatus.REGISTERED or lpa.registered_on is None:
        return False
    with transaction.atomic():
        lpa_registered_document_make(lpa=lpa)
        correspondence.lpa_correspondent_send(
            lpa=lpa,
            template=correspondence.TEMPLATE_REGISTERED,
            personalisation={"registered_on": lpa.registered_on},  # in the letter's language
        )
        if not lpa.attorney_accesses.exists():  # once, even if the task runs again
            attorneys.attorney_access_letters_send(lpa=lpa)
    return True


def lpa_status_change(*, lpa: Lpa, to: str, reason: str, actor=None, request=None) -> Lpa:
    """Cannot register, withdrawn, cancelled, revoked or suspended, with a reason (or a
    suspension lifted: back to registered). "Cannot register" tells the correspondent why.

    Raises ``TransitionNotAllowed`` for a move the map does not allow from its status,
    and ``RegistrationRefused`` without a reason.
    """
    reason = reason.strip()
    if not reason:
        raise RegistrationRefused("Enter the reason", field="reason")
    lifting = to == LpaStatus.REGISTERED and lpa.status == LpaStatus.SUSPENDED
    if to not in REASON_STATUSES and not lifting:
        raise TransitionNotAllowed(f"{LpaStatus(to).label} is not a status set with a reason")
    with transaction.atomic():
        _move(
            lpa,
            to=to,
            action="lpa.suspension_lifted" if lifting else f"lpa.{to}",
            stamp="status_reason",
            fields={"status_reason": reason},
            actor=actor,
            request=request,
            detail={"reason": reason},
        )
        if to == LpaStatus.CANNOT_REGISTER:
            correspondence.lpa_correspondent_send(
                lpa=lpa,
                template=correspondence.TEMPLATE_CANNOT_REGISTER,
                personalisation={"reason": reason},
            )
    return lpa


# Objections -------------------------------------------------------------------------


def objection_allowed(lpa: Lpa) -> bool:
    """Objections are recorded from completion until registration."""
    return lpa.status in OBJECTION_STATUSES


def objection_record(
    *,
    lpa: Lpa,
    received_on: dt.date,
    objection_type: str,
    notes: str = "",
    other_references: Sequence[str] = (),
    actor=None,
    request=None,
) -> Objection:
    """Record an objection received on ``received_on`` about ``lpa`` and any other LPAs
    (by reference); each LPA's correspondent is told, and none of them can be registered
    until it is resolved for that LPA.

    Raises ``RegistrationRefused`` for a future date, an unknown reference or an LPA
    that cannot take an objection (not completed yet, or already registered or closed).
    """
    if received_on > timezone.localdate():
        raise RegistrationRefused(
            "The date received must be today or in the past", field="received_on"
        )
    lpas = [lpa]
    for text in other_references:
        other = lpa_find_by_reference(text)
        if other is None:
            raise RegistrationRefused(f"No LPA has the reference {text}", field="other_references")
        if other.pk not in {x.pk for x in lpas}:
            lpas.append(other)
    with transaction.atomic():
        locked = list(Lpa.objects.select_for_update().filter(pk__in=[x.pk for x in lpas]))
        for each in locked:
            if each.status not in OBJECTION_STATUSES:
                raise RegistrationRefused(
                    f"LPA {each.reference_display} is {each.get_status_display().lower()}: "
                    "an objection cannot be recorded against it",
                    field=None if each.pk == lpa.pk else "other_references",
                )
        objection = Objection.objects.create(
            received_on=received_on,
            objection_type=objection_type,
            notes=notes,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        for each in locked:
            ObjectionLpa.objects.create(objection=objection, lpa=each)
            audit_record(
                action="lpa.objection_recorded",
                obj=each,
                actor=actor,
                request=request,
                service=SERVICE_SLUG,
                detail={"objection": objection.pk, "type": objection_type},
            )
            correspondence.lpa_correspondent_send(
                lpa=each,
                template=correspondence.TEMPLATE_OBJECTION,
                personalisation={
                    "received_on": received_on,  # in the letter's language
                    "objection_type": objection.get_objection_type_display().lower(),
                },
            )
    return objection


def objection_resolve(
    *, link: ObjectionLpa, outcome: str, notes: str = "", actor=None, request=None
) -> ObjectionLpa:
    """Resolve an objection for one LPA: upheld (it cannot be registered) or not upheld
    (it can, once nothing else stands in the way). Raises ``TransitionNotAllowed`` when
    it is resolved already."""
    return transition_apply(
        link,
        to=outcome,
        action="lpa.objection_resolved",
        stamp="resolved",
        fields={"resolution_notes": notes},
        actor=actor,
        request=request,
        service=SERVICE_SLUG,
        detail={"objection": link.objection_id, "lpa": link.lpa_id, "outcome": outcome},
    )
