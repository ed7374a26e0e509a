"""Names and numbers that mirror GOV.UK Pay, so our records read like Pay's."""

from django.db import models

# Pay expires a payment the user has not finished 90 minutes after it was created.
PAYMENT_EXPIRY_MINUTES = 90
# Pay's limits on what a service may send when creating a payment. The API takes up to
# £100,000, but the account's payment provider sets the real maximum (the setting
# PAYMENTS_AMOUNT_MAX_PENCE), and no card payment can be less than 30p.
AMOUNT_MAX_PENCE = 10_000_000  # £100,000
AMOUNT_MIN_PENCE = 30
REFERENCE_MAX_LENGTH = 255
DESCRIPTION_MAX_LENGTH = 255
# Each attempt goes to Pay as "<case reference>-<6 characters>", unique, so that after a
# create whose outcome is unknown we can find the payment by searching for it.
PROVIDER_REFERENCE_SUFFIX_LENGTH = 6
# Pay's payment pages come in English and Welsh.
LANGUAGES = ("en", "cy")

PROVIDER_GOVUK_PAY = "govuk_pay"
PROVIDER_SANDBOX = "sandbox"


class PaymentStatus(models.TextChoices):
    CREATED = "created", "Created"
    STARTED = "started", "Started"
    SUBMITTED = "submitted", "Submitted"
    SUCCESS = "success", "Success"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"
    ERROR = "error", "Error"


IN_FLIGHT_STATUSES = (PaymentStatus.CREATED, PaymentStatus.STARTED, PaymentStatus.SUBMITTED)
FINISHED_STATUSES = (
    PaymentStatus.SUCCESS,
    PaymentStatus.FAILED,
    PaymentStatus.CANCELLED,
    PaymentStatus.ERROR,
)
# A payment in one of these states blocks another for the same case and purpose.
LIVE_STATUSES = (*IN_FLIGHT_STATUSES, PaymentStatus.SUCCESS)

# Allowed moves, as GOV.UK Pay's state diagram allows them. Finished is final.
PAYMENT_TRANSITIONS: dict[str, tuple[str, ...]] = {
    PaymentStatus.CREATED: (PaymentStatus.STARTED, PaymentStatus.SUBMITTED, *FINISHED_STATUSES),
    PaymentStatus.STARTED: (PaymentStatus.SUBMITTED, *FINISHED_STATUSES),
    PaymentStatus.SUBMITTED: FINISHED_STATUSES,
    PaymentStatus.SUCCESS: (),
    PaymentStatus.FAILED: (),
    PaymentStatus.CANCELLED: (),
    PaymentStatus.ERROR: (),
}


class FailureCode(models.TextChoices):
    REJECTED = "P0010", "Payment method rejected"
    EXPIRED = "P0020", "Payment expired"
    USER_CANCELLED = "P0030", "Cancelled by the user"
    SERVICE_CANCELLED = "P0040", "Cancelled by the service"
    PROVIDER_ERROR = "P0050", "Payment provider error"


class RefundStatus(models.TextChoices):
    SUBMITTED = "submitted", "Submitted"
    SUCCESS = "success", "Success"
    ERROR = "error", "Error"


# The sandbox behaves like GOV.UK Pay's test cards:
# number -> (card brand, outcome status, failure code).
SANDBOX_TEST_CARDS: dict[str, tuple[str, str, str]] = {
    "4444333322221111": ("Visa", PaymentStatus.SUCCESS, ""),
    "4242424242424242": ("Visa", PaymentStatus.SUCCESS, ""),
    "4000056655665556": ("Visa", PaymentStatus.SUCCESS, ""),
    "5555555555554444": ("Mastercard", PaymentStatus.SUCCESS, ""),
    "5200828282828210": ("Mastercard", PaymentStatus.SUCCESS, ""),
    "2221000000000009": ("Mastercard", PaymentStatus.SUCCESS, ""),
    "378282246310005": ("American Express", PaymentStatus.SUCCESS, ""),
    "4000000000000002": ("Visa", PaymentStatus.FAILED, FailureCode.REJECTED),
    "4000000000000069": ("Visa", PaymentStatus.FAILED, FailureCode.REJECTED),
    "4000000000000127": ("Visa", PaymentStatus.FAILED, FailureCode.REJECTED),
    "4000000000000119": ("Visa", PaymentStatus.ERROR, FailureCode.PROVIDER_ERROR),
}


# A refund is submitted, then succeeds or fails for good.
REFUND_TRANSITIONS: dict[str, tuple[str, ...]] = {
    RefundStatus.SUBMITTED: (RefundStatus.SUCCESS, RefundStatus.ERROR),
    RefundStatus.SUCCESS: (),
    RefundStatus.ERROR: (),
}
