"""Issue #22 point 10: returned letters wait in a caseworker queue, each service's
caseworkers seeing the letters about their own cases (prison staff: their own prisons'),
without any permission on the platform model (which would show every service's)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from digital_services.notifications.constants import Channel
from digital_services.notifications.models import DeliveryProblem
from tests.conftest import sign_in
from tests.notifications.factories import SentMessageFactory
from tests.prison_visits.factories import AssignmentFactory, PrisonFactory, RequestedVisitFactory
from tests.quality.access.world import (
    ADMIN,
    CITIZEN_A,
    CIVIL,
    PRISON_P,
    PRISON_Q,
    TRIBUNAL,
    World,
)
from tests.tribunal_fees.factories import FeeCaseFactory

pytestmark = pytest.mark.django_db

QUEUE = "admin:notifications_returnedletter_changelist"


def _returned(case, *, service: str, reference: str, kind=DeliveryProblem.Kind.RETURNED_LETTER):
    letter = SentMessageFactory(
        channel=Channel.LETTER,
        recipient="Sam Visitor\n1 High Street\nLeeds\nLS1 1AA",
        service=service,
        reference=reference,
        content_type=ContentType.objects.get_for_model(case),
        object_id=str(case.pk),
    )
    return DeliveryProblem.objects.create(
        kind=kind,
        provider_event_id=letter.provider_id,
        message=letter,
        service=service,
        content_type=letter.content_type,
        object_id=letter.object_id,
        reported_at=timezone.now(),
    )


@pytest.fixture
def queue():
    """A returned letter about a visit at prison P, one at prison Q, one about a fee, and
    an email complaint about the visit at P (not a returned letter)."""
    world = World(roles=(CITIZEN_A, PRISON_P, PRISON_Q, TRIBUNAL, CIVIL, ADMIN))
    letters = {}
    for role in (PRISON_P, PRISON_Q):
        prison = PrisonFactory()
        AssignmentFactory(user=world.user(role), prison=prison)
        visit = RequestedVisitFactory(prison=prison, user=world.user(CITIZEN_A))
        letters[role] = _returned(visit, service="prison_visits", reference=f"PV-{role[-2]}-RET")
    letters[TRIBUNAL] = _returned(FeeCaseFactory(), service="tribunal_fees", reference="TF-RET")
    _returned(
        letters[PRISON_P].about,
        service="prison_visits",
        reference="PV-COMPLAINT",
        kind=DeliveryProblem.Kind.COMPLAINT,
    )
    return world, letters


@pytest.mark.parametrize(
    "role, sees",
    [
        (PRISON_P, {PRISON_P}),
        (PRISON_Q, {PRISON_Q}),
        (TRIBUNAL, {TRIBUNAL}),
        (CIVIL, set()),
        # administrators through their services' permissions: every prison (not fees)
        (ADMIN, {PRISON_P, PRISON_Q}),
    ],
)
def test_each_caseworker_sees_the_returned_letters_about_their_own_cases(queue, role, sees):
    world, letters = queue

    page = world.client(role).get(reverse(QUEUE))

    assert page.status_code == 200
    shown = {who for who, problem in letters.items() if problem.message.reference in page.text}
    assert shown == sees
    assert "PV-COMPLAINT" not in page.text  # complaints are not returned letters


def test_the_queue_is_on_the_caseworkers_staff_index(queue):
    world, _ = queue

    index = world.client(PRISON_P).get(reverse("admin:index"))

    assert reverse(QUEUE) in index.text
    # ...and nothing else of the platform's notifications
    assert reverse("admin:notifications_outboundmessage_changelist") not in index.text


def test_a_caseworker_marks_their_letter_dealt_with_but_not_another_prisons(queue):
    world, letters = queue
    client = world.client(PRISON_P)

    client.post(
        reverse(QUEUE),
        {
            "action": "mark_resolved",
            "_selected_action": [letters[PRISON_P].pk, letters[PRISON_Q].pk],
        },
    )

    letters[PRISON_P].refresh_from_db()
    letters[PRISON_Q].refresh_from_db()
    assert letters[PRISON_P].resolved_by == world.user(PRISON_P)
    assert letters[PRISON_Q].resolved_at is None


def test_a_caseworker_cannot_open_another_prisons_returned_letter(queue):
    world, letters = queue
    client = world.client(PRISON_P)

    own = client.get(
        reverse("admin:notifications_returnedletter_change", args=[letters[PRISON_P].pk])
    )
    other = client.get(
        reverse("admin:notifications_returnedletter_change", args=[letters[PRISON_Q].pk])
    )

    assert own.status_code == 200
    assert "1 High Street" in own.text  # the address we used, to check against the case
    visit = letters[PRISON_P].about
    assert reverse("admin:prison_visits_visit_change", args=[visit.pk]) in own.text
    assert other.status_code == 302 and other["Location"] == reverse("admin:index")


def test_a_superuser_sees_every_returned_letter(queue, django_user_model, client):
    _, letters = queue
    root = django_user_model.objects.create_superuser(email="root@example.com", password="x" * 16)
    sign_in(client, root, second_factor=True)

    page = client.get(reverse(QUEUE))

    assert all(problem.message.reference in page.text for problem in letters.values())


def test_citizens_are_refused_the_queue(queue):
    world, _ = queue
    assert world.client(CITIZEN_A).get(reverse(QUEUE)).status_code in (302, 403)
