"""Possession claims: reads, narrowed to what the viewer may see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max, Min, OuterRef, QuerySet, Subquery

from digital_services.accounts.citizens import case_owner_for_request
from digital_services.core.grants import grant_held

from .models import PossessionClaim, PossessionHearing
from .possession_constants import HearingStatus


def possession_claim_get_for_viewer(*, reference: str, request) -> PossessionClaim | None:
    """The claim with this reference if the viewer is its claimant: the signed-in owner (or
    the citizen a member of staff is helping), or a browser holding its grant. Else None."""
    from .services.possession import GRANT_SCOPE_POSSESSION

    claim = (
        PossessionClaim.objects.filter(reference=reference)
        .prefetch_related("parties", "grounds", "arrears_rows")
        .first()
    )
    if claim is None:
        return None
    owner = case_owner_for_request(request)
    if claim.user_id and owner is not None and claim.user_id == owner.pk:
        return claim
    if grant_held(request, scope=GRANT_SCOPE_POSSESSION, reference=claim.reference):
        return claim
    return None


# The landlord's claims: next step, "Your applications" and "Your data" ----------------


@dataclass(frozen=True)
class ListedHearings:
    """When the claim's listed hearings start (None when none is listed): the next step
    names the last one listed, and the first once a defendant has responded."""

    first_at: dt.datetime | None
    last_at: dt.datetime | None


def possession_listed_hearings(claim: PossessionClaim) -> ListedHearings:
    """The claim's listed hearings (one query; ``possession_claims_listed`` reads them with
    the claim instead)."""
    return ListedHearings(
        **claim.hearings.filter(status=HearingStatus.LISTED).aggregate(
            first_at=Min("starts_at"), last_at=Max("starts_at")
        )
    )


def possession_claims_listed() -> QuerySet[PossessionClaim]:
    """Possession claims with what their summaries in "Your applications" show, in one
    query however many there are: the warrant joined, and when the listed hearings start
    read by subqueries (``listed_hearings``)."""
    listed = PossessionHearing.objects.filter(claim=OuterRef("pk"), status=HearingStatus.LISTED)
    return PossessionClaim.objects.select_related("warrant").annotate(
        listed_hearing_first_at=Subquery(listed.order_by("starts_at").values("starts_at")[:1]),
        listed_hearing_last_at=Subquery(listed.order_by("-starts_at").values("starts_at")[:1]),
    )


def listed_hearings(claim: PossessionClaim) -> ListedHearings:
    """The listed hearings of a claim read by ``possession_claims_listed``."""
    return ListedHearings(claim.listed_hearing_first_at, claim.listed_hearing_last_at)


def possession_next_step(claim: PossessionClaim, *, hearings: ListedHearings | None = None) -> str:
    """Where the claim is and what happens next, in words for the landlord. ``hearings``:
    the claim's listed hearings when already read (else they are read when needed)."""
    from django.utils import timezone
    from django.utils.translation import gettext

    from digital_services.core.dates import date_format
    from digital_services.core.money import pence_format

    from .constants import HwfOutcome
    from .possession_constants import PossessionStatus as S
    from .services.possession import possession_fee_due_pence

    s = claim.status
    if s in ("response_received", "defence_received"):
        return possession_responded_next_step(claim, hearings=hearings)
    warrant = getattr(claim, "warrant", None) if s.startswith("warrant") else None
    holder = warrant if warrant is not None else claim
    if s in (S.AWAITING_PAYMENT, S.WARRANT_AWAITING_PAYMENT):
        fee = {"fee": pence_format(holder.fee_pence)}
        if warrant:
            return gettext("Pay the warrant fee of %(fee)s.") % fee
        return gettext("Pay the court fee to issue the claim of %(fee)s.") % fee
    if s in (S.HWF_PENDING, S.WARRANT_HWF_PENDING):
        return gettext("We are checking your Help with Fees reference. Do not pay the fee yet.")
    if s in (S.HWF_AWAITING_CLAIMANT, S.WARRANT_HWF_AWAITING_CLAIMANT):
        if holder.hwf_outcome == HwfOutcome.MORE_INFO:
            return gettext("We need more information about your Help with Fees: %(note)s") % {
                "note": holder.hwf_note
            }
        if holder.hwf_outcome == HwfOutcome.INVALID:
            return gettext("Give your Help with Fees reference again, or pay the fee.")
        due = holder.hwf_amount_to_pay_pence if warrant else possession_fee_due_pence(claim)
        return gettext("Pay %(amount)s, the rest of the fee.") % {"amount": pence_format(due)}
    if s == S.ISSUED:
        return gettext("We will list a hearing and send you its notice.")
    if s in (S.HEARING_LISTED, S.HEARING_ADJOURNED):
        last_at = (hearings or possession_listed_hearings(claim)).last_at
        if last_at is None:
            return gettext(
                "The hearing was adjourned. We will send you the notice of the new hearing."
            )
        local = timezone.localtime(last_at)
        return gettext("The hearing is on %(date)s at %(time)s.") % {
            "date": date_format(local.date()),
            "time": local.strftime("%-I:%M%p").lower(),
        }
    if s == S.POSSESSION_ORDERED:
        return gettext(
            "The court made an outright possession order: the defendants must leave by "
            "%(date)s. If they do not, you can ask for a warrant of possession after that date."
        ) % {"date": date_format(claim.order_possession_on)}
    if s == S.ORDER_SUSPENDED:
        return gettext(
            "The court made a suspended possession order. If its terms are broken, you can "
            "ask for a warrant of possession."
        )
    if s == S.WARRANT_REQUESTED:
        return gettext("We will issue your warrant of possession and tell you the eviction date.")
    if s == S.WARRANT_ISSUED and warrant is not None and warrant.eviction_at:
        local = timezone.localtime(warrant.eviction_at)
        return gettext("Warrant issued. The eviction is on %(date)s at %(time)s.") % {
            "date": date_format(local.date()),
            "time": local.strftime("%-I:%M%p").lower(),
        }
    return f"{claim.get_status_display()}."


def possession_claims_for_user(user) -> list:
    """The landlord's possession claims for "Your applications"."""

    if not getattr(user, "is_authenticated", False):
        return []
    claims = possession_claims_listed().filter(user=user).order_by("-updated_at")[:50]
    return [possession_claim_summary(claim) for claim in claims]


def possession_claim_summary(claim: PossessionClaim):
    """A possession claim (read by ``possession_claims_listed``) as its landlord sees it in
    "Your applications"."""
    from django.urls import reverse
    from django.utils.translation import gettext

    from digital_services.core.registry import CaseSummary

    next_step = possession_next_step(claim, hearings=listed_hearings(claim))
    return CaseSummary(
        reference=claim.reference_display,
        title=gettext("Possession claim: %(address)s")
        % {"address": f"{claim.property_line_1}, {claim.property_postcode}"},
        status=f"{claim.get_status_display()}. {next_step}",
        url=reverse("civil_claims:possession-claim", args=[claim.reference]),
        updated_at=claim.updated_at,
        action_label=gettext("View claim"),
    )


def possession_case_data_for_user(user) -> dict:
    """The landlord's possession claims for "Your data" (what they sent, as sent)."""
    from digital_services.core.money import pence_format

    rows = []
    for claim in PossessionClaim.objects.filter(user=user).prefetch_related(
        "parties", "grounds", "arrears_rows", "hearings"
    ):
        warrant = getattr(claim, "warrant", None)
        rows.append(
            {
                "reference": claim.reference,
                "claim_number": claim.claim_number or "",
                "status": claim.get_status_display(),
                "submitted_at": claim.submitted_at.isoformat(),
                "property": claim.property_lines,
                "country": claim.get_country_display(),
                "against_trespassers": claim.against_trespassers,
                "tenancy_type": claim.get_tenancy_type_display(),
                "rent": pence_format(claim.rent_pence),
                "daily_rent": pence_format(claim.daily_rent_pence),
                "fee": pence_format(claim.fee_pence),
                "hwf_reference": claim.hwf_reference,
                "parties": [
                    {
                        "role": p.role,
                        "name": p.name,
                        "address": p.address_lines,
                        "email": p.email,
                        "mobile": p.mobile,
                    }
                    for p in claim.parties.all()
                ],
                "grounds": [{"ground": g.label, "reason": g.reason} for g in claim.grounds.all()],
                "rent_statement": [
                    {
                        "due_on": r.due_on.isoformat(),
                        "due": pence_format(r.due_pence),
                        "paid": pence_format(r.paid_pence),
                        "paid_on": r.paid_on.isoformat() if r.paid_on else "",
                    }
                    for r in claim.arrears_rows.all()
                ],
                "hearings": [
                    {
                        "type": h.get_kind_display(),
                        "at": h.starts_at.isoformat(),
                        "status": h.status,
                    }
                    for h in claim.hearings.all()
                ],
                "warrant": {
                    "basis": warrant.get_basis_display(),
                    "amount_owed": pence_format(warrant.amount_owed_pence),
                    "fee": pence_format(warrant.fee_pence),
                    "eviction_at": warrant.eviction_at.isoformat() if warrant.eviction_at else "",
                }
                if warrant
                else None,
            }
        )
    return {"possession claims": rows}


def possession_hearing_words(
    claim: PossessionClaim, *, hearings: ListedHearings | None = None
) -> str:
    """The first listed hearing's date and time in words, or that one will be listed
    (``hearings``: the claim's listed hearings when already read, as for "Your
    applications"; else they are read here)."""
    from django.utils import timezone
    from django.utils.translation import gettext

    from digital_services.core.dates import date_format

    first_at = (hearings or possession_listed_hearings(claim)).first_at
    if first_at is None:
        return gettext("We will list a hearing and send you its notice.")
    local = timezone.localtime(first_at)
    return gettext("The hearing is on %(date)s at %(time)s.") % {
        "date": date_format(local.date()),
        "time": local.strftime("%-I:%M%p").lower(),
    }


def possession_responded_next_step(
    claim: PossessionClaim, *, hearings: ListedHearings | None = None
) -> str:
    """For the landlord once a defendant has responded: whether the claim is disputed (a
    defence), and the hearing."""
    from django.utils.translation import gettext

    said = (
        gettext("A defendant has responded and disputes the claim.")
        if claim.status == "defence_received"
        else gettext("A defendant has responded and does not dispute the claim.")
    )
    return f"{said} {possession_hearing_words(claim, hearings=hearings)}"
