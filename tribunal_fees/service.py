"""Registers this service with the platform (start page, "Your applications")."""

from digital_services.core.registry import Service, service_register


def list_cases(user):
    """The user's fees, Help with Fees and refund applications, for "Your applications"."""
    from .selectors import cases_for_user

    return cases_for_user(user)


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
    )
)
