"""Registers this service with the platform: start page, URLs, "Your applications",
the caseworker role and its permissions, demo staff, bench pages and page access."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from digital_services.core.registry import (
    PUBLIC,
    AccessRule,
    DemoUser,
    Role,
    Service,
    service_register,
)

from .retention import RETENTION
from .selectors import visit_cases, visit_data_for_user, visits_for_staff
from .services import visits_claim_for_user, visits_detach_user

CASEWORKER_ROLE = "prison_visits caseworker"
#: Caseworkers may change their prison's settings but not add or delete prisons, and
#: never change staff assignments.
CASEWORKER_PERMISSIONS = tuple(
    f"prison_visits.{codename}"
    for codename in (
        "view_prison",
        "change_prison",
        *(
            f"{action}_{model}"
            for model in ("weeklyslot", "dateslot", "blockeddate", "prisonerregisterentry")
            for action in ("view", "add", "change", "delete")
        ),
        "view_visit",
        "change_visit",
    )
)

START_PAGE = {
    "intro": _("Use this service to ask to visit someone in prison in England and Wales."),
    "you_need": [
        _("the prisoner’s name, date of birth and prison number (for example A1234BC)"),
        _(
            "the names and dates of birth of everyone who is visiting (up to 6 people, no more than 3 adults)"
        ),
        _("an email address and a UK phone number for the main visitor, who must be 18 or over"),
    ],
    "what_happens_next": _(
        "The prison will check your request and tell you whether your visit is booked, usually within 3 working days. We contact you by email, text message or letter, whichever you choose."
    ),
    # The look-up is reached from here and from the confirmation, not only from email links.
    "already_applied": {
        "heading": _("If you have already asked for a visit"),
        "text": _("See whether it is booked and who can come, or withdraw or cancel it:"),
        "link_text": _("Check your visit"),
        "url_name": "prison_visits:visit-find",
    },
}

SERVICE = service_register(
    Service(
        slug="prison-visits",
        # Plain strings (the registry's name is also a key and goes into exports and
        # KPIs), marked for the catalogue: pages translate them as they show them.
        name=gettext_noop("Book a prison visit"),
        description=gettext_noop(
            "Ask to visit someone in prison. Choose up to 3 times, tell us who is coming, and the prison will reply by email, text message or letter, as you choose."
        ),
        start_url_name="prison_visits:start",
        list_cases=visit_cases,
        claim_cases=visits_claim_for_user,
        order=10,
        retention=RETENTION,
        export_user_data=visit_data_for_user,
        detach_user=lambda user: visits_detach_user(user=user),
        app_label="prison_visits",
        staff_case_permission="prison_visits.change_visit",
        staff_cases=lambda user: visits_for_staff(user=user),
        url_prefix="prison-visits/",
        roles=(
            Role(
                CASEWORKER_ROLE,
                permissions=CASEWORKER_PERMISSIONS,
                staff_landing_url_name="admin:prison_visits_visit_changelist",
            ),
        ),
        # Administrators see every prison (``view_all_prisons`` lifts the narrowing to a
        # caseworker's assigned prisons) and assign staff; caseworkers never do.
        administrator_permissions=(
            *CASEWORKER_PERMISSIONS,
            "prison_visits.add_prison",
            "prison_visits.view_all_prisons",
            "prison_visits.view_prisonstaffassignment",
            "prison_visits.add_prisonstaffassignment",
            "prison_visits.change_prisonstaffassignment",
            "prison_visits.delete_prisonstaffassignment",
        ),
        demo_users=(DemoUser("demo.prison-visits@example.com", "Pat Prisons", CASEWORKER_ROLE),),
        bench="prison_visits.bench",
        access={
            "start": AccessRule(PUBLIC),
        },
    )
)
