"""The one way a workflow model's ``status`` changes.

Each workflow model declares the moves it allows as a class attribute, keyed by
the status it leaves, so it reads like the state diagram::

    class Payment(models.Model):
        TRANSITIONS = {
            "created": ("started", "submitted", "success", ...),
            "success": (),  # an end state: nothing leaves it
        }

Every status is a key (an end state maps to an empty collection); a status that
is not a key allows no move. The maps live next to the status choices (the app's
``constants.py``) and the model points at them, so tests can parametrise over
``Model.TRANSITIONS[source]``.

``transition_apply`` is then the only code that assigns ``.status``: it locks the
row, checks the move against the map, sets the fields, stamps the times, saves
with ``update_fields`` and writes the audit event, all in the caller's
transaction. Side effects (emails, "tell the owning service") stay with the
caller, queued with ``transaction.on_commit``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from contextlib import nullcontext
from typing import Any, TypeVar

from django.core.exceptions import FieldDoesNotExist
from django.db import models, router, transaction
from django.utils import timezone

from digital_services.audit.services import audit_record

M = TypeVar("M", bound=models.Model)

STATUS_FIELD = "status"


class TransitionNotAllowed(Exception):
    """The object is not in a status this change can start from.

    The message is fit to show to staff and citizens (views turn it into a message
    or a 409 page). ``source`` and ``target`` are the statuses, when known.
    """

    def __init__(self, message: str, *, source: str = "", target: str = ""):
        super().__init__(message)
        self.source = source
        self.target = target


def transitions_for(model: type[models.Model]) -> Mapping[str, Collection[str]]:
    """The model's declared map of allowed moves. Raises TypeError if it declares none."""
    declared = getattr(model, "TRANSITIONS", None)
    if not isinstance(declared, Mapping):
        raise TypeError(
            f"{model.__name__} declares no TRANSITIONS map: add "
            "TRANSITIONS = {from_status: (to_status, ...)} to the model"
        )
    return declared


def transition_allowed(obj: models.Model, to: str) -> bool:
    """Whether the model's map allows ``obj`` (in its current, in-memory status) to move to ``to``."""
    return to in transitions_for(type(obj)).get(getattr(obj, STATUS_FIELD), ())


def _label(model: type[models.Model], status: str) -> str:
    choices = dict(model._meta.get_field(STATUS_FIELD).flatchoices)
    return str(choices.get(status, status)).lower()


def _name(obj: models.Model) -> str:
    # The citizen-facing reference when there is one (never __str__: some name people).
    return str(getattr(obj, "reference_display", "") or getattr(obj, "reference", "") or obj.pk)


def _has_field(model: type[models.Model], name: str) -> bool:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return field.concrete


def _user_or_none(user):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def transition_apply(
    obj: M,
    *,
    to: str,
    action: str | None,
    fields: Mapping[str, Any] | None = None,
    stamp: str | None = None,
    actor=None,
    on_behalf_of=None,
    request=None,
    service: str | None = None,
    detail: dict | None = None,
) -> M:
    """Move ``obj`` to status ``to`` and return it (the same instance, updated).

    In one transaction (the caller's, or a new one): lock the row with
    ``SELECT ... FOR UPDATE OF`` its own table and read its status again (so a
    move checked against a stale copy cannot slip through; a row the caller has
    already locked costs one more small query), check ``to`` against the model's
    ``TRANSITIONS``, then set ``fields``, stamp ``<stamp>_at`` (now) and
    ``<stamp>_by`` (``actor``, when the model has that field), ``updated_at`` and
    ``status_changed_at`` (when the model has them), and save only those columns
    with ``update_fields``: other in-memory changes are not written.

    ``action`` is the audit action (``"payment.success"``), recorded through
    ``audit_record`` with ``actor``, ``on_behalf_of``, ``request``, ``service``
    and ``detail`` plus ``{"from": <old status>}``. It is required so that every
    caller decides: ``action=None`` writes no audit event, for moves that are
    frequent, made by the system and recorded on the row itself (the outbox's
    created → sending → sent of every email, text and letter would otherwise put
    two or three audit events per message into a log kept for years, and say
    nothing the message row does not).

    Raises ``TransitionNotAllowed`` (nothing written, the caller's transaction
    still usable) and ``TypeError`` if the model declares no ``TRANSITIONS``.
    """
    model = type(obj)
    allowed = transitions_for(model)
    fields = dict(fields or {})
    if STATUS_FIELD in fields:
        raise ValueError("Pass the new status as to=, not in fields")
    using = obj._state.db or router.db_for_write(model, instance=obj)
    in_transaction = transaction.get_connection(using).in_atomic_block
    with nullcontext() if in_transaction else transaction.atomic(using=using):
        obj.refresh_from_db(
            fields=[STATUS_FIELD],
            from_queryset=model._base_manager.db_manager(using).select_for_update(of=("self",)),
        )
        source = getattr(obj, STATUS_FIELD)
        if to not in allowed.get(source, ()):
            raise TransitionNotAllowed(
                f"{str(model._meta.verbose_name).capitalize()} {_name(obj)} is "
                f"{_label(model, source)}: it cannot become {_label(model, to)}",
                source=source,
                target=to,
            )
        now = timezone.now()
        if stamp:
            fields.setdefault(f"{stamp}_at", now)
            if _has_field(model, f"{stamp}_by"):
                fields.setdefault(f"{stamp}_by", _user_or_none(actor))
        for automatic in ("updated_at", "status_changed_at"):
            if _has_field(model, automatic):
                fields.setdefault(automatic, now)
        setattr(obj, STATUS_FIELD, to)
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.save(update_fields=[STATUS_FIELD, *fields])
        if action is not None:
            audit_record(
                action=action,
                obj=obj,
                actor=actor,
                on_behalf_of=on_behalf_of,
                request=request,
                service=service,
                detail={"from": source, **(detail or {})},
            )
    return obj
