"""Template helpers: declaration wording in assisted mode, and error summary links.

``{% load assisted_digital %}`` then:

- ``{% whose %}`` / ``{% whose capital=False %}``: "Your" / "your" to a citizen; while a
  member of staff is helping someone, the citizen's name as a possessive ("Margaret
  Evans’s"), so shared pages speak of the citizen ("Margaret Evans’s applications").
- ``{% declaration_subject %}``: "The applicant has confirmed" while a member of
  staff is helping someone, otherwise "I confirm".
- ``{% include "assisted_digital/declaration.html" with declaration=text %}``: a
  declaration written in the first person ("I confirm that the information I
  have given is correct."), shown as is to a citizen; in an assisted session the
  staff member is asked to read it out and the page records "The applicant has
  confirmed that the information they have given is correct."
"""

from __future__ import annotations

import re

from crispy_forms_gds.templatetags.crispy_forms_gds import field_errors
from django import forms, template
from django.utils.translation import gettext

register = template.Library()

SUBJECT_ASSISTED = "The applicant has confirmed"
SUBJECT_CITIZEN = "I confirm"

#: First-person openings and what they become when the applicant said them to staff.
OPENINGS = (
    ("I confirm", "The applicant has confirmed"),
    ("I declare", "The applicant has declared"),
    ("I agree", "The applicant has agreed"),
    ("I understand", "The applicant has confirmed they understand"),
)
#: First person to third, applied after the opening (order matters: longest first).
PRONOUNS = (
    (r"\bI am\b", "they are"),
    (r"\bI'm\b", "they are"),
    (r"\bI’m\b", "they are"),
    (r"\bI was\b", "they were"),
    (r"\bI have\b", "they have"),
    (r"\bI've\b", "they have"),
    (r"\bI’ve\b", "they have"),
    (r"\bI\b", "they"),
    (r"\bmyself\b", "themselves"),
    (r"\bmy\b", "their"),
    (r"\bMy\b", "Their"),
    (r"\bme\b", "them"),
    (r"\bmine\b", "theirs"),
)


def _in_assisted_session(context) -> bool:
    request = context.get("request")
    return getattr(request, "assisted_session", None) is not None


def possessive(name: str) -> str:
    """ "Margaret Evans" → "Margaret Evans’s" (GOV.UK style adds ’s after a final s too)."""
    name = " ".join((name or "").split())
    return f"{name}’s" if name else "the applicant’s"


def whose_for(request, *, capital: bool = True) -> str:
    """ "Your" to a citizen; the helped citizen's possessive in an assisted-digital session."""
    session = getattr(request, "assisted_session", None)
    if session is not None:
        text = possessive(getattr(session.citizen, "full_name", ""))
        return text[:1].upper() + text[1:]
    return gettext("Your") if capital else gettext("your")


@register.simple_tag(takes_context=True)
def whose(context, capital: bool = True) -> str:
    return whose_for(context.get("request"), capital=capital)


@register.simple_tag(takes_context=True)
def declaration_subject(context) -> str:
    return SUBJECT_ASSISTED if _in_assisted_session(context) else SUBJECT_CITIZEN


def declaration_for_applicant(text: str) -> str:
    """A first-person declaration as staff record it: "I confirm that I…" → "The applicant
    has confirmed that they…". Text with another opening is quoted after "The applicant
    has confirmed:"."""
    text = " ".join((text or "").split())
    for opening, replacement in OPENINGS:
        if text.startswith(opening + " ") or text == opening:
            rest = text[len(opening) :]
            for pattern, pronoun in PRONOUNS:
                rest = re.sub(pattern, pronoun, rest)
            return replacement + rest
    return f"{SUBJECT_ASSISTED}: “{text}”"


@register.simple_tag(takes_context=True)
def declaration_text(context, text: str) -> str:
    """The declaration as this page should show it (see the module docstring)."""
    return declaration_for_applicant(text) if _in_assisted_session(context) else text


@register.simple_tag
def error_items(form) -> list[dict]:
    """Error summary rows linking to the first input of each field (radios and
    checkboxes to their first option, dates to the day)."""
    if form is None or not form.errors:
        return []
    items = []
    first_id = next((f.auto_id for f in form.visible_fields()), "main-content")
    for message in form.non_field_errors():
        items.append({"text": message, "href": f"#{first_id}"})
    for bound in form.visible_fields():
        widget = bound.field.widget
        # (id, errors) pairs: a date's errors belong to its day, month or year input.
        for field_id, messages in field_errors(bound):
            if field_id == bound.auto_id:
                if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
                    field_id = f"{bound.auto_id}_1"
                elif isinstance(widget, forms.MultiWidget):
                    field_id = f"{bound.auto_id}_0"
            items.extend({"text": message, "href": f"#{field_id}"} for message in messages)
    return items
