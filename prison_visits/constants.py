"""Names, numbers and reasons of the prison visits service (see domain notes)."""

from django.db import models

SERVICE_SLUG = "prison-visits"

#: Rules on who may visit (legacy MAX_VISITORS, MAX_ADULTS, LEAD_VISITOR_MIN_AGE).
MAX_VISITORS = 6
MAX_ADULTS = 3
LEAD_VISITOR_MIN_AGE = 18
#: "At least one visitor must be 18 or over": without one the visit must be rejected.
ADULT_SUPERVISION_AGE = 18
MAX_SLOT_CHOICES = 3
MAX_BOOKING_WINDOW_DAYS = 28
DEFAULT_LEAD_DAYS = 3

#: The reference alphabet: Crockford base32, which leaves out I, L, O and U
#: (digital_services/core/references.py makes the references).
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
#: References are 8 random characters and a check character, shown "G0Q YEQ P3X".
REFERENCE_LENGTH = 9
#: References made before the check character: 8 characters, shown "G0QY EQP3".
REFERENCE_LENGTH_LEGACY = 8
REFERENCE_MAX_LENGTH = 12
#: The scope of this service's grants (digital_services/core/grants.py): "may see this visit".
GRANT_SCOPE = "prison_visits.visit"

#: Prison number: 1 letter, 4 digits, 2 letters (A1234BC).
PRISON_NUMBER_PATTERN = r"^[A-Z][0-9]{4}[A-Z]{2}$"

#: Written over names and numbers by anonymisation (as the legacy depersonaliser did).
REMOVED = "REMOVED"

TASK_REMINDERS_SEND = "prison_visits.reminders_send"
TASK_VISITS_ANONYMISE = "prison_visits.visits_anonymise"


class PrisonAvailability(models.TextChoices):
    """Whether people can book at a prison through this service, and if not, which page says why."""

    ON_SERVICE = "on_service", "On the service"
    NOT_ON_SERVICE = "not_on_service", "Not on the service"
    PRIVATE = "private", "Run privately (books its own visits)"
    CLOSED = "closed", "Closed"


class VisitStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    BOOKED = "booked", "Booked"
    REJECTED = "rejected", "Not booked"
    WITHDRAWN = "withdrawn", "Withdrawn"
    CANCELLED = "cancelled", "Cancelled"


#: The state machine (domain notes section 3). Everything else is refused.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    VisitStatus.REQUESTED: frozenset(
        {VisitStatus.BOOKED, VisitStatus.REJECTED, VisitStatus.WITHDRAWN}
    ),
    VisitStatus.BOOKED: frozenset({VisitStatus.CANCELLED}),
    VisitStatus.REJECTED: frozenset(),
    VisitStatus.WITHDRAWN: frozenset(),
    VisitStatus.CANCELLED: frozenset(),
}


class PrisonerCheck(models.TextChoices):
    VERIFIED = "verified", "Verified against the prisoner register"
    NO_REGISTER = "no_register", "Not verified: the prison has no prisoner register loaded"


class Channel(models.TextChoices):
    DIGITAL = "digital", "Online"
    ASSISTED = "assisted", "Assisted digital"


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    WELSH = "cy", "Cymraeg"


class VisitorExclusion(models.TextChoices):
    BANNED = "banned", "Banned"
    NOT_ON_LIST = "not_on_list", "Not on the prisoner’s contact list"
    OTHER = "other", "Other reason"


class RejectionReason(models.TextChoices):
    """The 15 legacy rejection reasons (staff wording)."""

    SLOT_UNAVAILABLE = "slot_unavailable", "None of the chosen times are available"
    NO_ALLOWANCE = "no_allowance", "The prisoner has no visiting allowance left"
    NO_ADULT = "no_adult", "No visitor aged 18 or over can attend"
    VISITOR_BANNED = "visitor_banned", "A visitor is banned"
    VISITOR_NOT_ON_LIST = "visitor_not_on_list", "A visitor is not on the contact list"
    VISITOR_OTHER_REASON = "visitor_other_reason", "A visitor cannot attend for another reason"
    PRISONER_DETAILS_INCORRECT = "prisoner_details_incorrect", "The prisoner’s details are wrong"
    PRISONER_MOVED = "prisoner_moved", "The prisoner has moved prison"
    PRISONER_RELEASED = "prisoner_released", "The prisoner has been released"
    PRISONER_OUT_OF_PRISON = "prisoner_out_of_prison", "The prisoner is out of prison that day"
    PRISONER_NON_ASSOCIATION = "prisoner_non_association", "Prisoner non-association"
    PRISONER_BANNED = "prisoner_banned", "The prisoner is banned from visits"
    CHILD_PROTECTION_ISSUES = "child_protection_issues", "Child protection issues"
    DUPLICATE_VISIT_REQUEST = "duplicate_visit_request", "Duplicate visit request"
    OTHER = "other", "Other (give details for staff; not sent to the visitor)"


class CancellationReason(models.TextChoices):
    """The 10 staff cancellation reasons, and the visitor's own."""

    PRISONER_VOS = "prisoner_vos", "The prisoner has no visiting orders left"
    PRISONER_RELEASED = "prisoner_released", "The prisoner has been released"
    PRISONER_MOVED = "prisoner_moved", "The prisoner has moved prison"
    PRISONER_NON_ASSOCIATION = "prisoner_non_association", "Prisoner non-association"
    PRISONER_CANCELLED = "prisoner_cancelled", "The prisoner cancelled the visit"
    CHILD_PROTECTION_ISSUES = "child_protection_issues", "Child protection issues"
    VISITOR_BANNED = "visitor_banned", "A visitor is banned"
    SLOT_UNAVAILABLE = "slot_unavailable", "The visit time is no longer available"
    CAPACITY_ISSUES = "capacity_issues", "Capacity issues at the prison"
    BOOKED_IN_ERROR = "booked_in_error", "Booked in error"
    VISITOR_CANCELLED = "visitor_cancelled", "The visitor cancelled"


STAFF_CANCELLATION_REASONS = tuple(
    r for r in CancellationReason if r != CancellationReason.VISITOR_CANCELLED
)

#: What the visitor is told for each rejection reason, in English and Welsh.
#: "other" is staff-only and never sent; no_allowance gets the renewal date added.
REJECTION_REASON_TEXT: dict[str, tuple[str, str]] = {
    RejectionReason.SLOT_UNAVAILABLE: (
        "none of the times you chose are available",
        "nid oes unrhyw un o’r amseroedd a ddewiswyd gennych ar gael",
    ),
    RejectionReason.NO_ALLOWANCE: (
        "the prisoner has no visiting allowance left for the dates you chose",
        "nid oes gan y carcharor unrhyw lwfans ymweld ar ôl ar gyfer y dyddiadau a ddewiswyd gennych",
    ),
    RejectionReason.NO_ADULT: (
        "there must be at least one visitor aged 18 or over who can attend",
        "rhaid i o leiaf un ymwelydd 18 oed neu’n hŷn allu dod",
    ),
    RejectionReason.VISITOR_BANNED: (
        "a visitor is banned from visiting the prison",
        "mae ymwelydd wedi’i wahardd rhag ymweld â’r carchar",
    ),
    RejectionReason.VISITOR_NOT_ON_LIST: (
        "a visitor is not on the prisoner’s contact list",
        "nid yw ymwelydd ar restr gysylltiadau’r carcharor",
    ),
    RejectionReason.VISITOR_OTHER_REASON: (
        "a visitor cannot attend",
        "ni all ymwelydd ddod",
    ),
    RejectionReason.PRISONER_DETAILS_INCORRECT: (
        "the prisoner’s details you gave do not match our records",
        "nid yw manylion y carcharor a roesoch yn cyfateb i’n cofnodion",
    ),
    RejectionReason.PRISONER_MOVED: (
        "the prisoner has moved to another prison",
        "mae’r carcharor wedi symud i garchar arall",
    ),
    RejectionReason.PRISONER_RELEASED: (
        "the prisoner has been released",
        "mae’r carcharor wedi cael ei ryddhau",
    ),
    RejectionReason.PRISONER_OUT_OF_PRISON: (
        "the prisoner will be out of the prison at the times you chose",
        "bydd y carcharor allan o’r carchar ar yr amseroedd a ddewiswyd gennych",
    ),
    RejectionReason.PRISONER_NON_ASSOCIATION: (
        "the prisoner cannot have visits at the times you chose",
        "ni all y carcharor gael ymweliadau ar yr amseroedd a ddewiswyd gennych",
    ),
    RejectionReason.PRISONER_BANNED: (
        "the prisoner is not allowed visits at the moment",
        "nid yw’r carcharor yn cael ymweliadau ar hyn o bryd",
    ),
    RejectionReason.CHILD_PROTECTION_ISSUES: (
        "of restrictions on visits involving children",
        "cyfyngiadau ar ymweliadau sy’n cynnwys plant",
    ),
    RejectionReason.DUPLICATE_VISIT_REQUEST: (
        "you have already asked for a visit at this time",
        "rydych eisoes wedi gofyn am ymweliad ar yr adeg hon",
    ),
}

CANCELLATION_REASON_TEXT: dict[str, tuple[str, str]] = {
    CancellationReason.PRISONER_VOS: (
        "the prisoner has no visiting allowance left",
        "nid oes gan y carcharor unrhyw lwfans ymweld ar ôl",
    ),
    CancellationReason.PRISONER_RELEASED: (
        "the prisoner has been released",
        "mae’r carcharor wedi cael ei ryddhau",
    ),
    CancellationReason.PRISONER_MOVED: (
        "the prisoner has moved to another prison",
        "mae’r carcharor wedi symud i garchar arall",
    ),
    CancellationReason.PRISONER_NON_ASSOCIATION: (
        "the prisoner cannot have visits at this time",
        "ni all y carcharor gael ymweliadau ar yr adeg hon",
    ),
    CancellationReason.PRISONER_CANCELLED: (
        "the prisoner cancelled the visit",
        "canslodd y carcharor yr ymweliad",
    ),
    CancellationReason.CHILD_PROTECTION_ISSUES: (
        "of restrictions on visits involving children",
        "cyfyngiadau ar ymweliadau sy’n cynnwys plant",
    ),
    CancellationReason.VISITOR_BANNED: (
        "a visitor is banned from visiting the prison",
        "mae ymwelydd wedi’i wahardd rhag ymweld â’r carchar",
    ),
    CancellationReason.SLOT_UNAVAILABLE: (
        "the visit time is no longer available",
        "nid yw amser yr ymweliad ar gael mwyach",
    ),
    CancellationReason.CAPACITY_ISSUES: (
        "the prison cannot hold as many visits as planned",
        "ni all y carchar gynnal cymaint o ymweliadau â’r disgwyl",
    ),
    CancellationReason.BOOKED_IN_ERROR: (
        "the visit was booked by mistake",
        "cafodd yr ymweliad ei archebu trwy gamgymeriad",
    ),
    CancellationReason.VISITOR_CANCELLED: (
        "you cancelled the visit",
        "gwnaethoch ganslo’r ymweliad",
    ),
}

#: What the visitor is told about an excluded visitor, in English and Welsh.
EXCLUSION_TEXT: dict[str, tuple[str, str]] = {
    VisitorExclusion.BANNED: ("is banned from visiting", "wedi’i wahardd rhag ymweld"),
    VisitorExclusion.NOT_ON_LIST: (
        "is not on the prisoner’s contact list",
        "nid yw ar restr gysylltiadau’r carcharor",
    ),
    VisitorExclusion.OTHER: ("cannot attend this visit", "ni all ddod i’r ymweliad hwn"),
}
