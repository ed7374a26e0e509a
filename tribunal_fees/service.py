"""Registers this service with the platform (start page, "Your applications")."""

from digital_services.core.registry import Service, service_register

from .retention import RETENTION


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
    "intro": "Use this service to pay an employment tribunal fee by card, to apply for Help with Fees, or to apply for a refund of tribunal fees.",
    "you_need": [
        "your employment tribunal case number if you are paying a hearing fee (for example 1234567/2016)",
        "how many people are making the claim, and what the claim is about",
        "details of your income and savings if you want to apply for Help with Fees",
    ],
    "what_happens_next": "You get a receipt by email straight away. If you apply for Help with Fees, we tell you our decision by email.",
}

SERVICE = service_register(
    Service(
        slug="tribunal-fees",
        name="Pay an employment tribunal fee",
        description="Pay an employment tribunal issue or hearing fee, apply for Help with Fees, or apply for a refund of fees you paid.",
        start_url_name="tribunal_fees:start",
        list_cases=list_cases,
        order=30,
        retention=RETENTION,
        export_user_data=lambda user: _case_data_for_user(user),
        detach_user=lambda user: _cases_detach_user(user),
    )
)
