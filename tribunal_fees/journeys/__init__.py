"""The citizen journeys of Pay tribunal fees (declared as data for the journey engine).

``PAY``: what the fee is for, when the claim was presented, who pays, how many
claimants and what the claim is about; then "Your fee" explains the amount (or that
there is no fee to pay) and offers to pay now or to apply for Help with Fees. Sending
it records the fee (``services.fee_case_create``) and goes to the card payment, or on
to Help with Fees for that fee; a group records how many claimants have Help with
Fees and pays the split of the group fee (``services.fee_case_group_remission_record``).

``HELP_WITH_FEES``: for a fee we already hold (its reference, filled in when the
citizen comes from the fee's page) or one described on the way (fees from 29 July
2013 to 26 July 2017); the applicant, partner, savings, benefits, income and
children; the likely outcome worked out by ``remission.hwf_assess``; then
``services.hwf_application_submit``.

``REFUND``: the 2017 refund scheme: who paid, the applicant, the original case, each
fee paid, bank details, the declaration; ``services.refund_application_submit``.

Someone who is not signed in can use all three: what they send is not tied to an
account, so the confirmation URL is a signed link that lets their browser see it
(``views.access_url``).
"""

# Imported in the order the journeys are registered: pay, Help with Fees, refund.
# isort: off
from .common import (
    SERVICE,
    answered_claimants,
    answered_kind,
    fee_date_in_scheme,
    fee_explanation_rows,
    no_fee_reason,
    quote_for,
)
from .pay import (
    PAY,
    pay_submit,
)
from .help_with_fees import (
    HELP_WITH_FEES,
    hwf_fee_case_granted,
    hwf_fee_case_lookup,
    hwf_submit,
)
from .refund import (
    REFUND,
    REFUND_ERROR_STEPS,
    refund_answers_from,
    refund_submit,
)
# isort: on

__all__ = [
    "HELP_WITH_FEES",
    "PAY",
    "REFUND",
    "REFUND_ERROR_STEPS",
    "SERVICE",
    "answered_claimants",
    "answered_kind",
    "fee_date_in_scheme",
    "fee_explanation_rows",
    "hwf_fee_case_granted",
    "hwf_fee_case_lookup",
    "hwf_submit",
    "no_fee_reason",
    "pay_submit",
    "quote_for",
    "refund_answers_from",
    "refund_submit",
]
