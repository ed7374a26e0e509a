"""Registers this service with the platform (start page, "Your applications")."""

from digital_services.core.registry import Service, service_register

from .retention import RETENTION
from .selectors import visit_cases, visit_data_for_user
from .services import visits_detach_user

START_PAGE = {
    "intro": "Use this service to ask to visit someone in prison in England and Wales.",
    "you_need": [
        "the prisoner’s name, date of birth and prison number (for example A1234BC)",
        "the names and dates of birth of everyone who is visiting (up to 6 people, no more than 3 adults)",
        "an email address and a UK phone number for the main visitor, who must be 18 or over",
    ],
    "what_happens_next": "The prison will check your request and tell you by email whether your visit is booked, usually within 3 working days.",
}

SERVICE = service_register(
    Service(
        slug="prison-visits",
        name="Book a prison visit",
        description="Ask to visit someone in prison. Choose up to 3 times, tell us who is coming, and the prison will reply by email.",
        start_url_name="prison_visits:start",
        list_cases=visit_cases,
        order=10,
        retention=RETENTION,
        export_user_data=visit_data_for_user,
        detach_user=lambda user: visits_detach_user(user=user),
    )
)
