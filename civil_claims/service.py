"""Registers this service with the platform: its start page (all it has so far), its
URLs, its caseworker role (no permissions yet: it has no models) and demo caseworker."""

from digital_services.core.registry import (
    PUBLIC,
    AccessRule,
    DemoUser,
    Role,
    Service,
    service_register,
)

CASEWORKER_ROLE = "civil_claims caseworker"

START_PAGE = {
    "intro": "Use this service to make a claim to the county court in England and Wales for money you are owed, or to respond to a claim against you.",
    "you_need": [
        "the name and address of the person or business you are claiming against",
        "how much you are claiming and why, with the dates of what happened",
        "a debit or credit card to pay the court fee, or a Help with Fees reference",
    ],
    "what_happens_next": "We send the claim to the defendant, who has 14 days to respond. We will tell you by email what they do.",
}

SERVICE = service_register(
    Service(
        slug="money-claims",
        name="Make a money claim",
        description="Claim money you are owed by a person or business, or make a possession claim as a landlord. Respond to a claim made against you.",
        start_url_name="civil_claims:start",
        order=20,
        app_label="civil_claims",
        url_prefix="money-claims/",
        roles=(Role(CASEWORKER_ROLE),),
        demo_users=(DemoUser("demo.civil-claims@example.com", "Cam Claims", CASEWORKER_ROLE),),
        access={
            "start": AccessRule(PUBLIC),
        },
    )
)
