"""Postal address lines as GOV.UK Notify will take them, checked where the address is typed.

Notify refuses a letter (validation-failed) whose address line starts with one of
``@ ( ) = [ ] " \\ / , < >``, or whose first two lines have no letter or digit in
them. Found only when the letter is sent, the person has long gone; checked when
the address is entered, they can fix it there and then.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext

# The characters Notify will not have at the start of an address line.
INVALID_FIRST_CHARACTERS = '@()=[]"\\/,<>'


def address_line_problem(line: str, *, position: int, label: str = "") -> str:
    """What is wrong with address line ``position`` (1 is the first), in GOV.UK words; ''
    if nothing. ``label`` names the field as the page does ("Town or city")."""
    text = (line or "").strip()
    name = label or gettext("Address line %(number)s") % {"number": position}
    if not text:
        return ""
    if text[0] in INVALID_FIRST_CHARACTERS:
        return gettext(
            "%(field)s cannot start with %(character)s. Start it with a letter or a number"
        ) % {"field": name, "character": text[0]}
    if position <= 2 and not any(character.isalnum() for character in text):
        return gettext("%(field)s must include letters or numbers") % {"field": name}
    return ""


def address_problems(lines: Sequence[str]) -> list[str]:
    """Every problem Notify would have with these address lines (postcode last), in order."""
    problems = []
    for position, line in enumerate(lines, start=1):
        problem = address_line_problem(line, position=position)
        if problem:
            problems.append(problem)
    return problems


def address_fields_check(form, data: dict, field_names: Sequence[str]) -> None:
    """Put Notify's address-line problems on a form's own fields, as it is cleaned: the
    filled fields of ``field_names`` (in the order they are printed) are the letter's
    address lines. Every form where a postal address is typed calls this, so a letter is
    never refused for its address after the person has gone."""
    filled = [name for name in field_names if (data.get(name) or "").strip()]
    for position, name in enumerate(filled, start=1):
        if name in form.errors:
            continue
        field = form.fields.get(name)
        label = (field.label or "") if field is not None else ""
        problem = address_line_problem(
            data[name], position=position, label=label.removesuffix(" (optional)")
        )
        if problem:
            form.add_error(name, problem)
