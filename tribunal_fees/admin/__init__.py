"""The staff side of Pay tribunal fees, in the Django admin (tribunal-fees caseworkers).

Queues: Help with Fees to decide, evidence checks, part payments; fees whose payment is
in doubt; refunds to check, approve (a second caseworker: the four-eyes rule, enforced
by the service and checked again here), issue or reject; a finance CSV of refunds.
Status fields are read-only: every change goes through a service, from a small form
page per action (``<id>/<action>/``), and is audited there.
"""

from .common import (
    CSV_FORMULA_PREFIXES,
    ActionViewsMixin,
    ReadOnlyStatusMixin,
    TribunalReferenceSearchMixin,
    csv_safe,
)
from .fees import (
    FeeCaseAdmin,
    FeeScheduleAdmin,
    PaymentExceptionFilter,
)
from .help_with_fees import (
    HelpWithFeesApplicationAdmin,
    HwfQueueFilter,
)
from .refunds_2017 import (
    RefundApplicationAdmin,
    RefundFeeInline,
)

__all__ = [
    "ActionViewsMixin",
    "CSV_FORMULA_PREFIXES",
    "FeeCaseAdmin",
    "FeeScheduleAdmin",
    "HelpWithFeesApplicationAdmin",
    "HwfQueueFilter",
    "PaymentExceptionFilter",
    "ReadOnlyStatusMixin",
    "RefundApplicationAdmin",
    "RefundFeeInline",
    "TribunalReferenceSearchMixin",
    "csv_safe",
]
