"""The tenant's response to a possession claim: a task list for the journey engine (save
and return). No fee to respond; 14 days (the claim page says by when).

The first question is which claim (its number, filled in for a tenant with one claim
waiting for their response); sending checks that it is a claim linked to the account
(``selectors_possession_defendant``), so nothing about a claim is shown or recorded for
anyone else. A counterclaim's fee is worked out from the dated fees on the day.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.money import pence_format
from digital_services.journeys.definitions import Answers, Journey, Section, Step, journey_register
from digital_services.journeys.exceptions import JourneySubmitError

from ..possession_response_constants import CounterclaimKind
from .claim import SERVICE
from .possession_response_forms import (
    ResponseAdjustmentsForm,
    ResponseAdviceForm,
    ResponseArrearsForm,
    ResponseClaimForm,
    ResponseCounterclaimFeeForm,
    ResponseCounterclaimForm,
    ResponseDetailsForm,
    ResponseDisputeForm,
    ResponseHouseholdForm,
    ResponseInstalmentsForm,
    ResponseMoneyForm,
    ResponseNoticeForm,
    ResponsePaymentsForm,
    ResponseStatementOfTruthForm,
    ResponseTenancyForm,
)

SLUG = "possession-response"


def counterclaim_fee(answers: Answers) -> int | None:
    """The counterclaim's fee today for the answers given, or None (no counterclaim yet)."""
    from ..possession_fees import PossessionFeeNotFound
    from ..services.possession_response import counterclaim_fee_pence

    counter = answers.value("counterclaim") or {}
    if counter.get("wants") != "yes" or not counter.get("kind"):
        return None
    try:
        return counterclaim_fee_pence(
            kind=counter["kind"], amount_pence=counter.get("amount"), on=timezone.localdate()
        )
    except (PossessionFeeNotFound, ValueError):
        return None


def _fee_text(answers: Answers) -> dict:
    fee = counterclaim_fee(answers)
    return {"fee_text": pence_format(fee) if fee is not None else ""}


def _claim_initial(request) -> dict:
    """The claim number of the viewer's one claim waiting for their response, if one."""
    from ..selectors_possession_defendant import possession_claims_awaiting_response

    waiting = possession_claims_awaiting_response(request)
    return {"claim_number": waiting[0].claim_number} if len(waiting) == 1 else {}


def check_summary(answers: Answers):
    rows = [(_("Fee to respond"), _("None: responding is free"))]
    fee = counterclaim_fee(answers)
    if fee is not None:
        rows.append((_("Counterclaim fee"), pence_format(fee)))
    return (_("What you pay"), rows)


def _submit(*, answers: Answers, user, channel, assisted_session, language) -> str:
    from ..models import PossessionParty
    from ..possession_constants import PossessionPartyRole
    from ..services.possession_response import TenantRefused, possession_response_submit
    from .possession_response_submit import response_draft_from

    number = answers.value("claim", "claim_number")
    party = (
        PossessionParty.objects.filter(
            claim__claim_number=number, role=PossessionPartyRole.DEFENDANT, user=user
        )
        .select_related("claim")
        .first()
        if getattr(user, "is_authenticated", False)
        else None
    )
    if party is None:
        raise JourneySubmitError(
            gettext(
                "The claim number does not match a claim added to your account. Add the claim "
                "with the access code from your claim pack first"
            ),
            step="claim",
        )
    try:
        possession_response_submit(
            party=party, draft=response_draft_from(answers), user=user, channel=channel
        )
    except TenantRefused as error:
        raise JourneySubmitError(str(error), step="claim") from error
    return reverse("civil_claims:possession-respond-sent", args=[party.claim.reference])


POSSESSION_RESPONSE = journey_register(
    Journey(
        service=SERVICE,
        slug=SLUG,
        title=_("Respond to a possession claim"),
        submit=_submit,
        check_title=_("Check your response before sending it"),
        submit_label=_("Send your response"),
        check_summary=check_summary,
        sections=[
            Section(
                slug="you",
                title=_("The claim and your details"),
                steps=[
                    Step(
                        slug="claim",
                        title=_("Which claim are you responding to?"),
                        form_class=ResponseClaimForm,
                        initial=_claim_initial,
                    ),
                    Step(
                        slug="your-details",
                        title=_("Your details"),
                        form_class=ResponseDetailsForm,
                    ),
                ],
            ),
            Section(
                slug="tenancy",
                title=_("The tenancy and the notice"),
                steps=[
                    Step(slug="tenancy", title=_("Your tenancy"), form_class=ResponseTenancyForm),
                    Step(slug="notice", title=_("The notice"), form_class=ResponseNoticeForm),
                ],
            ),
            Section(
                slug="arrears",
                title=_("Rent arrears and payments"),
                steps=[
                    Step(slug="arrears", title=_("Rent arrears"), form_class=ResponseArrearsForm),
                    Step(
                        slug="payments",
                        title=_("Payments and repayment plans"),
                        form_class=ResponsePaymentsForm,
                    ),
                    Step(
                        slug="instalments",
                        title=_("Offer to pay in instalments"),
                        form_class=ResponseInstalmentsForm,
                    ),
                ],
            ),
            Section(
                slug="dispute",
                title=_("Whether you disagree with the claim"),
                steps=[
                    Step(
                        slug="dispute",
                        title=_("Do you disagree with the claim?"),
                        form_class=ResponseDisputeForm,
                    )
                ],
            ),
            Section(
                slug="household",
                title=_("Your household"),
                steps=[
                    Step(
                        slug="household",
                        title=_("Your household"),
                        form_class=ResponseHouseholdForm,
                    )
                ],
            ),
            Section(
                slug="money",
                title=_("Income, expenses and priority debts"),
                steps=[
                    Step(
                        slug="money",
                        title=_("Your income, expenses and priority debts"),
                        form_class=ResponseMoneyForm,
                    )
                ],
            ),
            Section(
                slug="help",
                title=_("Support and free legal advice"),
                steps=[
                    Step(
                        slug="adjustments",
                        title=_("Support and reasonable adjustments"),
                        form_class=ResponseAdjustmentsForm,
                    ),
                    Step(
                        slug="legal-advice",
                        title=_("Free legal advice"),
                        form_class=ResponseAdviceForm,
                    ),
                ],
            ),
            Section(
                slug="counterclaim",
                title=_("Counterclaim"),
                steps=[
                    Step(
                        slug="counterclaim",
                        title=_("Counterclaim"),
                        form_class=ResponseCounterclaimForm,
                    ),
                    Step(
                        slug="counterclaim-fee",
                        title=_("The counterclaim fee"),
                        form_class=ResponseCounterclaimFeeForm,
                        form_kwargs=_fee_text,
                        condition=lambda a: a.value("counterclaim", "wants") == "yes",
                    ),
                ],
            ),
            Section(
                slug="statement-of-truth",
                title=_("Statement of truth"),
                steps=[
                    Step(
                        slug="statement-of-truth",
                        title=_("Statement of truth"),
                        form_class=ResponseStatementOfTruthForm,
                        template_name="civil_claims/journey_statement_of_truth.html",
                    )
                ],
            ),
        ],
    )
)

__all__ = ["POSSESSION_RESPONSE", "CounterclaimKind", "counterclaim_fee"]
