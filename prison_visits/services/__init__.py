"""Writes for prison visits: the request, the staff decisions, cancellations, messages,
reminders and anonymisation.

Each transition runs in one transaction: it locks the visit row, checks the
current status against ``Visit.TRANSITIONS`` (``TransitionNotAllowed``
otherwise: a request is processed once, with a message saying so), then the
platform's ``transition_apply`` stamps ``<verb>_at`` / ``<verb>_by``, saves with
``update_fields`` and writes the audit event; the service adds a ``VisitEvent``
to the timeline and queues its messages in the outbox (sent after the commit).
Booking also locks the slot's ``SlotLock`` row, so two members of staff booking
the last table of a slot at the same moment get one booking and one ``SlotFull``.
"""

from digital_services.core.transitions import TransitionNotAllowed

from ..rules import PrisonerDetails, VisitorDetails
from .accounts import (
    visits_claim_for_user,
    visits_detach_user,
)
from .common import (
    InvalidDecision,
    MustReject,
    PrisonerNotFound,
    PrisonNotBookable,
    SlotFull,
    SlotUnavailable,
    VisitError,
    VisitorExclusionChoice,
    VisitorRulesBroken,
)
from .prisoner_register import (
    REGISTER_COLUMNS,
    RegisterImportResult,
    prisoner_register_import,
)
from .requests import (
    visit_request_submit,
)
from .scheduled import (
    ANONYMISED_DATE,
    visit_reminders_send,
    visits_anonymise,
    visits_anonymise_ids,
)
from .staff_decisions import (
    _apply_exclusions,
    visit_book,
    visit_booking_check,
    visit_reject,
    visit_rejection_check,
)
from .visitor_changes import (
    visit_cancel,
    visit_cancellation_action,
    visit_message_send,
    visit_withdraw,
)

__all__ = [
    "_apply_exclusions",
    "PrisonerDetails",
    "VisitorDetails",
    "ANONYMISED_DATE",
    "InvalidDecision",
    "MustReject",
    "PrisonNotBookable",
    "PrisonerNotFound",
    "REGISTER_COLUMNS",
    "RegisterImportResult",
    "SlotFull",
    "SlotUnavailable",
    "TransitionNotAllowed",
    "VisitError",
    "VisitorExclusionChoice",
    "VisitorRulesBroken",
    "prisoner_register_import",
    "visit_book",
    "visit_booking_check",
    "visit_cancel",
    "visit_cancellation_action",
    "visit_message_send",
    "visit_reject",
    "visit_rejection_check",
    "visit_reminders_send",
    "visit_request_submit",
    "visit_withdraw",
    "visits_anonymise",
    "visits_anonymise_ids",
    "visits_claim_for_user",
    "visits_detach_user",
]
