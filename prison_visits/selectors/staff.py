"""Reads for the staff pages: which prisons and visits a member of staff sees, the prisoner register, the day sheet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import (
    Count,
    Prefetch,
    Q,
    QuerySet,
)

from digital_services.core.admin_lists import counts_at_most
from digital_services.core.queries import CompiledQuery, Related, related_rows

from ..constants import PrisonerCheck, VisitStatus
from ..models import (
    INBOX_COUNTED,
    Prison,
    PrisonerRegisterEntry,
    SlotTime,
    Visit,
    VisitEvent,
    Visitor,
)
from ..rules import prison_number_normalise

#: prisoner_register_check's answer when the prison has a register and nobody matches.
PRISONER_NOT_FOUND = "not_found"


# ---------------------------------------------------------------- staff scoping


def user_sees_all_prisons(*, user) -> bool:
    """Superusers and administrators (``prison_visits.view_all_prisons``) see every prison."""
    return bool(user and user.is_active and user.has_perm("prison_visits.view_all_prisons"))


def prisons_for_user(*, user) -> QuerySet[Prison]:
    """The prisons a member of staff works for (all of them for administrators)."""
    if not user or not user.is_authenticated or not user.is_active:
        return Prison.objects.none()
    if user_sees_all_prisons(user=user):
        return Prison.objects.all()
    return Prison.objects.filter(staff_assignments__user=user)


def visits_for_staff(*, user) -> QuerySet[Visit]:
    if user_sees_all_prisons(user=user):
        return Visit.objects.all()
    if not user or not user.is_authenticated or not user.is_active:
        return Visit.objects.none()
    return Visit.objects.filter(prison__staff_assignments__user=user)


def inbox_counts(*, user) -> dict[str, int]:
    """Requests waiting for a decision, and visitor cancellations still to be actioned, each
    counted up to ``COUNT_AT_MOST + 1`` (the page then says "more than 1,000"), in one query.

    Counted from the partial index ``pv_visit_inbox_counts_idx``, which holds only those visits:
    the whole table was read on every inbox page (95 ms at 200,000 visits); and at most 1,001 of
    its entries each, where an exact count grew with the queue (13 ms for 33,334 requests)."""
    inbox = visits_for_staff(user=user).filter(INBOX_COUNTED)
    return counts_at_most(
        requests=inbox.filter(status=VisitStatus.REQUESTED),
        cancellations=inbox.filter(status=VisitStatus.CANCELLED),
    )


# ---------------------------------------------------------------- prisoner register


def prisoner_register_check(*, prison: Prison, prison_number: str, date_of_birth: date) -> str:
    """Look the prisoner up in the prison's register by number and date of birth.

    Returns ``PrisonerCheck.VERIFIED`` on a match with an active entry,
    ``PrisonerCheck.NO_REGISTER`` when the prison has no register loaded (the
    request goes through, marked for staff to check) and ``PRISONER_NOT_FOUND``
    otherwise. Names are not compared: staff check them by eye.
    """
    number = prison_number_normalise(prison_number)
    if _REGISTER_MATCH.rows(prison_id=prison.pk, number=number, born=date_of_birth):
        return PrisonerCheck.VERIFIED
    if not _REGISTER_ANY.rows(prison_id=prison.pk):
        return PrisonerCheck.NO_REGISTER
    return PRISONER_NOT_FOUND


def _register_entries(*, prison_id: int, **matching):
    """An active register entry of the prison (one matching ``number`` and ``born``, if
    given), as ``exists()`` reads it: its id, at most one."""
    entries = PrisonerRegisterEntry.objects.filter(prison=prison_id, active=True)
    if matching:
        entries = entries.filter(prison_number=matching["number"], date_of_birth=matching["born"])
    return entries.order_by().values_list("pk", flat=True)[:1]


#: The register look-ups of every booking page that checks the prisoner, built once per
#: process.
_REGISTER_MATCH = CompiledQuery(_register_entries)
_REGISTER_ANY = CompiledQuery(_register_entries)


def prisoner_register_entry_for_visit(*, visit: Visit) -> PrisonerRegisterEntry | None:
    """The register entry a verified visit request matched (shown to staff processing
    it); None when the prisoner was not verified against the register."""
    if visit.prisoner_check != "verified":
        return None
    return PrisonerRegisterEntry.objects.filter(
        prison=visit.prison, prison_number=visit.prisoner_number
    ).first()


# ---------------------------------------------------------------- staff pages


#: A visit's events, oldest first, with who acted (its SQL built once per process).
_TIMELINE = Related("events", "actor", order_by=("occurred_at", "id"))


def visit_timeline(*, visit: Visit) -> list[VisitEvent]:
    return related_rows(visit, _TIMELINE)


@dataclass(frozen=True)
class DaySheetSlot:
    slot: SlotTime
    visits: list[Visit]


@dataclass(frozen=True)
class DaySheetPrison:
    prison: Prison
    slots: list[DaySheetSlot]
    cancelled: list[Visit]


#: The visits a day sheet shows: booked ones, and cancelled ones listed apart.
DAY_SHEET_STATUSES = (VisitStatus.BOOKED, VisitStatus.CANCELLED)


@dataclass(frozen=True)
class DaySheetSummaryRow:
    prison_id: int
    prison_name: str
    booked: int
    cancelled: int


def _day_sheet_visits(*, user, day: date, prison: Prison | None = None) -> QuerySet[Visit]:
    visits = Visit.objects.filter(slot_date=day, status__in=DAY_SHEET_STATUSES)
    if prison is None and user.is_authenticated and user_sees_all_prisons(user=user):
        # Every prison: no "prison_id IN (SELECT id FROM prison)" to plan and join for nothing.
        return visits
    prisons = prisons_for_user(user=user)
    if prison is not None:
        prisons = prisons.filter(pk=prison.pk)
    return visits.filter(prison__in=prisons)


def day_sheet_summary_get(*, user, day: date) -> list[DaySheetSummaryRow]:
    """How many visits are booked and cancelled on ``day`` at each of the user's prisons that
    has any, by prison name. One aggregate query that loads no visit: someone who sees many
    prisons chooses one from this rather than getting every prison's visits on one page
    (413 rows under 97 prisons at 200,000 visits), so the page grows with the prisons only.
    It counts the status, not the id: every column it needs is then in ``pv_visit_slot_idx``,
    so PostgreSQL counts from the index alone (3.7 ms to 0.9 ms at 200,000 visits, with no
    join to every prison for someone who sees them all)."""
    if user.is_authenticated and user_sees_all_prisons(user=user):
        rows = _SUMMARY_EVERY_PRISON.rows(day=day)
    elif user and user.is_authenticated and user.is_active:
        rows = _SUMMARY_THEIR_PRISONS.rows(day=day, user_id=user.pk)
    else:
        return []  # no prisons of their own
    return [
        DaySheetSummaryRow(
            prison_id=prison_id, prison_name=prison_name, booked=booked, cancelled=cancelled
        )
        for prison_id, prison_name, booked, cancelled in rows
    ]


def _day_sheet_summary_rows(*, day: date, **staff):
    """``day_sheet_summary_get``'s query: at every prison, or at the prisons of the member of
    staff ``staff["user_id"]``, as ``_day_sheet_visits`` scopes it."""
    visits = Visit.objects.filter(slot_date=day, status__in=DAY_SHEET_STATUSES)
    if staff:
        visits = visits.filter(
            prison__in=Prison.objects.filter(staff_assignments__user=staff["user_id"])
        )
    return (
        visits.values("prison_id", "prison__name")
        .annotate(
            booked=Count("status", filter=Q(status=VisitStatus.BOOKED)),
            cancelled=Count("status", filter=Q(status=VisitStatus.CANCELLED)),
        )
        .order_by("prison__name", "prison_id")
        .values_list("prison_id", "prison__name", "booked", "cancelled")
    )


#: The day sheet's summary, its SQL built once per process for each scope.
_SUMMARY_EVERY_PRISON = CompiledQuery(_day_sheet_summary_rows)
_SUMMARY_THEIR_PRISONS = CompiledQuery(_day_sheet_summary_rows)


def day_sheet_get(*, user, day: date, prison: Prison | None = None) -> list[DaySheetPrison]:
    """Booked visits on ``day`` at the user's prisons (or at ``prison``, if it is one of them),
    by prison then slot, with the allowed visitors only (``visit.allowed_visitors``); cancelled
    ones listed apart. 2 queries."""
    visits = (
        _day_sheet_visits(user=user, day=day, prison=prison)
        .select_related("prison")
        .prefetch_related(
            Prefetch(
                "visitors",
                queryset=Visitor.objects.filter(allowed=True).order_by("position"),
                to_attr="allowed_visitors",
            )
        )
        .order_by("prison__name", "slot_start", "slot_end", "prisoner_last_name", "id")
    )
    grouped: dict[int, DaySheetPrison] = {}
    for visit in visits:
        sheet = grouped.get(visit.prison_id)
        if sheet is None:
            sheet = grouped[visit.prison_id] = DaySheetPrison(visit.prison, [], [])
        if visit.status == VisitStatus.CANCELLED:
            sheet.cancelled.append(visit)
            continue
        slot = visit.booked_slot
        if not sheet.slots or sheet.slots[-1].slot != slot:
            sheet.slots.append(DaySheetSlot(slot, []))
        sheet.slots[-1].visits.append(visit)
    return list(grouped.values())
