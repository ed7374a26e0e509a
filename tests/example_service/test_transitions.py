import pytest

from digital_services.audit.models import AuditEvent
from digital_services.core.transitions import TransitionNotAllowed
from tests.accounts.factories import StaffUserFactory

from .constants import TRANSITIONS, LicenceStatus
from .factories import FACTORIES
from .services import licence_application_decide

pytestmark = pytest.mark.django_db

MOVES = [
    (source, to)
    for source in LicenceStatus
    for to in (LicenceStatus.GRANTED, LicenceStatus.REFUSED)
]


@pytest.mark.parametrize(("source", "to"), [m for m in MOVES if m[1] in TRANSITIONS[m[0]]])
def test_a_sent_application_can_be_decided(source, to):
    application = FACTORIES[source]()
    caseworker = StaffUserFactory()

    licence_application_decide(application=application, to=to, by=caseworker)

    application.refresh_from_db()
    assert application.status == to
    assert application.decided_by == caseworker
    assert application.decided_at is not None
    assert AuditEvent.objects.filter(action=f"licence.{to}").count() == 1


@pytest.mark.parametrize(("source", "to"), [m for m in MOVES if m[1] not in TRANSITIONS[m[0]]])
def test_a_decided_application_cannot_be_decided_again(source, to):
    application = FACTORIES[source]()

    with pytest.raises(TransitionNotAllowed):
        licence_application_decide(application=application, to=to, by=StaffUserFactory())

    application.refresh_from_db()
    assert application.status == source
    assert application.decided_by is None
