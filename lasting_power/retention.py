"""How long Make a lasting power of attorney keeps LPAs (declared on its registry entry).

The notes' inactive-account timetable [A AccountCleanup/Service.php]: an account's owner
who has not signed in for 8 months is warned by email, warned again at 8 months and 3
weeks, and at 9 months their LPAs are deleted (with their documents). Signing in again
starts the clock again: a warning counts only if it was sent after the last sign-in. An
agent helping the citizen in an assisted-digital session counts as them signing in.

An LPA the Office of the Public Guardian has received is its record and is kept: neither
rule deletes it, and closing the account only unlinks it (``lasting_power.opg-record``).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy, override, pgettext_lazy

from digital_services.core.dates import date_format
from digital_services.privacy.retention import RetentionRule

from .constants import INACTIVE_DELETE_DAYS, INACTIVE_FINAL_WARNING_DAYS, INACTIVE_WARNING_DAYS


def _with_last_seen():
    from assisted_digital.models import AssistedSession

    from .constants import LpaStatus
    from .models import Lpa

    helped = (
        AssistedSession.objects.filter(citizen=OuterRef("user"))
        .order_by("-started_at")
        .values("started_at")[:1]
    )
    # Only what the applicant still holds: once OPG has received an LPA it is OPG's case
    # (registered, refused, ...) and the applicant not signing in does not delete it.
    return Lpa.objects.filter(status__in=(LpaStatus.IN_PROGRESS, LpaStatus.COMPLETED)).alias(
        last_seen=Greatest(
            Coalesce("user__last_login", "user__date_joined"),
            Coalesce(Subquery(helped), "user__date_joined"),
        )
    )


def _not_warned_since_sign_in(field: str) -> Q:
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__lt": F("last_seen")})


def _first_warning_due(cutoff):
    return (
        _with_last_seen()
        .filter(last_seen__lt=cutoff)
        .filter(_not_warned_since_sign_in("inactivity_warned_at"))
    )


def _final_warning_due(cutoff):
    return (
        _with_last_seen()
        .filter(last_seen__lt=cutoff, inactivity_warned_at__gte=F("last_seen"))
        .filter(_not_warned_since_sign_in("inactivity_final_warning_at"))
    )


def _delete_due(cutoff):
    return _with_last_seen().filter(
        last_seen__lt=cutoff, inactivity_final_warning_at__gte=F("last_seen")
    )


def _warn(ids, *, field: str, days_left: int) -> None:
    """One email per account (however many LPAs it has), then the LPAs are stamped."""
    from digital_services.accounts.citizens import email_is_placeholder
    from digital_services.notifications.services import notification_send

    from .models import Lpa

    now = timezone.now()
    lpas = Lpa.objects.filter(pk__in=ids).select_related("user")
    users = {lpa.user for lpa in lpas}
    welsh = {lpa.user for lpa in lpas if lpa.language == "cy"}
    for user in users:
        if user.email and not email_is_placeholder(user.email):
            # In Welsh when any of the account's LPAs was made in Welsh.
            language = "cy" if user in welsh else "en"
            with override(language):
                delete_on = date_format(timezone.localdate() + timedelta(days=days_left))
            notification_send(
                template="lasting_power.inactive_warning",
                to=user.email,
                service="lasting_power",
                language=language,
                personalisation={
                    "delete_on": delete_on,
                    "dashboard_url": f"{settings.SITE_URL}{reverse('lasting_power:dashboard')}",
                },
            )
    Lpa.objects.filter(pk__in=ids).update(**{field: now})


def _opg_records(cutoff):
    """LPAs the Office of the Public Guardian has received: its record of them is kept."""
    from .constants import LpaStatus
    from .models import Lpa

    return Lpa.objects.exclude(status__in=(LpaStatus.IN_PROGRESS, LpaStatus.COMPLETED)).filter(
        received_at__lt=cutoff
    )


def _delete(ids) -> None:
    from .models import Lpa
    from .services import lpa_delete

    for lpa in Lpa.objects.filter(pk__in=ids):
        lpa_delete(lpa=lpa, actor=None)


RETENTION = (
    RetentionRule(
        key="lasting_power.inactive-first-warning",
        model="lasting_power.Lpa",
        information=gettext_lazy(
            "Your lasting powers of attorney: a first warning before deletion"
        ),
        period_days=INACTIVE_WARNING_DAYS,
        after=pgettext_lazy("retention period starts after", "you last signed in"),
        then=gettext_lazy("we email you that your LPAs will be deleted if you do not sign in"),
        expired=_first_warning_due,
        anonymise=lambda ids: _warn(
            ids,
            field="inactivity_warned_at",
            days_left=INACTIVE_DELETE_DAYS - INACTIVE_WARNING_DAYS,
        ),
        order=20,
    ),
    RetentionRule(
        key="lasting_power.inactive-final-warning",
        model="lasting_power.Lpa",
        information=gettext_lazy("Your lasting powers of attorney: a last warning before deletion"),
        period_days=INACTIVE_FINAL_WARNING_DAYS,
        after=pgettext_lazy("retention period starts after", "you last signed in"),
        then=gettext_lazy("we email you again, a week before they are deleted"),
        expired=_final_warning_due,
        anonymise=lambda ids: _warn(
            ids,
            field="inactivity_final_warning_at",
            days_left=INACTIVE_DELETE_DAYS - INACTIVE_FINAL_WARNING_DAYS,
        ),
        order=21,
    ),
    RetentionRule(
        key="lasting_power.inactive-delete",
        model="lasting_power.Lpa",
        information=gettext_lazy("Your lasting powers of attorney and their documents"),
        period_days=INACTIVE_DELETE_DAYS,
        after=pgettext_lazy(
            "retention period starts after", "you last signed in, once you have been warned twice"
        ),
        then=gettext_lazy(
            "they are deleted, with their documents (not those the Office of the Public "
            "Guardian has received)"
        ),
        expired=_delete_due,
        anonymise=_delete,
        order=22,
    ),
    # A registered LPA is a legal record at OPG (and a refused or withdrawn one is its
    # case): neither the inactive-account deletion above nor closing the account deletes
    # it. Closing the account unlinks it (service._detach), with its documents, fee
    # decision, attorneys removed and the attorneys' access links.
    RetentionRule(
        key="lasting_power.opg-record",
        model="lasting_power.Lpa",
        information=gettext_lazy(
            "Lasting powers of attorney the Office of the Public Guardian has received"
        ),
        period_days=0,
        after=pgettext_lazy(
            "retention period starts after", "the Office of the Public Guardian received it"
        ),
        then=gettext_lazy(
            "kept as the Office of the Public Guardian's record of the LPA; closing your "
            "account unlinks it from the account but does not delete it"
        ),
        expired=_opg_records,
        keep=True,
        order=23,
    ),
)
