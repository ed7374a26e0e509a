"""Reads of LPAs, already narrowed to what the viewer may see.

``lpa_details(lpa)`` is the typed reading of an LPA's answers that pages and the
generated documents use (lasting_power.details).
"""

from __future__ import annotations

from dataclasses import replace

from django.db.models import Q, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.memo import BoundedMemo
from digital_services.core.queries import CompiledQuery
from digital_services.core.references import reference_plain

from .details import LpaDetails, details_from_answers
from .journeys import lpa_flow
from .journeys.flow import flow_fact, flow_key, lpa_is_created
from .models import Lpa

DASHBOARD_PAGE_SIZE = 50
SEARCH_MIN_NAME = 3


#: An LPA's details by what its flow is worked out from (``flow_key``: its type, answers, read
#: warnings and the date). Each is a few kB; 512 LPAs at most, then it starts again.
_DETAILS = BoundedMemo(512)


def lpa_details(lpa: Lpa) -> LpaDetails:
    """The LPA's valid answers as people and decisions (see details.LpaDetails).

    Worked out once in this process for the same answers on the same day: revalidating every
    answer was half the CPU of the LPA's case page, which a caseworker opens again after each
    thing they record, and of the applicant's check and pay pages (docs/performance.md). The
    reference is put in afterwards, and each caller gets lists of its own."""
    details = _DETAILS.get_or_set(
        flow_key(lpa),
        lambda: details_from_answers(
            reference="", lpa_type=lpa.lpa_type, answers=lpa_flow(lpa).evaluation.answers
        ),
    )
    return replace(
        details,
        reference=lpa.reference_display,
        attorneys=list(details.attorneys),
        replacements=list(details.replacements),
        people_to_notify=list(details.people_to_notify),
        registering_attorneys=list(details.registering_attorneys),
    )


def lpas_for_user(*, user, search: str = "") -> QuerySet[Lpa]:
    """The account's LPAs, newest change first; ``search`` matches a reference (with or
    without spaces) or 3 or more characters of the donor's name."""
    queryset = Lpa.objects.filter(user=user)
    search = " ".join((search or "").split())
    if search:
        plain = reference_plain(search).upper()
        condition = Q(reference__iexact=plain) | Q(reference__iexact=f"A{plain}")
        if len(search) >= SEARCH_MIN_NAME:
            condition |= Q(donor_name__icontains=search)
        queryset = queryset.filter(condition)
    return queryset


def _owned_lpa(*, pk: int, user_id: int):
    return Lpa.objects.filter(pk=pk, user_id=user_id)


#: Every page of an LPA reads it first: its SQL (the LPA's 40-odd columns) compiled once per
#: process (``CompiledQuery``).
_OWNED_LPA = CompiledQuery(_owned_lpa)


def lpa_for_owner(*, user, pk: int) -> Lpa | None:
    """The LPA if it is this account's, else None (views answer 404 either way)."""
    if user is None or not user.is_authenticated:
        return None
    found = _OWNED_LPA.rows(pk=int(pk), user_id=user.pk)
    return found[0] if found else None


# "Use the details of": myself, or anyone on my earlier LPAs --------------------------

MYSELF = "me"
PEOPLE_STEPS = {
    "donor": _("donor"),
    "attorneys": _("attorney"),
    "replacements": _("replacement attorney"),
    "certificate-provider": _("certificate provider"),
    "people-to-notify": _("person to notify"),
}


def _stored_people(lpa: Lpa):
    """(step, number, stored answer) for every person on an LPA, as they were typed."""
    for step in PEOPLE_STEPS:
        stored = lpa.answers.get(step)
        if isinstance(stored, dict) and isinstance(stored.get("items"), list):
            for number, item in enumerate(stored["items"], start=1):
                if isinstance(item, dict):
                    yield step, number, item
        elif isinstance(stored, dict):
            yield step, 0, stored


def reuse_candidates(*, user, lpa: Lpa) -> list[tuple[str, str]]:
    """The people the applicant may copy into a person form: themselves (from their
    profile), then everyone on their other LPAs (the one this was reused from first),
    each name once. Keys hold ids only, never names."""
    choices = []
    used = {
        " ".join(p for p in (stored.get("first_name"), stored.get("last_name")) if p).casefold()
        for _step, _number, stored in _stored_people(lpa)
    }
    if user.full_name and user.full_name.casefold() not in used:  # "myself", unless used
        choices.append((MYSELF, gettext("Myself, %(name)s") % {"name": user.full_name}))
    seen = {user.full_name.casefold()} if user.full_name else set()
    others = Lpa.objects.filter(user=user).exclude(pk=lpa.pk).order_by("-updated_at")
    ordered = sorted(others, key=lambda other: other.pk != lpa.seed_id)
    for other in ordered:
        for step, number, stored in _stored_people(other):
            name = " ".join(
                part for part in (stored.get("first_name"), stored.get("last_name")) if part
            )
            if not name or name.casefold() in seen:
                continue
            seen.add(name.casefold())
            choices.append(
                (
                    f"{other.pk}.{step}.{number}",
                    gettext("%(name)s (%(role)s on LPA %(reference)s)")
                    % {
                        "name": name,
                        "role": PEOPLE_STEPS[step],
                        "reference": other.reference_display,
                    },
                )
            )
    return choices


def reuse_initial(*, user, key: str) -> dict:
    """The stored answer behind a ``reuse_candidates`` key (empty if it is not this user's)."""
    if key == MYSELF:
        from digital_services.accounts.citizens import citizen_profile_get, email_is_placeholder

        names = (user.full_name or "").rsplit(" ", 1)
        initial = {"first_name": names[0], "last_name": names[1] if len(names) > 1 else ""}
        profile = citizen_profile_get(user)
        if profile is not None:
            initial.update(
                date_of_birth=profile.date_of_birth,
                address_line_1=profile.address_line_1,
                address_line_2=profile.address_line_2,
                address_line_3=profile.town,
                postcode=profile.postcode,
            )
        if user.email and not email_is_placeholder(user.email):
            initial["email"] = user.email
        return {k: v for k, v in initial.items() if v}
    try:
        pk, step, number = key.split(".")
        other = Lpa.objects.get(pk=int(pk), user=user)
    except (ValueError, Lpa.DoesNotExist):
        return {}
    for found_step, found_number, stored in _stored_people(other):
        if found_step == step and str(found_number) == number:
            from digital_services.journeys.codec import json_decode

            return json_decode(stored)
    return {}


def lpa_progress(lpa: Lpa) -> str:
    """The LPA's state in words, for the dashboard: the notes' Started and Created while it
    is made, then the stage it has reached at OPG (Waiting, Received, Checking, Processed:
    ``tracking``)."""
    if lpa.is_locked:
        from .tracking import lpa_tracking

        return lpa_tracking(lpa).stage
    return "Created" if lpa_is_created(lpa) else "Started"


def lpa_reusable(lpa: Lpa) -> bool:
    """Reuse is offered once the people to notify are confirmed [F CreateLpaHandler.php]:
    by then every person on the LPA has been given."""
    if lpa.is_locked:
        return True
    return flow_fact(lpa, "people-given", _people_to_notify_valid)


def _people_to_notify_valid(flow) -> bool:
    state = flow.evaluation.state("people-to-notify")
    return state is not None and state.status == "valid"


def lpa_deletable(lpa: Lpa) -> bool:
    """The applicant may delete an LPA until the Office of the Public Guardian receives it;
    after that the row is OPG's case too (received, registered, ...), so it stays."""
    from .constants import LpaStatus

    return lpa.status in (LpaStatus.IN_PROGRESS, LpaStatus.COMPLETED)
