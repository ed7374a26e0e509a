"""Demo LPAs for the demo citizen (``manage.py seed_demo``), safe to run again.

Two LPAs for the donor Pat Demo, made as the pages make them: every answer goes through
its question's form and ``services`` (so the demo can never hold what a page could not):

- health and welfare, in progress: the donor, life-sustaining treatment and one attorney
  answered, the replacement attorneys next;
- property and financial affairs, completed and paid by card on the payment sandbox (the
  outcome handler completes it when seed_demo commits; skipped when another payment
  provider is configured).

Each is found again by its owner, type and donor name, and is not made twice.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model

from digital_services.payments.providers import PROVIDER_SANDBOX, provider_name_configured
from digital_services.payments.sandbox import (
    sandbox_card_submit,
    sandbox_payment_confirm,
    sandbox_payment_open,
)
from digital_services.payments.services import payment_refresh

from . import services
from .constants import LpaType
from .journeys import lpa_flow
from .journeys.definitions import journey_for
from .models import Lpa

CITIZEN_EMAIL = "demo.citizen@example.com"
DONOR_NAME = "Pat Demo"
GOOD_CARD = "4444333322221111"


def _person(first: str, last: str, line_1: str, postcode: str, *, born=(14, 2, 1948)) -> dict:
    data = {
        "title": "Ms",
        "first_name": first,
        "last_name": last,
        "address_line_1": line_1,
        "address_line_2": "",
        "address_line_3": "Nottingham",
        "postcode": postcode,
    }
    if born is not None:
        data.update(
            {
                "date_of_birth_0": str(born[0]),
                "date_of_birth_1": str(born[1]),
                "date_of_birth_2": str(born[2]),
            }
        )
    return data


DONOR = {**_person("Pat", "Demo", "1 Demo Street", "NG1 1AA"), "can_sign": "yes"}
ATTORNEY = _person("Alex", "Trusted", "2 Oak Lane", "NG2 2BB", born=(3, 9, 1975))
PROVIDER = {
    **_person("Chris", "Certify", "Health Centre, 3 Elm Road", "NG3 3CC", born=None),
    "relationship": "professionally",
    "cannot_be": ["none"],
}
CONTACT = {
    "contact": "email",
    "email": CITIZEN_EMAIL,
    "address_line_1": "1 Demo Street",
    "address_town": "Nottingham",
    "address_postcode": "NG1 1AA",
}

#: (step, posted data) in the flow's order; a list is an add-another step's people.
IN_PROGRESS = [
    ("donor", DONOR),
    ("life-sustaining", {"can_sustain_life": "yes"}),
    ("attorneys", [ATTORNEY]),
]
COMPLETED = [
    ("donor", DONOR),
    ("when", {"when": "no-capacity"}),
    ("trust-corporation", {"wanted": "no"}),
    ("attorneys", [ATTORNEY]),
    ("replacements", []),
    ("certificate-provider", PROVIDER),
    ("people-to-notify", []),
    ("instructions", {"preferences": "", "instructions": ""}),
    ("who-is-registering", {"who": "donor"}),
    ("correspondent", {"who": "donor", "in_welsh": "no"}),
    ("correspondent-contact", CONTACT),
    ("repeat-application", {"repeat": "no"}),
]


def _cleaned(lpa: Lpa, step: str, data: dict) -> dict:
    """The step's form over ``data``, as its page checks it; the demo data must be valid."""
    _section, step_def = journey_for(lpa.lpa_type).step_get(step)
    form = step_def.make_form(lpa_flow(lpa).evaluation.answers, data=data)
    if not form.is_valid():
        raise ValueError(f"Demo answer to {step} is not valid: {form.errors.as_text()}")
    return form.cleaned_data


def _answer(lpa: Lpa, step: str, data) -> Lpa:
    if isinstance(data, list):
        for person in data:
            lpa.refresh_from_db()
            services.lpa_item_save(lpa=lpa, step=step, cleaned_data=_cleaned(lpa, step, person))
        lpa.refresh_from_db()
        services.lpa_items_confirm(lpa=lpa, step=step)
    else:
        services.lpa_answer_save(lpa=lpa, step=step, cleaned_data=_cleaned(lpa, step, data))
    lpa.refresh_from_db()
    if lpa_flow(lpa).unread(step):
        services.lpa_warnings_acknowledge(lpa=lpa, step=step)
        lpa.refresh_from_db()
    return lpa


def lpa_answered(citizen, lpa_type: str, answers: list) -> Lpa:
    """A new LPA of ``lpa_type`` answered with ``answers`` through each question's form and
    the services (the demo's LPAs, and the one ``make bench`` copies)."""
    lpa = services.lpa_start(user=citizen, lpa_type=lpa_type)
    for step, data in answers:
        lpa = _answer(lpa, step, data)
    return lpa


def _lpa(citizen, lpa_type: str, answers: list) -> Lpa | None:
    """A new LPA of ``lpa_type`` answered with ``answers``; None if the citizen has it."""
    if Lpa.objects.filter(user=citizen, lpa_type=lpa_type, donor_name=DONOR_NAME).exists():
        return None
    return lpa_answered(citizen, lpa_type, answers)


def _pay_by_card(lpa: Lpa) -> None:
    services.lpa_fee_decide(lpa=lpa, cleaned_data={"wanted": "no"})
    lpa.refresh_from_db()
    services.lpa_payment_start(lpa=lpa, started_by=lpa.user)
    payment = _latest_payment(lpa)
    sandbox_payment_open(payment_id=payment.provider_payment_id)
    sandbox_card_submit(payment_id=payment.provider_payment_id, card_number=GOOD_CARD)
    sandbox_payment_confirm(payment_id=payment.provider_payment_id)
    payment_refresh(payment=payment)  # the outcome handler completes it on commit


def _latest_payment(lpa: Lpa):
    from django.contrib.contenttypes.models import ContentType

    from digital_services.payments.models import Payment

    return (
        Payment.objects.filter(
            content_type=ContentType.objects.get_for_model(Lpa), object_id=str(lpa.pk)
        )
        .order_by("-created_at", "-pk")
        .first()
    )


def seed(stdout) -> None:
    if not settings.ACCOUNTS_DEMO_USERS:
        stdout.write("Lasting power: demo LPAs skipped (ACCOUNTS_DEMO_USERS is off).")
        return
    citizen = get_user_model().objects.filter(email=CITIZEN_EMAIL).first()
    if citizen is None:
        stdout.write("Lasting power: the demo citizen is missing (run the accounts demo first).")
        return
    _lpa(citizen, LpaType.HEALTH_WELFARE, IN_PROGRESS)
    made = ""
    if provider_name_configured() == PROVIDER_SANDBOX:
        completed = _lpa(citizen, LpaType.PROPERTY_FINANCE, COMPLETED)
        if completed is not None:
            _pay_by_card(completed)
        made = " and one completed and paid by card (property and financial affairs)"
    stdout.write(
        f"Lasting power: demo LPAs for {CITIZEN_EMAIL}, donor {DONOR_NAME}: one in progress "
        f"(health and welfare){made}."
    )
