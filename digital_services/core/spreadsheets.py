"""CSV cells that a spreadsheet shows as text: the one ``csv_safe`` every export uses."""

from __future__ import annotations

#: A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
CSV_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_safe(value, *, numbers: bool = False) -> str:
    """``value`` as a cell a spreadsheet will show as text, never run as a formula: a
    leading ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a ``'`` before it.
    ``None`` is an empty cell. With ``numbers=True`` a plain number ("-12.50", an amount)
    stays a number."""
    text = "" if value is None else str(value)
    if text.startswith(CSV_FORMULA_PREFIXES) and not (numbers and _is_number(text)):
        return "'" + text
    return text
