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

CASEWORKER_ROLE = "lasting_power caseworker"

START_PAGE = {
    "intro": "Use this service to make a lasting power of attorney (LPA) for property and financial affairs, or for health and welfare.",
    "you_need": [
        "the names, addresses and dates of birth of the donor and the attorneys",
        "the name and address of the certificate provider",
        "details of any benefits the donor gets if they want to apply for a fee reduction",
    ],
    "what_happens_next": "You can save your LPA and come back to it. When it is finished, you print it, everyone signs it, and you send it to the Office of the Public Guardian to register.",
}

SERVICE = service_register(
    Service(
        slug="lasting-power",
        name="Make a lasting power of attorney",
        description="Choose people you trust to make decisions for you if you cannot make them yourself. Make the forms online, then print, sign and send them.",
        start_url_name="lasting_power:start",
        order=40,
        app_label="lasting_power",
        url_prefix="lasting-power-of-attorney/",
        roles=(Role(CASEWORKER_ROLE),),
        demo_users=(DemoUser("demo.lasting-power@example.com", "Lee Attorney", CASEWORKER_ROLE),),
        access={
            "start": AccessRule(PUBLIC),
        },
    )
)
