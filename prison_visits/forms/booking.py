"""Forms for the booking journey: the prison, the prisoner, the slots."""

from __future__ import annotations

from functools import cached_property

from crispy_forms_gds.layout import (
    Field,
    Fieldset,
    Fluid,
    Size,
)
from django import forms
from django.utils.choices import CallableChoiceIterator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.dates import time_format
from digital_services.core.form_helpers import lazy_form_helper
from digital_services.core.queries import CompiledQuery, shaped_rows

from .. import emails
from ..models import Prison, SlotTime
from ..rules import (
    prison_number_is_valid,
    prison_number_normalise,
)
from ..selectors import PRISONER_NOT_FOUND, prisoner_register_check
from .common import (
    CHOICE_FIELDS,
    GovukDateField,
    _name_clean,
    _name_field,
    date_of_birth_check,
    prison_name_key,
)

#: A prison's columns, as ``Prison.from_db`` takes them, and where its names are among them.
_PRISON_COLUMNS = tuple(field.attname for field in Prison._meta.concrete_fields)
_NAME, _NAME_CY, _SLUG = (_PRISON_COLUMNS.index(name) for name in ("name", "name_cy", "slug"))
_EVERY_PRISON = CompiledQuery(lambda: Prison.objects.order_by("name").values_list(*_PRISON_COLUMNS))


class PrisonChoiceForm(forms.Form):
    """Which prison: the name typed, found among every prison (a list of all of them is on
    the page). A prison that does not take bookings online is a valid answer: the journey
    then shows the "you cannot book here" page that fits."""

    prison = forms.CharField(
        label=_("Prison name"),
        help_text=_("For example, HMP Brixton or Brixton"),
        max_length=100,
        error_messages={
            "required": _("Enter the name of the prison"),
            "max_length": _("Prison name must be 100 characters or fewer"),
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = lazy_form_helper(lambda: [Field.text("prison", field_width=Fluid.TWO_THIRDS)])

    @cached_property
    def _prison_rows(self) -> list[tuple]:
        """Every prison's row, A to Z: one query, its SQL built once per process, and no
        prison made until one is wanted (every later page of the booking checks the answer
        against a hundred-odd of them)."""
        return _EVERY_PRISON.rows()

    @staticmethod
    def _prison_from(row: tuple) -> Prison:
        return Prison.from_db(Prison.objects.db, _PRISON_COLUMNS, row)

    @cached_property
    def prisons(self) -> list[Prison]:
        """Every prison, A to Z, whole (one query, made only when needed)."""
        return [self._prison_from(row) for row in self._prison_rows]

    @cached_property
    def prisons_listed(self) -> list[Prison]:
        """Every prison, A to Z, for the page's list: the prisons already read to check an
        answer, or else only the columns the list shows (names and whether it books online)
        of a hundred-odd prisons, not all thirty."""
        if "_prison_rows" in self.__dict__:
            return self.prisons
        return shaped_rows(
            Prison.objects.order_by("name").only("name", "name_cy", "enabled", "availability")
        )

    def clean_prison(self) -> Prison:
        typed = self.cleaned_data["prison"].strip()
        key = prison_name_key(typed)
        lowered = typed.lower()
        exact = [
            row
            for row in self._prison_rows
            if lowered in (row[_NAME].lower(), row[_NAME_CY].lower(), row[_SLUG])
            or (key and key in (prison_name_key(row[_NAME]), prison_name_key(row[_NAME_CY])))
        ]
        if len(exact) == 1:
            return self._prison_from(exact[0])
        found = exact or [
            row
            for row in self._prison_rows
            if key
            and (
                key in prison_name_key(row[_NAME])
                or (row[_NAME_CY] and key in prison_name_key(row[_NAME_CY]))
            )
        ]
        if len(found) == 1:
            return self._prison_from(found[0])
        if not found:
            raise forms.ValidationError(
                gettext(
                    "Enter the name of a prison in England or Wales, for example HMP Brixton. "
                    "Check the spelling, or look for it in the list of prisons"
                )
            )
        names = [row[_NAME] for row in found[:3]]
        either = gettext(" or ")
        example = (
            either.join(names) if len(found) <= 3 else ", ".join(names) + gettext(" or another")
        )
        raise forms.ValidationError(
            gettext(
                "More than one prison has that name in it. Enter the full name, for example %(example)s"
            )
            % {"example": example}
        )

    @staticmethod
    def to_json(cleaned_data: dict) -> dict:
        prison = cleaned_data["prison"]
        return {"prison": prison.name}

    @staticmethod
    def from_json(data: dict) -> dict:
        return {"prison": str(data.get("prison") or "")}


class PrisonUnavailableForm(forms.Form):
    """The "you cannot book here" page: nothing to answer, and never a valid answer, so the
    journey cannot go on with that prison."""

    def __init__(self, *args, prison: Prison | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.prison = prison

    def clean(self):
        name = self.prison.name_here if self.prison else gettext("This prison")
        raise forms.ValidationError(
            gettext("%(prison)s does not take visit requests online") % {"prison": name}
        )


class PrisonerForm(forms.Form):
    """The prisoner's name, date of birth and prison number, checked against the register."""

    first_name = _name_field(_("First name"), _("Enter the prisoner’s first name"))
    last_name = _name_field(_("Last name"), _("Enter the prisoner’s last name"))
    date_of_birth = GovukDateField(
        label=_("Date of birth"),
        what=_("the prisoner’s date of birth"),
        help_text=_("For example, 27 3 1985"),
    )
    prison_number = forms.CharField(
        label=_("Prison number"),
        help_text=_("This is 1 letter, 4 numbers and 2 letters, for example A1234BC"),
        max_length=20,
        error_messages={
            "required": _("Enter the prisoner’s prison number"),
            "max_length": _("Enter a prison number in the format A1234BC"),
        },
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocapitalize": "characters"}),
    )

    def __init__(self, *args, prison: Prison | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.prison = prison
        self.helper = lazy_form_helper(
            lambda: [
                Fieldset(
                    Field.text("first_name", field_width=20),
                    Field.text("last_name", field_width=20),
                    Field("date_of_birth"),
                    Field.text("prison_number", field_width=10),
                    legend=gettext("The prisoner’s details"),
                    legend_size=Size.MEDIUM,
                )
            ]
        )

    def clean_first_name(self):
        return _name_clean(self.cleaned_data["first_name"], gettext("First name"))

    def clean_last_name(self):
        return _name_clean(self.cleaned_data["last_name"], gettext("Last name"))

    def clean_date_of_birth(self):
        return date_of_birth_check(
            self.cleaned_data.get("date_of_birth"),
            whose="The prisoner’s",
            in_the_past=gettext("The prisoner’s date of birth must be in the past"),
            too_old=gettext("The prisoner’s date of birth cannot be more than %(years)s years ago"),
        )

    def clean_prison_number(self):
        number = prison_number_normalise(self.cleaned_data["prison_number"])
        if not prison_number_is_valid(number):
            raise forms.ValidationError(gettext("Enter a prison number in the format A1234BC"))
        return number

    def clean(self):
        data = super().clean()
        number, born = data.get("prison_number"), data.get("date_of_birth")
        if self.prison is None or not number or not born or self.errors:
            return data
        check = prisoner_register_check(
            prison=self.prison, prison_number=number, date_of_birth=born
        )
        if check == PRISONER_NOT_FOUND:
            where = self.prison.name_here
            self.add_error(
                "prison_number",
                gettext(
                    "Check the prison number: it does not match a prisoner at %(prison)s "
                    "with this date of birth"
                )
                % {"prison": where},
            )
            self.add_error(
                "date_of_birth",
                gettext(
                    "Check the date of birth: it does not match a prisoner at %(prison)s "
                    "with this prison number"
                )
                % {"prison": where},
            )
        return data


class SlotChoiceForm(forms.Form):
    """Up to 3 visit times in order of preference, from the prison's availability.

    A gap is closed up (a first and a third choice become first and second).
    """

    weekdays = (
        (_("Mon"), _("Monday")),
        (_("Tue"), _("Tuesday")),
        (_("Wed"), _("Wednesday")),
        (_("Thu"), _("Thursday")),
        (_("Fri"), _("Friday")),
        (_("Sat"), _("Saturday")),
        (_("Sun"), _("Sunday")),
    )

    choice_1 = forms.CharField(label=_("First choice"), required=False, max_length=40)
    choice_2 = forms.CharField(label=_("Second choice (optional)"), required=False, max_length=40)
    choice_3 = forms.CharField(label=_("Third choice (optional)"), required=False, max_length=40)

    def __init__(self, *args, availability=None, prisoner_name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.availability = availability
        self.prisoner_name = prisoner_name
        # Worked out when a list is drawn, once for the three: every later page of the
        # booking makes this form only to check the times chosen.
        choices = CallableChoiceIterator(lambda: self.time_choices)
        for name in CHOICE_FIELDS:
            self.fields[name].widget = forms.Select(choices=choices)
        self.helper = lazy_form_helper(
            lambda: [
                Fieldset(
                    *CHOICE_FIELDS,
                    legend=gettext("Your choices, in order of preference"),
                    legend_size=Size.MEDIUM,
                )
            ]
        )

    @cached_property
    def time_choices(self) -> list:
        """The lists' choices (without JavaScript): each day's times that can be chosen."""
        groups = []
        if self.availability is not None:
            for day in sorted(self.availability.days):
                slots = self.availability.days[day].available_slots
                if slots:
                    groups.append(
                        (
                            emails.date_text(day, emails.page_language()),
                            [(s.key, _time_range(s.slot)) for s in slots],
                        )
                    )
        return [("", gettext("Choose a time")), *groups]

    def calendar(self) -> list[dict]:
        """Each month of the window for the page's calendar: weeks of day cells (None for a
        day of another month), each with what can be chosen that day and why not."""
        if self.availability is None:
            return []
        months = []
        for month in self.availability.months:
            weeks = []
            for week in month.weeks:
                cells = []
                for day in week:
                    if day is None:
                        cells.append(None)
                        continue
                    in_window = day.reason not in ("outside_window",)
                    cells.append(
                        {
                            "date": day.date,
                            "label": emails.date_text(day.date, emails.page_language()),
                            "in_window": in_window,
                            "available": day.available,
                            "state": day.state,
                            "note": ""
                            if day.available or day.reason == "no_slots"
                            else gettext(day.citizen_reason_text),
                            "slots": [
                                {
                                    "text": _time_range(s.slot),
                                    "available": s.available,
                                    "note": gettext(s.citizen_reason_text),
                                }
                                for s in day.slots
                            ]
                            if day.state != "unavailable"
                            else [],
                        }
                    )
                weeks.append(cells)
            months.append({"first_day": month.first_day, "weeks": weeks})
        return months

    @property
    def has_choices(self) -> bool:
        return bool(self.availability is not None and self.availability.available_slots)

    def _slot_problem(self, key: str) -> str:
        try:
            slot = SlotTime.from_key(key)
        except ValueError:
            return gettext("Choose a time from the list")
        state = self.availability.slot(key) if self.availability is not None else None
        if state is None:
            return gettext("Choose a time from the list")
        if state.available:
            return ""
        when = {"when": emails.slot_text(slot, emails.page_language())}
        if state.state == "fully_booked":
            return gettext("%(when)s is now fully booked. Choose another time") % when
        if state.reason == "no_allowance":
            return (
                gettext(
                    "You cannot choose %(when)s: the prisoner has no visiting allowance left "
                    "for that day. Choose another time"
                )
                % when
            )
        return gettext("%(when)s is no longer available. Choose another time") % when

    def clean(self):
        data = super().clean()
        chosen: list[str] = []
        for name in CHOICE_FIELDS:
            key = (data.get(name) or "").strip()
            if not key:
                continue
            problem = self._slot_problem(key)
            if problem:
                self.add_error(name, problem)
            elif key in chosen:
                self.add_error(
                    name,
                    gettext(
                        "You have already chosen this time. Choose a different time or leave this blank"
                    ),
                )
            else:
                chosen.append(key)
        if not chosen and not self.errors:
            self.add_error("choice_1", gettext("Choose a time for your visit"))
        if not self.errors:
            padded = chosen + [""] * (len(CHOICE_FIELDS) - len(chosen))
            for name, key in zip(CHOICE_FIELDS, padded, strict=True):
                data[name] = key
        return data


def _time_range(slot: SlotTime) -> str:
    return gettext("%(start)s to %(end)s") % {
        "start": time_format(slot.start),
        "end": time_format(slot.end),
    }


def slot_keys(cleaned: dict | None) -> list[str]:
    """The chosen slot keys of a ``SlotChoiceForm`` answer, in order."""
    if not cleaned:
        return []
    return [cleaned[name] for name in CHOICE_FIELDS if cleaned.get(name)]
