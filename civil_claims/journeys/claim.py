"""The "make a money claim" journey: a task list, declared as data for the journey engine.

Your details (with the platform's "how we contact you" step), the defendant's details,
the amount (rows of reason and amount, add another, with the total), interest (worked
out to the penny), the court fee (worked out on the claim plus interest, or a Help with
Fees reference), the claim itself (reason, timeline, evidence) and the statement of
truth. Sending it (``submit.claim_submit_from_journey``) records the claim and goes on to
pay by card, or waits for the Help with Fees decision.
"""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.money import pence_format
from digital_services.journeys.contact import contact_step
from digital_services.journeys.definitions import (
    Answers,
    Journey,
    RepeatingStep,
    Section,
    Step,
    journey_register,
)

from ..constants import (
    AMOUNT_ROWS_MAX,
    EVIDENCE_ITEMS_MAX,
    TIMELINE_EVENTS_MAX,
    EvidenceType,
    PartyType,
)
from ..interest import InterestKind
from .eligibility import online_limit_pence
from .figures import amount_rows, claim_figures
from .forms import (
    PAY_BY_CARD,
    PAY_WITH_HWF,
    AmountRowForm,
    EvidenceForm,
    FeeForm,
    HwfReferenceForm,
    ReasonForm,
    ResolvingForm,
    StatementOfTruthForm,
    TimelineEventForm,
)
from .forms_interest import (
    InterestBreakdownForm,
    InterestContinuingForm,
    InterestEndForm,
    InterestKindForm,
    InterestRateForm,
    InterestStartForm,
)
from .parties import (
    ClaimContactForm,
    CorrespondenceForm,
    DefendantContactForm,
    PartyForm,
    PartyTypeForm,
    party_name,
)

SERVICE = "money-claims"  # the registry slug


def _claimant_type(answers: Answers) -> str:
    return answers.value("claimant-type", "party_type") or PartyType.INDIVIDUAL


def _interest_kind(answers: Answers) -> str | None:
    return answers.value("interest", "kind")


def _amount_total_kwargs(answers: Answers) -> dict:
    figures = claim_figures(answers)
    return {
        "total_pence": figures.amount_pence,
        "limit_pence": figures.limit_pence,
        "rows": [(row["reason"], row["amount_pence"]) for row in amount_rows(answers)],
    }


def _amount_list_summary(items: list[dict]) -> list[tuple[str, str]]:
    """The running total under the amounts, and the online limit when it is passed."""
    total = sum(item.get("amount_pence") or 0 for item in items)
    rows = [(gettext("Total so far"), pence_format(total))]
    limit = online_limit_pence()
    if total > limit:
        rows.append(
            (
                gettext("Too much to claim online"),
                gettext("You can claim %(limit)s or less with this service")
                % {"limit": pence_format(limit)},
            )
        )
    return rows


def _amount_row_kwargs(answers: Answers) -> dict:
    return {"limit_pence": claim_figures(answers).limit_pence}


def _fee_kwargs(answers: Answers) -> dict:
    figures = claim_figures(answers)
    return {"fee": figures.fee, "figures": figures}


def _fee_summary(cleaned: dict) -> list[tuple[str, str]]:
    labels = {
        PAY_BY_CARD: gettext("By debit or credit card"),
        PAY_WITH_HWF: gettext("With Help with Fees"),
    }
    return [(gettext("How you will pay the court fee"), labels.get(cleaned.get("how"), ""))]


def _sot_summary(cleaned: dict) -> list[tuple[str, str]]:
    signed = gettext("Signed") if cleaned.get("believed_true") else gettext("Not signed")
    rows = [(gettext("Statement of truth"), signed)]
    if cleaned.get("signer_name"):
        rows.append(
            (gettext("Signed by"), f"{cleaned['signer_name']}, {cleaned.get('signer_role', '')}")
        )
    return rows


def _evidence_title(cleaned: dict) -> str:
    kind = cleaned.get("evidence_type")
    label = EvidenceType(kind).label if kind in EvidenceType.values else gettext("Evidence")
    description = cleaned.get("description") or ""
    return f"{label}: {description}" if description else label


def check_summary(answers: Answers) -> tuple[str, list[tuple[str, str]]] | None:
    """The claim's sums on the check page, worked out again on every visit."""
    figures = claim_figures(answers)
    rows = [(row["reason"], pence_format(row["amount_pence"])) for row in amount_rows(answers)]
    rows += figures.summary_rows()
    if _interest_kind(answers) not in (None, InterestKind.NONE):
        rows += [
            (gettext("Interest: %(what)s") % {"what": str(key).lower()}, value)
            for key, value in figures.interest_rows()
        ]
    return (gettext("What you are claiming"), rows)


def _claim_submit(**kwargs) -> str:
    from .submit import claim_submit_from_journey

    return claim_submit_from_journey(**kwargs)


CLAIM = journey_register(
    Journey(
        service=SERVICE,
        slug="claim",
        title=_("Make a money claim"),
        submit=_claim_submit,
        check_title=_("Check your answers before you send your claim"),
        submit_label=_("Send my claim"),
        check_summary=check_summary,
        sections=[
            Section(
                slug="your-details",
                title=_("Your details"),
                steps=[
                    Step(
                        slug="claimant-type",
                        title=_("Who are you claiming as?"),
                        form_class=PartyTypeForm,
                        form_kwargs=lambda a: {"role": "claimant"},
                    ),
                    Step(
                        slug="claimant",
                        title=_("Your details"),
                        form_class=PartyForm,
                        form_kwargs=lambda a: {"role": "claimant", "party_type": _claimant_type(a)},
                    ),
                    Step(
                        slug="claimant-correspondence",
                        title=_("Your address for letters"),
                        form_class=CorrespondenceForm,
                        form_kwargs=lambda a: {"role": "claimant"},
                    ),
                    contact_step(slug="contact", form_class=ClaimContactForm),
                ],
            ),
            Section(
                slug="defendant",
                title=_("The defendant’s details"),
                hint=_("The person or organisation you are claiming against"),
                steps=[
                    Step(
                        slug="defendant-type",
                        title=_("Who are you claiming against?"),
                        form_class=PartyTypeForm,
                        form_kwargs=lambda a: {"role": "defendant"},
                    ),
                    Step(
                        slug="defendant",
                        title=_("The defendant’s details"),
                        hint=_(
                            "We post the claim to this address, so it must be in England or Wales."
                        ),
                        form_class=PartyForm,
                        form_kwargs=lambda a: {
                            "role": "defendant",
                            "party_type": a.value("defendant-type", "party_type"),
                        },
                    ),
                    Step(
                        slug="defendant-correspondence",
                        title=_("The defendant’s address for letters"),
                        form_class=CorrespondenceForm,
                        form_kwargs=lambda a: {"role": "defendant"},
                    ),
                    Step(
                        slug="defendant-contact",
                        title=_("The defendant’s email and phone"),
                        hint=_("Give them if you know them. We always send the claim by post too."),
                        form_class=DefendantContactForm,
                    ),
                ],
            ),
            Section(
                slug="amount",
                title=_("How much you are claiming"),
                steps=[
                    RepeatingStep(
                        slug="amount",
                        title=_("What you are claiming for"),
                        form_class=AmountRowForm,
                        form_kwargs=_amount_row_kwargs,
                        item_name=_("amount"),
                        item_name_plural=_("amounts"),
                        min_items=1,
                        max_items=AMOUNT_ROWS_MAX,
                        item_title=lambda c: f"{c['reason']}: {pence_format(c['amount_pence'])}",
                        list_summary=_amount_list_summary,
                    ),
                ],
            ),
            Section(
                slug="interest",
                title=_("Interest"),
                steps=[
                    Step(
                        slug="interest",
                        title=_("Interest"),
                        form_class=InterestKindForm,
                        form_kwargs=_amount_total_kwargs,
                        template_name="civil_claims/journey_interest_kind.html",
                    ),
                    Step(
                        slug="interest-rate",
                        title=_("The interest rate"),
                        form_class=InterestRateForm,
                        condition=lambda a: _interest_kind(a) == InterestKind.SAME_RATE,
                    ),
                    Step(
                        slug="interest-start",
                        title=_("When interest starts"),
                        form_class=InterestStartForm,
                        condition=lambda a: _interest_kind(a) == InterestKind.SAME_RATE,
                    ),
                    Step(
                        slug="interest-end",
                        title=_("When interest ends"),
                        form_class=InterestEndForm,
                        condition=lambda a: _interest_kind(a) == InterestKind.SAME_RATE,
                    ),
                    Step(
                        slug="interest-breakdown",
                        title=_("The interest you have worked out"),
                        form_class=InterestBreakdownForm,
                        condition=lambda a: _interest_kind(a) == InterestKind.BREAKDOWN,
                    ),
                    Step(
                        slug="interest-continuing",
                        title=_("Interest after you submit"),
                        form_class=InterestContinuingForm,
                        condition=lambda a: _interest_kind(a) == InterestKind.BREAKDOWN,
                    ),
                ],
            ),
            Section(
                slug="fee",
                title=_("The court fee"),
                hint=_("Worked out on the amount and interest"),
                steps=[
                    Step(
                        slug="fee",
                        title=_("The court fee"),
                        form_class=FeeForm,
                        form_kwargs=_fee_kwargs,
                        template_name="civil_claims/journey_fee.html",
                        summary=_fee_summary,
                    ),
                    Step(
                        slug="hwf-reference",
                        title=_("Your Help with Fees reference"),
                        form_class=HwfReferenceForm,
                        condition=lambda a: a.value("fee", "how") == PAY_WITH_HWF,
                    ),
                ],
            ),
            Section(
                slug="claim-details",
                title=_("Your claim"),
                hint=_("Why you are owed the money, what happened and your evidence"),
                steps=[
                    Step(slug="reason", title=_("Why you are claiming"), form_class=ReasonForm),
                    Step(
                        slug="resolving",
                        title=_("Trying to resolve the dispute"),
                        form_class=ResolvingForm,
                    ),
                    RepeatingStep(
                        slug="timeline",
                        title=_("What happened, and when"),
                        hint=_("Add each event that led to your claim, in the order it happened."),
                        form_class=TimelineEventForm,
                        item_name=_("event"),
                        item_name_plural=_("events"),
                        min_items=1,
                        max_items=TIMELINE_EVENTS_MAX,
                        item_title=lambda c: f"{c['when']}: {c['what']}",
                    ),
                    RepeatingStep(
                        slug="evidence",
                        title=_("Your evidence"),
                        hint=_("List the evidence you have. You do not send it now."),
                        form_class=EvidenceForm,
                        item_name=_("piece of evidence"),
                        item_name_plural=_("pieces of evidence"),
                        min_items=0,
                        max_items=EVIDENCE_ITEMS_MAX,
                        item_title=_evidence_title,
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
                        form_class=StatementOfTruthForm,
                        form_kwargs=lambda a: {"party_type": _claimant_type(a)},
                        template_name="civil_claims/journey_statement_of_truth.html",
                        summary=_sot_summary,
                    ),
                ],
            ),
        ],
    )
)


def claimant_name(answers: Answers) -> str:
    return party_name(answers.value("claimant") or {})
