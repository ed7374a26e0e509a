"""The response journey's rules: which questions apply given the answers so far, what the
defendant admits they owe, and the summary above the check page."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from digital_services.core.money import pence_format
from digital_services.journeys.definitions import Answers

from ..constants import DefenceType, PaymentOption, ResponseType
from .response_context import claim_facts
from .response_forms import NO, YES
from .response_means import means_summary

# Conditions -------------------------------------------------------------------------------


def response_type(a: Answers) -> str:
    return a.value("response-type", "response_type") or ""


def part_admits(a: Answers) -> bool:
    return response_type(a) == ResponseType.PART_ADMISSION


def rejects_all(a: Answers) -> bool:
    return response_type(a) == ResponseType.FULL_DEFENCE


def part_paid(a: Answers) -> bool:
    return part_admits(a) and a.value("part-paid-question", "already_paid") == YES


def part_owes(a: Answers) -> bool:
    return part_admits(a) and a.value("part-paid-question", "already_paid") == NO


def defence_paid(a: Answers) -> bool:
    return rejects_all(a) and a.value("defence-type", "defence_type") == DefenceType.ALREADY_PAID


def disputes(a: Answers) -> bool:
    """Disputes some of the claim: a defence, timeline, mediation and hearing questions."""
    return part_admits(a) or rejects_all(a)


def admits_owed(a: Answers) -> bool:
    """Admits money not yet paid: says how they will pay it."""
    return response_type(a) == ResponseType.FULL_ADMISSION or part_owes(a)


def plan_option(a: Answers) -> str:
    return (a.value("payment-option", "option") or "") if admits_owed(a) else ""


def wants_time(a: Answers) -> bool:
    return plan_option(a) in (PaymentOption.BY_SET_DATE, PaymentOption.INSTALMENTS)


def defendant_is_individual() -> bool:
    facts = claim_facts()
    return facts is None or facts.defendant_is_individual


def gives_means(a: Answers) -> bool:
    return wants_time(a) and defendant_is_individual()


def employment_status(a: Answers) -> str:
    return (a.value("som-employment", "status") or "") if gives_means(a) else ""


def owed_pence(a: Answers) -> int | None:
    if response_type(a) == ResponseType.FULL_ADMISSION:
        facts = claim_facts()
        return facts.total_claimed_pence if facts else None
    return a.value("admitted-amount", "amount_pence")


def counterclaims(a: Answers) -> bool:
    return disputes(a) and a.value("counterclaim", "wants") == YES


# Summaries --------------------------------------------------------------------------------


def _money_rows(cleaned: dict, labels: dict) -> list[tuple[str, str]]:
    return [(label, pence_format(cleaned.get(name) or 0)) for name, label in labels.items()]


def check_summary(answers: Answers):
    """What the response comes to, above the answers on the check page."""
    facts = claim_facts()
    rows = []
    if facts is not None:
        rows.append((_("Total claimed"), pence_format(facts.total_claimed_pence)))
    owed = owed_pence(answers) if admits_owed(answers) else None
    if owed:
        rows.append((_("You admit you owe"), pence_format(owed)))
    if gives_means(answers):
        rows += means_summary(answers)
    return (_("Your response"), rows) if rows else None
