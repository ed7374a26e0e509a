"""Choices, limits and the status map of a lasting power of attorney (LPA).

Values follow the domain notes (../shared/domain/lasting_power.md sections 1 and 2): the
two types, the decision values, the name and text limits. The status map has two
states: an LPA is being made until it is completed, which locks it. "Started" and
"created" are not statuses but facts worked out from the answers
(``selectors.lpa_progress``), so they can never disagree with them.
"""

from django.db import models


class LpaType(models.TextChoices):
    PROPERTY_FINANCE = "property-and-financial", "Property and financial affairs"
    HEALTH_WELFARE = "health-and-welfare", "Health and welfare"


class LpaStatus(models.TextChoices):
    IN_PROGRESS = "in-progress", "In progress"
    COMPLETED = "completed", "Completed"


LPA_TRANSITIONS = {
    LpaStatus.IN_PROGRESS: (LpaStatus.COMPLETED,),
    LpaStatus.COMPLETED: (),
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
    (JOINTLY_AND_SEVERALLY, "Jointly and severally"),
    (JOINTLY, "Jointly"),
    (DEPENDS, "Jointly for some decisions, and jointly and severally for other decisions"),
]

# When replacements step in [DM Decisions/ReplacementAttorneyDecisions.php].
STEP_IN_FIRST = "first"
STEP_IN_LAST = "last"
STEP_IN_CHOICES = [
    (STEP_IN_FIRST, "As soon as one of the original attorneys can no longer act"),
    (STEP_IN_LAST, "Only when none of the original attorneys can act"),
    (DEPENDS, "In some other way"),
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
