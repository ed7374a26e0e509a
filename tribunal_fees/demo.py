"""Demo data for Pay tribunal fees (``manage.py seed_demo``), safe to run again.

The fee schedule comes from the data migration. This adds, for the demo citizen:
a fee in each state (paid by the sandbox's test cards where a payment is needed),
a Help with Fees application waiting for a decision, and a refund application
checked by a second demo caseworker and waiting for approval by
demo.tribunal-fees@example.com. Each demo row is found again by its case number.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model

from digital_services.accounts.constants import CASEWORKER_ROLES
from digital_services.accounts.demo import DEMO_PASSWORD, DemoUser, demo_user_upsert
from digital_services.payments.providers import PROVIDER_SANDBOX, provider_name_configured
from digital_services.payments.sandbox import (
    sandbox_card_submit,
    sandbox_payment_confirm,
    sandbox_payment_open,
)
from digital_services.payments.services import payment_refresh

from . import services
from .constants import ClaimElement, FeeKind, HwfOutcome, PaymentMethod, RefundFeeKind
from .models import FeeCase, RefundApplication
from .selectors import fee_case_latest_payment

CITIZEN_EMAIL = "demo.citizen@example.com"
CASEWORKER_EMAIL = "demo.tribunal-fees@example.com"
SECOND_CASEWORKER = DemoUser(
    "demo.tribunal-fees-2@example.com",
    "Tam Tribunals",
    CASEWORKER_ROLES["tribunal_fees"],
    True,
)
CLAIM_DATE = dt.date(2016, 3, 14)
GOOD_CARD = "4444333322221111"
ERROR_CARD = "4000000000000119"

# case number -> what the demo fee should end up as
DEMO_FEES = {
    "2400001/2016": "unpaid",
    "2400002/2016": "awaiting_hwf",
    "2400003/2016": "payment_in_progress",
    "2400004/2016": "paid",
    "2400005/2016": "payment_uncertain",
    "2400006/2016": "remitted",
}
REFUND_CASE_NUMBER = "2400007/2016"


def _fee_case(user, case_number: str, kind: str = FeeKind.HEARING) -> tuple[FeeCase, bool]:
    existing = FeeCase.objects.filter(user=user, case_number=case_number).first()
    if existing is not None:
        return existing, False
    fee_case = services.fee_case_create(
        user=user,
        kind=kind,
        fee_date=CLAIM_DATE,
        claim_elements=[ClaimElement.UNFAIR_DISMISSAL, ClaimElement.HOLIDAY_PAY],
        case_number=case_number,
        email=user.email,
    )
    return fee_case, True


def _hwf(fee_case: FeeCase, *, income_pence: int):
    return services.hwf_application_submit(
        fee_case=fee_case,
        user=fee_case.user,
        answers=services.HwfAnswers(
            applicant_name="Sam Citizen",
            applicant_date_of_birth=dt.date(1985, 6, 1),
            capital_pence=150_000,
            gross_monthly_income_pence=income_pence,
            ni_number="QQ123456C",
        ),
    )


def _card_payment(fee_case: FeeCase, card: str | None) -> None:
    """Start paying by card on the sandbox and, with a card, finish as that card does."""
    services.fee_case_payment_start(fee_case=fee_case, started_by=fee_case.user)
    payment = fee_case_latest_payment(fee_case=fee_case)
    if card is None:
        return
    sandbox_payment_open(payment_id=payment.provider_payment_id)
    sandbox_card_submit(payment_id=payment.provider_payment_id, card_number=card)
    if card == GOOD_CARD:
        sandbox_payment_confirm(payment_id=payment.provider_payment_id)
    payment_refresh(payment=payment)  # the outcome handler runs when seed_demo commits


def seed(stdout) -> None:
    if not settings.ACCOUNTS_DEMO_USERS:
        stdout.write("Tribunal fees: demo data skipped (ACCOUNTS_DEMO_USERS is off).")
        return
    User = get_user_model()
    citizen = User.objects.filter(email=CITIZEN_EMAIL).first()
    caseworker = User.objects.filter(email=CASEWORKER_EMAIL).first()
    if citizen is None or caseworker is None:
        stdout.write("Tribunal fees: demo users missing (run the accounts demo first).")
        return
    second = demo_user_upsert(SECOND_CASEWORKER)
    sandbox = provider_name_configured() == PROVIDER_SANDBOX

    for case_number, state in DEMO_FEES.items():
        needs_card = state in ("payment_in_progress", "paid", "payment_uncertain")
        if needs_card and not sandbox:
            continue
        fee_case, created = _fee_case(citizen, case_number)
        if not created:
            continue
        if state == "awaiting_hwf":
            _hwf(fee_case, income_pence=130_000)
        elif state == "remitted":
            application = _hwf(fee_case, income_pence=90_000)
            services.hwf_application_decide(
                application=application, actor=caseworker, outcome=HwfOutcome.FULL
            )
        elif state == "payment_in_progress":
            _card_payment(fee_case, None)
        elif state == "paid":
            _card_payment(fee_case, GOOD_CARD)
        elif state == "payment_uncertain":
            _card_payment(fee_case, ERROR_CARD)

    if not RefundApplication.objects.filter(
        user=citizen, et_case_number=REFUND_CASE_NUMBER
    ).exists():
        application = services.refund_application_submit(
            user=citizen,
            answers=services.RefundAnswers(
                profile="paid_myself",
                full_name="Sam Citizen",
                date_of_birth=dt.date(1985, 6, 1),
                email=CITIZEN_EMAIL,
                address="1 Demo Street\nLeicester\nLE1 1AA",
                respondent_name="Demo Widgets Ltd",
                et_case_number=REFUND_CASE_NUMBER,
                fees=(
                    services.RefundFeeAnswer(
                        kind=RefundFeeKind.ET_ISSUE,
                        amount_pence=25_000,
                        method=PaymentMethod.CARD,
                        paid_month=3,
                        paid_year=2015,
                    ),
                    services.RefundFeeAnswer(
                        kind=RefundFeeKind.ET_HEARING,
                        amount_pence=95_000,
                        method=PaymentMethod.CHEQUE,
                        paid_month=9,
                        paid_year=2015,
                    ),
                ),
                account_name="S Citizen",
                bank_name="Demo Bank",
                account_number="00733445",
                sort_code="30-94-30",
                declaration=True,
            ),
        )
        services.refund_application_check(application=application, actor=second)

    stdout.write(
        "Tribunal fees: demo fees for demo.citizen@example.com "
        f"(case numbers {', '.join(DEMO_FEES)}), a Help with Fees application to decide, "
        f"and a refund checked by {SECOND_CASEWORKER.email} (password {DEMO_PASSWORD}) "
        f"waiting for approval by {CASEWORKER_EMAIL}."
    )
