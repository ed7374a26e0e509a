"""The one state-transition helper (digital_services.core.transitions).

Exercised on the platform's own workflow models: payments (with ``updated_at``)
and letter batches (without it, with ``<verb>_at`` / ``<verb>_by`` stamps).
"""

import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assisted_digital import services as assisted_services
from assisted_digital.models import AssistedSession
from digital_services.audit.models import AuditEvent
from digital_services.core.transitions import (
    TransitionNotAllowed,
    transition_allowed,
    transition_apply,
)
from digital_services.notifications import services as notification_services
from digital_services.notifications.constants import LetterBatchStatus
from digital_services.notifications.models import LetterBatch, OutboundMessage
from digital_services.payments import services as payment_services
from digital_services.payments.constants import PaymentStatus
from digital_services.payments.models import Payment, Refund
from prison_visits import services as visit_services
from prison_visits.models import Visit
from tests.notifications.factories import LetterBatchFactory
from tests.payments.factories import FACTORY_FOR_STATUS, PaymentFactory, UserFactory
from tribunal_fees import services as fee_services
from tribunal_fees.models import FeeCase, HelpWithFeesApplication, RefundApplication

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SKIPPED = {"node_modules", "tests", "staticfiles", "__pycache__"}
PAYMENTS_TABLE = Payment._meta.db_table

PAYMENT_MOVES = [(source, target) for source in PaymentStatus for target in PaymentStatus]


def _updates(queries, table):
    return [q["sql"] for q in queries if q["sql"].startswith(f'UPDATE "{table}"')]


def _set_columns(update_sql: str) -> set[str]:
    assignments = update_sql.split(" SET ", 1)[1].split(" WHERE ", 1)[0]
    return set(re.findall(r'"(\w+)" = ', assignments))


# ---------------------------------------------------------------- allowed and refused moves


@pytest.mark.parametrize(
    ("source", "target"), PAYMENT_MOVES, ids=[f"{s}-to-{t}" for s, t in PAYMENT_MOVES]
)
def test_transition_apply_moves_only_from_the_states_the_model_declares(source, target):
    payment = FACTORY_FOR_STATUS[source]()
    allowed = target in Payment.TRANSITIONS[source]

    assert transition_allowed(payment, target) is allowed
    if allowed:
        transition_apply(payment, to=target, action=f"payment.{target}", service="tribunal_fees")
        payment.refresh_from_db()
        assert payment.status == target
        assert AuditEvent.objects.filter(
            action=f"payment.{target}", object_id=str(payment.pk)
        ).exists()
    else:
        with pytest.raises(TransitionNotAllowed) as refused:
            transition_apply(payment, to=target, action=f"payment.{target}")
        assert (refused.value.source, refused.value.target) == (source, target)
        payment.refresh_from_db()
        assert payment.status == source
        assert not AuditEvent.objects.exists()


def test_a_refused_move_leaves_the_callers_transaction_usable():
    payment = FACTORY_FOR_STATUS[PaymentStatus.SUCCESS]()

    with pytest.raises(TransitionNotAllowed, match="is success: it cannot become started"):
        transition_apply(payment, to=PaymentStatus.STARTED, action="payment.started")

    # A broken transaction would raise TransactionManagementError here.
    assert Payment.objects.filter(pk=payment.pk, status=PaymentStatus.SUCCESS).exists()


def test_transition_apply_checks_the_status_in_the_database_not_a_stale_copy():
    payment = PaymentFactory(status=PaymentStatus.CREATED)
    Payment.objects.filter(pk=payment.pk).update(status=PaymentStatus.CANCELLED)
    assert payment.status == PaymentStatus.CREATED  # the copy in memory is stale

    with pytest.raises(TransitionNotAllowed):
        transition_apply(payment, to=PaymentStatus.STARTED, action="payment.started")
    assert payment.status == PaymentStatus.CANCELLED


def test_transition_apply_refuses_a_model_without_a_declared_map():
    user = UserFactory()
    with pytest.raises(TypeError, match="declares no TRANSITIONS"):
        transition_apply(user, to="anything", action=None)


def test_the_new_status_cannot_be_smuggled_in_through_fields():
    payment = PaymentFactory(status=PaymentStatus.CREATED)
    with pytest.raises(ValueError, match="to="):
        transition_apply(
            payment, to=PaymentStatus.STARTED, fields={"status": "success"}, action=None
        )


# ---------------------------------------------------------------- what is written


def test_transition_apply_locks_the_row_with_select_for_update_of_its_own_table():
    payment = PaymentFactory(status=PaymentStatus.CREATED)

    with CaptureQueriesContext(connection) as captured:
        transition_apply(payment, to=PaymentStatus.STARTED, action=None)

    sql = [q["sql"] for q in captured.captured_queries]
    lock = next(i for i, q in enumerate(sql) if "FOR UPDATE" in q)
    assert f'FOR UPDATE OF "{PAYMENTS_TABLE}"' in sql[lock]
    assert f'FROM "{PAYMENTS_TABLE}"' in sql[lock]
    update = next(i for i, q in enumerate(sql) if q.startswith(f'UPDATE "{PAYMENTS_TABLE}"'))
    assert lock < update


def test_transition_apply_writes_only_the_status_the_given_fields_and_updated_at():
    payment = PaymentFactory(status=PaymentStatus.SUBMITTED)
    payment.description = "Changed in memory, not to be saved"

    with CaptureQueriesContext(connection) as captured:
        transition_apply(
            payment, to=PaymentStatus.FAILED, fields={"failure_code": "P0010"}, action=None
        )

    (update,) = _updates(captured.captured_queries, PAYMENTS_TABLE)
    assert _set_columns(update) == {"status", "failure_code", "updated_at"}
    payment.refresh_from_db()
    assert (payment.status, payment.failure_code) == (PaymentStatus.FAILED, "P0010")
    assert payment.description == "Employment tribunal issue fee"


def test_transition_apply_stamps_updated_at():
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=UTC), tick=False):
        payment = PaymentFactory(status=PaymentStatus.CREATED)
    moved_at = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)

    with time_machine.travel(moved_at, tick=False):
        transition_apply(payment, to=PaymentStatus.STARTED, action=None)

    payment.refresh_from_db()
    assert payment.updated_at == moved_at


def test_transition_apply_stamps_verb_at_and_by_on_a_model_without_updated_at():
    staff = UserFactory()
    batch = LetterBatchFactory(status=LetterBatchStatus.OPEN)
    closed_at = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)

    with (
        time_machine.travel(closed_at, tick=False),
        CaptureQueriesContext(connection) as captured,
    ):
        transition_apply(
            batch, to=LetterBatchStatus.CLOSED, stamp="closed", actor=staff, action=None
        )

    (update,) = _updates(captured.captured_queries, LetterBatch._meta.db_table)
    assert _set_columns(update) == {"status", "closed_at", "closed_by_id"}
    batch.refresh_from_db()
    assert (batch.status, batch.closed_at, batch.closed_by) == (
        LetterBatchStatus.CLOSED,
        closed_at,
        staff,
    )


def test_transition_apply_writes_the_audit_event_with_the_old_status():
    staff = UserFactory()
    payment = PaymentFactory(status=PaymentStatus.CREATED)

    transition_apply(
        payment,
        to=PaymentStatus.CANCELLED,
        action="payment.cancelled",
        actor=staff,
        service="tribunal_fees",
        detail={"failure_code": "P0040"},
    )

    event = AuditEvent.objects.get()
    assert (event.action, event.object_type, event.object_id) == (
        "payment.cancelled",
        "payments.payment",
        str(payment.pk),
    )
    assert (event.actor, event.service) == (staff, "tribunal_fees")
    assert event.detail == {"from": "created", "failure_code": "P0040"}


def test_transition_apply_writes_no_audit_event_when_the_caller_says_none():
    payment = PaymentFactory(status=PaymentStatus.CREATED)

    transition_apply(payment, to=PaymentStatus.STARTED, action=None)

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.STARTED
    assert not AuditEvent.objects.exists()


# ---------------------------------------------------------------- one of each


WORKFLOW_MODELS = [
    Visit,
    FeeCase,
    HelpWithFeesApplication,
    RefundApplication,
    Payment,
    Refund,
    OutboundMessage,
    LetterBatch,
    AssistedSession,
]


DECLARING = [m for m in apps.get_models() if hasattr(m, "TRANSITIONS")]


def test_every_workflow_model_declares_its_transitions():
    assert set(WORKFLOW_MODELS) <= set(DECLARING)


@pytest.mark.parametrize("model", DECLARING, ids=lambda m: m._meta.label)
def test_each_declared_map_names_every_status_and_only_real_ones(model):
    statuses = {value for value, _ in model._meta.get_field("status").flatchoices}

    assert set(model.TRANSITIONS) == statuses
    for source, targets in model.TRANSITIONS.items():
        assert set(targets) <= statuses - {source}, source


def test_there_is_one_transition_not_allowed_and_the_services_re_export_it():
    for module in (
        visit_services,
        fee_services,
        payment_services,
        notification_services,
        assisted_services,
    ):
        assert module.TransitionNotAllowed is TransitionNotAllowed, module.__name__
    assert issubclass(fee_services.FourEyesRuleBroken, TransitionNotAllowed)

    defining = []
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [d for d in subfolders if not d.startswith(".") and d not in SKIPPED]
        for name in files:
            path = Path(folder, name)
            if name.endswith(".py") and "class TransitionNotAllowed" in path.read_text():
                defining.append(path.relative_to(ROOT).as_posix())
    assert defining == ["digital_services/core/transitions.py"]


@pytest.mark.parametrize(
    "path",
    [
        "prison_visits/services",
        "tribunal_fees/services",
        "digital_services/payments/services",
        "digital_services/notifications/services",
        "assisted_digital/services",
    ],
)
def test_the_services_never_assign_status_themselves(path):
    # a services module, or a services package split along its seams
    files = sorted((ROOT / path).glob("*.py")) or [ROOT / f"{path}.py"]
    source = "\n".join(file.read_text() for file in files)
    assert not re.search(r"\.status\s*=[^=]", source)
