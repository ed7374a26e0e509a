"""What the fee journeys share: answers read back, the steps that describe a fee, fee explanations."""

from __future__ import annotations

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.dates import date_format
from digital_services.core.money import pence_format
from digital_services.journeys.definitions import (
    Answers,
    Step,
)

from ..constants import (
    BAND_REMISSION_DIVISOR,
    BANDED_KINDS,
    FEES_FIRST_DAY,
    FEES_LAST_DAY,
    IAC_EXEMPT,
    ClaimantBand,
    ClaimElement,
    ClaimType,
    FeeKind,
    IacExemption,
    Jurisdiction,
)
from ..fees import (
    AmbiguousFee,
    FeeNotFound,
    FeeQuote,
    claim_fee_exempt,
    claim_type_decide,
    fee_first_in_force,
    fee_lookup,
    fee_varies_by_claim_type,
    group_fee_after_remission,
)
from ..forms import (
    KIND_HEARING,
    KIND_OTHER,
    TRIBUNAL_EMPLOYMENT,
    CaseNumberForm,
    ClaimAboutForm,
    ClaimantsForm,
    CurrentFeeForm,
    FeeChoiceForm,
    FeeDateForm,
    FeeKindForm,
    IacExemptionForm,
    OtherFeeForm,
    PayerForm,
    TribunalForm,
    fee_kind_for,
    jurisdiction_for,
)

SERVICE = "tribunal-fees"  # the registry slug

#: Example answers for the quality tests (tests/quality/harness/) where made-up
#: data cannot be valid: a date when fees were charged, a case number, bank details.


# Answers read back -------------------------------------------------------------------


def answered_tribunal(answers: Answers) -> str | None:
    """The answer to "Which tribunal is the fee for?" (a ``Jurisdiction`` of a tribunal
    charging fees today, or ``TRIBUNAL_EMPLOYMENT``)."""
    return answers.value("tribunal", "tribunal")


def employment_route(answers: Answers) -> bool:
    return answered_tribunal(answers) == TRIBUNAL_EMPLOYMENT


def current_route(answers: Answers) -> bool:
    tribunal = answered_tribunal(answers)
    return tribunal is not None and tribunal != TRIBUNAL_EMPLOYMENT


def answered_kind(answers: Answers) -> str | None:
    if current_route(answers):
        return answers.value("current-fee", "kind")
    return fee_kind_for(answers.value("fee-kind", "kind"), answers.value("other-fee", "other_kind"))


def fee_date_in_scheme(answers: Answers) -> bool:
    """True on the employment route when the date given falls while fees were charged
    (29 July 2013 to 26 July 2017)."""
    fee_date = answers.value("date", "fee_date")
    return (
        employment_route(answers)
        and fee_date is not None
        and FEES_FIRST_DAY <= fee_date <= FEES_LAST_DAY
    )


def claim_type_needed(answers: Answers) -> bool:
    """Ask what the claim is about only when the schedule for this fee, on this date,
    differs between Type A and Type B claims (never for an appeal fee)."""
    kind = answered_kind(answers)
    if not fee_date_in_scheme(answers) or kind not in FeeKind.values:
        return False
    return fee_varies_by_claim_type(
        jurisdiction=jurisdiction_for(kind), kind=kind, on_date=answers.value("date", "fee_date")
    )


def answered_claimants(answers: Answers) -> int:
    return answers.value("claimants", "claimants") or 1


def _answered_elements(answers: Answers) -> list[str]:
    if not fee_date_in_scheme(answers):
        return []
    return answers.value("claim-about", "claim_elements") or []


def iac_exempt(answers: Answers) -> str | None:
    """The immigration appeal exemption that means no fee at all, if one was chosen."""
    if jurisdiction_for(answered_kind(answers)) != Jurisdiction.IAC:
        return None
    exemption = answers.value("exemption", "exemption")
    return exemption if exemption in IAC_EXEMPT else None


def quote_for(answers: Answers) -> FeeQuote | None:
    """The fee for the answers so far, or None when no fee applies (or it cannot be told yet)."""
    kind = answered_kind(answers)
    fee_date = answers.value("date", "fee_date")
    if kind not in FeeKind.values or fee_date is None or answered_tribunal(answers) is None:
        return None
    if employment_route(answers) and not fee_date_in_scheme(answers):
        return None
    if iac_exempt(answers):
        return None
    elements = _answered_elements(answers)
    claim_type = ""
    if claim_type_needed(answers):
        if not elements or claim_fee_exempt(claim_elements=elements):
            return None
        claim_type = claim_type_decide(claim_elements=elements, on_date=fee_date)
    elif elements and claim_fee_exempt(claim_elements=elements):
        return None
    try:
        return fee_lookup(
            jurisdiction=jurisdiction_for(kind),
            kind=kind,
            claim_type=claim_type,
            claimants=answered_claimants(answers),
            on_date=fee_date,
        )
    except (FeeNotFound, AmbiguousFee, ValueError):
        return None


def fee_unconfirmed(answers: Answers) -> bool:
    """On a current tribunal's route, with no exemption, a date on or after the fee first
    applied but no row in force: the schedule does not hold a figure we could confirm."""
    kind = answered_kind(answers)
    fee_date = answers.value("date", "fee_date")
    if not current_route(answers) or kind not in FeeKind.values or fee_date is None:
        return False
    if iac_exempt(answers) or quote_for(answers) is not None:
        return False
    first = fee_first_in_force(kind=kind)
    return first is None or fee_date >= first


def no_fee_reason(answers: Answers) -> str:
    """Why there is nothing to pay, for the "no fee to pay" page (empty when there is a fee)."""
    fee_date = answers.value("date", "fee_date")
    kind = answered_kind(answers)
    label = str(FeeKind(kind).label).lower() if kind in FeeKind.values else gettext("fee")
    exemption = iac_exempt(answers)
    if exemption:
        return gettext(
            "You do not pay the appeal fee because of your answer: “%(answer)s”. Tell the "
            "tribunal about this when you appeal."
        ) % {"answer": IacExemption(exemption).label}
    if current_route(answers):
        first = fee_first_in_force(kind=kind) if kind in FeeKind.values else None
        if fee_date is not None and first is not None and fee_date < first:
            return gettext(
                "The %(fee)s started on %(first)s. There was no fee for %(date)s, so you have "
                "nothing to pay."
            ) % {"fee": label, "first": date_format(first), "date": date_format(fee_date)}
        return gettext(
            "We cannot confirm the %(fee)s for %(date)s, so you cannot pay it here. Contact the "
            "tribunal to find out the fee and how to pay it."
        ) % {"fee": label, "date": date_format(fee_date) if fee_date else gettext("that date")}
    if fee_date is not None and fee_date > FEES_LAST_DAY:
        return gettext(
            "Employment tribunal fees stopped on %(last)s, when the Supreme Court decided they "
            "were unlawful. Nothing is payable for a claim presented or a fee due on %(date)s."
        ) % {"last": date_format(FEES_LAST_DAY), "date": date_format(fee_date)}
    if fee_date is not None and fee_date < FEES_FIRST_DAY:
        return gettext(
            "Employment tribunal fees started on %(first)s. Nothing is payable for a claim "
            "presented or a fee due on %(date)s."
        ) % {"first": date_format(FEES_FIRST_DAY), "date": date_format(fee_date)}
    elements = _answered_elements(answers)
    if elements and claim_fee_exempt(claim_elements=elements):
        return gettext(
            "A claim only for a payment from the National Insurance Fund paid no fee, so you "
            "have nothing to pay."
        )
    no_fee = gettext("There is no %(fee)s for this claim.") % {"fee": label}
    if fee_date is None or not claim_type_needed(answers):
        return no_fee
    try:
        claim_type = ClaimType(claim_type_decide(claim_elements=elements, on_date=fee_date)).label
    except ValueError:
        return no_fee
    return gettext(
        "There is no %(fee)s for a %(claim_type)s claim, so you have nothing to pay."
    ) % {
        "fee": label,
        "claim_type": claim_type,
    }


def _fee_step_kwargs(answers: Answers) -> dict:
    quote = quote_for(answers)
    claimants = answered_claimants(answers)
    group = None
    if quote is not None and claimants > 1 and quote.kind in BANDED_KINDS:
        divisor = BAND_REMISSION_DIVISOR[ClaimantBand(quote.band)]
        group = {
            "claimants": claimants,
            "band": ClaimantBand(quote.band).label,
            "divisor": divisor,
            "share_pence": quote.amount_pence // divisor,
            "one_remitted_pence": group_fee_after_remission(
                group_fee_pence=quote.amount_pence, claimants=claimants, remitted=1
            ),
        }
    return {
        "quote": quote,
        "rows": fee_explanation_rows(quote, claimants=claimants) if quote else [],
        "group": group,
        "no_fee_reason": "" if quote else no_fee_reason(answers),
        "exempt": bool(iac_exempt(answers)),
        "unconfirmed": quote is None and fee_unconfirmed(answers),
        "discretionary": current_route(answers)
        and answers.value("exemption", "exemption") == IacExemption.DISCRETIONARY,
    }


def _choice_summary(cleaned: dict) -> list[tuple[str, str]]:
    labels = dict(FeeChoiceForm.base_fields["next_step"].choices)
    return [(gettext("What you want to do"), str(labels.get(cleaned.get("next_step"), "")))]


def _claim_summary(cleaned: dict) -> list[tuple[str, str]]:
    """What the claim is about (its type depends on the date too: "Your fee" gives it)."""
    elements = cleaned.get("claim_elements") or []
    labels = [str(ClaimElement(value).label) for value in elements if value in ClaimElement.values]
    return [(gettext("What the claim is about"), "\n".join(labels))]


# Steps that describe a fee (used by both PAY and HELP_WITH_FEES) -------------------------


def _fee_steps(*, when=None, hwf: bool = False) -> list[Step]:
    """The questions that identify a fee; ``when(answers)`` must also hold for each."""

    def applies(extra):
        return lambda answers: (when is None or when(answers)) and extra(answers)

    employment = applies(employment_route)
    steps = [
        Step(
            slug="tribunal",
            title=_("Which tribunal is the fee for?"),
            form_class=TribunalForm,
            condition=applies(lambda answers: True),
        ),
        Step(
            slug="current-fee",
            title=_("What is the fee for?"),
            form_class=CurrentFeeForm,
            condition=applies(current_route),
            form_kwargs=lambda a: {"tribunal": answered_tribunal(a)},
        ),
        Step(
            slug="fee-kind",
            title=_("What are you paying for?"),
            form_class=FeeKindForm,
            condition=employment,
        ),
        Step(
            slug="other-fee",
            title=_("Which fee are you paying?"),
            form_class=OtherFeeForm,
            condition=applies(
                lambda a: employment_route(a) and a.value("fee-kind", "kind") == KIND_OTHER
            ),
        ),
        Step(
            slug="case-number",
            title=_("Your case number"),
            form_class=CaseNumberForm,
            condition=applies(
                lambda a: (
                    employment_route(a)
                    and a.value("fee-kind", "kind") in (KIND_HEARING, KIND_OTHER)
                )
            ),
            form_kwargs=lambda a: {"jurisdiction": jurisdiction_for(answered_kind(a))},
        ),
        Step(
            slug="date",
            title=_("When the fee applies from"),
            form_class=FeeDateForm,
            condition=applies(lambda answers: True),
            form_kwargs=lambda a: {
                "kind": answered_kind(a),
                "fees_only": hwf and employment_route(a),
            },
        ),
        Step(
            slug="exemption",
            title=_("Exemptions from the appeal fee"),
            form_class=IacExemptionForm,
            condition=applies(
                lambda a: (
                    jurisdiction_for(answered_kind(a)) == Jurisdiction.IAC and current_route(a)
                )
            ),
        ),
    ]
    if not hwf:
        steps.append(
            Step(
                slug="payer",
                title=_("Who is paying the fee?"),
                form_class=PayerForm,
                condition=applies(fee_date_in_scheme),
            )
        )
        steps.append(
            Step(
                slug="claimants",
                title=_("How many claimants are there?"),
                form_class=ClaimantsForm,
                condition=applies(
                    lambda a: fee_date_in_scheme(a) and answered_kind(a) in BANDED_KINDS
                ),
            )
        )
    steps.append(
        Step(
            slug="claim-about",
            title=_("What is the claim about?"),
            form_class=ClaimAboutForm,
            condition=applies(claim_type_needed),
            form_kwargs=lambda a: {"on_date": a.value("date", "fee_date")},
            summary=_claim_summary,
            hint=_(
                "This decides whether the claim is Type A or Type B. A claim with any "
                "Type B complaint pays the Type B fee, once."
            ),
        )
    )
    return steps


def _citizen_name(user) -> str:
    """The name above the address on a letter: the citizen's, when we know it."""
    if not getattr(user, "is_authenticated", False):
        return ""
    return getattr(user, "full_name", "") or ""


def fee_explanation_rows(quote: FeeQuote, *, claimants: int) -> list[tuple[str, str]]:
    """Why the fee is this amount: the rows of "Your fee"."""
    rows = [
        (gettext("Tribunal"), Jurisdiction(quote.jurisdiction).label),
        (gettext("Fee"), FeeKind(quote.kind).label),
    ]
    if quote.claim_type in (ClaimType.A, ClaimType.B):
        rows.append((gettext("Claim type"), ClaimType(quote.claim_type).label))
    if quote.kind in BANDED_KINDS:
        rows.append((gettext("Claimants"), f"{claimants:,} ({ClaimantBand(quote.band).label})"))
    rows.append((gettext("Fee in force on"), date_format(quote.on_date)))
    rows.append((gettext("Amount"), pence_format(quote.amount_pence)))
    if quote.source:
        rows.append((gettext("Set by"), quote.source))
    return rows
