"""Possession claims: the rules that need no database (domain notes, section 3).

Who may claim, the tenancy or occupation contract types of each country, the daily rent,
which grounds apply to which tenancy in which country (and which of them are about rent
arrears, so lead to the arrears pages), the notice types, and the arrears a rent
statement adds up to. Money is integer pence throughout; the daily rent is worked out
in ``Decimal`` and rounded half up to the penny, never with a float.

The fees are not here: they are dated data (``PossessionFee``, ``possession_fees``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop as N_


class Country(models.TextChoices):
    """Where the property is: the law, the tenancy types, grounds and notices follow it."""

    ENGLAND = "england", _("England")
    WALES = "wales", _("Wales")


class ClaimantType(models.TextChoices):
    PRIVATE_LANDLORD = "private_landlord", _("Private landlord")
    SOCIAL_LANDLORD = "social_landlord", _("Social housing provider or local authority")
    COMMUNITY_LANDLORD = "community_landlord", _("Community landlord")
    MORTGAGE_LENDER = "mortgage_lender", _("Mortgage lender")
    OTHER = "other", _("Other")


#: Claimant types by country: social housing providers and local authorities are
#: England's name for what Wales calls community landlords.
CLAIMANT_TYPES_BY_COUNTRY = {
    Country.ENGLAND: (
        ClaimantType.PRIVATE_LANDLORD,
        ClaimantType.SOCIAL_LANDLORD,
        ClaimantType.MORTGAGE_LENDER,
        ClaimantType.OTHER,
    ),
    Country.WALES: (
        ClaimantType.PRIVATE_LANDLORD,
        ClaimantType.COMMUNITY_LANDLORD,
        ClaimantType.MORTGAGE_LENDER,
        ClaimantType.OTHER,
    ),
}


class TenancyType(models.TextChoices):
    """A tenancy (England) or an occupation contract (Wales, Renting Homes (Wales) Act 2016)."""

    ASSURED = "assured", _("Assured tenancy")
    SECURE = "secure", _("Secure tenancy")
    INTRODUCTORY = "introductory", _("Introductory tenancy")
    FLEXIBLE = "flexible", _("Flexible tenancy")
    DEMOTED = "demoted", _("Demoted tenancy")
    SECURE_CONTRACT = "secure_contract", _("Secure occupation contract")
    STANDARD_CONTRACT = "standard_contract", _("Standard occupation contract")
    OTHER = "other", _("Other")


TENANCY_TYPES_BY_COUNTRY = {
    Country.ENGLAND: (
        TenancyType.ASSURED,
        TenancyType.SECURE,
        TenancyType.INTRODUCTORY,
        TenancyType.FLEXIBLE,
        TenancyType.DEMOTED,
        TenancyType.OTHER,
    ),
    Country.WALES: (
        TenancyType.SECURE_CONTRACT,
        TenancyType.STANDARD_CONTRACT,
        TenancyType.OTHER,
    ),
}


def claimant_types_for(country: str) -> tuple[ClaimantType, ...]:
    """The claimant types offered for a property in ``country``. Raises ``ValueError``."""
    return CLAIMANT_TYPES_BY_COUNTRY[Country(country)]


def tenancy_types_for(country: str) -> tuple[TenancyType, ...]:
    """The tenancy or occupation contract types of ``country``. Raises ``ValueError``."""
    return TENANCY_TYPES_BY_COUNTRY[Country(country)]


# Rent -------------------------------------------------------------------------------


class RentFrequency(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    FORTNIGHTLY = "fortnightly", _("Every 2 weeks")
    MONTHLY = "monthly", _("Monthly")
    OTHER = "other", _("Other")


#: Days in one rent period. A month is 30.44 days (365.25 ÷ 12, as the court form does).
RENT_PERIOD_DAYS = {
    RentFrequency.WEEKLY: Decimal(7),
    RentFrequency.FORTNIGHTLY: Decimal(14),
    RentFrequency.MONTHLY: Decimal("30.44"),
}


def daily_rent_pence(rent_pence: int, frequency: str) -> int | None:
    """The rent for one day, in whole pence: the rent ÷ 7 (weekly), ÷ 14 (fortnightly) or
    ÷ 30.44 (monthly), rounded half up to the penny (2 decimal places of a pound).

    None for another frequency: the claimant types the daily rent. Raises ``ValueError``
    for a rent that is not a whole, non-negative number of pence.
    """
    if isinstance(rent_pence, bool) or not isinstance(rent_pence, int) or rent_pence < 0:
        raise ValueError(f"Not a rent in pence: {rent_pence!r}")
    days = RENT_PERIOD_DAYS.get(RentFrequency(frequency))
    if days is None:
        return None
    return int((Decimal(rent_pence) / days).quantize(Decimal(1), rounding=ROUND_HALF_UP))


# Grounds ----------------------------------------------------------------------------


class GroundKind(models.TextChoices):
    MANDATORY = "mandatory", _("Mandatory")
    DISCRETIONARY = "discretionary", _("Discretionary")
    ALTERNATIVE_ACCOMMODATION = (
        "alternative",
        _("Discretionary, if suitable alternative accommodation is available"),
    )
    ESTATE_MANAGEMENT = "estate", _("Estate management")


@dataclass(frozen=True)
class Ground:
    """One ground for possession. ``code`` is unique within its tenancy type's list and is
    what the claim keeps; ``arrears`` marks a rent-arrears ground."""

    code: str
    label: str
    kind: str
    arrears: bool = False

    @property
    def kind_label(self) -> str:
        return GroundKind(self.kind).label.lower()


def _g(code, label, kind=GroundKind.DISCRETIONARY, arrears=False) -> Ground:
    return Ground(code=code, label=label, kind=kind, arrears=arrears)


M, D = GroundKind.MANDATORY, GroundKind.DISCRETIONARY
ALT, EST = GroundKind.ALTERNATIVE_ACCOMMODATION, GroundKind.ESTATE_MANAGEMENT

#: Housing Act 1988, Schedule 2 (assured tenancies). Rent arrears: grounds 8, 10 and 11.
ASSURED_GROUNDS = (
    _g("1", N_("Ground 1: the landlord lived there before, or wants to live there"), M),
    _g("2", N_("Ground 2: the mortgage lender wants to sell the property"), M),
    _g("3", N_("Ground 3: it was a holiday let"), M),
    _g("4", N_("Ground 4: it was let to students by an educational institution"), M),
    _g("5", N_("Ground 5: it is needed for a minister of religion"), M),
    _g("6", N_("Ground 6: the landlord intends to redevelop the property"), M),
    _g("7", N_("Ground 7: the tenancy was inherited after the tenant died"), M),
    _g("7A", N_("Ground 7A: serious antisocial behaviour"), M),
    _g("7B", N_("Ground 7B: the tenant has no right to rent"), M),
    _g("8", N_("Ground 8: serious rent arrears"), M, arrears=True),
    _g("9", N_("Ground 9: suitable alternative accommodation is available")),
    _g("10", N_("Ground 10: some rent is unpaid"), arrears=True),
    _g("11", N_("Ground 11: the rent has been paid late persistently"), arrears=True),
    _g("12", N_("Ground 12: a term of the tenancy has been broken")),
    _g("13", N_("Ground 13: the property has been damaged or neglected")),
    _g("14", N_("Ground 14: nuisance or antisocial behaviour")),
    _g("14ZA", N_("Ground 14ZA: the tenant took part in a riot")),
    _g("14A", N_("Ground 14A: domestic violence made a partner leave")),
    _g("15", N_("Ground 15: the furniture has been damaged")),
    _g("16", N_("Ground 16: the tenant was an employee of the landlord")),
    _g("17", N_("Ground 17: the tenancy was got by a false statement")),
)

#: Housing Act 1985, Schedule 2 and section 84A (secure and flexible tenancies). Rent
#: arrears: ground 1.
SECURE_GROUNDS = (
    _g("1", N_("Ground 1: rent is unpaid or a term of the tenancy has been broken"), arrears=True),
    _g("2", N_("Ground 2: nuisance or antisocial behaviour")),
    _g("2ZA", N_("Ground 2ZA: the tenant took part in a riot")),
    _g("2A", N_("Ground 2A: domestic violence made a partner leave")),
    _g("3", N_("Ground 3: the property has been damaged or neglected")),
    _g("4", N_("Ground 4: the furniture has been damaged")),
    _g("5", N_("Ground 5: the tenancy was got by a false statement")),
    _g("6", N_("Ground 6: the tenancy was got by paying a premium")),
    _g("7", N_("Ground 7: conduct of an employee of the landlord")),
    _g("8", N_("Ground 8: the tenant was housed while their home was being repaired")),
    _g("84A", N_("Absolute ground for antisocial behaviour (section 84A)"), M),
    _g("9", N_("Ground 9: the property is overcrowded"), ALT),
    _g("10", N_("Ground 10: the landlord intends to redevelop the property"), ALT),
    _g("10A", N_("Ground 10A: the property is in a redevelopment scheme"), ALT),
    _g(
        "11", N_("Ground 11: the landlord is a charity and the tenant conflicts with its aims"), ALT
    ),
    _g("12", N_("Ground 12: the property is needed for an employee"), ALT),
    _g("13", N_("Ground 13: the property is adapted for a disabled person"), ALT),
    _g("14", N_("Ground 14: housing for people who are hard to house"), ALT),
    _g("15", N_("Ground 15: housing for people with special needs"), ALT),
    _g("15A", N_("Ground 15A: the property is too big for the successor tenant"), ALT),
    _g("16", N_("Ground 16: under-occupation after the tenancy was inherited"), ALT),
)

#: A flexible tenancy also ends at the end of its fixed term (Housing Act 1985, s107D).
FLEXIBLE_GROUNDS = (
    *SECURE_GROUNDS,
    _g("107D", N_("The fixed term of the flexible tenancy has ended (section 107D)"), M),
)

#: Introductory and demoted tenancies, and other tenancies in England: the landlord gives
#: its reason for ending the tenancy rather than a statutory ground.
ENGLAND_OTHER_GROUNDS = (
    _g("rent_arrears", N_("Rent arrears"), arrears=True),
    _g("antisocial", N_("Antisocial behaviour")),
    _g("breach", N_("Breach of the tenancy")),
    _g("absolute", N_("Absolute grounds")),
    _g("other", N_("Another reason")),
)

#: Renting Homes (Wales) Act 2016: breach of contract (section 157) and the estate
#: management grounds (section 160, Schedule 8) for every occupation contract.
WALES_COMMON_GROUNDS = (
    _g("s157_arrears", N_("Rent arrears: breach of contract (section 157)"), arrears=True),
    _g("s157_antisocial", N_("Antisocial behaviour or prohibited conduct (section 157)")),
    _g("s157_other", N_("Another breach of contract (section 157)")),
    _g("s160_estate", N_("Estate management grounds (section 160)"), EST),
)
WALES_STANDARD_GROUNDS = (
    _g("s181", N_("Serious rent arrears, periodic contract (section 181)"), M, arrears=True),
    _g("s187", N_("Serious rent arrears, fixed term contract (section 187)"), M, arrears=True),
    _g("s173", N_("Landlord's notice, periodic contract (section 173)"), M),
    _g("s186", N_("Landlord's notice at the end of a fixed term (section 186)"), M),
    _g("s199", N_("Landlord's break clause (section 199)"), M),
    *WALES_COMMON_GROUNDS,
)

GROUNDS = {
    (Country.ENGLAND, TenancyType.ASSURED): ASSURED_GROUNDS,
    (Country.ENGLAND, TenancyType.SECURE): SECURE_GROUNDS,
    (Country.ENGLAND, TenancyType.FLEXIBLE): FLEXIBLE_GROUNDS,
    (Country.ENGLAND, TenancyType.INTRODUCTORY): ENGLAND_OTHER_GROUNDS,
    (Country.ENGLAND, TenancyType.DEMOTED): ENGLAND_OTHER_GROUNDS,
    (Country.ENGLAND, TenancyType.OTHER): ENGLAND_OTHER_GROUNDS,
    (Country.WALES, TenancyType.SECURE_CONTRACT): WALES_COMMON_GROUNDS,
    (Country.WALES, TenancyType.STANDARD_CONTRACT): WALES_STANDARD_GROUNDS,
    (Country.WALES, TenancyType.OTHER): WALES_COMMON_GROUNDS,
}


def grounds_for(country: str, tenancy_type: str) -> tuple[Ground, ...]:
    """The grounds a claim may rely on for this tenancy type in this country.

    Raises ``ValueError`` for a tenancy type that the country does not have (an England
    tenancy for a property in Wales, say).
    """
    key = (Country(country), TenancyType(tenancy_type))
    if key not in GROUNDS:
        raise ValueError(f"No {key[1].label.lower()} in {key[0].label}")
    return GROUNDS[key]


def ground_get(country: str, tenancy_type: str, code: str) -> Ground | None:
    return next((g for g in grounds_for(country, tenancy_type) if g.code == code), None)


def arrears_grounds_chosen(country: str, tenancy_type: str, codes: Iterable[str]) -> bool:
    """Whether any of the chosen grounds is about rent arrears: the claim then needs a
    rent statement and the arrears pages."""
    chosen = set(codes)
    return any(g.arrears and g.code in chosen for g in grounds_for(country, tenancy_type))


# Notices ----------------------------------------------------------------------------


class NoticeType(models.TextChoices):
    SECTION_8 = "section_8", _("Notice seeking possession under section 8 (form 3)")
    SECTION_21 = "section_21", _("Section 21 notice (form 6A)")
    SECURE_NSP = "secure_nsp", _("Notice seeking possession (secure or flexible tenancy)")
    PROCEEDINGS = "proceedings", _("Notice of proceedings (introductory or demoted tenancy)")
    WALES_POSSESSION = "wales_possession", _("Possession notice (breach of contract)")
    WALES_LANDLORD = "wales_landlord", _("Landlord's notice (section 173 or 186)")
    OTHER = "other", _("Another notice")


NOTICE_TYPES_BY_COUNTRY = {
    Country.ENGLAND: (
        NoticeType.SECTION_8,
        NoticeType.SECTION_21,
        NoticeType.SECURE_NSP,
        NoticeType.PROCEEDINGS,
        NoticeType.OTHER,
    ),
    Country.WALES: (NoticeType.WALES_POSSESSION, NoticeType.WALES_LANDLORD, NoticeType.OTHER),
}


def notice_types_for(country: str) -> tuple[NoticeType, ...]:
    return NOTICE_TYPES_BY_COUNTRY[Country(country)]


class NoticeMethod(models.TextChoices):
    """How the notice was served. Each method has a date; some a time, a name or an email."""

    FIRST_CLASS_POST = "post", _("By first class post")
    PERMITTED_PLACE = "permitted_place", _("Left at a permitted place")
    PERSONALLY = "personally", _("Handed to a person")
    EMAIL = "email", _("By email")
    OTHER_ELECTRONIC = "electronic", _("By another electronic method")
    OTHER = "other", _("Another way")


#: Methods whose moment of service is a date and a time (the rest: a date).
NOTICE_METHODS_WITH_TIME = frozenset(
    {
        NoticeMethod.PERMITTED_PLACE,
        NoticeMethod.PERSONALLY,
        NoticeMethod.EMAIL,
        NoticeMethod.OTHER_ELECTRONIC,
        NoticeMethod.OTHER,
    }
)


# Rent arrears -----------------------------------------------------------------------

#: A rent statement need go back no further than this many years.
ARREARS_STATEMENT_YEARS = 2


@dataclass(frozen=True)
class ArrearsRow:
    """One line of a rent statement: rent due on a day, and what was paid against it."""

    due_on: dt.date
    due_pence: int
    paid_pence: int = 0
    paid_on: dt.date | None = None


@dataclass(frozen=True)
class ArrearsLine:
    row: ArrearsRow
    running_total_pence: int  # arrears after this row (negative: in credit)


def arrears_statement(rows: Iterable[ArrearsRow]) -> list[ArrearsLine]:
    """The rows in due-date order, each with the arrears running total after it."""
    total = 0
    lines = []
    for row in sorted(rows, key=lambda r: r.due_on):
        total += row.due_pence - row.paid_pence
        lines.append(ArrearsLine(row=row, running_total_pence=total))
    return lines


def arrears_total_pence(rows: Iterable[ArrearsRow]) -> int:
    """Rent due less rent paid over the statement (negative: the tenant is in credit)."""
    return sum(row.due_pence - row.paid_pence for row in rows)


def arrears_statement_start(*, first_missed: dt.date, today: dt.date) -> dt.date:
    """The day a rent statement must start from: the first missed payment, or 2 years ago
    if that was earlier."""
    try:
        two_years_ago = today.replace(year=today.year - ARREARS_STATEMENT_YEARS)
    except ValueError:  # 29 February
        two_years_ago = today.replace(year=today.year - ARREARS_STATEMENT_YEARS, day=28)
    return max(first_missed, two_years_ago)
