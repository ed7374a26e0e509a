"""Choices, limits and the status map of a lasting power of attorney (LPA).

Values follow the domain notes (../shared/domain/lasting_power.md sections 1 and 2): the
two types, the decision values, the name and text limits. An LPA is being made until it
is completed, which locks it. "Started" and "created" are not statuses but facts worked
out from the answers (``selectors.lpa_progress``), so they can never disagree with them.
After completion the Office of the Public Guardian receives and checks it (perfect or
imperfect), gives notice, waits the statutory period and registers it, or it ends with a
reason (sections 4 and 5; ``registration``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LpaType(models.TextChoices):
    PROPERTY_FINANCE = "property-and-financial", _("Property and financial affairs")
    HEALTH_WELFARE = "health-and-welfare", _("Health and welfare")


class LpaStatus(models.TextChoices):
    IN_PROGRESS = "in-progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    # Registration at the Office of the Public Guardian (domain notes sections 4 and 5).
    RECEIVED = "received", _("Received")
    IMPERFECT = "imperfect", _("Imperfect")
    PERFECT = "perfect", _("Perfect")
    WAITING_PERIOD = "statutory-waiting-period", _("In the statutory waiting period")
    READY = "ready-to-register", _("Ready to register")
    REGISTERED = "registered", _("Registered")
    CANNOT_REGISTER = "cannot-register", _("Cannot register")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CANCELLED = "cancelled", _("Cancelled")
    REVOKED = "revoked", _("Revoked")
    SUSPENDED = "suspended", _("Suspended")


#: The LPA's progress in words, as the applicant sees it (``selectors.lpa_progress``: the
#: notes' Started and Created, then the stages of ``tracking``), by its English key.
PROGRESS_LABELS = {
    "Started": _("Started"),
    "Created": _("Created"),
    "Completed": _("Completed"),
    "Waiting": _("Waiting"),
    "Received": _("Received"),
    "Checking": _("Checking"),
    "Processed": _("Processed"),
}

#: Before it is registered, an LPA OPG holds can be refused or withdrawn by the donor.
_UNTIL_REGISTERED = (LpaStatus.CANNOT_REGISTER, LpaStatus.WITHDRAWN)

LPA_TRANSITIONS = {
    LpaStatus.IN_PROGRESS: (LpaStatus.COMPLETED,),
    LpaStatus.COMPLETED: (LpaStatus.RECEIVED,),
    LpaStatus.RECEIVED: (LpaStatus.PERFECT, LpaStatus.IMPERFECT, *_UNTIL_REGISTERED),
    # Corrected pages are checked again: now perfect, or still imperfect (a new letter;
    # registration._still_imperfect, which is not a move).
    LpaStatus.IMPERFECT: (LpaStatus.PERFECT, *_UNTIL_REGISTERED),
    LpaStatus.PERFECT: (LpaStatus.WAITING_PERIOD, *_UNTIL_REGISTERED),
    LpaStatus.WAITING_PERIOD: (LpaStatus.READY, *_UNTIL_REGISTERED),
    LpaStatus.READY: (LpaStatus.REGISTERED, *_UNTIL_REGISTERED),
    LpaStatus.REGISTERED: (LpaStatus.CANCELLED, LpaStatus.REVOKED, LpaStatus.SUSPENDED),
    # A suspension is lifted (registered again) or ends the LPA.
    LpaStatus.SUSPENDED: (LpaStatus.REGISTERED, LpaStatus.CANCELLED, LpaStatus.REVOKED),
    LpaStatus.CANNOT_REGISTER: (),
    LpaStatus.WITHDRAWN: (),
    LpaStatus.CANCELLED: (),
    LpaStatus.REVOKED: (),
}

#: The statuses a caseworker sets with a reason (the "change status" action).
REASON_STATUSES = (
    LpaStatus.CANNOT_REGISTER,
    LpaStatus.WITHDRAWN,
    LpaStatus.CANCELLED,
    LpaStatus.REVOKED,
    LpaStatus.SUSPENDED,
)
#: Where an objection can be recorded: OPG has (or is about to have) it, not registered yet.
OBJECTION_STATUSES = (
    LpaStatus.COMPLETED,
    LpaStatus.RECEIVED,
    LpaStatus.IMPERFECT,
    LpaStatus.PERFECT,
    LpaStatus.WAITING_PERIOD,
    LpaStatus.READY,
)

#: The statutory waiting period: 4 weeks beginning with the day the last notice was given
#: (6 weeks before 1 April 2013), so it can be registered from the 29th day on.
WAITING_PERIOD_DAYS = 28
#: "Expect it back by": the day it was processed plus this many working days [F
#: StatusViewDataBuilder, config expected-working-days-before-receipt].
RETURN_WORKING_DAYS = 15


class ObjectionType(models.TextChoices):
    FACTUAL = "factual", "Factual"
    PRESCRIBED = "prescribed", "Prescribed"
    THIRD_PARTY = "thirdParty", "Third party"


class ObjectionOutcome(models.TextChoices):
    """An objection's result for one of the LPAs it is about [S objections]."""

    OPEN = "open", "Open"
    UPHELD = "upheld", "Upheld"
    NOT_UPHELD = "notUpheld", "Not upheld"


OBJECTION_TRANSITIONS = {
    ObjectionOutcome.OPEN: (ObjectionOutcome.UPHELD, ObjectionOutcome.NOT_UPHELD),
    ObjectionOutcome.UPHELD: (),
    ObjectionOutcome.NOT_UPHELD: (),
}


class PaymentMethod(models.TextChoices):
    CARD = "card", "Card"
    CHEQUE = "cheque", "Cheque"


# How attorneys (or replacements) make decisions [DM Decisions/AbstractDecisions.php].
JOINTLY_AND_SEVERALLY = "jointly-attorney-severally"
JOINTLY = "jointly"
DEPENDS = "depends"
SINGLE_ATTORNEY = "single-attorney"
HOW_DECIDE_CHOICES = [
    (JOINTLY_AND_SEVERALLY, _("Jointly and severally")),
    (JOINTLY, _("Jointly")),
    (DEPENDS, _("Jointly for some decisions, and jointly and severally for other decisions")),
]

# When replacements step in [DM Decisions/ReplacementAttorneyDecisions.php].
STEP_IN_FIRST = "first"
STEP_IN_LAST = "last"
STEP_IN_CHOICES = [
    (STEP_IN_FIRST, _("As soon as one of the original attorneys can no longer act")),
    (STEP_IN_LAST, _("Only when none of the original attorneys can act")),
    (DEPENDS, _("In some other way")),
]

# When a property and financial affairs LPA can be used.
WHEN_NOW = "now"
WHEN_NO_CAPACITY = "no-capacity"

# Who is registering, and who the correspondent is.
REGISTERING_DONOR = "donor"
REGISTERING_ATTORNEYS = "attorneys"
CORRESPONDENT_DONOR = "donor"
CORRESPONDENT_ATTORNEY = "attorney"
CORRESPONDENT_CERTIFICATE_PROVIDER = "certificateProvider"
CORRESPONDENT_OTHER = "other"

# Limits [DM Common/Name.php, LongName.php, Address.php, Document.php, TrustCorporation.php].
LONG_FIRST_NAME_MAX = 53  # donor and correspondent
LONG_LAST_NAME_MAX = 61
FIRST_NAME_MAX = 50  # attorneys, certificate provider, people to notify
LAST_NAME_MAX = 50
TITLE_MAX = 5
OTHER_NAMES_MAX = 50
ADDRESS_LINE_MAX = 50
POSTCODE_MAX = 8
COMPANY_MAX = 75
FREE_TEXT_MAX = 10_000
WORD_MAX = 85
DETAILS_MAX = 1_024_000
CASE_NUMBER_DIGITS = 12
PEOPLE_TO_NOTIFY_MAX = 5
AGE_ADULT = 18
AGE_WARN_OVER = 100

# Journey keys: one journey per type (the steps differ).
JOURNEY_SLUGS = {
    LpaType.PROPERTY_FINANCE: "property-and-financial",
    LpaType.HEALTH_WELFARE: "health-and-welfare",
}
SERVICE_SLUG = "lasting-power"
PAYMENT_PURPOSE = "lpa-application-fee"

# The old tool's inactive-account timetable [A AccountCleanup/Service.php]: warned at 8
# months and at 8 months 3 weeks without signing in, deleted at 9 months.
INACTIVE_WARNING_DAYS = 243
INACTIVE_FINAL_WARNING_DAYS = 243 + 21
INACTIVE_DELETE_DAYS = 274


class FeeDecisionStatus(models.TextChoices):
    """A caseworker's decision on a fee reduction or exemption [notes section 1, [M] fee
    types; S payments]: asked for (with the LPA's evidence), approved, declined, or more
    evidence asked for (then approved or declined once it arrives)."""

    PENDING = "pending", "Waiting for a decision"
    MORE_EVIDENCE = "more-evidence", "More evidence asked for"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"


FEE_DECISION_TRANSITIONS = {
    FeeDecisionStatus.PENDING: (
        FeeDecisionStatus.APPROVED,
        FeeDecisionStatus.DECLINED,
        FeeDecisionStatus.MORE_EVIDENCE,
    ),
    FeeDecisionStatus.MORE_EVIDENCE: (FeeDecisionStatus.APPROVED, FeeDecisionStatus.DECLINED),
    FeeDecisionStatus.APPROVED: (),
    FeeDecisionStatus.DECLINED: (),
}

#: Where a fee decision can be made: OPG has the LPA (and the evidence sent with it).
FEE_DECISION_LPA_STATUSES = (
    LpaStatus.RECEIVED,
    LpaStatus.IMPERFECT,
    LpaStatus.PERFECT,
    LpaStatus.WAITING_PERIOD,
    LpaStatus.READY,
    LpaStatus.REGISTERED,
    LpaStatus.SUSPENDED,
)

#: Where an attorney can be removed (and a replacement step in): OPG holds the LPA and it
#: has not ended (cannot register, withdrawn, cancelled, revoked).
ATTORNEY_REMOVAL_LPA_STATUSES = FEE_DECISION_LPA_STATUSES

#: Attorneys named on an LPA in these statuses may link it to their account and see it.
ATTORNEY_ACCESS_LPA_STATUSES = (LpaStatus.REGISTERED, LpaStatus.SUSPENDED)

#: The work queues' overdue dates, in days: a received LPA not checked within this many
#: days of arriving; an imperfect one with no corrections this many days after the letter;
#: an objection open this long. These are this service's own targets (the domain notes
#: give none; the old tool's "up to 8 weeks" is for the whole registration).
QUEUE_OVERDUE_DAYS = {"received": 10, "imperfect": 28, "objections": 28}
