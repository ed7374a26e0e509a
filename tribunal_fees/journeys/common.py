"""What the fee journeys share: answers read back, the steps that describe a fee, fee explanations."""

from __future__ import annotations

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
    ClaimantBand,
    ClaimElement,
    ClaimType,
    FeeKind,
)
from ..fees import (
    AmbiguousFee,
    FeeNotFound,
    FeeQuote,
    claim_type_decide,
    fee_lookup,
    group_fee_after_remission,
)
from ..forms import (
    KIND_HEARING,
    KIND_OTHER,
    CaseNumberForm,
    ClaimAboutForm,
    ClaimantsForm,
    FeeChoiceForm,
    FeeDateForm,
    FeeKindForm,
    OtherFeeForm,
    PayerForm,
    fee_kind_for,
    jurisdiction_for,
)

SERVICE = "tribunal-fees"  # the registry slug

#: Example answers for the quality tests (tests/quality/harness/) where made-up
#: data cannot be valid: a date when fees were charged, a case number, bank details.


# Answers read back -------------------------------------------------------------------


def answered_kind(answers: Answers) -> str | None:
    return fee_kind_for(answers.value("fee-kind", "kind"), answers.value("other-fee", "other_kind"))


def fee_date_in_scheme(answers: Answers) -> bool:
    """True when the date given falls while fees were charged (29 July 2013 to 26 July 2017)."""
    fee_date = answers.value("date", "fee_date")
    return fee_date is not None and FEES_FIRST_DAY <= fee_date <= FEES_LAST_DAY


def answered_claimants(answers: Answers) -> int:
    return answers.value("claimants", "claimants") or 1


def quote_for(answers: Answers) -> FeeQuote | None:
    """The fee for the answers so far, or None when no fee applies (or it cannot be told yet)."""
    kind = answered_kind(answers)
    fee_date = answers.value("date", "fee_date")
    elements = answers.value("claim-about", "claim_elements")
    if kind is None or fee_date is None or not fee_date_in_scheme(answers) or not elements:
        return None
    try:
        return fee_lookup(
            jurisdiction=jurisdiction_for(kind),
            kind=kind,
            claim_type=claim_type_decide(claim_elements=elements),
            claimants=answered_claimants(answers),
            on_date=fee_date,
        )
    except (FeeNotFound, AmbiguousFee, ValueError):
        return None


def no_fee_reason(answers: Answers) -> str:
    """Why there is nothing to pay, for the "no fee to pay" page (empty when there is a fee)."""
    fee_date = answers.value("date", "fee_date")
    if fee_date is not None and fee_date > FEES_LAST_DAY:
        return (
            f"Employment tribunal fees stopped on {date_format(FEES_LAST_DAY)}, when the Supreme "
            "Court decided they were unlawful. Nothing is payable for a claim presented or a "
            f"fee due on {date_format(fee_date)}."
        )
    if fee_date is not None and fee_date < FEES_FIRST_DAY:
        return (
            f"Employment tribunal fees started on {date_format(FEES_FIRST_DAY)}. Nothing is "
            f"payable for a claim presented or a fee due on {date_format(fee_date)}."
        )
    kind = answered_kind(answers)
    label = FeeKind(kind).label.lower() if kind in FeeKind.values else "fee"
    elements = answers.value("claim-about", "claim_elements") or []
    try:
        claim_type = ClaimType(claim_type_decide(claim_elements=elements)).label
    except ValueError:
        return f"There is no {label} for this claim."
    return f"There is no {label} for a {claim_type} claim, so you have nothing to pay."


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
    }


def _choice_summary(cleaned: dict) -> list[tuple[str, str]]:
    labels = dict(FeeChoiceForm.base_fields["next_step"].choices)
    return [("What you want to do", str(labels.get(cleaned.get("next_step"), "")))]


def _claim_summary(cleaned: dict) -> list[tuple[str, str]]:
    elements = cleaned.get("claim_elements") or []
    labels = [ClaimElement(value).label for value in elements if value in ClaimElement.values]
    try:
        claim_type = ClaimType(claim_type_decide(claim_elements=elements)).label
    except ValueError:
        claim_type = ""
    return [("What the claim is about", "\n".join(labels)), ("Claim type", claim_type)]


# Steps that describe a fee (used by both PAY and HELP_WITH_FEES) -------------------------


def _fee_steps(*, when=None, hwf: bool = False) -> list[Step]:
    """The questions that identify a fee; ``when(answers)`` must also hold for each."""

    def applies(extra):
        return lambda answers: (when is None or when(answers)) and extra(answers)

    steps = [
        Step(
            slug="fee-kind",
            title="What are you paying for?",
            form_class=FeeKindForm,
            condition=applies(lambda answers: True),
        ),
        Step(
            slug="other-fee",
            title="Which fee are you paying?",
            form_class=OtherFeeForm,
            condition=applies(lambda a: a.value("fee-kind", "kind") == KIND_OTHER),
        ),
        Step(
            slug="case-number",
            title="Your case number",
            form_class=CaseNumberForm,
            condition=applies(lambda a: a.value("fee-kind", "kind") in (KIND_HEARING, KIND_OTHER)),
            form_kwargs=lambda a: {"jurisdiction": jurisdiction_for(answered_kind(a))},
        ),
        Step(
            slug="date",
            title="When the fee applies from",
            form_class=FeeDateForm,
            condition=applies(lambda answers: True),
            form_kwargs=lambda a: {"kind": answered_kind(a), "fees_only": hwf},
        ),
    ]
    if not hwf:
        steps.append(
            Step(
                slug="payer",
                title="Who is paying the fee?",
                form_class=PayerForm,
                condition=applies(fee_date_in_scheme),
            )
        )
        steps.append(
            Step(
                slug="claimants",
                title="How many claimants are there?",
                form_class=ClaimantsForm,
                condition=applies(
                    lambda a: fee_date_in_scheme(a) and answered_kind(a) in BANDED_KINDS
                ),
            )
        )
    steps.append(
        Step(
            slug="claim-about",
            title="What is the claim about?",
            form_class=ClaimAboutForm,
            condition=applies(fee_date_in_scheme),
            summary=_claim_summary,
            hint="This decides whether the claim is Type A or Type B. A claim with any "
            "Type B complaint pays the Type B fee, once.",
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
    rows = [("Fee", FeeKind(quote.kind).label)]
    if quote.claim_type in (ClaimType.A, ClaimType.B):
        rows.append(("Claim type", ClaimType(quote.claim_type).label))
    if quote.kind in BANDED_KINDS:
        rows.append(("Claimants", f"{claimants:,} ({ClaimantBand(quote.band).label})"))
    rows.append(("Fee in force on", date_format(quote.on_date)))
    rows.append(("Amount", pence_format(quote.amount_pence)))
    return rows
