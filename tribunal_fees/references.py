"""Citizen references: random from an alphabet without look-alike characters, grouped 3-3."""

from __future__ import annotations

import secrets

from .constants import REFERENCE_ALPHABET, REFUND_REFERENCE_BASE

MAX_TRIES = 20


def reference_random(prefix: str, *, exists) -> str:
    """``PREFIX-XXX-XXX`` not yet used (``exists(reference)`` says whether it is).

    29 characters, 6 places: about 595 million references. Raises ``RuntimeError``
    if ``MAX_TRIES`` draws all collide, which means the space is nearly full.
    """
    for _ in range(MAX_TRIES):
        chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
        reference = f"{prefix}-{chars[:3]}-{chars[3:]}"
        if not exists(reference):
            return reference
    raise RuntimeError(f"Could not find an unused {prefix} reference")


def reference_normalise(value: str) -> str:
    """What a person typed, as stored: upper case, no spaces."""
    return "".join((value or "").split()).upper()


def refund_reference_for(pk: int) -> str:
    """``C`` and 7 digits, sequential from C1000001 (the row's id counts from 1)."""
    return f"C{REFUND_REFERENCE_BASE + pk}"
