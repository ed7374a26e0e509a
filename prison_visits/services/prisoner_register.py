"""Importing a prison's prisoner register."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from digital_services.audit.services import audit_record

from ..constants import (
    SERVICE_SLUG,
)
from ..models import Prison
from ..rules import (
    prison_number_normalise,
)

# ---------------------------------------------------------------- prisoner register


@dataclass
class RegisterImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    errors: list[str] | None = None


REGISTER_COLUMNS = ("prison_number", "first_name", "last_name", "date_of_birth")


def _register_date(value: str) -> date:
    value = (value or "").strip()
    for parse in (
        date.fromisoformat,
        lambda v: datetime.strptime(v, "%d/%m/%Y").date(),
    ):
        try:
            return parse(value)
        except ValueError:
            continue
    raise ValueError("date_of_birth must be a date like 1990-01-31 or 31/01/1990")


def prisoner_register_import(
    *, prison: Prison, rows, deactivate_missing: bool = False
) -> RegisterImportResult:
    """Create or update register entries from CSV rows (dicts keyed by the header).

    Every row is checked first; if any is wrong nothing is saved and
    ``errors`` lists each problem with its line number (the header is line 1).
    Running the same file twice changes nothing the second time. With
    ``deactivate_missing``, active entries not in the file are made inactive.
    """
    from ..models import PrisonerRegisterEntry
    from ..rules import prison_number_is_valid

    result = RegisterImportResult(errors=[])
    parsed: dict[str, dict] = {}
    today = timezone.localdate()
    for line, row in enumerate(rows, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k}
        missing = [c for c in REGISTER_COLUMNS if c not in row]
        if missing:
            result.errors.append(f"Line {line}: missing column(s) {', '.join(missing)}")
            continue
        problems = []
        number = prison_number_normalise(row["prison_number"])
        if not prison_number_is_valid(number):
            problems.append(f"prison number {row['prison_number']!r} is not like A1234BC")
        for name in ("first_name", "last_name"):
            if not row[name]:
                problems.append(f"{name} is empty")
            elif len(row[name]) > 30 or "<" in row[name] or ">" in row[name]:
                problems.append(f"{name} must be 30 characters or fewer, without < or >")
        try:
            born = _register_date(row["date_of_birth"])
            if born >= today or born.year < today.year - 120:
                problems.append("date_of_birth must be in the past and no more than 120 years ago")
        except ValueError as exc:
            problems.append(str(exc))
            born = None
        active_text = row.get("active", "").lower()
        if active_text not in ("", "yes", "no", "true", "false", "1", "0", "y", "n"):
            problems.append("active must be yes or no")
        if number in parsed:
            problems.append(f"prison number {number} appears twice in the file")
        if problems:
            result.errors.append(f"Line {line}: " + "; ".join(problems))
            continue
        parsed[number] = {
            "first_name": row["first_name"],
            "last_name": row["last_name"],
            "date_of_birth": born,
            "active": active_text not in ("no", "false", "0", "n"),
        }
    if result.errors:
        return result
    with transaction.atomic():
        existing = {
            e.prison_number: e
            for e in PrisonerRegisterEntry.objects.select_for_update().filter(prison=prison)
        }
        to_create, to_update = [], []
        for number, values in parsed.items():
            entry = existing.get(number)
            if entry is None:
                to_create.append(
                    PrisonerRegisterEntry(prison=prison, prison_number=number, **values)
                )
            elif any(getattr(entry, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(entry, k, v)
                to_update.append(entry)
            else:
                result.unchanged += 1
        PrisonerRegisterEntry.objects.bulk_create(to_create)
        fields = ["first_name", "last_name", "date_of_birth", "active", "updated_at"]
        now = timezone.now()
        for entry in to_update:
            entry.updated_at = now
        PrisonerRegisterEntry.objects.bulk_update(to_update, fields)
        result.created, result.updated = len(to_create), len(to_update)
        if deactivate_missing:
            result.deactivated = (
                PrisonerRegisterEntry.objects.filter(prison=prison, active=True)
                .exclude(prison_number__in=list(parsed))
                .update(active=False, updated_at=now)
            )
        audit_record(
            action="prison_visits.register.imported",
            service=SERVICE_SLUG,
            detail={
                "prison": prison.slug,
                "created": result.created,
                "updated": result.updated,
                "deactivated": result.deactivated,
            },
        )
    return result
