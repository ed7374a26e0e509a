"""A visit request that the service tests share: the prisoner, visitors and how to send it."""

from datetime import date

from digital_services.notifications.models import OutboundMessage
from prison_visits import services
from prison_visits.rules import PrisonerDetails, VisitorDetails

from .factories import (
    slot_on,
)

TUE_1_DEC = date(2026, 12, 1)
THU_3_DEC = date(2026, 12, 3)
PRISONER = PrisonerDetails("Jo", "Bloggs", date(1990, 5, 17), " a1234 bc ")
LEAD = VisitorDetails("Lee", "Visitor", date(1985, 3, 2))
CHILD = VisitorDetails("Kid", "Visitor", date(2016, 1, 1))


def submit(prison, **overrides):
    kwargs = dict(
        prison=prison,
        prisoner=PRISONER,
        slots=[slot_on(TUE_1_DEC).key, slot_on(THU_3_DEC)],
        visitors=[LEAD, CHILD],
        contact_email="lee@example.com",
        contact_phone="07700 900123",
    )
    kwargs.update(overrides)
    return services.visit_request_submit(**kwargs)


def messages_for(visit, channel=None):
    qs = OutboundMessage.objects.filter(object_id=str(visit.pk))
    if channel:
        qs = qs.filter(channel=channel)
    return list(qs.order_by("id"))
