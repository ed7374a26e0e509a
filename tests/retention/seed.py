"""One of every record type that holds personal data, all about one person with values
found nowhere else: the retention sweep looks for these values in every table."""

from __future__ import annotations

import datetime as dt
import uuid

from allauth.account.models import EmailAddress
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone

from digital_services.accounts.models import CitizenProfile, User
from digital_services.journeys.models import Draft, ResumeLink
from digital_services.notifications.constants import Channel, Status
from digital_services.notifications.models import OutboundMessage
from digital_services.payments.models import WebhookMessage
from digital_services.performance.models import SatisfactionResponse
from prison_visits.models import PrisonerRegisterEntry, Visit, VisitEvent
from tests.prison_visits.factories import (
    BookedVisitFactory,
    PrisonFactory,
    RegisterEntryFactory,
    slot_on,
)
from tests.tribunal_fees.factories import (
    HwfApplicationFactory,
    IssuedRefundApplicationFactory,
    PaidFeeCaseFactory,
)

EMAIL = "seed-person@example.com"
FIRST_NAME = "Zebedee"
LAST_NAME = "Quartermain"
NAME = f"{FIRST_NAME} {LAST_NAME}"
PHONE = "07700900987"
DATE_OF_BIRTH = dt.date(1971, 3, 14)
NI_NUMBER = "QQ123456C"
ACCOUNT_NUMBER = "31926819"
SORT_CODE = "601613"
ADDRESS_LINE = "17 Quince Lane"
POSTCODE = "ZZ9 9ZZ"
PRISON_NUMBER = "Q7391QZ"

#: Looked for, case-insensitively, in every text and JSON value (spaces ignored for digits).
TEXT_NEEDLES = (
    EMAIL,
    FIRST_NAME,
    LAST_NAME,
    PHONE,
    NI_NUMBER,
    ACCOUNT_NUMBER,
    SORT_CODE,
    ADDRESS_LINE,
    POSTCODE,
    PRISON_NUMBER,
    DATE_OF_BIRTH.isoformat(),
    "14 March 1971",
)
#: Looked for in every date column.
DATE_NEEDLES = (DATE_OF_BIRTH,)

ADDRESS = f"{ADDRESS_LINE}\nLeeds\n{POSTCODE}"


def seed_everything() -> dict:
    """Create one of each record, all about the seed person. Returns them by name."""
    user = User.objects.create_user(email=EMAIL, password="a-long-password-1", full_name=NAME)
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    CitizenProfile.objects.create(
        user=user,
        date_of_birth=DATE_OF_BIRTH,
        address_line_1=ADDRESS_LINE,
        town="Leeds",
        postcode=POSTCODE,
        phone=PHONE,
    )
    draft = Draft.objects.create(
        user=user,
        service="tribunal-fees",
        journey="hwf",
        answers={"name": NAME, "ni_number": NI_NUMBER, "date_of_birth": "1971-03-14"},
        expires_at=timezone.now() + dt.timedelta(days=28),
    )
    anonymous_draft = Draft.objects.create(
        session_key=uuid.uuid4().hex,
        service="prison-visits",
        journey="visit",
        answers={"email": EMAIL, "phone": PHONE},
        expires_at=timezone.now() + dt.timedelta(days=28),
    )
    ResumeLink.objects.create(draft=anonymous_draft)
    session = SessionStore()
    session["seed"] = {"name": NAME, "email": EMAIL}
    session.create()
    AccessAttempt.objects.create(
        username=EMAIL,
        ip_address="192.0.2.7",
        user_agent="Test",
        get_data="",
        post_data=f"login={EMAIL}",
        http_accept="*/*",
        path_info="/accounts/login/",
        failures_since_start=1,
    )
    AccessLog.objects.create(
        username=EMAIL, ip_address="192.0.2.7", user_agent="Test", http_accept="*/*", path_info="/"
    )
    AccessFailureLog.objects.create(
        username=EMAIL,
        ip_address="192.0.2.7",
        user_agent="Test",
        http_accept="*/*",
        path_info="/",
        locked_out=False,
    )
    SatisfactionResponse.objects.create(
        rating=5, comment=f"Thanks, {NAME}, ring me on {PHONE}", service="prison-visits"
    )

    prison = PrisonFactory(name="HMP Seed", slug="hmp-seed")
    RegisterEntryFactory(
        prison=prison,
        prison_number=PRISON_NUMBER,
        first_name=FIRST_NAME,
        last_name=LAST_NAME,
        date_of_birth=DATE_OF_BIRTH,
        active=False,
    )
    visit = BookedVisitFactory(
        prison=prison,
        user=user,
        slot=slot_on(timezone.localdate() + dt.timedelta(days=7)),
        prisoner_first_name=FIRST_NAME,
        prisoner_last_name=LAST_NAME,
        prisoner_date_of_birth=DATE_OF_BIRTH,
        prisoner_number=PRISON_NUMBER,
        contact_email=EMAIL,
        contact_phone=PHONE,
        postal_address=ADDRESS,
        visitors=[(FIRST_NAME, LAST_NAME, DATE_OF_BIRTH)],
    )
    visit.rejection_detail = f"Note about {NAME}"
    visit.save()  # a second history version
    VisitEvent.objects.create(
        visit=visit, kind=VisitEvent.Kind.MESSAGE, occurred_at=timezone.now(), message=NAME
    )
    visit_type = ContentType.objects.get_for_model(Visit)
    for channel, recipient in (
        (Channel.EMAIL, EMAIL),
        (Channel.SMS, PHONE),
        (Channel.LETTER, f"{NAME}\n{ADDRESS}"),
    ):
        OutboundMessage.objects.create(
            service="prison-visits",
            channel=channel,
            template_key="prison_visits.booked",
            recipient=recipient,
            personalisation={"name": NAME, "prisoner_number": PRISON_NUMBER},
            reference=visit.reference,
            status=Status.DELIVERED,
            completed_at=timezone.now(),
            content_type=visit_type,
            object_id=str(visit.pk),
        )
    OutboundMessage.objects.create(  # not about a case: only the outbox rule reaches it
        channel=Channel.EMAIL,
        template_key="accounts.welcome",
        recipient=EMAIL,
        personalisation={"name": NAME},
        status=Status.PERMANENT_FAILURE,
        last_error=f"Not a valid email address: {EMAIL}",
        completed_at=timezone.now(),
    )

    fee_case = PaidFeeCaseFactory(user=user, email=EMAIL, mobile=PHONE, postal_address=ADDRESS)
    hwf = HwfApplicationFactory(
        user=user,
        fee_case__user=user,
        applicant_name=NAME,
        applicant_date_of_birth=DATE_OF_BIRTH,
        ni_number=NI_NUMBER,
        partner_date_of_birth=DATE_OF_BIRTH,
        evidence_note=f"Payslips of {NAME}",
    )
    refund = IssuedRefundApplicationFactory(
        user=user,
        full_name=NAME,
        date_of_birth=DATE_OF_BIRTH,
        email=EMAIL,
        phone=PHONE,
        mobile=PHONE,
        address=ADDRESS,
        respondent_name=f"{LAST_NAME} Holdings",
        respondent_address=ADDRESS,
        claimant_address_then=ADDRESS,
        notes=f"Call {PHONE}",
        account_name=NAME,
        bank_name=f"{LAST_NAME} Mutual",
        account_number=ACCOUNT_NUMBER,
        sort_code=SORT_CODE,
    )
    refund.save()  # a history version with every field
    WebhookMessage.objects.create(message_id=uuid.uuid4().hex, event_type="card_payment_succeeded")
    LogEntry.objects.log_actions(
        user_id=User.objects.create_user(email="staff-seed@justice.gov.uk", is_staff=True).pk,
        queryset=PrisonerRegisterEntry.objects.filter(prison_number=PRISON_NUMBER),
        action_flag=CHANGE,
        change_message="Changed active.",
    )
    return {
        "user": user,
        "draft": draft,
        "visit": visit,
        "fee_case": fee_case,
        "hwf": hwf,
        "refund": refund,
    }
