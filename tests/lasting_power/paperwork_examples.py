"""Plain LPA details for the document tests: each example changes only what its test needs."""

from __future__ import annotations

import dataclasses
import datetime as dt

from lasting_power.details import Address, LpaDetails, Person


def person(role: str, key: str, first: str, last: str, **extra) -> Person:
    return Person(
        role=role,
        key=key,
        title=extra.pop("title", "Mx"),
        first_name=first,
        last_name=last,
        date_of_birth=extra.pop(
            "date_of_birth", dt.date(1970, 1, int(key) if key.isdigit() else 1)
        ),
        address=extra.pop("address", Address(f"{key} {last} Street", "Leeds", "", "LS1 1AA")),
        **extra,
    )


def attorneys(count: int, role: str = "attorney", stem: str = "Attorney") -> list[Person]:
    return [
        person(role, str(n), f"{stem}{n}", f"Surname{role[:3]}{n}") for n in range(1, count + 1)
    ]


def trust() -> Person:
    return Person(
        role="attorney",
        key="trust",
        company="Trusty Corporation Ltd",
        company_number="01234567",
        address=Address("1 Trust Road", "Bristol", "", "BS1 1AA"),
        is_trust_corporation=True,
    )


DONOR = person(
    "donor", "1", "Dorothy", "Donorperson", other_names="Dot Smith", email="dot@example.com"
)
PROVIDER = person("certificate-provider", "1", "Cyril", "Certifier")
CORRESPONDENT = person("correspondent", "donor", "Dorothy", "Donorperson", email="dot@example.com")


def details(**changes) -> LpaDetails:
    base = LpaDetails(
        reference="A123 4567 8901",
        lpa_type="property-and-financial",
        donor=DONOR,
        donor_can_sign=True,
        when="now",
        can_sustain_life=None,
        attorneys=attorneys(1),
        attorneys_how="single-attorney",
        attorneys_how_details="",
        replacements=[],
        replacements_when="",
        replacements_when_details="",
        replacements_how="",
        replacements_how_details="",
        certificate_provider=PROVIDER,
        people_to_notify=[],
        preferences="Prefers to stay at home.",
        instructions="Do not sell the cottage.",
        registering="donor",
        registering_attorneys=[],
        correspondent=CORRESPONDENT,
        correspondent_by_post=False,
        correspondent_in_welsh=False,
        repeat_case_number="",
    )
    return dataclasses.replace(base, **changes)
