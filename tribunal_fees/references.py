"""This service's references, made by the platform's generator (core/references.py).

Fees are ``TF-XXX-XXX`` and Help with Fees applications ``HWF-XXX-XXX``: the six characters
are five random ones from the platform's alphabet and its check character. References made
before that used another alphabet (with L and U) and no check character; they stay valid,
so a look-up matches what was typed against every form it may be stored in
(``reference_stored_forms``). Refund applications are ``C`` and 7 digits, in order.
"""

from __future__ import annotations

from collections.abc import Callable

from digital_services.core.references import (
    ALPHABET,
    reference_candidates,
    reference_is_valid,
    reference_new,
    reference_plain,
)

from .constants import REFERENCE_ALPHABET, REFUND_REFERENCE_BASE

#: The prefixes of random references, longest first ("HWF" before a shorter one).
PREFIXES = ("HWF", "TF")
BODY_LENGTH = 6


def reference_random(prefix: str, *, exists: Callable[[str], bool]) -> str:
    """A new ``PREFIX-XXX-XXX`` not used yet (``exists(reference)`` says whether it is).

    Raises ``RuntimeError`` when every draw collides (the space is nearly full).
    """
    return reference_new(
        length=BODY_LENGTH, exists=exists, store_as=lambda body: f"{prefix}-{body[:3]}-{body[3:]}"
    )


def reference_stored_forms(text: str) -> list[str]:
    """Every stored reference that what someone typed may mean: spaces, hyphens and case
    forgiven, and O/I/L read as 0/1 only where that is how it was made ("tf abc def",
    "TFABCDEF" and "TF-ABC-DEF" all find TF-ABC-DEF)."""
    forms: list[str] = []
    for plain in reference_candidates(text):
        prefix = next((p for p in PREFIXES if plain.startswith(p)), None)
        if prefix is not None and len(plain) == len(prefix) + BODY_LENGTH:
            body = plain[len(prefix) :]
            stored = f"{prefix}-{body[:3]}-{body[3:]}"
        else:
            stored = plain
        if stored and stored not in forms:
            forms.append(stored)
    return forms


def _body(stored: str) -> str:
    return reference_plain(stored)[-BODY_LENGTH:]


def _body_new(stored: str) -> bool:
    return reference_is_valid(_body(stored), length=BODY_LENGTH)


def _body_older(stored: str) -> bool:
    return all(c in REFERENCE_ALPHABET for c in _body(stored))


def reference_typed(text: str, prefix: str) -> tuple[str, str]:
    """(the stored form, problem) for a ``prefix`` reference someone typed: the problem is
    "" when it may be ours (a new one with its check character right, or an older one),
    "format" when it does not look like one, "check" when a character is wrong."""
    forms = [f for f in reference_stored_forms(text) if f.startswith(f"{prefix}-")]
    if not forms:
        return reference_normalise(text), "format"
    for stored in forms:
        if _body_new(stored):
            return stored, ""
    for stored in forms:
        if _body_older(stored):
            return stored, ""
    if all(c in ALPHABET or c in REFERENCE_ALPHABET for c in _body(forms[-1])):
        return forms[0], "check"
    return forms[0], "format"


def reference_normalise(value: str) -> str:
    """What a person typed, upper case, without spaces (hyphens kept)."""
    return "".join((value or "").split()).upper()


def refund_reference_for(pk: int) -> str:
    """``C`` and 7 digits, sequential from C1000001 (the row's id counts from 1)."""
    return f"C{REFUND_REFERENCE_BASE + pk}"
