"""The tenant's journey answers as the plain ``ResponseDraft`` that
``services.possession_response.possession_response_submit`` records."""

from __future__ import annotations

from digital_services.journeys.definitions import Answers

from ..possession_response_constants import YesNoNotSure


def _yes(answers: Answers, step: str, name: str) -> bool:
    return answers.value(step, name) == "yes"


def response_draft_from(answers: Answers):
    from ..services.possession_response import CounterclaimDraft, ResponseDraft

    details = answers.value("your-details") or {}
    tenancy = answers.value("tenancy") or {}
    notice = answers.value("notice") or {}
    arrears = answers.value("arrears") or {}
    payments = answers.value("payments") or {}
    instalments = answers.value("instalments") or {}
    household = answers.value("household") or {}
    money = answers.value("money") or {}
    adjustments = answers.value("adjustments") or {}
    fields = {
        "name_correct": details.get("name_correct") == "yes",
        "correct_name": details.get("correct_name", ""),
        "address_correct": details.get("address_correct") == "yes",
        "correct_address": details.get("correct_address", ""),
        "date_of_birth": details.get("date_of_birth"),
        "tenancy_start_correct": tenancy.get("start_correct", YesNoNotSure.NOT_SURE),
        "tenancy_start_date": tenancy.get("start_date"),
        "tenancy_type_correct": tenancy.get("type_correct", YesNoNotSure.NOT_SURE),
        "tenancy_type_details": tenancy.get("type_details", ""),
        "notice_received": notice.get("received", YesNoNotSure.NOT_SURE),
        "notice_received_on": notice.get("received_on"),
        "arrears_correct": arrears.get("correct", YesNoNotSure.NOT_SURE),
        "arrears_owed_pence": arrears.get("owed"),
        "disputes_claim": _yes(answers, "dispute", "disputes"),
        "dispute_details": answers.value("dispute", "details", ""),
        "paid_since_claim": payments.get("paid_since") == "yes",
        "paid_details": payments.get("paid_details", ""),
        "plan_agreed": payments.get("plan_agreed") == "yes",
        "plan_details": payments.get("plan_details", ""),
        "instalment_offered": instalments.get("offer") == "yes",
        "instalment_pence": instalments.get("amount"),
        "instalment_frequency": instalments.get("frequency", ""),
        "dependants": household.get("dependants") or 0,
        "other_adults": household.get("other_adults") or 0,
        "universal_credit": household.get("universal_credit", ""),
        "exceptional_hardship": household.get("hardship") == "yes",
        "hardship_details": household.get("hardship_details", ""),
        "monthly_income_pence": money.get("income") or 0,
        "monthly_expenses_pence": money.get("expenses") or 0,
        "priority_debts": money.get("priority_debts") == "yes",
        "priority_debts_pence": money.get("priority_total"),
        "priority_debts_details": money.get("priority_details", ""),
        "adjustments_needed": adjustments.get("needed") == "yes",
        "adjustments": adjustments.get("details", ""),
        "legal_advice": answers.value("legal-advice", "advice", ""),
        "sot_signer_name": answers.value("statement-of-truth", "signer_name", ""),
    }
    counter = answers.value("counterclaim") or {}
    counterclaim = None
    if counter.get("wants") == "yes":
        counterclaim = CounterclaimDraft(
            kind=counter["kind"],
            amount_pence=counter.get("amount"),
            details=counter.get("details", ""),
            hwf_reference=answers.value("counterclaim-fee", "hwf_reference", "") or "",
        )
    return ResponseDraft(fields=fields, counterclaim=counterclaim)
