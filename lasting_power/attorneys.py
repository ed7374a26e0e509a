"""Attorneys after OPG has an LPA: who acts, removing one with a reason (a replacement may
step in) [S remove an attorney; [M] attorney status active, inactive or removed], and the
access codes that let an attorney named on a registered LPA link it to their account
[issue #18 "Access for attorneys"; the shape of ADR 0016].

People are named by role and key, as ``details.Person`` gives them: "attorney:1",
"replacement:2", "attorney:trust". Who acts is worked out from the answers and the
``AttorneyRemoval`` rows, never stored twice.

Access codes: one per attorney and replacement, posted when the LPA is registered; only a
keyed hash is kept (the platform's ``core.references.access_code_hash``, as for money
claims' defendants); a new code for the same person revokes the old; a code is used once, by a
signed-in account, and the look-up is rate limited by the view.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override
from django.utils.translation import gettext_lazy as _

from digital_services.audit.services import audit_record
from digital_services.core.dates import date_format
from digital_services.core.references import access_code_hash, reference_candidates, reference_new
from digital_services.core.transitions import TransitionNotAllowed
from digital_services.notifications.constants import Channel
from digital_services.notifications.services import InvalidRecipient, notification_send

from .constants import (
    ATTORNEY_ACCESS_LPA_STATUSES,
    ATTORNEY_REMOVAL_LPA_STATUSES,
    SERVICE_SLUG,
    LpaStatus,
)
from .correspondence import TEMPLATE_ATTORNEY_ACCESS
from .details import LpaDetails, Person
from .models import AttorneyAccess, AttorneyRemoval, Lpa

#: An access code: 11 random characters of the references' alphabet and a check character.
ACCESS_CODE_LENGTH = 12

ACTING = "acting"
REMOVED = "removed"
NOT_ACTING = "not-acting"  # a replacement who has not stepped in
STANDING_LABELS = {
    ACTING: _("Acting"),
    REMOVED: _("Removed"),
    NOT_ACTING: _("Replacement, not acting"),
}


class AttorneyChangeRefused(ValueError):
    """The removal cannot be made as given; ``errors`` (field -> messages) goes on the
    caseworker's form."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.errors = {field: [message]}


def person_id(person: Person) -> str:
    return f"{person.role}:{person.key}"


@dataclass(frozen=True)
class Standing:
    """One attorney or replacement on the LPA and whether they act now."""

    person: Person
    id: str
    standing: str
    reason: str = ""

    @property
    def label(self) -> str:
        return STANDING_LABELS[self.standing]

    @property
    def role_label(self) -> str:
        return (
            gettext("Attorney")
            if self.person.role == "attorney"
            else gettext("Replacement attorney")
        )


def lpa_attorneys_standing(lpa: Lpa, details: LpaDetails | None = None) -> list[Standing]:
    """Every attorney, then every replacement, with whether they act: an attorney acts
    until removed; a replacement acts once they stepped in for a removed attorney."""
    from .selectors import lpa_details

    details = details or lpa_details(lpa)
    removals = list(AttorneyRemoval.objects.filter(lpa=lpa))
    removed = {r.person: r.reason for r in removals}
    stepped_in = {r.replacement for r in removals if r.replacement}
    rows = []
    for person in (*details.attorneys, *details.replacements):
        pid = person_id(person)
        if pid in removed:
            rows.append(Standing(person, pid, REMOVED, removed[pid]))
        elif person.role == "attorney" or pid in stepped_in:
            rows.append(Standing(person, pid, ACTING))
        else:
            rows.append(Standing(person, pid, NOT_ACTING))
    return rows


def attorney_removal_allowed(lpa: Lpa) -> bool:
    return lpa.status in ATTORNEY_REMOVAL_LPA_STATUSES


def attorney_remove(
    *, lpa: Lpa, person: str, reason: str, replacement: str = "", actor=None, request=None
) -> AttorneyRemoval:
    """Remove an acting attorney with a reason; ``replacement`` (a replacement who is not
    acting yet) steps in. The removed person's access codes and link are revoked.

    Raises ``TransitionNotAllowed`` unless OPG holds the LPA and it has not ended, and
    ``AttorneyChangeRefused`` without a reason, for someone not acting, a replacement
    who cannot step in, or when nobody would be left to act.
    """
    reason = (reason or "").strip()
    if not reason:
        raise AttorneyChangeRefused("Enter the reason", field="reason")
    with transaction.atomic():
        lpa = Lpa.objects.select_for_update().get(pk=lpa.pk)
        if not attorney_removal_allowed(lpa):
            raise TransitionNotAllowed(
                f"LPA {lpa.reference_display} is {lpa.get_status_display().lower()}: "
                "an attorney cannot be removed from it",
                source=lpa.status,
            )
        standing = {row.id: row for row in lpa_attorneys_standing(lpa)}
        if person not in standing or standing[person].standing != ACTING:
            raise AttorneyChangeRefused("Choose an attorney who is acting", field="person")
        if replacement and (
            replacement not in standing or standing[replacement].standing != NOT_ACTING
        ):
            raise AttorneyChangeRefused(
                "Choose a replacement attorney who is not acting yet", field="replacement"
            )
        still_acting = [row for row in standing.values() if row.standing == ACTING]
        if len(still_acting) == 1 and not replacement:
            raise AttorneyChangeRefused(
                "This is the last attorney acting: choose a replacement to step in, or "
                "change the LPA's status",
                field="replacement",
            )
        now = timezone.now()
        removal = AttorneyRemoval.objects.create(
            lpa=lpa,
            person=person,
            reason=reason,
            replacement=replacement,
            removed_at=now,
            removed_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        AttorneyAccess.objects.filter(lpa=lpa, person=person, revoked_at__isnull=True).update(
            revoked_at=now
        )
        audit_record(
            action="lpa.attorney_removed",
            obj=lpa,
            actor=actor,
            request=request,
            service=SERVICE_SLUG,
            detail={"person": person, "replacement": replacement, "reason": reason},
        )
        Lpa.objects.filter(pk=lpa.pk).update(updated_at=now)
    return removal


# Access codes ------------------------------------------------------------------------


def _code_new() -> str:
    return reference_new(length=ACCESS_CODE_LENGTH)


def attorney_access_issue(*, lpa: Lpa, person: str) -> str:
    """A new access code for one attorney (inside the caller's transaction): the live ones
    are revoked; returns the code, which is printed once on the letter and never stored."""
    AttorneyAccess.objects.filter(
        lpa=lpa, person=person, used_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
    code = _code_new()
    AttorneyAccess.objects.create(lpa=lpa, person=person, code_hash=access_code_hash(code))
    return code


def _link_url() -> str:
    return f"{settings.SITE_URL}{reverse('lasting_power:attorney-link')}"


def _access_letter(lpa: Lpa, details: LpaDetails, row: Standing) -> bool:
    """A new code for one attorney and the letter that carries it; False (nothing sent,
    and the code not kept) when their address cannot be printed."""
    person = row.person
    # The letter's language, and what goes into it, as the LPA's letters are.
    language = "cy" if details.correspondent_in_welsh else "en"
    with transaction.atomic(), override(language):
        code = attorney_access_issue(lpa=lpa, person=row.id)
        try:
            notification_send(
                template=TEMPLATE_ATTORNEY_ACCESS,
                to=[person.name, *person.address.lines],
                channel=Channel.LETTER,
                language=language,
                personalisation={
                    "lpa_type": details.type_label.lower(),
                    "donor": details.donor.full_name if details.donor else "",
                    "registered_on": date_format(lpa.registered_on),
                    "role": gettext("an attorney")
                    if person.role == "attorney"
                    else gettext("a replacement attorney"),
                    "reference": lpa.reference_display,
                    "access_code": code,
                    "link_url": _link_url(),
                },
                about=lpa,
                service="lasting_power",
                reference=lpa.reference_display,
            )
        except InvalidRecipient:
            transaction.set_rollback(True)
            return False
    return True


def attorney_access_letters_send(*, lpa: Lpa) -> tuple[int, list[str]]:
    """A letter with a new access code to each attorney and replacement still named on the
    registered LPA (not removed). Returns (letters queued, names whose address could not be
    printed). Inside the caller's transaction; the letters go after the commit."""
    from .selectors import lpa_details

    details = lpa_details(lpa)
    sent, unsent = 0, []
    for row in lpa_attorneys_standing(lpa, details):
        if row.standing == REMOVED:
            continue
        if _access_letter(lpa, details, row):
            sent += 1
        else:
            unsent.append(row.person.full_name)
    return sent, unsent


def attorney_access_resend(*, lpa: Lpa, person: str, actor=None, request=None) -> None:
    """Post one attorney a new access code (a lost letter, a used code): the old one stops
    working. Raises ``TransitionNotAllowed`` unless the LPA is registered (or suspended)
    and ``AttorneyChangeRefused`` for someone removed, not on the LPA, or whose address
    cannot be printed."""
    from .selectors import lpa_details

    with transaction.atomic():
        lpa = Lpa.objects.select_for_update().get(pk=lpa.pk)
        if lpa.status not in ATTORNEY_ACCESS_LPA_STATUSES:
            raise TransitionNotAllowed(
                f"LPA {lpa.reference_display} is {lpa.get_status_display().lower()}: "
                "attorneys get access codes only once it is registered",
                source=lpa.status,
            )
        details = lpa_details(lpa)
        row = next((r for r in lpa_attorneys_standing(lpa, details) if r.id == person), None)
        if row is None or row.standing == REMOVED:
            raise AttorneyChangeRefused("Choose an attorney named on the LPA", field="person")
        if not _access_letter(lpa, details, row):
            raise AttorneyChangeRefused(
                "Their address on the LPA cannot be printed on a letter", field="person"
            )
        audit_record(
            action="lpa.attorney_code_sent",
            obj=lpa,
            actor=actor,
            request=request,
            service=SERVICE_SLUG,
            detail={"person": person},
        )


def _lpa_by_reference(text: str) -> Lpa | None:
    candidates = set()
    for plain in reference_candidates(text or ""):
        if plain:
            candidates |= {plain, f"A{plain}"}
    return Lpa.objects.filter(reference__in=candidates).first() if candidates else None


def attorney_lpa_link(*, reference: str, code: str, user, request=None) -> AttorneyAccess | None:
    """Link a registered LPA to the signed-in attorney's account with the LPA reference
    and the code from their letter: the code is used (once) and the account recorded.
    Anything else (unknown reference, wrong, used or revoked code, an LPA no longer
    registered, a removed attorney) gives None, the same for every case."""
    lpa = _lpa_by_reference(reference)
    if lpa is None or not code:
        return None
    with transaction.atomic():
        access = (
            AttorneyAccess.objects.select_for_update()
            .filter(
                lpa=lpa,
                code_hash=access_code_hash(code),
                used_at__isnull=True,
                revoked_at__isnull=True,
                lpa__status__in=ATTORNEY_ACCESS_LPA_STATUSES,
            )
            .first()
        )
        if access is None:
            return None
        if AttorneyRemoval.objects.filter(lpa=lpa, person=access.person).exists():
            return None
        access.used_at = timezone.now()
        access.user = user
        access.save(update_fields=["used_at", "user"])
        audit_record(
            action="lpa.attorney_linked",
            obj=lpa,
            actor=user,
            request=request,
            service=SERVICE_SLUG,
            detail={"person": access.person},
        )
    return access


def attorney_links_for_user(user):
    """The LPAs this account linked as an attorney (a revoked link is gone)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return AttorneyAccess.objects.none()
    return (
        AttorneyAccess.objects.filter(user=user, used_at__isnull=False, revoked_at__isnull=True)
        .select_related("lpa")
        .order_by("-used_at")
    )


def attorney_link_for_viewer(*, lpa_id: int, user) -> AttorneyAccess | None:
    """The account's link to this LPA, or None: an attorney sees only what they linked."""
    return attorney_links_for_user(user).filter(lpa_id=lpa_id).first()


def attorney_may_download(lpa: Lpa) -> bool:
    """The registered copy is offered while the LPA is registered (not suspended or ended)."""
    return lpa.status == LpaStatus.REGISTERED
