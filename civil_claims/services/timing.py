"""The notes' timing rules after a claim goes undefended (section 2), as two beat jobs:

- a claimant who asked for a default judgment is reminded 10 days later if it is still not
  entered (CS ``NotifyClaimantDefaultCCJJob``), once;
- a claim with no response and no judgment asked for within 6 months of the response
  deadline is stayed (moneyclaimsuk.co.uk, "what if the defendant does not respond").

Each job finds claims by id and deals with each in its own transaction; running it again
changes nothing (idempotent), and a claim paused by a breathing space is left alone.
"""

from __future__ import annotations

import calendar
import datetime as dt

from django.db import transaction
from django.utils import timezone

from digital_services.core.transitions import transition_apply

from ..constants import (
    AUDIT_SERVICE,
    DEFAULT_JUDGMENT_REMINDER_DAYS,
    NO_JUDGMENT_STAY_MONTHS,
    ClaimStatus,
    JudgmentStatus,
    JudgmentType,
    PartyRole,
)
from ..models import Claim, Judgment, Response
from .claimant import _paused, _tell, _tell_both
from .common import claim_link, court_phone
from .plans import date_in


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day when it has fewer days."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _today(now: dt.datetime | None) -> dt.date:
    return timezone.localtime(now or timezone.now()).date()


# The claimant's reminder 10 days after asking for a default judgment -------------------


def judgments_reminder_due_ids(*, today: dt.date) -> list[int]:
    """Default judgments asked for 10 or more days ago, not entered and not yet reminded."""
    cutoff = timezone.make_aware(
        dt.datetime.combine(
            today - dt.timedelta(days=DEFAULT_JUDGMENT_REMINDER_DAYS - 1), dt.time.min
        )
    )
    return list(
        Judgment.objects.filter(
            kind=JudgmentType.DEFAULT,
            status=JudgmentStatus.REQUESTED,
            claimant_reminded_at__isnull=True,
            requested_at__lt=cutoff,
            claim__status=ClaimStatus.JUDGMENT_REQUESTED,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def judgment_claimant_remind(*, judgment_id: int, now: dt.datetime | None = None) -> bool:
    """Remind the claimant once that their default judgment is not entered yet; quietly
    nothing when it is gone, entered, already reminded, not due or the claim has moved on."""
    today = _today(now)
    with transaction.atomic():
        judgment = Judgment.objects.select_for_update().filter(pk=judgment_id).first()
        if (
            judgment is None
            or judgment.kind != JudgmentType.DEFAULT
            or judgment.status != JudgmentStatus.REQUESTED
            or judgment.claimant_reminded_at is not None
        ):
            return False
        claim = Claim.objects.get(pk=judgment.claim_id)
        asked_on = timezone.localtime(judgment.requested_at).date()
        if claim.status != ClaimStatus.JUDGMENT_REQUESTED or today < asked_on + dt.timedelta(
            days=DEFAULT_JUDGMENT_REMINDER_DAYS
        ):
            return False
        judgment.claimant_reminded_at = timezone.now()
        judgment.save(update_fields=["claimant_reminded_at", "updated_at"])
        _tell(
            claim,
            PartyRole.CLAIMANT,
            "civil_claims.default_judgment_reminder",
            defendant_name=claim.defendant.display_name,
            requested_on=date_in(claim.language, asked_on),
            claim_url=claim_link(claim),
            phone=court_phone(),
        )
    return True


def judgments_claimant_remind(*, now: dt.datetime | None = None) -> int:
    """The beat job: remind each due claimant, each in its own transaction."""
    return sum(
        judgment_claimant_remind(judgment_id=pk, now=now)
        for pk in judgments_reminder_due_ids(today=_today(now))
    )


# The stay 6 months after the deadline with no judgment asked for ----------------------


def _stay_from(deadline: dt.date) -> dt.date:
    """The first day the claim may be stayed: the day after 6 months from the deadline."""
    return months_after(deadline, NO_JUDGMENT_STAY_MONTHS) + dt.timedelta(days=1)


def claims_no_judgment_due_ids(*, today: dt.date) -> list[int]:
    """Open claims with no response whose deadline is more than 6 months ago (roughly:
    each is checked exactly by ``claim_no_judgment_stay``)."""
    return list(
        Claim.objects.filter(
            status=ClaimStatus.OPEN,
            responded_at__isnull=True,
            response_deadline__lt=today - dt.timedelta(days=NO_JUDGMENT_STAY_MONTHS * 28),
            judgment__isnull=True,
            response__isnull=True,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def claim_no_judgment_stay(*, claim_id: int, now: dt.datetime | None = None) -> bool:
    """Stay one claim nobody answered and whose claimant asked for no judgment within 6
    months of the response deadline (by the system, audited; both told). Quietly nothing
    when it has a response or judgment, has moved on, is paused or is not due yet."""
    today = _today(now)
    with transaction.atomic():
        claim = Claim.objects.select_for_update().filter(pk=claim_id).first()
        if (
            claim is None
            or claim.status != ClaimStatus.OPEN
            or claim.responded_at is not None
            or claim.response_deadline is None
            or today < _stay_from(claim.response_deadline)
            or Response.objects.filter(claim=claim).exists()
            or Judgment.objects.filter(claim=claim).exists()
            or _paused(claim)
        ):
            return False
        transition_apply(
            claim,
            to=ClaimStatus.STAYED,
            fields={
                "stay_reason": "No response, and no judgment asked for within "
                f"{NO_JUDGMENT_STAY_MONTHS} months of the response deadline"
            },
            stamp="stayed",
            action="claim.stayed_no_judgment",
            service=AUDIT_SERVICE,
        )
        _tell_both(
            claim,
            "civil_claims.claim_stayed_no_judgment",
            deadline=date_in(claim.language, claim.response_deadline),
            phone=court_phone(),
        )
    return True


def claims_no_judgment_stay(*, now: dt.datetime | None = None) -> int:
    """The beat job: stay each due claim, each in its own transaction. Returns how many."""
    return sum(
        claim_no_judgment_stay(claim_id=pk, now=now)
        for pk in claims_no_judgment_due_ids(today=_today(now))
    )
