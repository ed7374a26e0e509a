"""LPAs in each state, made through the same forms and services the pages use: every
answer is posted data a form accepts, so a factory can never store what a page could not.

``lpa_answered(user, ...)`` answers every question (or stops before ``stop_before``);
``lpa_completed`` also settles the fee and completes it.
"""

from __future__ import annotations

import datetime as dt

from lasting_power import services
from lasting_power.constants import LpaType
from lasting_power.journeys import lpa_flow
from lasting_power.journeys.definitions import journey_for
from tests.accounts.factories import UserFactory

ADULT_BORN = dt.date(1960, 5, 17)


def date_data(name: str, value: dt.date) -> dict:
    return {
        f"{name}_0": str(value.day),
        f"{name}_1": str(value.month),
        f"{name}_2": str(value.year),
    }


def person_data(first: str, last: str, *, born: dt.date | None = ADULT_BORN, **extra) -> dict:
    data = {
        "title": "Ms",
        "first_name": first,
        "last_name": last,
        "address_line_1": extra.pop("address_line_1", f"{len(first)} {last} Road"),
        "address_line_2": "",
        "address_line_3": "Leeds",
        "postcode": extra.pop("postcode", f"LS{len(last)} 1AA"),
    }
    if born is not None:
        data.update(date_data("date_of_birth", born))
    data.update(extra)
    return data


def donor_data(**extra) -> dict:
    return person_data("Dorothy", "Donor", can_sign="yes", **extra)


def provider_data(**extra) -> dict:
    data = person_data("Cyril", "Certifier", born=None)
    data.update(relationship="professionally", cannot_be=["none"])
    data.update(extra)
    return data


CORRESPONDENT_EMAIL = {
    "who": "donor",
    "in_welsh": "no",
}
CONTACT_EMAIL = {
    "contact": "email",
    "email": "dorothy@example.com",
    "address_line_1": "1 Donor Road",
    "address_town": "Leeds",
    "address_postcode": "LS1 1AA",
}
CONTACT_POST = {**CONTACT_EMAIL, "contact": "post", "email": ""}


def answer(lpa, step: str, data: dict):
    """Post ``data`` to a step through its form, as the page does; fails loudly if invalid."""
    lpa.refresh_from_db()
    _section, step_def = journey_for(lpa.lpa_type).step_get(step)
    form = step_def.make_form(lpa_flow(lpa).evaluation.answers, data=data)
    assert form.is_valid(), (step, form.errors)
    return services.lpa_answer_save(lpa=lpa, step=step, cleaned_data=form.cleaned_data)


def add(lpa, step: str, data: dict) -> None:
    lpa.refresh_from_db()
    _section, step_def = journey_for(lpa.lpa_type).step_get(step)
    form = step_def.make_form(lpa_flow(lpa).evaluation.answers, data=data)
    assert form.is_valid(), (step, form.errors)
    services.lpa_item_save(lpa=lpa, step=step, cleaned_data=form.cleaned_data)


def people(lpa, step: str, count: int, stem: str) -> None:
    for number in range(1, count + 1):
        add(
            lpa,
            step,
            person_data(
                f"{stem}{'abcdefgh'[number - 1]}",
                f"{stem}son{number}",
                born=None if step == "people-to-notify" else ADULT_BORN,
            ),
        )
    services.lpa_items_confirm(lpa=lpa, step=step)


def acknowledge_all(lpa) -> None:
    lpa.refresh_from_db()
    flow = lpa_flow(lpa)
    for slug in list(flow.warnings):
        if flow.unread(slug):
            services.lpa_warnings_acknowledge(lpa=lpa, step=slug)


def lpa_answered(
    user=None,
    *,
    lpa_type: str = LpaType.PROPERTY_FINANCE,
    attorneys: int = 1,
    trust: bool = False,
    how: str = "jointly-attorney-severally",
    replacements: int = 0,
    step_in: str = "first",
    replacements_how: str = "jointly",
    notify: int = 0,
    contact: dict | None = None,
    repeat: bool = False,
    stop_before: str | None = None,
):
    """An LPA answered step by step, in the order of the flow, until ``stop_before``."""
    user = user or UserFactory()
    lpa = services.lpa_start(user=user, lpa_type=lpa_type)
    plan = [
        ("donor", lambda: answer(lpa, "donor", donor_data())),
    ]
    if lpa_type == LpaType.PROPERTY_FINANCE:
        plan.append(("when", lambda: answer(lpa, "when", {"when": "now"})))
        trust_data = (
            {
                "wanted": "yes",
                "name": "Trusty Ltd",
                "company_number": "01234567",
                "address_line_1": "1 Trust Road",
                "address_line_3": "Bristol",
                "postcode": "BS1 1AA",
            }
            if trust
            else {"wanted": "no"}
        )
        plan.append(("trust-corporation", lambda: answer(lpa, "trust-corporation", trust_data)))
    else:
        plan.append(
            ("life-sustaining", lambda: answer(lpa, "life-sustaining", {"can_sustain_life": "yes"}))
        )
    plan += [
        ("attorneys", lambda: people(lpa, "attorneys", attorneys, "Atty")),
        (
            "attorneys-decide",
            lambda: _if_open(
                lpa,
                "attorneys-decide",
                {"how": how, "how_details": "Selling the house" if how == "depends" else ""},
            ),
        ),
        ("replacements", lambda: people(lpa, "replacements", replacements, "Repl")),
        (
            "replacements-step-in",
            lambda: _if_open(
                lpa,
                "replacements-step-in",
                {
                    "when": step_in,
                    "when_details": "Only after a month" if step_in == "depends" else "",
                },
            ),
        ),
        (
            "replacements-decide",
            lambda: _if_open(
                lpa,
                "replacements-decide",
                {
                    "how": replacements_how,
                    "how_details": "The house" if replacements_how == "depends" else "",
                },
            ),
        ),
        ("certificate-provider", lambda: answer(lpa, "certificate-provider", provider_data())),
        ("people-to-notify", lambda: people(lpa, "people-to-notify", notify, "Noti")),
        (
            "instructions",
            lambda: answer(lpa, "instructions", {"preferences": "", "instructions": ""}),
        ),
        ("who-is-registering", lambda: answer(lpa, "who-is-registering", {"who": "donor"})),
        ("correspondent", lambda: answer(lpa, "correspondent", CORRESPONDENT_EMAIL)),
        (
            "correspondent-contact",
            lambda: answer(lpa, "correspondent-contact", contact or CONTACT_EMAIL),
        ),
        (
            "repeat-application",
            lambda: answer(
                lpa,
                "repeat-application",
                {"repeat": "yes", "case_number": "7000-0000-0001"} if repeat else {"repeat": "no"},
            ),
        ),
    ]
    for slug, do in plan:
        if slug == stop_before:
            break
        do()
        acknowledge_all(lpa)
    lpa.refresh_from_db()
    return lpa


def _if_open(lpa, step, data):
    lpa.refresh_from_db()
    if lpa_flow(lpa).may_open(step):
        answer(lpa, step, data)


def lpa_completed(user=None, *, method: str = "cheque", **kwargs):
    lpa = lpa_answered(user, **kwargs)
    services.lpa_fee_decide(lpa=lpa, cleaned_data={"wanted": "no"})
    lpa.refresh_from_db()
    return services.lpa_complete(lpa=lpa, method=method, actor=lpa.user)


# Answers without the database, for the gating tests --------------------------------


def stored_answers(lpa_type: str, steps: list[tuple[str, dict | list[dict]]]) -> dict:
    """``Lpa.answers`` as the pages would store them, each step's data checked by its form
    against the answers before it (a list of dicts for an add-another step, confirmed)."""
    from digital_services.journeys.codec import answer_encode
    from lasting_power.journeys import flow_evaluate

    stored: dict = {}
    for slug, data in steps:
        answers = flow_evaluate(lpa_type=lpa_type, answers=stored).evaluation.answers
        _section, step_def = journey_for(lpa_type).step_get(slug)
        encoded = []
        for item in data if isinstance(data, list) else [data]:
            form = step_def.make_form(answers, data=item)
            assert form.is_valid(), (slug, form.errors)
            encoded.append(answer_encode(step_def.form_class, form.cleaned_data))
        stored[slug] = {"items": encoded, "complete": True} if step_def.repeating else encoded[0]
    return stored


def named(stem: str, count: int, **extra) -> list[dict]:
    return [
        person_data(f"{stem}{'abcdefgh'[n]}", f"{stem}son{n + 1}", **extra) for n in range(count)
    ]
