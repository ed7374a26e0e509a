"""Rows of Make a lasting power of attorney's admin models for the admin query tests
(``tests/quality/queries/seed.py`` reads ``SEEDERS`` from here): LPAs with every question
answered, each with its own account and reference."""

import itertools

from lasting_power.models import Lpa

from .factories import lpa_answered

_numbers = itertools.count(1)


def lpas_seed(n: int) -> list:
    first = lpa_answered(attorneys=2, replacements=1, notify=1)
    made = [first]
    for _ in range(n - 1):
        number = next(_numbers)
        made.append(
            Lpa.objects.create(
                reference=f"ASEED{number:07d}",
                user=first.user,
                lpa_type=first.lpa_type,
                answers=first.answers,
                acknowledged=first.acknowledged,
                donor_name=first.donor_name,
            )
        )
    return made


SEEDERS = {"lasting_power.Lpa": lpas_seed}
