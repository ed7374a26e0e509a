"""Retention: how long each record type keeps personal data, declared once, enforced by one job.

Every record type that holds personal data has a ``RetentionRule``: which rows have
expired (given the cut-off, "now" minus the period), and what happens to them then:
deleted, personal fields blanked to fixed values, a service's own anonymiser, or (audit
events, ADR 0005) kept and only counted. Services declare theirs on their registry entry
(``Service.retention``); platform apps' rules are in ``digital_services.privacy.rules``.

``retention_run`` applies them all, in batches of ``RETENTION_BATCH_SIZE`` rows taken in
primary-key order (one short transaction per batch, so a big table is never locked for
long), and logs counts only. The privacy notice's retention table is generated from the
same declarations (``retention_table``), so the notice cannot drift from the code. A rule's
words (``information``, ``after``, ``then``) are lazy translations declared with it, so the
table is in the page's language; each is in its app's catalogue (docs/welsh.md).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext, ngettext

logger = logging.getLogger(__name__)

DELETE = "delete"
BLANK = "blank"
ANONYMISE = "anonymise"
KEEP = "keep"


@dataclass(frozen=True, eq=False)  # hashable by identity (``blank`` is a dict), as Service needs
class RetentionRule:
    """One record type's retention, declared for the job and for the privacy notice.

    ``expired(cutoff)`` returns the rows past their period that still hold personal data
    (it must leave out rows already dealt with, so the job counts only new work).
    ``period_days`` is a number or a function reading a setting. Exactly one of
    ``blank`` (field -> value, also applied to the rows' simple-history versions),
    ``anonymise`` (called with one batch of primary keys, inside a transaction) or
    ``keep`` may be given; with none of them the rows are deleted (and their history).
    """

    key: str
    model: str
    information: str  # gettext_lazy: "Your sign-in session"
    period_days: int | Callable[[], int]
    after: str  # pgettext_lazy("retention period starts after", "you signed in")
    then: str  # gettext_lazy: "deleted"
    expired: Callable[[datetime], models.QuerySet]
    blank: Mapping[str, Any] | None = None
    anonymise: Callable[[list], Any] | None = None
    keep: bool = False
    order: int = 100

    def __post_init__(self):
        if sum((self.blank is not None, self.anonymise is not None, self.keep)) > 1:
            raise ValueError(f"Retention rule {self.key}: give one of blank, anonymise or keep")

    @property
    def action(self) -> str:
        if self.keep:
            return KEEP
        if self.anonymise is not None:
            return ANONYMISE
        if self.blank is not None:
            return BLANK
        return DELETE

    @property
    def days(self) -> int:
        return self.period_days() if callable(self.period_days) else self.period_days

    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    def cutoff(self, now: datetime) -> datetime:
        return now - timedelta(days=self.days)

    @property
    def when(self) -> str:
        """ "6 months after the date of the visit", for the privacy notice, in the active
        language (``after`` is said so that it follows "after": Welsh "ar ôl")."""
        if self.days == 0:
            return gettext("As soon as %(after)s") % {"after": self.after}
        return gettext("%(period)s after %(after)s") % {
            "period": period_text(self.days),
            "after": self.after,
        }


def period_text(days: int) -> str:
    """Days as people say them, in the active language: "7 years", "6 months", "28 days"."""
    if days >= 365 and days % 365 == 0:
        years = days // 365
        return ngettext("%(count)s year", "%(count)s years", years) % {"count": years}
    months = round(days / 30.44)
    if days >= 28 and months and abs(days - months * 30.44) <= 2:
        return ngettext("%(count)s month", "%(count)s months", months) % {"count": months}
    return ngettext("%(count)s day", "%(count)s days", days) % {"count": days}


_platform_rules: dict[str, RetentionRule] = {}


def retention_rules_register(*rules: RetentionRule) -> None:
    """Declare rules of platform apps (services declare theirs on ``Service.retention``)."""
    for rule in rules:
        _platform_rules[rule.key] = rule


def retention_rules() -> list[RetentionRule]:
    """Every rule: the platform's, then each service's. Keys are unique."""
    from digital_services.core.registry import services_list

    rules = sorted(_platform_rules.values(), key=lambda r: (r.order, r.key))
    for service in services_list():
        rules.extend(service.retention)
    keys = [rule.key for rule in rules]
    duplicates = {key for key in keys if keys.count(key) > 1}
    if duplicates:
        raise ValueError(f"Retention rules declared twice: {', '.join(sorted(duplicates))}")
    return rules


def _history_model(model: type[models.Model]):
    """The simple-history model of ``model``, or None."""
    manager = getattr(model, "history", None)
    return getattr(manager, "model", None) if manager is not None else None


def _apply(rule: RetentionRule, model: type[models.Model], ids: list) -> None:
    history = _history_model(model)
    if rule.anonymise is not None:
        rule.anonymise(ids)
    elif rule.blank is not None:
        model._default_manager.filter(pk__in=ids).update(**rule.blank)
        if history is not None:
            history.objects.filter(**{f"{model._meta.pk.attname}__in": ids}).update(**rule.blank)
    else:
        model._default_manager.filter(pk__in=ids).delete()
        if history is not None:  # includes the "deleted" version the delete just wrote
            history.objects.filter(**{f"{model._meta.pk.attname}__in": ids}).delete()


def rule_apply(rule: RetentionRule, *, now: datetime, batch_size: int) -> int:
    """Apply one rule to every expired row, ``batch_size`` rows per transaction.

    Batches are taken in primary-key order after the last one done, so a rule whose
    rows stay matched (a failed anonymiser) cannot loop. Returns the rows dealt with
    (for ``keep`` rules: the rows past their period, left alone).
    """
    queryset = rule.expired(rule.cutoff(now))
    if rule.keep:
        return queryset.count()
    model = rule.model_class()
    done = 0
    last = None
    while True:
        page = queryset if last is None else queryset.filter(pk__gt=last)
        ids = list(page.order_by("pk").values_list("pk", flat=True)[:batch_size])
        if not ids:
            return done
        with transaction.atomic():
            _apply(rule, model, ids)
        done += len(ids)
        last = ids[-1]


def retention_run(
    *, now: datetime | None = None, batch_size: int | None = None, keys=None
) -> dict[str, int]:
    """Apply every retention rule (or those in ``keys``); returns the count per rule key.

    Logs one line per rule with its key, action and count: never a value from a row.
    """
    now = now or timezone.now()
    batch_size = batch_size or settings.RETENTION_BATCH_SIZE
    counts: dict[str, int] = {}
    for rule in retention_rules():
        if keys is not None and rule.key not in keys:
            continue
        counts[rule.key] = rule_apply(rule, now=now, batch_size=batch_size)
        logger.info(
            "Retention %s (%s after %s days): %d rows",
            rule.key,
            "past period, kept" if rule.keep else rule.action,
            rule.days,
            counts[rule.key],
        )
    return counts


@dataclass(frozen=True)
class RetentionRow:
    """One row of the privacy notice's retention table."""

    service: str
    information: str
    how_long: str


def _how_long(rule: RetentionRule) -> str:
    return f"{rule.when}: {rule.then}"


def retention_table() -> list[RetentionRow]:
    """The privacy notice's "How long we keep it" rows, from the rules themselves, in the
    active language (a service's name as its pages show it)."""
    from digital_services.core.registry import services_list

    rows = [
        RetentionRow(service="", information=str(rule.information), how_long=_how_long(rule))
        for rule in sorted(_platform_rules.values(), key=lambda r: (r.order, r.key))
    ]
    for service in services_list():
        rows.extend(
            RetentionRow(
                service=gettext(service.name),
                information=str(rule.information),
                how_long=_how_long(rule),
            )
            for rule in service.retention
        )
    return rows
