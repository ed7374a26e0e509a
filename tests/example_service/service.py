"""Registers the example service with the platform: everything a service brings."""

from digital_services.core.registry import (
    OWNER,
    PUBLIC,
    AccessRule,
    DemoUser,
    Role,
    Service,
    service_register,
)

from .constants import CASEWORKER_ROLE, SERVICE_SLUG
from .selectors import licence_cases

START_PAGE = {
    "intro": "Use this service to apply for an example licence.",
    "you_need": ["your full name", "what you want the licence for"],
    "what_happens_next": "A caseworker decides whether to grant your licence.",
}

SERVICE = service_register(
    Service(
        slug=SERVICE_SLUG,
        name="Apply for an example licence",
        description="Apply for a licence that only exists in the tests.",
        start_url_name="example_service:start",
        list_cases=licence_cases,
        order=90,
        app_label="example_service",
        staff_case_permission="example_service.view_licenceapplication",
        url_prefix="example-licence/",
        roles=(
            Role(
                CASEWORKER_ROLE,
                permissions=(
                    "example_service.view_licenceapplication",
                    "example_service.decide_licenceapplication",
                ),
                staff_landing_url_name="admin:example_service_licenceapplication_changelist",
            ),
        ),
        administrator_permissions=("example_service.view_licenceapplication",),
        demo_users=(DemoUser("demo.example@example.com", "Eve Example", CASEWORKER_ROLE),),
        access={
            "start": AccessRule(PUBLIC),
            "confirmation": AccessRule(
                PUBLIC,
                bearer_token="the platform grant (core/grants.py) in the confirmation page address, "
                "valid for 7 days, given only to the browser that sent the application",
            ),
            "application-detail": AccessRule(OWNER),
        },
    )
)
