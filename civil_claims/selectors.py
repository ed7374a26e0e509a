"""Reads for Make a money claim, already narrowed to what the viewer may see."""

from __future__ import annotations

import datetime as dt

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.accounts.citizens import case_owner_for_request
from digital_services.audit.selectors import audit_trail_for_object
from digital_services.core.dates import date_format
from digital_services.core.grants import grant_held
from digital_services.core.money import pence_format
from digital_services.core.queries import first_row_values
from digital_services.core.registry import CaseSummary

from .constants import (
    BreathingSpaceStatus,
    ClaimStatus,
    CorrespondenceStatus,
    HwfOutcome,
    PartyRole,
)
from .models import BreathingSpace, Claim, PaperCorrespondence, Party
from .next_steps import claimant_words
from .services.common import CLAIM_PAGE_URL_NAME, GRANT_SCOPE_CLAIM

#: What happened, in words for the parties (the claim page's timeline), by audit action.
HISTORY_WORDS = {
    "claim.submitted": _("Claim submitted"),
    "claim.hwf_applied": _("Help with Fees reference given"),
    "claim.hwf_decided": _("Help with Fees decided"),
    "claim.issued": _("Claim issued and sent to the defendant"),
    "claim.stayed": _("Claim stayed"),
    "claim.stay_lifted": _("Stay lifted"),
    "claim.transferred": _("Claim transferred to another court"),
    "claim.access_code_reset": _("New access code sent to the defendant"),
    "claim.more_time_given": _("The defendant was given 14 more days to respond"),
    "claim.contact_changed": _("Contact details changed"),
    "claim.paper_response_received": _("Paper response received"),
    "claim.breathing_space_entered": _("Breathing space began: the claim is paused"),
    "claim.breathing_space_lifted": _("Breathing space ended: the claim goes ahead again"),
    # After the response (#15).
    "claim.settlement_made": _("Settlement agreement made: waiting for the defendant to sign"),
    "claim.settlement_signed": _("Settlement agreement signed by both sides"),
    "claim.settlement_declined": _("The defendant would not sign the settlement agreement"),
    "claim.default_judgment_requested": _("Judgment requested: the defendant did not respond"),
    "claim.admission_judgment_requested": _("Judgment by admission requested"),
    "claim.referred_to_judge": _("Passed to a judge to decide"),
    "claim.plan_rejected": _("The defendant's payment plan was rejected: the court will decide"),
    "claim.plan_rejected_offline": _("The payment plan was rejected: the claim continues by post"),
    "claim.plan_decided": _("The court decided how the money is paid"),
    "claim.redetermination_requested": _("A judge was asked to look again at how it is paid"),
    "claim.judgment_entered": _("Judgment entered on the register"),
    "claim.claimant_proceeds": _("The claimant decided to go ahead"),
    "claim.claimant_not_proceeding": _("The claimant decided not to go ahead: claim closed"),
    "claim.claimant_accepts_paid": _("The claimant agreed the defendant had paid: claim settled"),
    "claim.paid_in_full": _("The claimant was paid in full: claim settled"),
    "claim.mediation_result": _("Mediation result recorded"),
    "claim.stayed_no_reply": _("Claim stayed: no reply within 33 days of the response"),
    "claim.stayed_no_judgment": _("Claim stayed: no judgment asked for within 6 months"),
    "claim.order_drawn": _("The court made an order"),
    "claim.reconsideration_requested": _("A judge was asked to reconsider the order"),
    "claim.order_reconsidered": _("A judge reconsidered the order"),
    "claim.ready_for_transfer": _("Ready to move to a court near the defendant"),
}


def claims_with_details() -> QuerySet[Claim]:
    # The response, reply and judgment (one each at most) come in the same query: the
    # next step of every claim in "Your applications" reads them (next_steps).
    return Claim.objects.select_related(
        "response", "claimant_reply", "judgment", "current_order"
    ).prefetch_related(
        Prefetch("parties", queryset=Party.objects.order_by("role")),
        "amount_rows",
        "timeline_events",
        "evidence_items",
        "breathing_spaces",
    )


#: What a summary in "Your applications" shows of a party (``Party.display_name``).
_LISTED_PARTY_COLUMNS = ("name", "party_type", "trading_name")


def _listed_party_columns(role: str) -> dict:
    parties = Party.objects.filter(claim=OuterRef("pk"), role=role).order_by("pk")
    return {f"listed_{role}": first_row_values(parties, _LISTED_PARTY_COLUMNS)}


def claims_listed() -> QuerySet[Claim]:
    """Claims with what their summaries in "Your applications" show, in one query however
    many there are: the response, reply, judgment and order in force joined (``next_steps``
    reads them), and the parties' names and the day the breathing space in force began read
    by subqueries (``listed_party``, ``claim_next_step_from``)."""
    in_force = BreathingSpace.objects.filter(
        claim=OuterRef("pk"), status=BreathingSpaceStatus.IN_FORCE
    )
    return Claim.objects.select_related(
        "response", "claimant_reply", "judgment", "current_order"
    ).annotate(
        **_listed_party_columns(PartyRole.CLAIMANT),
        **_listed_party_columns(PartyRole.DEFENDANT),
        breathing_space_from=Subquery(in_force.values("started_on")[:1]),
    )


def listed_party(claim: Claim, role: str) -> Party | None:
    """The claim's party of ``role`` as ``claims_listed`` read it (its name, type and
    trading name: enough for ``display_name``), or None when it has none."""
    values = getattr(claim, f"listed_{role}")
    return Party(role=role, **values) if values else None


def claim_get_for_viewer(*, reference: str, request) -> Claim | None:
    """The claim with this reference if the viewer is its claimant: the signed-in owner (or
    the claimant a member of staff is helping), or someone holding a grant for it (a link from one of its messages). Otherwise None."""
    claim = claims_with_details().filter(reference=reference).first()
    if claim is None:
        return None
    owner = case_owner_for_request(request)  # signed in, or the citizen an agent is helping
    if claim.user_id and owner is not None and claim.user_id == owner.pk:
        return claim
    if grant_held(request, scope=GRANT_SCOPE_CLAIM, reference=claim.reference):
        return claim
    return None


def claim_breathing_space_in_force(claim: Claim) -> BreathingSpace | None:
    """The breathing space pausing the claim now, if any (from the prefetch when there is one)."""
    return next(
        (b for b in claim.breathing_spaces.all() if b.status == BreathingSpaceStatus.IN_FORCE),
        None,
    )


def claim_next_step(claim: Claim) -> str:
    """The claim's state and what happens next, in words for the claimant. A breathing space
    in force pauses the claim whatever its state, so it is said first."""
    space = claim_breathing_space_in_force(claim) if claim.is_issued else None
    return claim_next_step_from(claim, paused_from=space.started_on if space else None)


def claim_next_step_from(claim: Claim, *, paused_from: dt.date | None) -> str:
    """``claim_next_step`` with the day the breathing space in force began already read
    (None when none is: ``claims_listed`` reads it with the claim)."""
    if paused_from is not None and claim.is_issued:
        return gettext(
            "The claim is paused because the defendant is in a breathing space (debt respite) "
            "from %(day)s. Nothing happens on it until the breathing space ends, and any "
            "deadline to respond is paused. We will write when it ends."
        ) % {"day": date_format(paused_from)}
    after_response = claimant_words(claim) if claim.is_issued else ""
    if after_response:
        return after_response
    s = claim.status
    if s == ClaimStatus.AWAITING_PAYMENT:
        return gettext("Pay the court fee of %(fee)s to issue the claim.") % {
            "fee": pence_format(claim.fee_pence)
        }
    if s == ClaimStatus.HWF_PENDING:
        return gettext("We are checking your Help with Fees reference. Do not pay the fee yet.")
    if s == ClaimStatus.HWF_AWAITING_CLAIMANT:
        if claim.hwf_outcome == HwfOutcome.MORE_INFO:
            return gettext("We need more information about your Help with Fees application.")
        if claim.hwf_outcome == HwfOutcome.INVALID:
            return gettext("Check your Help with Fees reference and give it again, or pay the fee.")
        return gettext("Pay %(amount)s to issue the claim.") % {
            "amount": pence_format(claim.hwf_amount_to_pay_pence)
        }
    if s == ClaimStatus.OPEN:
        if claim.response_deadline and claim.response_deadline >= timezone.localdate():
            return gettext("The defendant has until 4pm on %(day)s to respond.") % {
                "day": date_format(claim.response_deadline)
            }
        return gettext("The defendant has not responded by the deadline.")
    if s == ClaimStatus.STAYED:
        return gettext("The claim is stayed: nothing happens until the stay is lifted.")
    if s == ClaimStatus.TRANSFERRED:
        return gettext("The claim has moved to %(court)s. That court will contact you.") % {
            "court": claim.transfer_court
        }
    return str(NEXT_STEP_WORDS[s])


#: The claim's state and what happens next, for the states that need no figures or dates.
NEXT_STEP_WORDS: dict[str, str] = {
    ClaimStatus.CLOSED_NOT_ISSUED: _(
        "The claim was closed without being issued. "
        "Start a new claim if you still want to make one."
    ),
    ClaimStatus.BUSINESS_QUEUE: _(
        "The defendant has responded by post. "
        "We are checking their response and will tell you what happens next."
    ),
    ClaimStatus.JUDGMENT_REQUESTED: _(
        "You have asked for judgment. We will tell you when the court has made it."
    ),
    ClaimStatus.JUDGMENT_DECIDE_AMOUNT: _(
        "A judge will decide how the defendant pays. We will send you the decision."
    ),
    ClaimStatus.REDETERMINATION_REQUESTED: _(
        "You have asked a judge to look again at how "
        "the defendant pays. We will send you the decision."
    ),
    ClaimStatus.SETTLEMENT_MADE: _(
        "A settlement agreement has been made. "
        "It needs signing by both of you before it is binding."
    ),
    ClaimStatus.SETTLEMENT_SIGNED: _(
        "You have both signed the settlement agreement. The defendant must pay as it says."
    ),
    ClaimStatus.SETTLED: _("The claim is settled. You do not need to do anything else."),
    ClaimStatus.REFERRED_MEDIATION: _(
        "The claim has been referred to the free mediation "
        "service. The mediation service will contact you to arrange a call."
    ),
    ClaimStatus.READY_FOR_DIRECTIONS: _(
        "A judge will decide what happens next with your "
        "claim. We will write to you with their directions."
    ),
    ClaimStatus.READY_FOR_PAPER_DQ: _(
        "We will send you a directions questionnaire to fill in on paper and return."
    ),
    ClaimStatus.ORDER_FOR_JUDGE_REVIEW: _(
        "The court is preparing an order about what happens next with the claim. We will "
        "send it to you when it is made, with the dates by which you must do what it says."
    ),
    ClaimStatus.ORDER_FOR_LA_REVIEW: _(
        "The court is preparing an order about what happens next with the claim. We will "
        "send it to you when it is made, with the dates by which you must do what it says."
    ),
    ClaimStatus.ORDER_DRAWN: _(
        "The court has made an order. Read it and do what it says by the dates it gives."
    ),
    ClaimStatus.RECONSIDERATION_REQUESTED: _(
        "A judge has been asked to reconsider the order. "
        "Until the judge decides, keep to the order. We will send you the decision."
    ),
    ClaimStatus.APPROVED: _("A judge confirmed the order. Do what it says by the dates it gives."),
    ClaimStatus.READY_FOR_TRANSFER: _(
        "The claim is being moved to another court. We will tell you which court."
    ),
    ClaimStatus.PROCEEDS_IN_CASEMAN: _(
        "The claim now continues on paper. The court will write to you about what happens next."
    ),
    ClaimStatus.CLOSED: _("The claim is closed. You do not need to do anything else."),
}


def claim_page_url(claim: Claim) -> str:
    try:
        return reverse(CLAIM_PAGE_URL_NAME, args=[claim.reference])
    except NoReverseMatch:
        return reverse("civil_claims:start")


def claims_for_user(user) -> list[CaseSummary]:
    """The user's claims for "Your applications"."""
    if not getattr(user, "is_authenticated", False):
        return []
    claims = claims_listed().filter(user=user).order_by("-updated_at")[:50]
    return [claim_summary(claim) for claim in claims]


def claim_summary(claim: Claim) -> CaseSummary:
    """A claim (read by ``claims_listed``) as its claimant sees it in "Your applications"."""
    defendant = listed_party(claim, PartyRole.DEFENDANT)
    next_step = claim_next_step_from(claim, paused_from=claim.breathing_space_from)
    return CaseSummary(
        reference=claim.reference_display,
        title=gettext("Money claim against %(name)s") % {"name": defendant.display_name}
        if defendant
        else gettext("Money claim"),
        status=f"{claim.get_status_display()}. {next_step}",
        url=claim_page_url(claim),
        updated_at=claim.updated_at,
        action_label=gettext("View claim"),
    )


def claim_history(claim: Claim) -> list[tuple[dt.datetime, str]]:
    """What happened to the claim, oldest first, in words for the parties."""
    events = audit_trail_for_object(obj=claim)
    return [
        (e.occurred_at, str(HISTORY_WORDS[e.action])) for e in events if e.action in HISTORY_WORDS
    ]


def claims_hwf_to_decide() -> QuerySet[Claim]:
    return Claim.objects.filter(status=ClaimStatus.HWF_PENDING).order_by("submitted_at")


def claims_issued_on(day: dt.date) -> QuerySet[Claim]:
    return Claim.objects.filter(issue_date=day, claim_number__isnull=False)


def correspondence_to_review() -> QuerySet[PaperCorrespondence]:
    return PaperCorrespondence.objects.filter(status=CorrespondenceStatus.RECEIVED).select_related(
        "claim"
    )


def case_data_for_user(user) -> dict:
    """The user's claims for "Your data" (what they entered, as submitted)."""
    rows = []
    for claim in claims_with_details().filter(user=user):
        rows.append(
            {
                "reference": claim.reference,
                "claim_number": claim.claim_number or "",
                "status": claim.get_status_display(),
                "submitted_at": claim.submitted_at.isoformat(),
                "amount": pence_format(claim.amount_pence),
                "fee": pence_format(claim.fee_pence),
                "reason": claim.reason,
                "parties": [
                    {
                        "role": p.role,
                        "name": p.display_name,
                        "address": p.address_lines,
                        "email": p.email,
                        "phone": p.phone,
                    }
                    for p in claim.parties.all()
                ],
                "amounts": [
                    {"reason": r.reason, "amount": pence_format(r.amount_pence)}
                    for r in claim.amount_rows.all()
                ],
            }
        )
    return {"money claims": rows}
