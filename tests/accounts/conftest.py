import base64
import hashlib
import hmac
import re
import struct
import time

import pytest
from django.core import mail

from .factories import StaffUserFactory, StaffWithTotpFactory, UserFactory


def totp_code(secret: str, *, at: float | None = None) -> str:
    """The RFC 6238 code an authenticator app shows for ``secret`` (computed here, not by allauth)."""
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(
        base64.b32decode(secret, casefold=True), struct.pack(">Q", counter), hashlib.sha1
    ).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def outbox_deliver_pending() -> None:
    """Deliver the emails waiting in the outbox (a worker would), into ``mail.outbox``."""
    from digital_services.notifications.constants import Status
    from digital_services.notifications.models import OutboundMessage
    from digital_services.notifications.services import outbound_message_deliver

    for pk in OutboundMessage.objects.filter(status=Status.CREATED).values_list("pk", flat=True):
        outbound_message_deliver(message_id=pk)


def code_from_last_email(after: str = "is:") -> str:
    """The code in the last email sent (the line after "... is:"), the outbox's included."""
    outbox_deliver_pending()
    match = re.search(re.escape(after) + r"\s+(\S+)", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)


@pytest.fixture(autouse=True)
def _totp_tolerance(settings):
    """Accept the neighbouring 30-second window, so a test that crosses a boundary does not flake."""
    settings.MFA_TOTP_TOLERANCE = 1


@pytest.fixture
def person(db):
    return UserFactory()


@pytest.fixture
def staff(db):
    return StaffUserFactory()


@pytest.fixture
def staff_with_totp(db):
    return StaffWithTotpFactory()
