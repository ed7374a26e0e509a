"""Example answers for the quality walk, by journey and step: test data, kept with the tests.

The harness (tests/quality/harness/) answers each step of a journey with the example
given here for it or, when there is none, with data made up from the form's fields.
A step whose rules made-up data cannot meet (a reference in a set format, a choice that
depends on rows in the database) needs an entry here; the quality tests say which.

``EXAMPLES[journey.key][step.slug]`` is valid POST data for that step: a dict, or for a
``RepeatingStep`` a list of dicts (one per item to add), or ``example(answers)`` when it
depends on earlier answers. ``SEEDS[journey.key]`` makes the rows the examples need
(``journey_seed``, called by the walker before it starts): the test database starts empty,
and no production code seeds data for the tests. ``ENTRIES[journey.key](driver)`` answers
what a service asks before its journey opens (``journey_enter``, called by the walker
before it goes to the journey's start): money claims' eligibility questions.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from io import StringIO

from digital_services.journeys.definitions import Answers, Journey, Step
from tests.civil_claims.response_walk import (
    RESPONSE_EXAMPLES,
    response_walk_enter,
    response_walk_seed,
)

Example = dict | list[dict] | Callable[[Answers], dict | list[dict]]


def _date_data(name: str, value: date) -> dict:
    return {
        f"{name}_0": str(value.day),
        f"{name}_1": str(value.month),
        f"{name}_2": str(value.year),
    }


# Book a prison visit ----------------------------------------------------------------


def _prison_visits_demo():
    from prison_visits import demo

    prison = demo.PRISONS[0]  # HMP Brixton, with a prisoner register
    return prison, demo.REGISTERS[prison["slug"]][0]


def _prison_visits_seed() -> None:
    """The demo prisons, with their registers and slots, if the database has none."""
    from prison_visits import demo
    from prison_visits.models import Prison

    prison, _prisoner = _prison_visits_demo()
    if not Prison.objects.filter(slug=prison["slug"]).exists():
        demo.seed(StringIO())


def _prison(answers: Answers) -> dict:
    prison, _prisoner = _prison_visits_demo()
    return {"prison": prison["name"]}


def _prisoner(answers: Answers) -> dict:
    _prison_row, (number, first, last, born) = _prison_visits_demo()
    return {
        "first_name": first,
        "last_name": last,
        **_date_data("date_of_birth", born),
        "prison_number": f"{number[:5].lower()} {number[5:].lower()}",
    }


def _slots(answers: Answers) -> dict:
    from prison_visits.journeys import availability_for

    available = availability_for(answers).available_slots
    return {"choice_1": available[0].key if available else ""}


PRISON_VISITS_BOOK = {
    "prison": _prison,
    "prisoner": _prisoner,
    "slots": _slots,
    "lead-visitor": {
        "first_name": "Morgan",
        "last_name": "Visitor",
        **_date_data("date_of_birth", date(1982, 4, 1)),
        "contact": "email",
        "email": "morgan.visitor@example.com",
        "email_confirm": "morgan.visitor@example.com",
        "phone": "07700 900982",
    },
    "visitors": [
        {
            "first_name": "Casey",
            "last_name": "Visitor",
            **_date_data("date_of_birth", date(2015, 9, 10)),
        }
    ],
}


# Pay tribunal fees ------------------------------------------------------------------


def _tribunal_case_number(answers: Answers) -> dict:
    from tribunal_fees.forms import jurisdiction_for
    from tribunal_fees.journeys import answered_kind

    if jurisdiction_for(answered_kind(answers)) == "EAT":
        return {"case_number": "UKEAT/0123/16/001"}
    return {"case_number": "1234567/2016"}


def _tribunal_paid_elsewhere(answers: Answers) -> dict:
    """A payment to the tribunal today (Help with Fees within 3 months of paying), of less
    than either immigration appeal fee."""
    from django.utils import timezone

    today = timezone.localdate()
    return {
        "case_number": "AB/01234/2026",
        **_date_data("paid_on", today),
        "amount_paid_pence": "80",
        "method": "card",
    }


#: The fee questions that the pay and Help with Fees journeys share.
TRIBUNAL_FEE_STEPS = {
    "tribunal": {"tribunal": "IAC"},
    "exemption": {"exemption": "none"},
    "case-number": _tribunal_case_number,
    "date": {"fee_date_0": "14", "fee_date_1": "3", "fee_date_2": "2016"},
}


# Make a money claim -----------------------------------------------------------------


def _civil_claims_seed() -> None:
    """The issue fee bands, as their data migration seeds them (idempotent): a
    transactional test's flush empties the table, and the fee page needs them."""
    import importlib
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    seed = importlib.import_module("civil_claims.migrations.0002_issue_fee_bands_seed")
    seed.bands_seed(apps, SimpleNamespace(connection=connection))


# Make a possession claim (civil_claims.journeys.possession) ----------------------------


def _possession_grounds(answers: Answers) -> dict:
    """Two grounds, one of them about rent arrears, from the list for the tenancy answered."""
    from civil_claims.journeys.possession import available_grounds

    grounds = available_grounds(answers)
    arrears = next(g.code for g in grounds if g.arrears)
    other = next(g.code for g in grounds if not g.arrears)
    return {"grounds": [arrears, other]}


def _possession_ground_reasons(answers: Answers) -> dict:
    from civil_claims.journeys.possession import chosen_grounds

    return {f"reason_{g.code}": f"The facts for {g.label}" for g in chosen_grounds(answers)}


POSSESSION_ADDRESS = {
    "line_1": "Flat 2, 10 High Street",
    "line_2": "",
    "town": "Leeds",
    "postcode": "LS1 4AB",
}

POSSESSION_CLAIM = {
    "property": {**POSSESSION_ADDRESS, "country": "england"},
    "trespassers": {"trespassers": "no"},
    # Only on the trespassers' route (tests/civil_claims/test_possession_trespass.py).
    "trespass": {
        "known_on_0": "2",
        "known_on_1": "11",
        "known_on_2": "2026",
        "details": "They broke the back door lock and moved in while the flat was empty.",
    },
    "claimant-type": {"claimant_type": "private_landlord", "other": ""},
    "claimant": {
        "name": "Lana Lord",
        "line_1": "1 Park Road",
        "line_2": "",
        "town": "Leeds",
        "postcode": "LS2 9JT",
    },
    "contact": {"contact": "email", "email": "lana@example.com"},
    "defendants": [{"name": "Terry Tenant", "email": "", **POSSESSION_ADDRESS}],
    "tenancy": {
        "tenancy_type": "assured",
        "tenancy_other": "",
        **_date_data("start_date", date(2023, 6, 1)),
        "rent_pence": "950.00",
        "frequency": "monthly",
        "frequency_other": "",
    },
    "daily-rent": {"correct": "yes", "daily_rent_pence": ""},
    # An upload needs a real file: the walks say why there is none (tests upload files).
    "tenancy-agreement": {"have": "no", "reason": "The tenancy was agreed orally."},
    "grounds": _possession_grounds,
    "ground-reasons": _possession_ground_reasons,
    "notice": {"served": "yes", "notice_type": "section_8"},
    "notice-service": {
        "method": "personally",
        **_date_data("served_on", date(2025, 9, 1)),
        "served_time": "10:30am",
        "person": "Terry Tenant",
        "email": "",
        "other": "",
    },
    "notice-copy": {"have": "no", "reason": "The copy was lost in a flood."},
    "arrears": [
        {
            **_date_data("due_on", date(2025, 8, 1)),
            "due_pence": "950.00",
            "paid_pence": "400.00",
            **_date_data("paid_on", date(2025, 8, 3)),
        },
        {
            **_date_data("due_on", date(2025, 9, 1)),
            "due_pence": "950.00",
            "paid_pence": "",
            "paid_on_0": "",
            "paid_on_1": "",
            "paid_on_2": "",
        },
    ],
    "arrears-details": {
        "money_judgment": "yes",
        "recovery_steps": "Letters on 5 and 20 August; a payment plan was offered.",
    },
    "rent-statement": {"have": "no", "reason": "The rows above are the statement."},
    "pre-action": {"followed": "yes", "reason": ""},
    "circumstances": {
        "claimant": "",
        "defendants": "Works part time.",
        "alternatives": "A repayment plan was offered and refused.",
        "other_occupiers": "",
    },
    "certificates": {"epc": "yes", "gas_safety": "yes", "eicr": "not_applicable", "reason": ""},
    "fee": {"how": "card"},
    "hwf-reference": {"reference": "HWF-A1B-23C"},
    "statement-of-truth": {"believed_true": "on"},
}


def _possession_seed() -> None:
    """The possession fees, as their data migration seeds them (idempotent)."""
    import importlib
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    seed = importlib.import_module("civil_claims.migrations.0008_possession_claims")
    seed.possession_fees_seed(apps, SimpleNamespace(connection=connection))


# The test-only journey of tests/quality/a11y/example.py ---------------------------

QUALITY_EXAMPLE_VISIT = {
    "prisoner": {
        "prisoner_number": "B5678CD",
        "prisoner_date_of_birth_0": "3",
        "prisoner_date_of_birth_1": "11",
        "prisoner_date_of_birth_2": "1985",
    },
    "visitors": lambda answers: [
        {"visitor_name": "Ann Example"},
        {"visitor_name": f"Friend of {answers.value('prisoner', 'prisoner_number')}"},
    ],
}


def _possession_response_answers() -> dict:
    from tests.civil_claims.possession_response_answers import RESPONSE_ANSWERS

    return RESPONSE_ANSWERS


def _possession_response_seed() -> None:
    from tests.civil_claims.possession_response_answers import response_walk_seed

    response_walk_seed()


def _possession_response_enter(driver) -> None:
    from tests.civil_claims.possession_response_answers import response_walk_enter

    response_walk_enter(driver)


EXAMPLES: dict[str, dict[str, Example]] = {
    # The defendant's response to a money claim (tests/civil_claims/response_walk.py).
    "money-claims/response": RESPONSE_EXAMPLES,
    "prison-visits/book": PRISON_VISITS_BOOK,
    "tribunal-fees/pay": TRIBUNAL_FEE_STEPS,
    "tribunal-fees/apply-for-help-with-fees": {
        **TRIBUNAL_FEE_STEPS,
        "fee": {"has_reference": "no"},
        "identity": {"ni_number": "QQ123456C"},
        # A fee paid to the tribunal outside this service (retrospective Help with Fees).
        "payment-elsewhere": _tribunal_paid_elsewhere,
        # Only for a fee already paid, not by card here (retrospective Help with Fees).
        "refund-bank": {
            "account_name": "Sam Example",
            "bank_name": "Example Bank",
            "sort_code": "30-94-30",
            "account_number": "00733445",
        },
    },
    "tribunal-fees/refund": {
        "name-changed": {"name_changed": "no"},
        "paid-here": {"paid_here": "no"},
        "case": {
            "region": "england_wales",
            "et_case_number": "1234567/2016",
            "eat_case_number": "",
        },
        "fees": {
            "kind": "et_issue",
            "amount_pence": "250.00",
            "method": "card",
            "paid_month": "3",
            "paid_year": "2016",
        },
        "bank": {
            "account_name": "Sam Example",
            "bank_name": "Example Bank",
            "sort_code": "30-94-30",
            "account_number": "00733445",
        },
    },
    # The fee page's hidden field keeps the fee shown; a browser leaves it as it is.
    "money-claims/claim": {"fee": {"how": "card"}},
    "money-claims/possession": POSSESSION_CLAIM,
    # The tenant's response: signed in and linked first (ENTRIES), with the seeded claim.
    "money-claims/possession-response": _possession_response_answers(),
    "quality-example/visit": QUALITY_EXAMPLE_VISIT,
}


def _tribunal_fees_seed() -> None:
    """The fee schedule as its data migrations seed it (a transactional test's flush
    empties the table; the seeds are idempotent)."""
    import importlib
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    for name in ("0002_fee_schedule_2013", "0008_fee_schedule_current_tribunals"):
        seed = importlib.import_module(f"tribunal_fees.migrations.{name}")
        seed.schedule_seed(apps, SimpleNamespace(connection=connection))


SEEDS: dict[str, Callable[[], None]] = {
    "money-claims/response": response_walk_seed,
    "prison-visits/book": _prison_visits_seed,
    "money-claims/claim": _civil_claims_seed,
    "money-claims/possession": _possession_seed,
    "money-claims/possession-response": _possession_response_seed,
    "tribunal-fees/pay": _tribunal_fees_seed,
    "tribunal-fees/apply-for-help-with-fees": _tribunal_fees_seed,
}


def example_for(journey: Journey, step: Step) -> Example | None:
    return EXAMPLES.get(journey.key, {}).get(step.slug)


def journey_seed(journey: Journey) -> None:
    """Make the rows the journey's examples need (idempotent)."""
    seed = SEEDS.get(journey.key)
    if seed is not None:
        seed()


# Before the journey: pages a service asks first, outside the journey ----------------


def _civil_claims_enter(driver) -> None:
    """The eligibility questions, each with an answer that passes (the claim's pages send
    anyone who has not answered them back to them: civil_claims.journeys.gate)."""
    from django.urls import reverse

    from civil_claims.journeys.eligibility import QUESTIONS

    for question in QUESTIONS:
        passing = next(value for value, _ in question.choices if value not in question.exits)
        driver.goto(reverse(f"civil_claims:eligibility-{question.slug}"))
        driver.submit({"answer": passing})


ENTRIES: dict[str, Callable[[object], None]] = {
    "money-claims/claim": _civil_claims_enter,
    "money-claims/possession-response": _possession_response_enter,
    # The response is for a claim linked to the defendant's account: sign in, then start it
    # from the claim's page.
    "money-claims/response": response_walk_enter,
}


def journey_enter(journey: Journey, driver) -> None:
    """Answer what the service asks before the journey opens, through ``driver``."""
    enter = ENTRIES.get(journey.key)
    if enter is not None:
        enter(driver)
