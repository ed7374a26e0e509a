"""Every page of an LPA, for the platform's quality walks (tests/quality/harness/declared.py).

An LPA's questions are not the platform's journey views (an account has many LPAs, one URL
each), so the accessibility walk and the bad-input walk reach them through this
declaration: the cases citizen A owns, each page on them in the order a person meets them,
and each question's example answer (the data the factories answer with, so posting it
leaves the LPA as it was). The step pages come from the journeys themselves, so a new
question is walked as soon as it exists; until it has an example answer here, the bad-input
walk fails on it ("declare its answer").
"""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from lasting_power import services
from lasting_power.constants import LpaType
from lasting_power.journeys import JOURNEYS
from tests.quality.harness.declared import DeclaredPage

from .factories import (
    CONTACT_EMAIL,
    CORRESPONDENT_EMAIL,
    add,
    donor_data,
    lpa_answered,
    lpa_completed,
    person_data,
    provider_data,
)
from .registration_factories import lpa_imperfect, lpa_registered

PF, HW = LpaType.PROPERTY_FINANCE, LpaType.HEALTH_WELFARE

TRUST = {
    "wanted": "yes",
    "name": "Trusty Ltd",
    "company_number": "01234567",
    "address_line_1": "1 Trust Road",
    "address_line_3": "Bristol",
    "postcode": "BS1 1AA",
}

#: What each question of the "every question applies" cases was answered with.
ANSWERS = {
    "donor": donor_data(),
    "when": {"when": "now"},
    "life-sustaining": {"can_sustain_life": "yes"},
    "trust-corporation": TRUST,
    "attorneys-decide": {"how": "jointly-attorney-severally", "how_details": ""},
    "replacements-step-in": {"when": "last", "when_details": ""},
    "replacements-decide": {"how": "jointly", "how_details": ""},
    "certificate-provider": provider_data(),
    "instructions": {"preferences": "", "instructions": ""},
    "who-is-registering": {"who": "donor"},
    "correspondent": CORRESPONDENT_EMAIL,
    "correspondent-contact": CONTACT_EMAIL,
    "repeat-application": {"repeat": "no"},
}

#: The first person on each list (tests/lasting_power/factories.py ``people``), and one more.
FIRST_ITEM = {
    "attorneys": person_data("Attya", "Attyson1"),
    "replacements": person_data("Repla", "Replson1"),
    "people-to-notify": person_data("Notia", "Notison1", born=None),
}
ANOTHER_ITEM = {
    "attorneys": person_data("Newt", "Added", address_line_1="99 Other Street"),
    "replacements": person_data("Reed", "Spare", address_line_1="98 Other Street"),
    "people-to-notify": person_data("Nora", "Told", born=None, address_line_1="97 Other Street"),
}


def _every_question(lpa_type: str):
    """An LPA where every question of its type applies, answered, its fee decided."""

    def make(user):
        lpa = lpa_answered(
            user,
            lpa_type=lpa_type,
            attorneys=2,
            trust=lpa_type == PF,
            replacements=2,
            step_in="last",
            notify=1,
        )
        services.lpa_fee_decide(lpa=lpa, cleaned_data={"wanted": "no"})
        lpa.refresh_from_db()
        return lpa

    return make


def _warned(user):
    """An LPA whose only attorney has the donor's name: its warning is not read yet."""
    lpa = lpa_answered(user, stop_before="attorneys")
    add(lpa, "attorneys", person_data("Dorothy", "Donor"))
    services.lpa_items_confirm(lpa=lpa, step="attorneys")
    return lpa


def _completed(user):
    return lpa_completed(user, notify=1)


def _attorney_of(user):
    """Another applicant's registered LPA that this user added as its attorney."""
    from lasting_power import attorneys

    lpa = lpa_registered()
    code = attorneys.attorney_access_issue(lpa=lpa, person="attorney:1")
    assert attorneys.attorney_lpa_link(reference=lpa.reference_display, code=code, user=user)
    return lpa


CASES = {
    PF: _every_question(PF),
    HW: _every_question(HW),
    "warned": _warned,
    "completed": _completed,
    # At the Office of the Public Guardian (#18): the progress stages on the pages.
    "imperfect": lambda user: lpa_imperfect(user),
    "registered": lambda user: lpa_registered(user),
    "attorney": _attorney_of,
}


def _at(name: str, *args, query: str = ""):
    return lambda lpa: reverse(f"lasting_power:{name}", args=[lpa.pk, *args]) + query


def _signing_dates(lpa) -> dict:
    """A date for everyone who signs, in the right order, all in the past."""
    from lasting_power import selectors
    from lasting_power.views_signing import signers_for

    data = {}
    day = dt.date(2026, 1, 5)
    for number, (key, *_rest) in enumerate(signers_for(selectors.lpa_details(lpa))):
        on = day + dt.timedelta(days=number)
        data.update({f"{key}_0": str(on.day), f"{key}_1": str(on.month), f"{key}_2": str(on.year)})
    return data


def _question_pages(lpa_type: str) -> list[DeclaredPage]:
    """The task list, every question (with its add, change and remove pages), check, fee
    and pay. The second type's pages attack the first type's forms where they share one."""
    pages = [DeclaredPage(f"{lpa_type}/tasks", lpa_type, _at("lpa-tasks"))]

    def same(key: str) -> str:
        return "" if lpa_type == PF else key.replace(HW, PF, 1)

    for _section, step in JOURNEYS[lpa_type].all_steps():
        slug = step.slug
        key = f"{lpa_type}/{slug}"
        if not step.repeating:
            shared = same(key) if slug != "life-sustaining" else ""
            pages.append(
                DeclaredPage(key, lpa_type, _at("lpa-step", slug), ANSWERS.get(slug), shared)
            )
            continue
        pages += [
            DeclaredPage(key, lpa_type, _at("lpa-step", slug), {"add": "no"}, same(key)),
            DeclaredPage(
                f"{key}/add",
                lpa_type,
                _at("lpa-item-add", slug),
                ANOTHER_ITEM.get(slug),
                f"{PF}/{slug}/1",  # the same form as changing one
            ),
            DeclaredPage(
                f"{key}/1",
                lpa_type,
                _at("lpa-item-change", slug, 1),
                FIRST_ITEM.get(slug),
                same(f"{key}/1"),
            ),
            DeclaredPage(f"{key}/1/remove", lpa_type, _at("lpa-item-remove", slug, 1)),
        ]
    pages += [
        DeclaredPage(f"{lpa_type}/check", lpa_type, _at("lpa-check")),
        DeclaredPage(
            f"{lpa_type}/fee", lpa_type, _at("lpa-fee"), {"wanted": "no"}, same(f"{lpa_type}/fee")
        ),
        # Last: its answer completes the LPA.
        DeclaredPage(
            f"{lpa_type}/pay",
            lpa_type,
            _at("lpa-pay"),
            {"method": "cheque"},
            same(f"{lpa_type}/pay"),
        ),
    ]
    return pages


PAGES = [
    *_question_pages(PF),
    *_question_pages(HW),
    DeclaredPage("warned/warning", "warned", _at("lpa-warning", "attorneys")),
    DeclaredPage(
        "warned/dashboard-search",
        "warned",
        lambda lpa: reverse("lasting_power:dashboard") + "?search=Dorothy",
    ),
    DeclaredPage("completed/done", "completed", _at("lpa-done")),
    DeclaredPage("completed/view", "completed", _at("lpa-view")),
    DeclaredPage("completed/documents", "completed", _at("lpa-documents")),
    DeclaredPage("completed/signing-dates", "completed", _at("lpa-signing-dates"), _signing_dates),
    DeclaredPage("completed/reuse", "completed", _at("lpa-reuse"), {"lpa_type": HW}),
    DeclaredPage("imperfect/view", "imperfect", _at("lpa-view")),
    DeclaredPage(
        "imperfect/dashboard", "imperfect", lambda lpa: reverse("lasting_power:dashboard")
    ),
    DeclaredPage("registered/view", "registered", _at("lpa-view")),
    DeclaredPage("registered/documents", "registered", _at("lpa-documents")),
    DeclaredPage("attorney/lpa", "attorney", _at("attorney-lpa")),
    # Last: it deletes the LPA.
    DeclaredPage("completed/delete", "completed", _at("lpa-delete")),
]

NOT_WALKED = {
    "lpa-continue": "it only redirects to the nearest step the applicant may open",
    "lpa-document-download": "a PDF file, not a page",
    "attorney-lpa-download": "a PDF file, not a page",
}
