"""The tenant's side of a possession claim: the response, a counterclaim and general
applications, each with its own status and allowed moves (PCS sub-states, domain notes
section 4): a response CREATED → SUBMITTED; a counterclaim PENDING_COUNTER_CLAIM_ISSUED
(waiting for its fee) → PENDING_REVIEW (paid, or sent with Help with Fees) →
COUNTER_CLAIM_ISSUED, or returned with a reason; a general application
PENDING_GEN_APP_ISSUED (waiting for its fee) → GEN_APP_ISSUED (free, paid or with Help
with Fees: for a caseworker) → granted, refused, or listed for a judge to decide at a
hearing.
Every move goes through ``core.transitions.transition_apply``.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class YesNoNotSure(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_SURE = "not_sure", _("I’m not sure")


class UniversalCredit(models.TextChoices):
    YES = "yes", _("Yes")
    APPLIED = "applied", _("I have applied")
    NO = "no", _("No")


class AdviceAnswer(models.TextChoices):
    YES = "yes", _("Yes")
    NOT_YET = "not_yet", _("Not yet, but I will get advice")
    NO = "no", _("No")


class InstalmentFrequency(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    FORTNIGHTLY = "fortnightly", _("Every 2 weeks")
    MONTHLY = "monthly", _("Every month")


class CounterclaimKind(models.TextChoices):
    MONEY = "money", _("Money (for example, for disrepair)")
    OTHER = "other", _("Something else (for example, an order to do repairs)")
    BOTH = "both", _("Both")


class ResponseStatus(models.TextChoices):
    CREATED = "created", _("Being made")
    SUBMITTED = "submitted", _("Sent")


class CounterclaimStatus(models.TextChoices):
    PENDING_ISSUE = "pending_issue", _("Waiting for the fee")
    PENDING_REVIEW = "pending_review", _("For a caseworker to review")
    ISSUED = "issued", _("Counterclaim issued")
    RETURNED = "returned", _("Returned to you")


class ApplicationKind(models.TextChoices):
    ADJOURN = "adjourn", _("Adjourn (put off) the hearing")
    SET_ASIDE = "set_aside", _("Set aside (cancel) a decision or order")
    OTHER = "other", _("Something else")


class ApplicationStatus(models.TextChoices):
    PENDING_ISSUE = "pending_issue", _("Waiting for the fee")
    ISSUED = "issued", _("Received: for a caseworker")
    LISTED = "listed", _("To be decided at a hearing")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")


class ApplicationDecision(models.TextChoices):
    """A caseworker's decision on a general application (staff pages: English)."""

    GRANT = "grant", "Grant it"
    REFUSE = "refuse", "Refuse it"
    LIST = "list", "List it for a hearing (a judge decides)"


RESPONSE_TRANSITIONS: dict[str, tuple[str, ...]] = {
    ResponseStatus.CREATED: (ResponseStatus.SUBMITTED,),
    ResponseStatus.SUBMITTED: (),
}
COUNTERCLAIM_TRANSITIONS: dict[str, tuple[str, ...]] = {
    CounterclaimStatus.PENDING_ISSUE: (CounterclaimStatus.PENDING_REVIEW,),
    # A caseworker checks the fee and issues it, or returns it with a reason; part or no
    # remission, or an invalid Help with Fees reference, sends it back for the fee.
    CounterclaimStatus.PENDING_REVIEW: (
        CounterclaimStatus.ISSUED,
        CounterclaimStatus.RETURNED,
        CounterclaimStatus.PENDING_ISSUE,
    ),
    CounterclaimStatus.ISSUED: (),
    CounterclaimStatus.RETURNED: (),
}
APPLICATION_TRANSITIONS: dict[str, tuple[str, ...]] = {
    ApplicationStatus.PENDING_ISSUE: (ApplicationStatus.ISSUED,),
    # A caseworker grants or refuses it, or lists it for a judge to decide at a hearing.
    ApplicationStatus.ISSUED: (
        ApplicationStatus.GRANTED,
        ApplicationStatus.REFUSED,
        ApplicationStatus.LISTED,
    ),
    ApplicationStatus.LISTED: (ApplicationStatus.GRANTED, ApplicationStatus.REFUSED),
    ApplicationStatus.GRANTED: (),
    ApplicationStatus.REFUSED: (),
}

#: The claim has ended, or was never issued: nothing more can be sent on it by the tenant.
TENANT_CLOSED_STATUSES = ("closed_not_issued", "dismissed", "warrant_issued")
#: Adjourning a hearing is free when it is asked for at least this many days before it.
ADJOURN_FREE_DAYS_BEFORE = 14
APPLICATION_TEXT_MAX_LENGTH = 6_800
DECISION_REASON_MAX_LENGTH = 2_000
#: A general application is due a decision this many working days after it arrived (our
#: service level: the notes give none), or by the working day before the hearing it
#: asks to adjourn, whichever is sooner.
APPLICATION_DECIDE_WORKING_DAYS = 10
PAYMENT_PURPOSE_POSSESSION_COUNTERCLAIM_FEE = "civil-claims-possession-counterclaim-fee"
PAYMENT_PURPOSE_POSSESSION_APPLICATION_FEE = "civil-claims-possession-application-fee"
