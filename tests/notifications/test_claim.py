"""A message is claimed (created → sending) before the backend is called, so two workers
running the delivery for the same message send it once.

The sequential tests in test_deliver.py cannot see a missing claim: the first run has
finished, and marked the message sent, before the second starts. Here two threads are
released together and the backend holds the first send open while the second one runs.
"""

import threading

import pytest
from django.db import connection, connections

from digital_services.notifications.backends import DeliveryResult
from digital_services.notifications.constants import Status
from digital_services.notifications.models import OutboundMessage
from digital_services.notifications.services import outbound_message_deliver

from .factories import OutboundMessageFactory

BACKEND = f"{__name__}.BlockingBackend"
WAIT_SECONDS = 10


class BlockingBackend:
    """Records each send, then waits in ``deliver`` until the test lets it finish."""

    name = "blocking"
    calls: list[tuple[int, str]] = []
    entered = threading.Semaphore(0)
    release = threading.Event()
    #: What the test wants to know while a send is in progress: (message id) -> value.
    look: object = None
    seen: list = []

    def deliver(self, message, rendered) -> DeliveryResult:
        cls = type(self)
        cls.calls.append((message.pk, threading.current_thread().name))
        if cls.look is not None:
            cls.seen.append(cls.look(message.pk))
        cls.entered.release()
        if not cls.release.wait(WAIT_SECONDS):
            raise AssertionError("the test never let the send finish")
        return DeliveryResult(provider_id=f"blocking-{len(cls.calls)}")

    def already_sent(self, message) -> str | None:
        return None

    @classmethod
    def reset(cls) -> None:
        cls.calls = []
        cls.entered = threading.Semaphore(0)
        cls.release = threading.Event()
        cls.look = None
        cls.seen = []


@pytest.fixture
def blocking_backend(settings):
    settings.NOTIFICATIONS_BACKEND = BACKEND
    BlockingBackend.reset()
    yield BlockingBackend
    BlockingBackend.release.set()  # never leave a thread waiting
    BlockingBackend.reset()


@pytest.mark.django_db(transaction=True)
def test_two_workers_delivering_one_message_at_once_send_it_once(blocking_backend):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    message = OutboundMessageFactory()
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}
    finished = threading.Semaphore(0)

    def worker():
        try:
            barrier.wait(timeout=WAIT_SECONDS)
            outcomes[threading.current_thread().name] = outbound_message_deliver(
                message_id=message.pk
            ).action
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            outcomes[threading.current_thread().name] = f"raised {exc!r}"
        finally:
            connections.close_all()  # each thread has its own connection: close it
            finished.release()

    threads = [threading.Thread(target=worker, name=f"worker-{n}") for n in (1, 2)]
    for thread in threads:
        thread.start()
    # One worker is inside deliver. Let it finish only once the other has either given
    # up (finished) or also started sending (a second entry into deliver).
    assert blocking_backend.entered.acquire(timeout=WAIT_SECONDS), "nobody tried to send"
    for _ in range(int(WAIT_SECONDS / 0.05)):
        if finished.acquire(timeout=0.05) or blocking_backend.entered.acquire(timeout=0):
            break
    blocking_backend.release.set()
    for thread in threads:
        thread.join(timeout=WAIT_SECONDS * 2)

    assert len(blocking_backend.calls) == 1, (
        f"the message was handed to the backend {len(blocking_backend.calls)} times: "
        f"{blocking_backend.calls}"
    )
    assert sorted(outcomes.values()) == ["sent", "skipped"]
    message.refresh_from_db()
    assert message.status == Status.SENT
    assert message.attempts == 1


@pytest.mark.django_db
def test_the_message_is_sending_while_the_backend_runs(blocking_backend):
    message = OutboundMessageFactory()
    blocking_backend.release.set()  # nothing to wait for: one worker
    blocking_backend.look = lambda pk: OutboundMessage.objects.values_list(
        "status", "attempts", "claimed_at"
    ).get(pk=pk)

    assert outbound_message_deliver(message_id=message.pk).action == "sent"

    [(status, attempts, claimed_at)] = blocking_backend.seen
    assert status == Status.SENDING, f"the row was {status!r} while the backend ran"
    assert attempts == 1
    assert claimed_at is not None
    message.refresh_from_db()
    assert message.status == Status.SENT
