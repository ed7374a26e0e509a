"""Reads for the defendant's pages, narrowed to the claims linked to the viewer's account
(``services.defendant.defendant_claim_link``)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from digital_services.accounts.citizens import case_owner_for_request
from digital_services.core.dates import date_format
from digital_services.core.money import pence_format
from digital_services.core.queries import CompiledQuery
from digital_services.core.registry import CaseSummary

from .constants import ClaimStatus, PartyRole
from .deadlines import deadline_passed
from .models import Claim
from .next_steps import defendant_words
from .selectors import (
    claim_breathing_space_in_force,
    claim_next_step_from,
    claims_listed,
    claims_with_details,
    listed_party,
)


def _defended_by(user, claims=None):
    """The issued claims whose defendant the user linked (of ``claims``: by default with
    every detail, for the claim's own pages)."""
    return (claims if claims is not None else claims_with_details()).filter(
        parties__role=PartyRole.DEFENDANT, parties__user=user, claim_number__isnull=False
    )


def defendant_claim_for_viewer(*, reference: str, request) -> Claim | None:
    """The claim with this reference if the viewer (signed in, or the citizen a member of
    staff is helping) is its linked defendant; otherwise None."""
    owner = case_owner_for_request(request)
    if owner is None:
        return None
    return _defended_by(owner).filter(reference=reference).first()


def _responding_of(*, user_id: int, reference: str):
    claims = _defended_by(user_id, claims_listed()).filter(reference=reference)
    return (claims if claims.ordered else claims.order_by("pk"))[:1]


#: Built and compiled once per process: compiling it cost 7 ms of CPU on every page of the
#: response journey, running it under 1 ms.
_RESPONDING = CompiledQuery(_responding_of)


def defendant_claim_responding(*, reference: str, request) -> Claim | None:
    """``defendant_claim_for_viewer`` for the response journey's pages, with only what they
    read, in one query (``claims_listed``): the parties' names and types, the response and
    judgment, and the breathing space in force (``claim_response_refusal``, ``facts_for``)."""
    owner = case_owner_for_request(request)
    if owner is None:
        return None
    found = _RESPONDING.rows(user_id=owner.pk, reference=reference)
    return found[0] if found else None


def deadline_in_words(deadline: dt.date, *, now: dt.datetime | None = None) -> str:
    """How long is left until 4pm on ``deadline``: "4pm today", "4pm tomorrow", "4pm on
    Friday 11 December 2026 (in 6 days)", or that it has passed."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    day = date_format(deadline, weekday=True)
    if deadline_passed(deadline, now=now):
        return gettext("4pm on %(day)s (the deadline has passed)") % {"day": day}
    days = (deadline - today).days
    if days == 0:
        return gettext("4pm today (%(day)s)") % {"day": day}
    if days == 1:
        return gettext("4pm tomorrow (%(day)s)") % {"day": day}
    return ngettext(
        "4pm on %(day)s (in %(days)s day)", "4pm on %(day)s (in %(days)s days)", days
    ) % {"day": day, "days": days}


def defendant_next_step(claim: Claim, *, now: dt.datetime | None = None) -> str:
    """What the defendant should do now, in words (the claimant's wording for other states)."""
    space = claim_breathing_space_in_force(claim)
    return defendant_next_step_from(claim, paused_from=space.started_on if space else None, now=now)


def defendant_next_step_from(
    claim: Claim, *, paused_from: dt.date | None, now: dt.datetime | None = None
) -> str:
    """``defendant_next_step`` with the day the breathing space in force began already read
    (None when none is: ``selectors.claims_listed`` reads it with the claim)."""
    if claim.status == ClaimStatus.OPEN and claim.responded_at is None and claim.response_deadline:
        if deadline_passed(claim.response_deadline, now=now):
            return gettext(
                "The deadline to respond has passed. The claimant can now ask the court for a "
                "judgment. Respond straight away: a response the court receives before the "
                "claimant asks for judgment still counts."
            )
        return gettext(
            "Respond to the claim by %(deadline)s. If you do not, the claimant can ask the "
            "court for a judgment."
        ) % {"deadline": deadline_in_words(claim.response_deadline, now=now)}
    paused = paused_from is not None
    return ("" if paused else defendant_words(claim)) or claim_next_step_from(
        claim, paused_from=paused_from
    )


def defendant_claims_for_user(user) -> list[CaseSummary]:
    """The claims made against the user (linked with an access code), for "Your applications"."""
    if not getattr(user, "is_authenticated", False):
        return []
    claims = _defended_by(user, claims_listed()).order_by("-updated_at")[:50]
    return [defendant_claim_summary(claim) for claim in claims]


def defendant_claim_summary(claim: Claim) -> CaseSummary:
    """A claim (read by ``selectors.claims_listed``) as the defendant who linked it sees it
    in "Your applications"."""
    claimant = listed_party(claim, PartyRole.CLAIMANT)
    next_step = defendant_next_step_from(claim, paused_from=claim.breathing_space_from)
    return CaseSummary(
        reference=claim.reference_display,
        title=gettext("Money claim made against you by %(name)s") % {"name": claimant.display_name},
        status=f"{claim.get_status_display()}. {next_step}",
        url=reverse("civil_claims:respond-claim", args=[claim.reference]),
        updated_at=claim.updated_at,
        action_label=gettext("View claim"),
    )


def _money_claims_of(*, user_id: int):
    """The user's own money claims and the issued ones they linked as the defendant, newest
    first, with what their summaries show (``claims_listed``)."""
    from digital_services.core.queries import ids_of_any

    from .models import Party

    defended = Party.objects.filter(
        role=PartyRole.DEFENDANT, user=user_id, claim__claim_number__isnull=False
    ).values("claim_id")
    own = Claim.objects.filter(user=user_id).values("pk")
    return claims_listed().filter(pk__in=ids_of_any(own, defended)).order_by("-updated_at")[:100]


#: Built and compiled once per process: its sub-queries cost more to compile than to run.
_MONEY_CLAIMS = CompiledQuery(_money_claims_of)


def money_claims_for_user(user) -> list[CaseSummary]:
    """For "Your applications", in one query: the user's own money claims, and the claims
    made against them that they linked with an access code."""
    from .selectors import claim_summary

    if not getattr(user, "is_authenticated", False):
        return []
    return [
        claim_summary(claim) if claim.user_id == user.pk else defendant_claim_summary(claim)
        for claim in _MONEY_CLAIMS.rows(user_id=user.pk)
    ]


def _response_data(claim: Claim) -> dict:
    """The user's own response to the claim, as sent (with their statement of means)."""
    try:
        response = claim.response
    except Claim.response.RelatedObjectDoesNotExist:
        return {}
    return {
        "sent_at": response.submitted_at.isoformat(),
        "how": response.get_channel_display(),
        "response": response.get_response_type_display(),
        "amount_admitted": pence_format(response.admitted_amount_pence),
        "amount_already_paid": pence_format(response.paid_amount_pence),
        "payment_offer": response.get_payment_option_display(),
        "defence": response.defence,
        "free_mediation": response.free_mediation,
        "statement_of_means": response.statement_of_means,
        "hearing_questions": response.directions_questionnaire,
    }


def defendant_case_data_for_user(user) -> dict:
    """The claims made against the user that they linked, for "Your data": what the
    claimant claims, by when the user must respond, and their response once sent."""
    rows = [
        {
            "claim_number": claim.claim_number,
            "claimant": claim.claimant.display_name,
            "status": claim.get_status_display(),
            "linked_at": claim.defendant.linked_at.isoformat() if claim.defendant.linked_at else "",
            "total_claimed": pence_format(claim.total_claimed_pence),
            "response_deadline": claim.response_deadline.isoformat()
            if claim.response_deadline
            else "",
            "more_time_given": bool(claim.more_time_given_at),
            "your_response": _response_data(claim),
        }
        for claim in _defended_by(user)
    ]
    return {"money claims made against you": rows}
