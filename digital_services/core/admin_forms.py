"""Model constraints' errors in the staff pages: in plain English, next to the field.

Every ``CheckConstraint`` and ``UniqueConstraint`` on a model staff can edit in the admin
declares a ``violation_error_message`` written for staff ("The end time must be after the
start time"); without one Django shows its own (`Constraint "pv_weekly_slot_ends_after" is
violated.`). Django puts a constraint's error at the top of the form, or of an inline's row,
not on a field: ``ConstraintErrorsOnFieldsForm`` (the ``form`` of each such ModelAdmin and
inline) moves it onto the field the constraint is about, so staff see what to change where
they change it. ``tests/core/test_admin_constraints.py`` checks both for every admin-editable
model.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import CheckConstraint, Q, UniqueConstraint


def constraint_fields(constraint) -> list[str]:
    """The model fields a constraint is about, the one to show its error on first.

    A unique constraint's last field is the one that makes the row a duplicate (the
    start time of a prison's weekly slot); a check constraint's fields in the order its
    condition names them (``end_time`` in ``end_time > start_time``).
    """
    if isinstance(constraint, UniqueConstraint):
        return list(reversed(constraint.fields))
    if isinstance(constraint, CheckConstraint):
        names: list[str] = []

        def walk(node) -> None:
            for child in node.children if isinstance(node, Q) else ():
                if isinstance(child, Q):
                    walk(child)
                elif isinstance(child, tuple):
                    name = child[0].split("__")[0]
                    if name not in names:
                        names.append(name)

        walk(constraint.condition)
        return names
    return []


class ConstraintErrorsOnFieldsForm(forms.ModelForm):
    """A ModelForm that shows a model constraint's error on the field it is about."""

    def _constraint_field(self, message: str) -> str | None:
        for constraint in self._meta.model._meta.constraints:
            if str(constraint.violation_error_message) != message:
                continue
            for name in constraint_fields(constraint):
                field = self.fields.get(name)
                if field is not None and not field.widget.is_hidden:
                    return name
        return None

    def add_error(self, field, error):
        if field is not None or not hasattr(error, "error_dict"):
            return super().add_error(field, error)
        remaining: dict[str, list] = {}
        for name, errors in error.error_dict.items():
            for each in errors:
                message = each.message % each.params if each.params else each.message
                target = self._constraint_field(str(message)) if name == NON_FIELD_ERRORS else None
                remaining.setdefault(target or name, []).append(each)
        for name, errors in remaining.items():
            super().add_error(None if name == NON_FIELD_ERRORS else name, ValidationError(errors))
        return None
