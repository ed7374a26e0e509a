"""Registers this service with the platform: its start page, URLs, "Your applications",
the caseworker role with its permissions and queue, the issue-fee payment, retention,
demo caseworker and page access."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from digital_services.core.registry import (
    OWNER,
    PUBLIC,
    SIGNED_IN,
    AccessRule,
    DemoUser,
    Role,
    Service,
    service_register,
)

from .constants import PAYMENT_PURPOSE_COUNTERCLAIM_FEE, PAYMENT_PURPOSE_ISSUE_FEE
from .journeys.eligibility import eligibility_url_names
from .possession_constants import (
    PAYMENT_PURPOSE_POSSESSION_FEE,
    PAYMENT_PURPOSE_POSSESSION_WARRANT_FEE,
)
from .possession_response_constants import (
    PAYMENT_PURPOSE_POSSESSION_APPLICATION_FEE,
    PAYMENT_PURPOSE_POSSESSION_COUNTERCLAIM_FEE,
)
from .possession_retention import POSSESSION_RETENTION
from .retention import RETENTION

CASEWORKER_ROLE = "civil_claims caseworker"
#: This service's models only (no payments permissions: those would show every
#: service's payments).
CASEWORKER_PERMISSIONS = (
    "civil_claims.view_claim",
    "civil_claims.decide_hwf_claim",
    "civil_claims.manage_claim",
    "civil_claims.export_claim",
    "civil_claims.view_party",
    "civil_claims.view_amountrow",
    "civil_claims.view_timelineevent",
    "civil_claims.view_evidenceitem",
    "civil_claims.view_casenote",
    "civil_claims.add_casenote",
    "civil_claims.view_papercorrespondence",
    "civil_claims.add_papercorrespondence",
    "civil_claims.change_papercorrespondence",
    "civil_claims.view_response",
    "civil_claims.add_response",
    "civil_claims.view_counterclaim",
    "civil_claims.view_claimantreply",
    "civil_claims.view_judgment",
    "civil_claims.change_judgment",
    "civil_claims.change_claimantreply",
    "civil_claims.view_issuefeeband",
    "civil_claims.view_possessionclaim",
    "civil_claims.decide_hwf_possessionclaim",
    "civil_claims.manage_possessionclaim",
    "civil_claims.view_possessioncounterclaim",
    "civil_claims.view_possessionapplication",
)


def payment_outcome(*, payment):
    """A claim's issue fee payment finished: a paid claim (money or possession) is issued."""
    from .services import claim_payment_outcome
    from .services.possession import possession_payment_outcome

    if payment.purpose in (
        PAYMENT_PURPOSE_POSSESSION_COUNTERCLAIM_FEE,
        PAYMENT_PURPOSE_POSSESSION_APPLICATION_FEE,
    ):
        from .services.possession_response import tenant_payment_outcome

        return tenant_payment_outcome(payment=payment)
    if payment.purpose == PAYMENT_PURPOSE_POSSESSION_FEE:
        return possession_payment_outcome(payment=payment)
    if payment.purpose == PAYMENT_PURPOSE_POSSESSION_WARRANT_FEE:
        from .services.possession_warrant import possession_warrant_payment_outcome

        return possession_warrant_payment_outcome(payment=payment)
    if payment.purpose == PAYMENT_PURPOSE_COUNTERCLAIM_FEE:
        from .services.response import counterclaim_payment_outcome

        return counterclaim_payment_outcome(payment=payment)
    return claim_payment_outcome(payment=payment)


def list_cases(user):
    """The user's money claims, and the claims made against them that they have linked with
    an access code, for "Your applications"."""
    from .selectors_defendant import money_claims_for_user
    from .selectors_possession_defendant import possession_claims_all_for_user

    # One query for each kind of claim, whichever side of it the user is on.
    return [*money_claims_for_user(user), *possession_claims_all_for_user(user)]


def letter_enclosures(message) -> list[tuple[str, bytes]]:
    """The sealed claim form, printed behind the defendant's claim letter."""
    from .services import claim_letter_enclosures
    from .services.possession_pack import possession_letter_enclosures

    return claim_letter_enclosures(message=message) or possession_letter_enclosures(message=message)


def _case_data_for_user(user) -> dict:
    from .selectors import case_data_for_user
    from .selectors_defendant import defendant_case_data_for_user
    from .selectors_possession import possession_case_data_for_user

    return {
        **case_data_for_user(user),
        **defendant_case_data_for_user(user),
        **possession_case_data_for_user(user),
    }


def _cases_detach_user(user) -> int:
    """Unlink the user's claims (money and possession), and the claims made against them
    (the defendant's link)."""
    from .models import Claim, Party, PossessionClaim, PossessionParty

    claims = Claim.objects.filter(user=user).update(user=None)
    claims += PossessionClaim.objects.filter(user=user).update(user=None)
    claims += PossessionParty.objects.filter(user=user).update(user=None)
    return claims + Party.objects.filter(user=user).update(user=None)


START_PAGE = {
    "intro": _(
        "Use this service to make a claim to the county court in England and Wales for money you are owed, or to respond to a claim against you."
    ),
    "you_need": [
        _("the name and address of the person or business you are claiming against"),
        _("how much you are claiming and why, with the dates of what happened"),
        _("a debit or credit card to pay the court fee, or a Help with Fees reference"),
    ],
    "what_happens_next": _(
        "We issue the claim and post it to the defendant (we also email it to them if you give their email address). They have 14 days from when the claim is served to respond. We tell you what they do by email, text message or letter, whichever you choose."
    ),
}

SERVICE = service_register(
    Service(
        slug="money-claims",
        name=gettext_noop("Make a money claim"),
        description=gettext_noop(
            "Claim money you are owed by a person or business, or make a possession claim as a landlord. Respond to a claim made against you."
        ),
        start_url_name="civil_claims:start",
        list_cases=list_cases,
        order=20,
        retention=RETENTION + POSSESSION_RETENTION,
        export_user_data=lambda user: _case_data_for_user(user),
        detach_user=lambda user: _cases_detach_user(user),
        app_label="civil_claims",
        staff_case_permission="civil_claims.view_claim",
        url_prefix="money-claims/",
        roles=(
            Role(
                CASEWORKER_ROLE,
                permissions=CASEWORKER_PERMISSIONS,
                staff_landing_url_name="admin:civil_claims_claim_changelist",
            ),
        ),
        # Administrators keep the issue fee bands.
        administrator_permissions=(
            "civil_claims.view_issuefeeband",
            "civil_claims.add_issuefeeband",
            "civil_claims.change_issuefeeband",
        ),
        demo_users=(DemoUser("demo.civil-claims@example.com", "Cam Claims", CASEWORKER_ROLE),),
        payment_purposes=(
            PAYMENT_PURPOSE_ISSUE_FEE,
            PAYMENT_PURPOSE_POSSESSION_FEE,
            PAYMENT_PURPOSE_COUNTERCLAIM_FEE,
            PAYMENT_PURPOSE_POSSESSION_WARRANT_FEE,
            PAYMENT_PURPOSE_POSSESSION_COUNTERCLAIM_FEE,
            PAYMENT_PURPOSE_POSSESSION_APPLICATION_FEE,
        ),
        payment_outcome=payment_outcome,
        letter_enclosures=letter_enclosures,
        bench="civil_claims.bench",
        access={
            "start": AccessRule(PUBLIC),
            # Can you use this service? (civil_claims.journeys.eligibility)
            **{name: AccessRule(PUBLIC) for name in eligibility_url_names()},
            # A sent claim: its claimant (signed in, or holding its grant: core/grants.py).
            "claim-detail": AccessRule(OWNER),
            "claim-confirmation": AccessRule(OWNER),
            "claim-pay": AccessRule(OWNER, post_only=True),
            "claim-form-download": AccessRule(OWNER),
            # The defendant links the claim with its number and the letter's access code
            # (rate limited per address and per claim number), then signs in to add it.
            "respond-start": AccessRule(PUBLIC, reference_lookup=True),
            "respond-sign-in": AccessRule(PUBLIC),
            "respond-link": AccessRule(SIGNED_IN),
            # A claim made against the signed-in defendant (linked to their account).
            "respond-claim": AccessRule(OWNER),
            "respond-claim-form-download": AccessRule(OWNER),
            "respond-more-time": AccessRule(OWNER),
            "respond-contact": AccessRule(OWNER),
            # The defendant's response (the journey's own pages check the same link:
            # civil_claims.journeys.response.defendant_responding).
            "respond-response-start": AccessRule(OWNER),
            "respond-sent": AccessRule(OWNER),
            "respond-counterclaim-pay": AccessRule(OWNER, post_only=True),
            # After the response (#15): the claimant's reply, judgments and "paid in full"
            # (views_claimant); the defendant signs a settlement or asks for a
            # redetermination (views_defendant_next).
            "claim-response": AccessRule(OWNER),
            "claim-reply-accept": AccessRule(OWNER),
            "claim-reply-plan": AccessRule(OWNER),
            "claim-reply-go-ahead": AccessRule(OWNER),
            "claim-reply-end": AccessRule(OWNER),
            "claim-judgment": AccessRule(OWNER),
            "claim-judgment-check": AccessRule(OWNER),
            "claim-settlement-judgment": AccessRule(OWNER),
            "claim-redetermination": AccessRule(OWNER),
            "claim-paid-in-full": AccessRule(OWNER),
            "respond-settlement": AccessRule(OWNER),
            "respond-redetermination": AccessRule(OWNER),
            # A landlord's possession claim, once sent (its claimant, or holding its grant).
            "possession-confirmation": AccessRule(OWNER),
            "possession-claim": AccessRule(OWNER),
            "possession-pay": AccessRule(OWNER, post_only=True),
            "possession-hwf-reference": AccessRule(OWNER),
            "possession-warrant": AccessRule(OWNER),
            "possession-warrant-pay": AccessRule(OWNER, post_only=True),
            "possession-claim-pack-download": AccessRule(OWNER),
            # A possession claim's defendant links it with the claim pack's access code
            # (rate limited, as above), then its pages (the linked defendant only).
            "possession-respond-start": AccessRule(PUBLIC, reference_lookup=True),
            "possession-respond-sign-in": AccessRule(PUBLIC),
            "possession-respond-link": AccessRule(SIGNED_IN),
            "possession-respond-claim": AccessRule(OWNER),
            # The tenant's response (a journey; sending checks the link), its confirmation,
            # paying a counterclaim's fee and general applications: the linked defendant.
            "possession-respond-sent": AccessRule(OWNER),
            "possession-counterclaim-pay": AccessRule(OWNER, post_only=True),
            "possession-application-new": AccessRule(OWNER),
        },
    )
)
