"""An LPA's answers read back as typed people and decisions: what pages and the
generated documents (lasting_power.documents) print.

Only valid answers of steps that apply are read (the platform engine revalidates every
stored answer with its form and the gating conditions), so a document never shows an
answer the applicant can no longer see. ``lpa_details(lpa)`` is the one way to read them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .constants import (
    CORRESPONDENT_ATTORNEY,
    CORRESPONDENT_CERTIFICATE_PROVIDER,
    CORRESPONDENT_DONOR,
    JOINTLY,
    REGISTERING_ATTORNEYS,
    SINGLE_ATTORNEY,
    LpaType,
)
from .forms.common import TITLE_NONE, TITLE_OTHER


@dataclass(frozen=True)
class Address:
    line_1: str = ""
    line_2: str = ""
    line_3: str = ""
    postcode: str = ""

    @property
    def lines(self) -> list[str]:
        return [line for line in (self.line_1, self.line_2, self.line_3, self.postcode) if line]

    def __str__(self) -> str:
        return ", ".join(self.lines)


@dataclass(frozen=True)
class Person:
    """A donor, attorney, replacement, certificate provider or person to notify."""

    role: str  # donor, attorney, replacement, certificate-provider, notify, correspondent
    key: str  # "1", "2"… within its list; "trust" for a trust corporation; "" for one-offs
    title: str = ""
    first_name: str = ""
    last_name: str = ""
    other_names: str = ""
    date_of_birth: dt.date | None = None
    address: Address = field(default_factory=Address)
    email: str = ""
    company: str = ""  # a trust corporation's (or a correspondent's) company name
    company_number: str = ""
    is_trust_corporation: bool = False

    @property
    def name(self) -> str:
        if self.is_trust_corporation or (self.company and not self.last_name):
            return self.company
        return " ".join(p for p in (self.title, self.first_name, self.last_name) if p)

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p) or self.company


@dataclass(frozen=True)
class LpaDetails:
    reference: str  # as shown: A000 0000 0000
    lpa_type: str
    donor: Person | None
    donor_can_sign: bool
    when: str  # P&F: "now" or "no-capacity"; "" for H&W
    can_sustain_life: bool | None  # H&W: option A (True) or B (False)
    attorneys: list[Person]  # people first, then any trust corporation
    attorneys_how: str  # single-attorney, jointly-attorney-severally, jointly, depends
    attorneys_how_details: str
    replacements: list[Person]
    replacements_when: str  # "", first, last, depends
    replacements_when_details: str
    replacements_how: str
    replacements_how_details: str
    certificate_provider: Person | None
    people_to_notify: list[Person]
    preferences: str
    instructions: str
    registering: str  # "donor" or "attorneys"
    registering_attorneys: list[Person]
    correspondent: Person | None
    correspondent_by_post: bool
    correspondent_in_welsh: bool
    repeat_case_number: str  # 12 digits, or ""

    @property
    def type_label(self) -> str:
        """The type in words, in the active language (the PDFs are made in the LPA's)."""
        return str(LpaType(self.lpa_type).label)

    @property
    def trust_corporation(self) -> Person | None:
        return next((a for a in self.attorneys if a.is_trust_corporation), None)


def _title(data: dict) -> str:
    if data.get("title") == TITLE_OTHER:
        return data.get("title_other", "")
    return "" if data.get("title") in (TITLE_NONE, None) else data["title"]


def _address(data: dict) -> Address:
    return Address(
        line_1=data.get("address_line_1", ""),
        line_2=data.get("address_line_2", ""),
        line_3=data.get("address_line_3", ""),
        postcode=data.get("postcode", ""),
    )


def person_from(data: dict | None, *, role: str, key: str = "") -> Person | None:
    if not data:
        return None
    return Person(
        role=role,
        key=key,
        title=_title(data),
        first_name=data.get("first_name", ""),
        last_name=data.get("last_name", ""),
        other_names=data.get("other_names", ""),
        date_of_birth=data.get("date_of_birth"),
        address=_address(data),
        email=data.get("email", ""),
    )


def trust_from(data: dict | None) -> Person | None:
    if not data or data.get("wanted") != "yes":
        return None
    return Person(
        role="attorney",
        key="trust",
        address=_address(data),
        email=data.get("email", ""),
        company=data.get("name", ""),
        company_number=data.get("company_number", ""),
        is_trust_corporation=True,
    )


def _people(items, role) -> list[Person]:
    return [
        person_from(item, role=role, key=str(number))
        for number, item in enumerate(items or [], start=1)
    ]


def details_from_answers(*, reference: str, lpa_type: str, answers) -> LpaDetails:
    """``answers``: the engine's valid answers (digital_services.journeys.definitions.Answers)."""
    donor_data = answers.value("donor")
    attorneys = _people(answers.value("attorneys"), "attorney")
    trust = trust_from(answers.value("trust-corporation"))
    if trust:
        attorneys.append(trust)
    how = answers.value("attorneys-decide", "how") or (
        SINGLE_ATTORNEY if len(attorneys) == 1 else ""
    )
    replacements = _people(answers.value("replacements"), "replacement")
    replacements_how = answers.value("replacements-decide", "how") or ""
    if not replacements_how and len(replacements) == 1:
        replacements_how = SINGLE_ATTORNEY
    certificate_provider = person_from(
        answers.value("certificate-provider"), role="certificate-provider"
    )
    registering = answers.value("who-is-registering", "who") or ""
    chosen = set(answers.value("who-is-registering", "attorneys") or [])
    if registering == REGISTERING_ATTORNEYS and how == JOINTLY:
        chosen = {a.key for a in attorneys}
    sustain = answers.value("life-sustaining", "can_sustain_life")
    return LpaDetails(
        reference=reference,
        lpa_type=lpa_type,
        donor=person_from(donor_data, role="donor"),
        donor_can_sign=(donor_data or {}).get("can_sign") != "no",
        when=answers.value("when", "when") or "",
        can_sustain_life=None if sustain is None else sustain == "yes",
        attorneys=attorneys,
        attorneys_how=how,
        attorneys_how_details=answers.value("attorneys-decide", "how_details") or "",
        replacements=replacements,
        replacements_when=answers.value("replacements-step-in", "when") or "",
        replacements_when_details=answers.value("replacements-step-in", "when_details") or "",
        replacements_how=replacements_how,
        replacements_how_details=answers.value("replacements-decide", "how_details") or "",
        certificate_provider=certificate_provider,
        people_to_notify=_people(answers.value("people-to-notify"), "notify"),
        preferences=answers.value("instructions", "preferences") or "",
        instructions=answers.value("instructions", "instructions") or "",
        registering=registering,
        registering_attorneys=[a for a in attorneys if a.key in chosen],
        correspondent=_correspondent(answers, attorneys, certificate_provider),
        correspondent_by_post=answers.value("correspondent-contact", "contact") == "post",
        correspondent_in_welsh=answers.value("correspondent", "in_welsh") == "yes",
        repeat_case_number=answers.value("repeat-application", "case_number") or "",
    )


def _correspondent(answers, attorneys, certificate_provider) -> Person | None:
    chosen = answers.value("correspondent")
    if not chosen:
        return None
    contact = answers.value("correspondent-contact") or {}
    address = Address(
        line_1=contact.get("address_line_1", ""),
        line_2=contact.get("address_line_2", ""),
        line_3=contact.get("address_town", ""),
        postcode=contact.get("address_postcode", ""),
    )
    who = chosen.get("who")
    base = None
    if who == CORRESPONDENT_DONOR:
        base = person_from(answers.value("donor"), role="correspondent")
    elif who == CORRESPONDENT_ATTORNEY:
        base = next((a for a in attorneys if a.key == chosen.get("attorney")), None)
    elif who == CORRESPONDENT_CERTIFICATE_PROVIDER:
        base = certificate_provider
    if base is None:
        return Person(
            role="correspondent",
            key="other",
            first_name=chosen.get("first_name", ""),
            last_name=chosen.get("last_name", ""),
            company=chosen.get("company", ""),
            address=address,
            email=contact.get("email", ""),
        )
    return Person(
        role="correspondent",
        key=who,
        title=base.title,
        first_name=base.first_name,
        last_name=base.last_name,
        company=base.company,
        address=address if address.line_1 else base.address,
        email=contact.get("email", "") or base.email,
    )
