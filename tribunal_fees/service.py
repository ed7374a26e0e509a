"""Registers this service with the platform: start page, URLs, "Your applications",
the caseworker role and its permissions, demo staff, payments, bench pages and access."""

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

from .constants import FeeKind
from .retention import RETENTION

#: The service's name, as the issue (#19) calls it: it takes immigration appeal and property
#: chamber fees as well as the 2013–2017 employment tribunal fees.
SERVICE_NAME = gettext_noop("Pay tribunal fees")

CASEWORKER_ROLE = "tribunal_fees caseworker"
#: This service's models only: no payments permissions (those would show every
#: service's payments); the fee's admin page shows its payment itself.
CASEWORKER_PERMISSIONS = (
    "tribunal_fees.view_feeschedule",
    "tribunal_fees.view_feecase",
    "tribunal_fees.resolve_feecase",
    "tribunal_fees.view_helpwithfeesapplication",
    "tribunal_fees.process_helpwithfeesapplication",
    "tribunal_fees.view_refundapplication",
    "tribunal_fees.change_refundapplication",
    "tribunal_fees.check_refundapplication",
    "tribunal_fees.approve_refundapplication",
    "tribunal_fees.issue_refundapplication",
    "tribunal_fees.reject_refundapplication",
    "tribunal_fees.export_refundapplication",
    "tribunal_fees.view_refundfee",
    "tribunal_fees.change_refundfee",
)


def payment_outcome(*, payment):
    """A fee's card payment finished: the fee case follows it."""
    from .services import fee_case_payment_outcome

    return fee_case_payment_outcome(payment=payment)


def _cases_claim_for_user(*, user, email: str) -> int:
    from .services import cases_claim_for_user

    return cases_claim_for_user(user=user, email=email)


def list_cases(user):
    """The user's fees, Help with Fees and refund applications, for "Your applications"."""
    from .selectors import cases_for_user

    return cases_for_user(user)


def _case_data_for_user(user) -> dict:
    from .selectors import case_data_for_user

    return case_data_for_user(user)


def _cases_detach_user(user) -> int:
    from .services import cases_detach_user

    return cases_detach_user(user=user)


START_PAGE = {
    "intro": _(
        "Use this service to pay a tribunal fee by card: an immigration and asylum appeal fee, "
        "a residential property application fee, or an employment tribunal fee for a claim "
        "presented between 29 July 2013 and 26 July 2017."
    ),
    "you_need": [
        _(
            "which tribunal the fee is for, and what it is for (for example an appeal or an "
            "application)"
        ),
        _("the date of the decision you are appealing, or the date of your application or claim"),
        _("your tribunal case number if you are paying a hearing fee"),
        _(
            "for an employment tribunal fee from 2013 to 2017: how many people made the claim, "
            "and what it was about"
        ),
        _("details of your income and savings if you want to apply for Help with Fees"),
    ],
    "what_happens_next": _(
        "You get a receipt straight away, by email, text message or letter, whichever you "
        "choose. If you apply for Help with Fees, we send our decision the same way."
    ),
}

SERVICE = service_register(
    Service(
        slug="tribunal-fees",
        name=SERVICE_NAME,
        # Plain strings (the registry's name is also a key and goes into exports): pages
        # translate them as they show them.
        description=gettext_noop(
            "Pay an immigration appeal or property chamber fee, or an employment tribunal fee "
            "from 2013 to 2017, apply for Help with Fees, or apply for a refund of fees you paid."
        ),
        start_url_name="tribunal_fees:start",
        list_cases=list_cases,
        claim_cases=lambda *, user, email: _cases_claim_for_user(user=user, email=email),
        order=30,
        retention=RETENTION,
        export_user_data=lambda user: _case_data_for_user(user),
        detach_user=lambda user: _cases_detach_user(user),
        app_label="tribunal_fees",
        staff_case_permission="tribunal_fees.view_feecase",
        url_prefix="tribunal-fees/",
        roles=(
            Role(
                CASEWORKER_ROLE,
                permissions=CASEWORKER_PERMISSIONS,
                staff_landing_url_name="admin:tribunal_fees_feecase_changelist",
            ),
        ),
        # Administrators keep the fee schedule.
        administrator_permissions=(
            "tribunal_fees.view_feeschedule",
            "tribunal_fees.add_feeschedule",
            "tribunal_fees.change_feeschedule",
        ),
        demo_users=(DemoUser("demo.tribunal-fees@example.com", "Tay Tribunals", CASEWORKER_ROLE),),
        payment_purposes=tuple(f"{kind.replace('_', '-')}-fee" for kind in FeeKind.values),
        payment_outcome=payment_outcome,
        bench="tribunal_fees.bench",
        access={
            "start": AccessRule(PUBLIC),
        },
    )
)
