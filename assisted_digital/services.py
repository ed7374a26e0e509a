"""Writes: citizen records made by staff, starting and ending sessions, recording submissions.

Every status change of an ``AssistedSession`` goes through the platform's
``transition_apply`` (``digital_services.core.transitions``), by ``AssistedSession.TRANSITIONS``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from digital_services.accounts.citizens import (
    name_normalise,
    phone_is_uk_mobile,
    phone_normalise,
    placeholder_email_make,
    postcode_normalise,
)
from digital_services.accounts.constants import CITIZEN
from digital_services.accounts.models import CitizenProfile
from digital_services.accounts.services import user_role_add
from digital_services.audit.services import audit_record
from digital_services.core.transitions import TransitionNotAllowed as TransitionNotAllowed
from digital_services.core.transitions import transition_apply

from .constants import (
    CONSENT_STATEMENT,
    CONSENT_STATEMENT_VERSION,
    IDENTITY_CHECKS_REQUIRED,
    LAST_SEEN_REFRESH_SECONDS,
    MIN_IDENTITY_CHECKS,
    Channel,
    ConsentMethod,
    IdentityCheck,
    Route,
)
from .models import AssistedSession, SubmissionRecord

Status = AssistedSession.Status


class SessionAlreadyActive(Exception):
    """The agent is already helping someone: they must end that session first."""

    def __init__(self, session: AssistedSession):
        super().__init__(f"Agent {session.agent_id} already has active session {session.pk}")
        self.session = session


# ---------------------------------------------------------------- citizens


@dataclass(frozen=True, kw_only=True)
class CitizenDetails:
    """What staff type in to create a record for a citizen (kept in the session until consent)."""

    full_name: str
    date_of_birth: dt.date
    address_line_1: str = ""
    address_line_2: str = ""
    town: str = ""
    county: str = ""
    postcode: str = ""
    email: str = ""
    phone: str = ""
    preferred_contact: str = CitizenProfile.Contact.LETTER
    prefers_welsh: bool = False

    def to_session(self) -> dict:
        data = asdict(self)
        data["date_of_birth"] = self.date_of_birth.isoformat()
        return data

    @classmethod
    def from_session(cls, data: dict) -> CitizenDetails:
        return cls(**{**data, "date_of_birth": dt.date.fromisoformat(data["date_of_birth"])})


def citizen_details_problems(details: CitizenDetails) -> dict[str, str]:
    """What is wrong with the details, by field, in GOV.UK words (empty when all is well).

    The contact rule: email needs an email address, text messages need a UK
    mobile number, letters need an address (first line, town and postcode).
    """
    problems: dict[str, str] = {}
    if not name_normalise(details.full_name):
        problems["full_name"] = "Enter their full name"
    if details.date_of_birth >= timezone.localdate():
        problems["date_of_birth"] = "Date of birth must be in the past"
    if details.email:
        try:
            validate_email(details.email)
        except ValidationError:
            problems["email"] = (
                "Enter an email address in the correct format, like name@example.com"
            )
        else:
            if get_user_model().objects.filter(email__iexact=details.email.strip()).exists():
                problems["email"] = (
                    "There is already a record with this email address: search for it instead"
                )
    if details.phone and not 10 <= len(phone_normalise(details.phone)) <= 13:
        problems["phone"] = "Enter a phone number, like 01632 960 001 or 07700 900 982"
    if details.postcode and not postcode_normalise(details.postcode):
        problems["postcode"] = "Enter a real UK postcode, like SW1A 1AA"
    has_address = any(
        (details.address_line_1, details.address_line_2, details.town, details.county)
    )
    wants_letter = details.preferred_contact == CitizenProfile.Contact.LETTER
    if has_address or wants_letter:
        if not details.address_line_1.strip():
            problems["address_line_1"] = (
                "Enter the first line of their address"
                if not wants_letter
                else "Enter the first line of their address, or choose another way to contact them"
            )
        if not details.town.strip():
            problems.setdefault("town", "Enter their town or city")
        if not details.postcode.strip():
            problems.setdefault("postcode", "Enter their postcode")
    if details.preferred_contact == CitizenProfile.Contact.EMAIL and not details.email:
        problems.setdefault(
            "email", "Enter their email address, or choose another way to contact them"
        )
    if details.preferred_contact == CitizenProfile.Contact.SMS and not phone_is_uk_mobile(
        details.phone
    ):
        problems.setdefault(
            "phone",
            "Enter a UK mobile number, like 07700 900 982, or choose another way to contact them",
        )
    if details.preferred_contact not in CitizenProfile.Contact.values:
        problems["preferred_contact"] = "Select how they want us to contact them"
    return problems


def citizen_create(*, details: CitizenDetails, created_by, request=None):
    """Create a citizen's user and contact details; returns the user.

    A citizen without an email address gets an undeliverable placeholder one
    and an unusable password (they cannot sign in until they add a real email).
    Raises ``ValidationError`` (a dict by field) when ``citizen_details_problems``
    finds anything.
    """
    problems = citizen_details_problems(details)
    if problems:
        raise ValidationError(problems)
    User = get_user_model()
    email = details.email.strip().lower() or placeholder_email_make()
    with transaction.atomic():
        try:
            with transaction.atomic():
                citizen = User.objects.create_user(
                    email=email, password=None, full_name=name_normalise(details.full_name)
                )
        except IntegrityError as exc:
            raise ValidationError(
                {
                    "email": "There is already a record with this email address: search for it instead"
                }
            ) from exc
        CitizenProfile.objects.create(
            user=citizen,
            date_of_birth=details.date_of_birth,
            address_line_1=name_normalise(details.address_line_1),
            address_line_2=name_normalise(details.address_line_2),
            town=name_normalise(details.town),
            county=name_normalise(details.county),
            postcode=postcode_normalise(details.postcode),
            phone=phone_normalise(details.phone),
            has_email=bool(details.email),
            preferred_contact=details.preferred_contact,
            prefers_welsh=details.prefers_welsh,
            created_by=created_by,
        )
        user_role_add(user=citizen, role=CITIZEN)
        audit_record(
            action="assisted.citizen_created",
            obj=citizen,
            actor=created_by,
            on_behalf_of=citizen,
            request=request,
            service="",
            detail={
                "has_email": bool(details.email),
                "preferred_contact": details.preferred_contact,
            },
        )
    return citizen


# ---------------------------------------------------------------- sessions


def _session_timeout() -> timedelta:
    return timedelta(seconds=settings.SESSION_COOKIE_AGE)


def assisted_session_start(
    *,
    agent,
    channel: str,
    identity_checks: list[str],
    consent_accepted: bool,
    consent_method: str,
    citizen=None,
    new_citizen: CitizenDetails | None = None,
    request=None,
) -> AssistedSession:
    """Start helping one citizen: give either ``citizen`` or ``new_citizen`` (created here).

    Refused (``ValidationError`` by field, nothing saved) unless the consent
    statement was read and accepted, with the way it was given, and at least
    ``MIN_IDENTITY_CHECKS`` facts were confirmed; and for a citizen who is staff or the agent.
    Raises ``SessionAlreadyActive`` when the agent is still helping someone
    (a session left behind by a signed-out or timed-out agent is ended first).
    """
    problems: dict[str, str] = {}
    if channel not in Channel.values:
        problems["channel"] = "Select how you are helping them"
    checks = [c for c in IdentityCheck.values if c in set(identity_checks or [])]
    if len(checks) < MIN_IDENTITY_CHECKS:
        problems["identity_checks"] = IDENTITY_CHECKS_REQUIRED
    if consent_method not in ConsentMethod.values:
        problems["consent_method"] = "Select how they gave their consent"
    if not consent_accepted:
        problems["consent_accepted"] = (
            "You can only help them once they have heard the consent statement and agreed to it"
        )
    if (citizen is None) == (new_citizen is None):
        raise ValueError("Give either citizen or new_citizen")
    if citizen is not None and (citizen.is_staff or not citizen.is_active or citizen == agent):
        problems["citizen"] = "You can only help a citizen, not a member of staff"
    if problems:
        raise ValidationError(problems)

    now = timezone.now()
    with transaction.atomic():
        current = (
            AssistedSession.objects.select_for_update()
            .filter(agent=agent, status=Status.ACTIVE)
            .first()
        )
        if current is not None:
            if current.last_seen_at > now - _session_timeout():
                raise SessionAlreadyActive(current)
            _end(current, reason=AssistedSession.EndReason.EXPIRED, actor=None)
        if new_citizen is not None:
            citizen = citizen_create(details=new_citizen, created_by=agent, request=request)
        session = AssistedSession.objects.create(
            agent=agent,
            citizen=citizen,
            channel=channel,
            citizen_created=new_citizen is not None,
            identity_checks=checks,
            consent_statement_version=CONSENT_STATEMENT_VERSION,
            consent_statement=CONSENT_STATEMENT,
            consent_accepted=True,
            consent_method=consent_method,
            consent_read_at=now,
            started_at=now,
            last_seen_at=now,
        )
        audit_record(
            action="assisted.session_started",
            obj=session,
            actor=agent,
            on_behalf_of=citizen,
            request=request,
            service="",
            detail={
                "channel": channel,
                "identity_checks": checks,
                "consent_method": consent_method,
                "consent_statement_version": CONSENT_STATEMENT_VERSION,
                "citizen_created": new_citizen is not None,
            },
        )
    return session


def _end(session: AssistedSession, *, reason: str, actor, request=None) -> AssistedSession:
    return transition_apply(
        session,
        to=Status.ENDED,
        fields={"ended_at": timezone.now(), "end_reason": reason},
        action="assisted.session_ended",
        actor=actor,
        on_behalf_of=session.citizen,
        request=request,
        service="",
        detail={"reason": reason},
    )


def assisted_session_end(
    *, session: AssistedSession, reason: str, actor=None, request=None
) -> AssistedSession:
    """Stop helping the citizen. Ending a session that has already ended does nothing.

    ``actor`` is the agent when they end it themselves; the system (None) when
    it times out.
    """
    with transaction.atomic():
        locked = AssistedSession.objects.select_for_update().get(pk=session.pk)
        if locked.status == Status.ENDED:
            return locked
        return _end(locked, reason=reason, actor=actor, request=request)


def assisted_session_language_set(
    *, session: AssistedSession, language: str, actor, request=None
) -> AssistedSession:
    """The citizen wants the service's pages (and what they send) in ``language``. Audited."""
    with transaction.atomic():
        locked = AssistedSession.objects.select_for_update().get(pk=session.pk)
        if locked.status != Status.ACTIVE or locked.language == language:
            return locked
        before = locked.language
        locked.language = language
        locked.save(update_fields=["language"])
        audit_record(
            action="assisted.session_language",
            obj=locked,
            actor=actor,
            on_behalf_of=locked.citizen,
            request=request,
            service="",
            detail={"from": before, "to": language},
        )
    return locked


def assisted_session_touch(*, session: AssistedSession) -> None:
    """Note that the agent is still at work (at most once a minute), so the session stays live."""
    now = timezone.now()
    if session.last_seen_at > now - timedelta(seconds=LAST_SEEN_REFRESH_SECONDS):
        return
    AssistedSession.objects.filter(pk=session.pk, status=Status.ACTIVE).update(last_seen_at=now)
    session.last_seen_at = now


def assisted_sessions_expire(*, now: dt.datetime | None = None) -> int:
    """End every active session not used for ``SESSION_COOKIE_AGE`` (the agent's sign-in has
    ended with it). Returns how many were ended."""
    now = now or timezone.now()
    ended = 0
    stale = AssistedSession.objects.filter(
        status=Status.ACTIVE, last_seen_at__lte=now - _session_timeout()
    ).values_list("pk", flat=True)
    for pk in list(stale):
        with transaction.atomic():
            session = AssistedSession.objects.select_for_update().get(pk=pk)
            if session.status == Status.ACTIVE and session.last_seen_at <= now - _session_timeout():
                _end(session, reason=AssistedSession.EndReason.EXPIRED, actor=None)
                ended += 1
    return ended


# ---------------------------------------------------------------- submissions


def submission_record(
    *,
    service: str,
    journey: str,
    route: str,
    started_route: str = "",
    citizen=None,
    typed_by=None,
    assisted_session: AssistedSession | None = None,
    journey_key: str = "",
    obj: models.Model | None = None,
) -> SubmissionRecord:
    """Record how an application was sent: route, channel, who typed it, and (by the session) consent.

    The journeys engine calls it for every application it sends. ``route`` is
    "assisted" exactly when ``assisted_session`` is given; the channel and the
    person who typed it then come from the session, and an ``assisted.submission``
    audit event is written with the agent as actor and the citizen as on-behalf-of.
    ``obj`` is the case the application created, when the caller has it.
    Raises ``ValueError`` when the route and the session disagree.
    """
    if route not in Route.values or (route == Route.ASSISTED) != (assisted_session is not None):
        raise ValueError(
            "An assisted submission needs its session, a digital one must not have one"
        )
    fields = {}
    if obj is not None:
        from django.contrib.contenttypes.models import ContentType

        fields = {"content_type": ContentType.objects.get_for_model(obj), "object_id": str(obj.pk)}
    if assisted_session is not None:
        citizen = assisted_session.citizen
        typed_by = assisted_session.agent
    record = SubmissionRecord.objects.create(
        service=service,
        journey=journey,
        journey_key=str(journey_key or ""),
        route=route,
        started_route=started_route if started_route in Route.values else route,
        channel=assisted_session.channel if assisted_session is not None else "",
        citizen=citizen if citizen is not None and citizen.is_authenticated else None,
        typed_by=typed_by if typed_by is not None and typed_by.is_authenticated else None,
        assisted_session=assisted_session,
        **fields,
    )
    if assisted_session is not None:
        audit_record(
            action="assisted.submission",
            obj=record,
            actor=assisted_session.agent,
            on_behalf_of=assisted_session.citizen,
            service=service,
            detail={
                "journey": journey,
                "channel": assisted_session.channel,
                "assisted_session": assisted_session.pk,
            },
        )
    return record


def assisted_action_record(*, request, session: AssistedSession, status_code: int) -> None:
    """Audit one change the agent made through a citizen page (any POST during a session)."""
    match = getattr(request, "resolver_match", None)
    detail = {"method": request.method, "status": status_code}
    if match is not None:
        detail["view"] = match.view_name
        for key in ("step", "section", "number"):
            if key in match.kwargs:
                detail[key] = match.kwargs[key]
    audit_record(
        action="assisted.action",
        actor=session.agent,
        on_behalf_of=session.citizen,
        request=request,
        detail=detail,
    )


def consent_page_view_record(*, agent, citizen=None, request=None) -> None:
    """Audit one showing of the consent page (``assisted.consent_page_viewed``).

    The page shows the citizen's name, date of birth and postcode before any
    consent is given, so every showing is recorded, with the citizen as the
    person concerned. For a record not yet created (``citizen`` None) the event
    says so and names no one.
    """
    audit_record(
        action="assisted.consent_page_viewed",
        obj=citizen,
        actor=agent,
        on_behalf_of=citizen,
        request=request,
        service="",
        detail={"new_citizen": citizen is None},
    )
