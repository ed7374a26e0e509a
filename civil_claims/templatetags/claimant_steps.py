"""What each party can do next on a claim after it is issued, as links on their claim page:
``{% claimant_next_actions claim %}`` (the claimant's) and ``{% defendant_next_actions claim %}``
(the defendant's), with the judgment and its figures once there is one."""

from django import template
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..models import Judgment
from ..services.claimant import (
    claim_reply_refusal,
    settlement_countersign_refusal,
    settlement_judgment_refusal,
)
from ..services.judgment import default_judgment_refusal, redetermination_refusal
from ..services.outcomes import (
    paid_in_full_refusal,
)
from ..services.plans import plan_words

register = template.Library()


def _judgment(claim):
    judgment = Judgment.objects.filter(claim=claim).first()
    if judgment is None:
        return None
    return {"row": judgment, "how": plan_words(judgment, language=get_language())}


@register.inclusion_tag("civil_claims/claimant/_next_actions.html")
def claimant_next_actions(claim):
    ref = [claim.reference]
    actions = []
    if claim.is_issued:
        if not claim_reply_refusal(claim):
            actions.append(
                (
                    reverse("civil_claims:claim-response", args=ref),
                    _("See the response and reply"),
                    "reply",
                )
            )
        if not default_judgment_refusal(claim):
            actions.append(
                (
                    reverse("civil_claims:claim-judgment", args=ref),
                    _("Ask for a county court judgment"),
                    "judgment",
                )
            )
        if not settlement_judgment_refusal(claim):
            actions.append(
                (
                    reverse("civil_claims:claim-settlement-judgment", args=ref),
                    _("Ask for a judgment"),
                    "settlement-judgment",
                )
            )
        if not redetermination_refusal(claim):
            actions.append(
                (
                    reverse("civil_claims:claim-redetermination", args=ref),
                    _("Ask a judge to look again at how it is paid"),
                    "redetermination",
                )
            )
        if not paid_in_full_refusal(claim):
            actions.append(
                (
                    reverse("civil_claims:claim-paid-in-full", args=ref),
                    _("Tell us you have been paid in full"),
                    "paid-in-full",
                )
            )
    return {"actions": actions, "judgment": _judgment(claim) if claim.is_issued else None}


@register.inclusion_tag("civil_claims/claimant/_next_actions.html")
def defendant_next_actions(claim):
    ref = [claim.reference]
    actions = []
    if not settlement_countersign_refusal(claim):
        actions.append(
            (
                reverse("civil_claims:respond-settlement", args=ref),
                _("Sign the settlement agreement"),
                "settlement",
            )
        )
    if not redetermination_refusal(claim):
        actions.append(
            (
                reverse("civil_claims:respond-redetermination", args=ref),
                _("Ask a judge to look again at how you pay"),
                "redetermination",
            )
        )
    return {"actions": actions, "judgment": _judgment(claim)}
