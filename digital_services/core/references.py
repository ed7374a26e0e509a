"""Citizen references: the one generator every service uses.

A reference is drawn from Crockford's base32 alphabet (no I, L, O or U, so nothing reads
as something else) and ends in a check character, so that a reference mistyped by one
character, or with two characters swapped, is caught before anything is looked up.

The check character is a weighted sum over GF(32) (the field of 32 elements, built on the
primitive polynomial x^5 + x^2 + 1): position ``i`` is weighted ``a^(i+1)`` and the check
character ``a^0 = 1``. Because the field has no zero divisors, changing any one character
changes the sum, and swapping any two different characters (next to each other or not)
changes it by ``(w_i + w_j)(c_i + c_j)``, which is never zero. That holds for references of
up to 30 characters before the check character. Crockford's own mod-37 check needs five
extra symbols (``*~$=U``) that people cannot be expected to read out or type.

People type references with spaces, hyphens, in lower case and with O for 0 or I/L for 1:
``reference_normalise`` forgives all of that. References made before the check character
(and, for tribunal fees, from another alphabet) stay valid: look-ups match any of
``reference_candidates`` exactly, and never reject a reference only for its check character.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
#: What people type for what they mean (Crockford): O is 0, I and L are 1.
LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
#: Characters people put between groups; never part of a reference.
SEPARATORS = re.compile(r"[\s\-‐-―]+")
MAX_BODY = 30
MAX_TRIES = 20

_VALUES = {char: value for value, char in enumerate(ALPHABET)}
# GF(32) exponent and logarithm tables for a = x, modulo x^5 + x^2 + 1.
_EXP: list[int] = []
_LOG: dict[int, int] = {}
_x = 1
for _power in range(31):
    _EXP.append(_x)
    _LOG[_x] = _power
    _x <<= 1
    if _x & 0b100000:
        _x ^= 0b100101
del _x, _power


def _multiply(a: int, b: int) -> int:
    if a == 0 or b == 0:
        return 0
    return _EXP[(_LOG[a] + _LOG[b]) % 31]


def reference_check_character(body: str) -> str:
    """The check character for ``body`` (characters from ``ALPHABET`` only).

    Raises ``ValueError`` for a character outside the alphabet or a body over 30 long.
    """
    if len(body) > MAX_BODY:
        raise ValueError(f"A reference body has at most {MAX_BODY} characters")
    total = 0
    for position, char in enumerate(body):
        if char not in _VALUES:
            raise ValueError(f"{char!r} is not in the reference alphabet")
        total ^= _multiply(_EXP[(position + 1) % 31], _VALUES[char])
    return ALPHABET[total]


def reference_for_number(number: int, *, length: int = 9) -> str:
    """A reference made from a number (for seeded demo and benchmark rows): ``length - 1``
    base32 digits of ``number`` then the check character. Raises ``ValueError`` when the
    number does not fit."""
    if number < 0 or number >= 32 ** (length - 1):
        raise ValueError(f"{number} does not fit in a reference of {length} characters")
    digits = ""
    for _ in range(length - 1):
        number, rest = divmod(number, 32)
        digits = ALPHABET[rest] + digits
    return digits + reference_check_character(digits)


def reference_new(
    *,
    length: int = 9,
    exists: Callable[[str], bool] | None = None,
    store_as: Callable[[str], str] = lambda body: body,
) -> str:
    """A new random reference of ``length`` characters, the last one the check character.

    ``store_as(reference)`` gives the stored form (a service's prefix and hyphens) and
    ``exists(stored)`` says whether that is taken; the stored form is returned. Raises
    ``RuntimeError`` if ``MAX_TRIES`` draws all collide (the space is nearly full).
    """
    if not 2 <= length <= MAX_BODY + 1:
        raise ValueError(f"A reference has 2 to {MAX_BODY + 1} characters")
    for _ in range(MAX_TRIES):
        body = "".join(secrets.choice(ALPHABET) for _ in range(length - 1))
        stored = store_as(body + reference_check_character(body))
        if exists is None or not exists(stored):
            return stored
    raise RuntimeError("Could not find an unused reference")


def reference_plain(text: str) -> str:
    """What someone typed, upper case, without spaces or hyphens (no look-alikes mapped)."""
    return SEPARATORS.sub("", text or "").upper()


def reference_normalise(text: str) -> str:
    """What someone typed, as the reference it means: separators removed, upper case, and
    O read as 0, I and L as 1 (" g0qy-eqp3 " and "GOQYEQP3" both give "G0QYEQP3")."""
    return reference_plain(text).translate(LOOK_ALIKES)


def reference_candidates(text: str) -> list[str]:
    """The stored forms a typed reference may be: as typed (plain) and with look-alikes read
    as digits. Older references kept letters the mapping would change, so a look-up tries
    both."""
    plain = reference_plain(text)
    normalised = plain.translate(LOOK_ALIKES)
    return [plain] if plain == normalised else [plain, normalised]


def reference_is_valid(text: str, *, length: int | None = None) -> bool:
    """Whether ``text`` (as typed) is a reference from ``reference_new``: all its characters
    in the alphabet, ``length`` long if given, and its check character right."""
    value = reference_normalise(text)
    if len(value) < 2 or (length is not None and len(value) != length):
        return False
    if any(char not in _VALUES for char in value) or len(value) > MAX_BODY + 1:
        return False
    return reference_check_character(value[:-1]) == value[-1]


def reference_display(text: str, *, group: int | None = None) -> str:
    """A reference in groups separated by spaces, easier to read out and copy:
    groups of 4 when the length allows ("G0QY EQP3"), otherwise of 3 ("G0Q YEQ P3X")."""
    value = reference_plain(text)
    if group is None:
        group = 4 if len(value) % 4 == 0 else 3
    return " ".join(value[i : i + group] for i in range(0, len(value), group))


#: The key the access codes' hashes are made with. Named for the first service that issued
#: codes: changing it would make every code already posted fail.
ACCESS_CODE_SALT = "civil_claims.access_code"


def access_code_hash(code: str) -> str:
    """The keyed hash kept for an access code posted to a citizen (a defendant's, an
    attorney's): the code itself is never stored. The code is normalised first, so it can be
    typed in any case, with spaces or hyphens, and with O for 0."""
    from django.utils.crypto import salted_hmac

    return salted_hmac(ACCESS_CODE_SALT, reference_normalise(code), algorithm="sha256").hexdigest()


class ReferenceSearchMixin:
    """For a ModelAdmin: the search box also finds a case by its reference as shown or as
    read out ("G0QY EQP3", "g0qy-eqp3", "GOQY EQP3"), not only as stored.

    ``reference_search_field`` names the field; a service whose stored references carry a
    prefix or hyphens overrides ``reference_search_forms``.
    """

    reference_search_field = "reference"

    def reference_search_forms(self, search_term: str) -> list[str]:
        return reference_candidates(search_term)

    def get_search_results(self, request, queryset, search_term):
        """A term that is a case's reference finds that case alone: the admin's own search
        would split "C 2000 123" into words and also list every case one word matches."""
        forms = [f for f in self.reference_search_forms(search_term) if f]
        if forms:
            exact = queryset.filter(**{f"{self.reference_search_field}__in": forms})
            if exact.exists():
                return exact, False
        return super().get_search_results(request, queryset, search_term)
