"""Forms: the staff pages (Django admin styling: process a request, cancel, message, day
sheet) and the citizen's booking journey and "check your visit" look-up (GOV.UK)."""

from .booking import (
    PrisonChoiceForm,
    PrisonerForm,
    PrisonUnavailableForm,
    SlotChoiceForm,
    slot_keys,
)
from .common import (
    CHOICE_FIELDS,
    NAME_MAX_LENGTH,
    OLDEST_AGE,
    PHONE_PATTERN,
    PRISON_NAME_PREFIXES,
    GovukDateField,
    date_of_birth_check,
    prison_name_key,
)
from .staff import (
    ACTION_CHANGE,
    ACTION_CONFIRM,
    ACTION_PREVIEW,
    REJECT,
    CancelVisitForm,
    DaySheetForm,
    MessageVisitForm,
    ProcessVisitForm,
)
from .visitors import (
    LeadVisitorForm,
    VisitLookupForm,
    VisitorForm,
    VisitorRulesForm,
    lead_postal_address,
)

__all__ = [
    "ACTION_CHANGE",
    "ACTION_CONFIRM",
    "ACTION_PREVIEW",
    "CHOICE_FIELDS",
    "CancelVisitForm",
    "DaySheetForm",
    "GovukDateField",
    "LeadVisitorForm",
    "MessageVisitForm",
    "NAME_MAX_LENGTH",
    "OLDEST_AGE",
    "PHONE_PATTERN",
    "PRISON_NAME_PREFIXES",
    "PrisonChoiceForm",
    "PrisonUnavailableForm",
    "PrisonerForm",
    "ProcessVisitForm",
    "REJECT",
    "SlotChoiceForm",
    "VisitLookupForm",
    "VisitorForm",
    "VisitorRulesForm",
    "date_of_birth_check",
    "lead_postal_address",
    "prison_name_key",
    "slot_keys",
]
