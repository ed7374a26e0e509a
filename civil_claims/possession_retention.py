"""How long possession claims keep personal data (declared with the money claims' rules on
the service's registry entry).

A possession claim is a court record like a money claim: kept for the same
``CLAIM_RETENTION_DAYS`` after it last changed, then deleted. The parties (names,
addresses, contact details) go first on the same clock, then the claim with its grounds
and rent statement. Uploaded files (tenancy agreement, notice, rent statement) are stored
documents of the claim: deleting the claim's documents follows the documents rule.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from digital_services.privacy.retention import RetentionRule

from .retention import AFTER, CLAIM_RETENTION_DAYS


def _parties(cutoff):
    from .models import PossessionParty

    return PossessionParty.objects.filter(claim__updated_at__lt=cutoff)


def _hearings(cutoff):
    from .models import PossessionHearing

    return PossessionHearing.objects.filter(claim__updated_at__lt=cutoff)


def _warrants(cutoff):
    from .models import PossessionWarrant

    return PossessionWarrant.objects.filter(claim__updated_at__lt=cutoff)


def _responses(cutoff):
    from .models import PossessionResponse

    return PossessionResponse.objects.filter(claim__updated_at__lt=cutoff)


def _applications(cutoff):
    from .models import PossessionApplication

    return PossessionApplication.objects.filter(claim__updated_at__lt=cutoff)


def _claims(cutoff):
    from .models import PossessionClaim

    return PossessionClaim.objects.filter(updated_at__lt=cutoff)


POSSESSION_RETENTION = (
    RetentionRule(
        key="civil_claims.possession_parties",
        model="civil_claims.PossessionParty",
        information=gettext_lazy(
            "Possession claims: the landlord’s and each tenant’s or occupier’s name, "
            "address and contact details"
        ),
        period_days=CLAIM_RETENTION_DAYS,
        after=AFTER,
        then=gettext_lazy("deleted"),
        expired=_parties,
        order=25,
    ),
    RetentionRule(
        key="civil_claims.possession_hearings",
        model="civil_claims.PossessionHearing",
        information=gettext_lazy(
            "Possession claims: each hearing's date, the notice's wording, the "
            "reason it was adjourned or cancelled and its outcome"
        ),
        period_days=CLAIM_RETENTION_DAYS,
        after=AFTER,
        then=gettext_lazy("deleted"),
        expired=_hearings,
        order=26,
    ),
    RetentionRule(
        key="civil_claims.possession_warrants",
        model="civil_claims.PossessionWarrant",
        information=gettext_lazy(
            "Possession claims: the landlord's request for a warrant (how the order "
            "was broken, the amount still owed, Help with Fees) and the eviction date"
        ),
        period_days=CLAIM_RETENTION_DAYS,
        after=AFTER,
        then=gettext_lazy("deleted"),
        expired=_warrants,
        order=27,
    ),
    RetentionRule(
        key="civil_claims.possession_responses",
        model="civil_claims.PossessionResponse",
        information=gettext_lazy(
            "Possession claims: each tenant's response (their details and date of "
            "birth, household, income, expenses and debts, what they dispute, their offer, the "
            "support they need) with its counterclaim"
        ),
        period_days=CLAIM_RETENTION_DAYS,
        after=AFTER,
        then=gettext_lazy("deleted"),
        expired=_responses,
        order=23,
    ),
    RetentionRule(
        key="civil_claims.possession_applications",
        model="civil_claims.PossessionApplication",
        information=gettext_lazy(
            "Possession claims: each tenant's general application (what they asked "
            "for and why, its fee and Help with Fees reference)"
        ),
        period_days=CLAIM_RETENTION_DAYS,
        after=AFTER,
        then=gettext_lazy("deleted"),
        expired=_applications,
        order=24,
    ),
    RetentionRule(
        key="civil_claims.possession_claims",
        model="civil_claims.PossessionClaim",
        information=gettext_lazy(
            "Possession claims: the property, tenancy, notice, grounds with their "
            "reasons, the rent statement and the rest of the claim"
        ),
        period_days=CLAIM_RETENTION_DAYS,
        after=AFTER,
        then=gettext_lazy("deleted"),
        expired=_claims,
        order=31,
    ),
)
