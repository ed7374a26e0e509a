"""Warnings the applicant reads and may continue past (an interruption page with
"continue anyway"): ages under 18 and over 100, the same person in two roles, and a
certificate provider who shares a surname or an address with the donor or an attorney.

Each warning has a key that names what it is about (the names compared), so changing
an answer that was warned about warns again; ``Lpa.acknowledged`` keeps the keys the
applicant continued past.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.journeys.definitions import Answers

from ..constants import AGE_ADULT, AGE_WARN_OVER
from ..forms.people import age_on

ROLE_LABELS = {
    "donor": _("the donor"),
    "attorneys": _("an attorney"),
    "replacements": _("a replacement attorney"),
    "certificate-provider": _("the certificate provider"),
    "people-to-notify": _("a person to notify"),
}
PEOPLE_STEPS = tuple(ROLE_LABELS)
TRANSLATE = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "‐": "-", "‑": "-", "–": "-", "—": "-"}
)


@dataclass(frozen=True)
class LpaWarning:
    key: str
    step: str
    title: str
    message: str


def name_normalise(text: str) -> str:
    """Trimmed, case-folded, one space, straight quotes and plain hyphens [M names/equal.go]."""
    return " ".join((text or "").translate(TRANSLATE).casefold().split())


def full_name_key(person: dict) -> str:
    return f"{name_normalise(person.get('first_name'))} {name_normalise(person.get('last_name'))}"


def surname_parts(last_name: str) -> set[str]:
    """'Smith-Jones' → {'smith', 'jones', 'smith-jones'}: a hyphenated name matches its parts."""
    full = name_normalise(last_name)
    return {part for part in re.split(r"[\s-]+", full) if part} | ({full} if full else set())


def address_key(person: dict) -> str:
    line_1 = name_normalise(person.get("address_line_1"))
    postcode = name_normalise(person.get("postcode")).replace(" ", "")
    return f"{line_1}|{postcode or name_normalise(person.get('address_line_2'))}"


def _people(answers: Answers, slug: str) -> list[dict]:
    value = answers.value(slug)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _age_warnings(slug: str, people: list[dict]) -> list[LpaWarning]:
    found = []
    role = ROLE_LABELS[slug]
    for person in people:
        born = person.get("date_of_birth")
        if born is None:
            continue
        name = f"{person.get('first_name')} {person.get('last_name')}"
        age = age_on(born)
        if slug != "donor" and age < AGE_ADULT:
            found.append(
                LpaWarning(
                    key=f"under-18:{slug}:{full_name_key(person)}:{born.isoformat()}",
                    step=slug,
                    title=gettext("%(name)s is under %(age)s") % {"name": name, "age": AGE_ADULT},
                    message=gettext(
                        "%(name)s is %(role)s and is under %(age)s. They must be %(age)s or over "
                        "on the date the donor signs the LPA, or the Office of the Public "
                        "Guardian will not register it."
                    )
                    % {"name": name, "role": role, "age": AGE_ADULT},
                )
            )
        if age >= AGE_WARN_OVER:
            found.append(
                LpaWarning(
                    key=f"over-100:{slug}:{full_name_key(person)}:{born.isoformat()}",
                    step=slug,
                    title=gettext("%(name)s is over %(age)s")
                    % {"name": name, "age": AGE_WARN_OVER},
                    message=gettext(
                        "The date of birth you gave for %(name)s means they are %(years)s. "
                        "Check it is right."
                    )
                    % {"name": name, "years": age},
                )
            )
    return found


def _duplicate_warnings(slug: str, people: list[dict], answers: Answers) -> list[LpaWarning]:
    found = []
    earlier = []
    for other in PEOPLE_STEPS:
        if other == slug:
            break
        earlier.extend((other, person) for person in _people(answers, other))
    for index, person in enumerate(people):
        key = full_name_key(person)
        name = f"{person.get('first_name')} {person.get('last_name')}"
        same_list = [(slug, p) for p in people[:index]]
        for other_slug, other in [*earlier, *same_list]:
            if full_name_key(other) != key:
                continue
            if other_slug == slug:
                what = gettext("The same person cannot be %(role)s twice.") % {
                    "role": ROLE_LABELS[slug]
                }
            else:
                what = gettext("The same person cannot be both %(first)s and %(second)s.") % {
                    "first": ROLE_LABELS[other_slug],
                    "second": ROLE_LABELS[slug],
                }
            found.append(
                LpaWarning(
                    key=f"same-name:{other_slug}:{slug}:{key}",
                    step=slug,
                    title=gettext("There is already someone called %(name)s") % {"name": name},
                    message=gettext(
                        "%(name)s has the same name as %(role)s. %(what)s Continue only if they "
                        "are 2 different people."
                    )
                    % {"name": name, "role": ROLE_LABELS[other_slug], "what": what},
                )
            )
    return found


def _certificate_provider_warnings(answers: Answers) -> list[LpaWarning]:
    provider = answers.value("certificate-provider")
    if not provider:
        return []
    found = []
    others = [("donor", p) for p in _people(answers, "donor")]
    others += [("attorneys", p) for p in _people(answers, "attorneys")]
    provider_name = f"{provider.get('first_name')} {provider.get('last_name')}"
    for slug, other in others:
        shared = []
        if surname_parts(provider.get("last_name")) & surname_parts(other.get("last_name")):
            shared.append("surname")
        if address_key(provider) == address_key(other):
            shared.append("address")
        if not shared:
            continue
        what = " and ".join(shared)  # in English: part of the warning's key
        message = {
            "surname": gettext(
                "%(provider)s has the same surname as %(role)s, %(other)s. A certificate "
                "provider cannot be a relative of the donor or of an attorney. Continue only if "
                "they are not related."
            ),
            "address": gettext(
                "%(provider)s has the same address as %(role)s, %(other)s. A certificate "
                "provider cannot be a relative of the donor or of an attorney. Continue only if "
                "they are not related."
            ),
            "surname and address": gettext(
                "%(provider)s has the same surname and address as %(role)s, %(other)s. A "
                "certificate provider cannot be a relative of the donor or of an attorney. "
                "Continue only if they are not related."
            ),
        }[what]
        found.append(
            LpaWarning(
                key=f"cp-shares:{slug}:{full_name_key(other)}:{full_name_key(provider)}:{what}:"
                f"{address_key(provider)}",
                step="certificate-provider",
                title=gettext("Confirm the certificate provider is not related"),
                message=message
                % {
                    "provider": provider_name,
                    "role": ROLE_LABELS[slug],
                    "other": f"{other.get('first_name')} {other.get('last_name')}",
                },
            )
        )
    return found


def step_warnings(slug: str, answers: Answers) -> list[LpaWarning]:
    """The warnings about the answer to step ``slug`` (given the valid answers up to it)."""
    if slug not in PEOPLE_STEPS:
        return []
    people = _people(answers, slug)
    found = _age_warnings(slug, people) + _duplicate_warnings(slug, people, answers)
    if slug == "certificate-provider":
        found += _certificate_provider_warnings(answers)
    return found
