"""Make a money claim: every write (a package split along its seams; import from here).

- ``submit``: ``ClaimDraft``/``PartyDraft``, ``claim_figures``, ``claim_submit``,
  ``claim_hwf_apply``, ``claim_fee_check``, ``claim_payment_start``, ``claim_payment_outcome``;
- ``issue``: ``claim_issue``, the claim number, access codes, ``claim_form_seal``;
- ``casework``: Help with Fees decisions and the caseworkers' actions;
- ``breathing_space``: entering and lifting a breathing space (debt respite);
- ``caseman``: the CaseMan (RPA) feed of claim events.
"""

from .breathing_space import (
    claim_breathing_space_allowed,
    claim_breathing_space_enter,
    claim_breathing_space_lift,
)
from .caseman import caseman_event_record, claim_caseman_resend
from .casework import (
    ACTION_STATES,
    claim_access_code_reset,
    claim_action_allowed,
    claim_hwf_decide,
    claim_note_add,
    claim_stay,
    claim_stay_lift,
    claim_transfer,
    correspondence_record,
    correspondence_review,
    party_contact_change,
)
from .common import GRANT_SCOPE_CLAIM, access_code_hash, claim_link
from .issue import (
    access_code_issue,
    claim_form_seal,
    claim_issue,
    claim_letter_enclosures,
    claim_number_format,
    claim_number_next,
    claims_stale_close,
    claims_unsealed_seal,
)
from .submit import (
    ClaimDraft,
    ClaimFigures,
    ClaimInvalid,
    FeeChanged,
    PartyDraft,
    claim_amount_due_pence,
    claim_fee_check,
    claim_figures,
    claim_hwf_apply,
    claim_payment_outcome,
    claim_payment_start,
    claim_submit,
)

__all__ = [
    "ACTION_STATES",
    "GRANT_SCOPE_CLAIM",
    "ClaimDraft",
    "ClaimFigures",
    "ClaimInvalid",
    "FeeChanged",
    "PartyDraft",
    "access_code_hash",
    "access_code_issue",
    "caseman_event_record",
    "claim_access_code_reset",
    "claim_action_allowed",
    "claim_amount_due_pence",
    "claim_breathing_space_allowed",
    "claim_breathing_space_enter",
    "claim_breathing_space_lift",
    "claim_caseman_resend",
    "claim_fee_check",
    "claim_figures",
    "claim_form_seal",
    "claim_hwf_apply",
    "claim_hwf_decide",
    "claim_issue",
    "claim_letter_enclosures",
    "claim_link",
    "claim_note_add",
    "claim_number_format",
    "claim_number_next",
    "claim_payment_outcome",
    "claim_payment_start",
    "claim_stay",
    "claim_stay_lift",
    "claim_submit",
    "claim_transfer",
    "claims_stale_close",
    "claims_unsealed_seal",
    "correspondence_record",
    "correspondence_review",
    "party_contact_change",
]
