"""How long Make a money claim keeps personal data (declared on its registry entry).

A claim is a court record: it is kept, with everything on it (the parties, amounts,
timeline, evidence, notes, correspondence, the defendant's response, the sealed claim
form), for ``CLAIM_RETENTION_DAYS`` after it last changed, then deleted. The hashes of
spent access codes go much sooner.
"""

from __future__ import annotations

from django.db.models import Q

from digital_services.privacy.retention import RetentionRule

#: Six years after the claim last changed (the limitation period for a money claim).
CLAIM_RETENTION_DAYS = 6 * 365
ACCESS_CODE_RETENTION_DAYS = 90


def _claims(cutoff):
    from .models import Claim

    return Claim.objects.filter(updated_at__lt=cutoff)


def _claims_delete(pks: list) -> None:
    from digital_services.documents.services import documents_delete_for

    from .models import Claim

    for claim in Claim.objects.filter(pk__in=pks):
        documents_delete_for(case=claim)
    Claim.objects.filter(pk__in=pks).delete()


def _access_codes(cutoff):
    from .models import AccessCode

    return AccessCode.objects.filter(Q(used_at__lt=cutoff) | Q(revoked_at__lt=cutoff))


RETENTION = (
    RetentionRule(
        key="civil_claims.claims",
        model="civil_claims.Claim",
        information=(
            "Money claims: the claimant’s and defendant’s names, addresses and contact "
            "details, what is claimed and why, the timeline and evidence, notes, letters "
            "received, responses and the claim form"
        ),
        period_days=CLAIM_RETENTION_DAYS,
        after="the claim last changed",
        then="the claim and everything on it is deleted",
        expired=_claims,
        anonymise=_claims_delete,
        order=20,
    ),
    RetentionRule(
        key="civil_claims.access_codes",
        model="civil_claims.AccessCode",
        information="The defendant’s access codes (kept only as a keyed hash)",
        period_days=ACCESS_CODE_RETENTION_DAYS,
        after="the code was used or replaced",
        then="deleted",
        expired=_access_codes,
        order=10,
    ),
)
