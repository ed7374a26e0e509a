"""Everything held about a signed-in citizen, across all services ("Your data").

The platform's own records (account, contact details, drafts, messages, assisted-digital
help) come from here; each service adds its own through ``Service.export_user_data``.
The same dict is offered as JSON and shown as a readable page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from digital_services.core.dates import date_format, datetime_format
from digital_services.core.registry import services_list

from .retention import retention_table


def _account(user) -> dict:
    from digital_services.accounts.models import CitizenProfile

    data = {
        "email_address": user.email,
        "full_name": user.full_name,
        "account_created": user.date_joined,
        "last_signed_in": user.last_login,
    }
    profile = CitizenProfile.objects.filter(user=user).first()
    if profile is not None:
        data["contact_details"] = {
            "date_of_birth": profile.date_of_birth,
            "address": profile.address_lines,
            "phone": profile.phone,
            "preferred_contact": profile.get_preferred_contact_display(),
            "prefers_welsh": profile.prefers_welsh,
        }
    return data


def _drafts(user) -> list[dict]:
    from digital_services.journeys.models import Draft

    return [
        {
            "service": draft.service,
            "journey": draft.journey,
            "answers": draft.answers,
            "last_changed": draft.updated_at,
            "deleted_after": draft.expires_at,
        }
        for draft in Draft.objects.filter(user=user).order_by("-updated_at")
    ]


def _messages(user) -> list[dict]:
    from digital_services.accounts.models import CitizenProfile
    from digital_services.notifications.models import OutboundMessage

    addresses = [user.email]
    phone = CitizenProfile.objects.filter(user=user).values_list("phone", flat=True).first()
    if phone:
        addresses.append(phone)
    messages = OutboundMessage.objects.filter(
        Q(recipient__in=addresses) | Q(recipient__iexact=user.email)
    ).order_by("-created_at")[:500]
    return [
        {
            "sent_to": message.recipient,
            "by": message.get_channel_display(),
            "message": message.template_key,
            "case_reference": message.reference,
            "details": message.personalisation,
            "status": message.get_status_display(),
            "created": message.created_at,
        }
        for message in messages
    ]


def _assisted_help(user) -> list[dict]:
    from assisted_digital.models import AssistedSession

    return [
        {
            "how": session.get_channel_display(),
            "you_agreed": session.get_consent_method_display(),
            "identity_checks": session.identity_check_labels(),
            "started": session.started_at,
            "ended": session.ended_at,
        }
        for session in AssistedSession.objects.filter(citizen=user).order_by("-started_at")
    ]


def user_data_export(*, user) -> dict:
    """A dict of everything held about ``user`` (dates as date/datetime objects)."""
    data = {
        "generated_at": timezone.now(),
        "account": _account(user),
        "applications_not_sent": _drafts(user),
        "messages_we_sent": _messages(user),
        "help_from_our_staff": _assisted_help(user),
        "services": {},
    }
    for service in services_list():
        export = getattr(service, "export_user_data", None)
        if export is not None:
            data["services"][service.name] = export(user)
    return data


# ---------------------------------------------------------------- the readable page


@dataclass(frozen=True)
class Section:
    """A heading and its records; each record is a list of (label, text) rows."""

    heading: str
    records: list[list[tuple[str, str]]]
    #: The service it belongs to (shown once, above its sections); empty for the platform's.
    service: str = ""


def _label(key: str) -> str:
    """ "email_address" → "Email address", in the page's language when a catalogue has it."""
    text = str(key).replace("_", " ").strip()
    return gettext(text[:1].upper() + text[1:])


def _text(value) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return gettext("None")
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime):
        return datetime_format(value)
    if isinstance(value, date):
        return date_format(value)
    if isinstance(value, dict):
        return "; ".join(f"{_label(k)}: {_text(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(_text(v) for v in value)
    return str(value)


def _records(value) -> list[list[tuple[str, str]]]:
    if isinstance(value, dict):
        return [[(_label(k), _text(v)) for k, v in value.items()]]
    return [[(_label(k), _text(v)) for k, v in item.items()] for item in value]


def user_data_sections(data: dict) -> list[Section]:
    """The export as headed sections for the page (empty lists say "none")."""
    sections = [
        Section(gettext("Your account"), _records(data["account"])),
        Section(gettext("Applications you have not sent"), _records(data["applications_not_sent"])),
        Section(
            gettext("Emails, text messages and letters we sent you"),
            _records(data["messages_we_sent"]),
        ),
        Section(gettext("Help from our staff"), _records(data["help_from_our_staff"])),
    ]
    for service_name, service_data in data["services"].items():
        for key, value in service_data.items():
            sections.append(Section(_label(key), _records(value), service=service_name))
    return sections


def retention_rows():
    """The privacy notice's retention table (re-exported for templates and views)."""
    return retention_table()
