"""Reads for a possession claim's defendant (the tenant), narrowed to the claims whose
defendant party is linked to the viewer's account (``services.defendant``'s access-code
link, ``possession=True``)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils.translation import gettext

from digital_services.accounts.citizens import case_owner_for_request
from digital_services.core.queries import CompiledQuery, first_row_values, ids_of_any
from digital_services.core.registry import CaseSummary

from .deadlines import deadline_passed, response_deadline_for
from .models import (
    PossessionClaim,
    PossessionCounterclaim,
    PossessionParty,
    PossessionResponse,
)
from .possession_constants import PossessionPartyRole
from .possession_response_constants import TENANT_CLOSED_STATUSES
from .selectors_defendant import deadline_in_words
from .selectors_possession import (
    ListedHearings,
    listed_hearings,
    possession_claims_listed,
    possession_hearing_words,
)


def _tenant_parties(user):
    return PossessionParty.objects.filter(
        user=user, role=PossessionPartyRole.DEFENDANT, claim__claim_number__isnull=False
    ).select_related("claim")


def possession_defendant_for_viewer(*, reference: str, request) -> PossessionParty | None:
    """The viewer's defendant party on the possession claim with this reference (the viewer
    signed in, or the citizen a member of staff is helping); None if they are not one."""
    owner = case_owner_for_request(request)
    if owner is None:
        return None
    party = _tenant_parties(owner).filter(claim__reference=reference).first()
    if party is not None:
        party.claim = (
            PossessionClaim.objects.filter(pk=party.claim_id)
            .prefetch_related("parties", "grounds")
            .get()
        )
    return party


def possession_claims_awaiting_response(request) -> list[PossessionClaim]:
    """The viewer's linked possession claims that their defendant party has not answered."""
    owner = case_owner_for_request(request)
    if owner is None:
        return []
    parties = (
        _tenant_parties(owner)
        .filter(response__isnull=True)
        .exclude(claim__status__in=TENANT_CLOSED_STATUSES)
        .order_by("claim__issue_date", "claim_id")
    )
    return [party.claim for party in parties]


def possession_response_deadline(claim: PossessionClaim) -> dt.date | None:
    """The last day to respond: 14 days after the claim pack is deemed served (5 days after
    issue), on a working day; 4pm that day (the money claims' rule, civil_claims.deadlines)."""
    return response_deadline_for(claim.issue_date) if claim.issue_date else None


def possession_response_for_party(party: PossessionParty):
    """The party's sent response (with its counterclaim), or None."""
    from .models import PossessionResponse

    return PossessionResponse.objects.filter(party=party).select_related("counterclaim").first()


def possession_defendant_next_step(party: PossessionParty, *, now=None) -> str:
    """What the tenant should do now, in words."""
    claim = party.claim
    if claim.status in TENANT_CLOSED_STATUSES:
        return gettext("The claim is closed.")
    response = possession_response_for_party(party)
    return possession_defendant_next_step_from(
        claim,
        responded=response is not None,
        counterclaim=getattr(response, "counterclaim", None),
        now=now,
    )


def possession_defendant_next_step_from(
    claim: PossessionClaim,
    *,
    responded: bool,
    counterclaim=None,
    hearings: ListedHearings | None = None,
    now=None,
) -> str:
    """``possession_defendant_next_step`` with the tenant's response already read: whether
    they responded, and the counterclaim sent with it (or None); and ``hearings``, the
    claim's listed hearings, when already read (``possession_claims_all_for_user`` reads
    them all with the claim)."""
    if claim.status in TENANT_CLOSED_STATUSES:
        return gettext("The claim is closed.")
    if responded:
        return possession_responded_words(claim, counterclaim, hearings=hearings)
    deadline = possession_response_deadline(claim)
    if deadline is None:
        return gettext("The claim has not been issued yet.")
    if deadline_passed(deadline, now=now):
        return gettext(
            "The deadline to respond has passed. Respond straight away: the court will see "
            "your response if it arrives before the hearing."
        )
    return gettext("Respond to the claim by %(deadline)s.") % {
        "deadline": deadline_in_words(deadline, now=now)
    }


def possession_responded_words(
    claim: PossessionClaim, counterclaim, *, hearings: ListedHearings | None = None
) -> str:
    """For a tenant who has responded: that the court has it, where their counterclaim (or
    None) is (a fee to pay, Help with Fees, issued or returned), and the hearing."""
    from django.utils.translation import gettext

    from digital_services.core.money import pence_format

    from .constants import HwfOutcome
    from .possession_response_constants import CounterclaimStatus
    from .services.possession_decisions import counterclaim_fee_due_pence

    words = [gettext("You have responded. The court will look at your response.")]
    if counterclaim is not None:
        status = counterclaim.status
        if counterclaim.hwf_outcome == HwfOutcome.MORE_INFO and status in (
            CounterclaimStatus.PENDING_ISSUE,
            CounterclaimStatus.PENDING_REVIEW,
        ):
            words.append(
                gettext("We need more information about your Help with Fees: %(note)s")
                % {"note": counterclaim.hwf_note}
            )
        if status == CounterclaimStatus.PENDING_ISSUE:
            words.append(
                gettext("Pay the counterclaim fee of %(amount)s.")
                % {"amount": pence_format(counterclaim_fee_due_pence(counterclaim))}
            )
        elif status == CounterclaimStatus.PENDING_REVIEW:
            words.append(gettext("We are checking your counterclaim and its fee."))
        elif status == CounterclaimStatus.ISSUED:
            words.append(gettext("Your counterclaim has been issued."))
        elif status == CounterclaimStatus.RETURNED:
            words.append(
                gettext("Your counterclaim was returned: %(reason)s")
                % {"reason": counterclaim.return_reason}
            )
    words.append(possession_hearing_words(claim, hearings=hearings))
    return " ".join(words)


def possession_defendant_claims_for_user(user) -> list[CaseSummary]:
    """The possession claims made against the user (linked with an access code), for
    "Your applications"."""
    if not getattr(user, "is_authenticated", False):
        return []
    claims = (
        possession_claims_listed_for(user)
        .filter(pk__in=_tenant_claim_ids(user), claim_number__isnull=False)
        .order_by("-updated_at")[:50]
    )
    return [possession_defendant_summary(claim) for claim in claims]


def _tenant_claim_ids(user):
    """The claims the user linked as a defendant (a subquery: found by the party's user)."""
    return PossessionParty.objects.filter(user=user, role=PossessionPartyRole.DEFENDANT).values(
        "claim_id"
    )


#: What the tenant's next step says of the counterclaim sent with their response.
_LISTED_COUNTERCLAIM_COLUMNS = (
    "status",
    "hwf_outcome",
    "hwf_note",
    "return_reason",
    "fee_pence",
    "hwf_amount_to_pay_pence",
    "amount_paid_pence",
)


def possession_claims_listed_for(user) -> QuerySet[PossessionClaim]:
    """``selectors_possession.possession_claims_listed`` with, for a claim the user linked as
    a defendant, their party (the first, as the claim's page takes), whether they responded
    and their counterclaim's facts: still one query however many claims there are."""
    tenant = PossessionParty.objects.filter(
        claim=OuterRef("pk"), user=user, role=PossessionPartyRole.DEFENDANT
    ).order_by("position", "pk")
    counterclaim = PossessionCounterclaim.objects.filter(
        response__party=OuterRef("listed_tenant_party")
    )
    return (
        possession_claims_listed()
        .annotate(listed_tenant_party=Subquery(tenant.values("pk")[:1]))
        .annotate(
            listed_tenant_responded=Exists(
                PossessionResponse.objects.filter(party=OuterRef("listed_tenant_party"))
            ),
            listed_counterclaim=first_row_values(counterclaim, _LISTED_COUNTERCLAIM_COLUMNS),
        )
    )


def listed_counterclaim(claim: PossessionClaim) -> PossessionCounterclaim | None:
    """The tenant's counterclaim as ``possession_claims_listed_for`` read it (the facts the
    next step words need, not saved or to be saved), or None when there is none."""
    values = claim.listed_counterclaim
    return PossessionCounterclaim(**values) if values else None


def possession_defendant_summary(claim: PossessionClaim) -> CaseSummary:
    """A possession claim (read by ``possession_claims_listed_for``) as the tenant who
    linked it sees it in "Your applications"."""
    next_step = possession_defendant_next_step_from(
        claim,
        responded=claim.listed_tenant_responded,
        counterclaim=listed_counterclaim(claim),
        hearings=listed_hearings(claim),
    )
    address = ", ".join(claim.property_lines[:1] + claim.property_lines[-1:])
    return CaseSummary(
        reference=claim.reference_display,
        title=gettext("Possession claim for %(address)s") % {"address": address},
        status=f"{claim.get_status_display()}. {next_step}",
        url=reverse("civil_claims:possession-respond-claim", args=[claim.reference]),
        updated_at=claim.updated_at,
        action_label=gettext("View claim"),
    )


def _possession_claims_of(*, user_id: int) -> QuerySet[PossessionClaim]:
    """The landlord's own possession claims and the issued ones they linked as a defendant,
    newest first, with what their summaries show (``possession_claims_listed_for``)."""
    own = PossessionClaim.objects.filter(user=user_id).values("pk")
    linked = _tenant_claim_ids(user_id).filter(claim__claim_number__isnull=False)
    return (
        possession_claims_listed_for(user_id)
        .filter(pk__in=ids_of_any(own, linked))
        .order_by("-updated_at")[:100]
    )


#: Built and compiled once per process: its sub-queries cost more to compile than to run.
_POSSESSION_CLAIMS = CompiledQuery(_possession_claims_of)


def possession_claims_all_for_user(user) -> list[CaseSummary]:
    """For "Your applications", in one query: the landlord's own possession claims, and the
    ones made against them that they linked as a defendant with an access code."""
    from .selectors_possession import possession_claim_summary

    if not getattr(user, "is_authenticated", False):
        return []
    return [
        possession_claim_summary(claim)
        if claim.user_id == user.pk
        else possession_defendant_summary(claim)
        for claim in _POSSESSION_CLAIMS.rows(user_id=user.pk)
    ]
