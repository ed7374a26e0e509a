"""How long Make a money claim keeps personal data (declared on its registry entry).

A claim is a court record: it is kept, with everything on it, for ``CLAIM_RETENTION_DAYS``
after it last changed, then deleted. The parties, the defendant's response, the
claimant's reply and the judgment (each with its field history, and the counterclaim before
its response) go first, by their own
rules on the same clock; deleting the claim then takes its amounts, timeline, evidence,
notes and correspondence with it. The sealed claim form is a stored document given the
same end date when it is made (``delete_after``; rule ``documents.files``). The hashes of
spent access codes go much sooner, and so does the copy of the parties' details in each
event sent to CaseMan (its JSON is blanked; the row stays as the record of what was sent).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils.translation import gettext_lazy, pgettext_lazy

from digital_services.privacy.retention import RetentionRule

#: Six years after the claim last changed (the limitation period for a money claim).
CLAIM_RETENTION_DAYS = 6 * 365
ACCESS_CODE_RETENTION_DAYS = 90
#: CaseMan holds the case once it has the event; our copy of the JSON is for resending.
CASEMAN_EVENT_RETENTION_DAYS = 90
AFTER = pgettext_lazy("retention period starts after", "the claim last changed")


def claim_documents_delete_after(day: dt.date) -> dt.date:
    """When a document made for a claim on ``day`` is deleted."""
    return day + dt.timedelta(days=CLAIM_RETENTION_DAYS)


def _with_claim(model_name: str):
    def expired(cutoff):
        from django.apps import apps

        return apps.get_model("civil_claims", model_name).objects.filter(
            claim__updated_at__lt=cutoff
        )

    return expired


def _counterclaims(cutoff):
    from .models import Counterclaim

    return Counterclaim.objects.filter(response__claim__updated_at__lt=cutoff)


def _claims(cutoff):
    from .models import Claim

    return Claim.objects.filter(updated_at__lt=cutoff)


def _access_codes(cutoff):
    from .models import AccessCode

    return AccessCode.objects.filter(Q(used_at__lt=cutoff) | Q(revoked_at__lt=cutoff))


def _caseman_events(cutoff):
    from .constants import CasemanEventStatus
    from .models import CasemanEvent

    return CasemanEvent.objects.filter(
        status__in=(
            CasemanEventStatus.SENT,
            CasemanEventStatus.SENT_LOCALLY,
            CasemanEventStatus.FAILED,
        ),
        status_changed_at__lt=cutoff,
    ).exclude(payload={})


def _rule(key, model, information, order, expired):
    return RetentionRule(
        key=key,
        model=f"civil_claims.{model}",
        information=information,
        period_days=CLAIM_RETENTION_DAYS,
        after=AFTER,
        then=gettext_lazy("deleted"),
        expired=expired,
        order=order,
    )


RETENTION = (
    RetentionRule(
        key="civil_claims.access_codes",
        model="civil_claims.AccessCode",
        information=gettext_lazy("The defendant’s access codes (kept only as a keyed hash)"),
        period_days=ACCESS_CODE_RETENTION_DAYS,
        after=pgettext_lazy("retention period starts after", "the code was used or replaced"),
        then=gettext_lazy("deleted"),
        expired=_access_codes,
        order=10,
    ),
    _rule(
        "civil_claims.parties",
        "Party",
        gettext_lazy(
            "Money claims: the claimant’s and defendant’s names, addresses, dates of birth and "
            "contact details"
        ),
        20,
        _with_claim("Party"),
    ),
    _rule(
        "civil_claims.counterclaims",
        "Counterclaim",
        gettext_lazy(
            "Money claims: the defendant’s counterclaim, its fee and Help with Fees reference"
        ),
        21,
        _counterclaims,
    ),
    _rule(
        "civil_claims.responses",
        "Response",
        gettext_lazy(
            "Money claims: the defendant’s response, payment offer and statement of means"
        ),
        21,
        _with_claim("Response"),
    ),
    _rule(
        "civil_claims.claimant_replies",
        "ClaimantReply",
        gettext_lazy("Money claims: the claimant’s reply to the response"),
        22,
        _with_claim("ClaimantReply"),
    ),
    _rule(
        "civil_claims.judgments",
        "Judgment",
        gettext_lazy("Money claims: judgments, with the defendant’s date of birth"),
        23,
        _with_claim("Judgment"),
    ),
    _rule(
        "civil_claims.directions_orders",
        "DirectionsOrder",
        gettext_lazy("Money claims: the court’s directions orders, with their drafts"),
        23,
        _with_claim("DirectionsOrder"),
    ),
    _rule(
        "civil_claims.breathing_spaces",
        "BreathingSpace",
        gettext_lazy(
            "Money claims: the defendant’s breathing space (debt respite) dates and reference"
        ),
        24,
        _with_claim("BreathingSpace"),
    ),
    RetentionRule(
        key="civil_claims.caseman_events",
        model="civil_claims.CasemanEvent",
        information=gettext_lazy(
            "Money claims: the copy of each claim event sent to the court’s "
            "case-management system (CaseMan), with the parties’ names and addresses"
        ),
        period_days=CASEMAN_EVENT_RETENTION_DAYS,
        after=pgettext_lazy("retention period starts after", "it was sent (or failed)"),
        then=gettext_lazy(
            "the names and addresses are deleted; a record that the event was sent is kept"
        ),
        blank={"payload": {}},
        expired=_caseman_events,
        order=15,
    ),
    _rule(
        "civil_claims.claims",
        "Claim",
        gettext_lazy(
            "Money claims: what is claimed and why, the timeline and evidence, caseworkers’ "
            "notes and letters received"
        ),
        30,
        _claims,
    ),
)
