"""Forms: the staff pages (Django admin styling: process a request, cancel, message, day
sheet) and the citizen's booking journey and "check your visit" look-up (GOV.UK)."""

from __future__ import annotations

import re
from datetime import date
from functools import cached_property

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import (
    Field,
    Fieldset,
    Fluid,
    Layout,
    Size,
)
from django import forms
from django.core.validators import RegexValidator
from django.utils import timezone

from digital_services.accounts.citizens import phone_normalise
from digital_services.core.dates import time_format
from digital_services.core.references import reference_is_valid, reference_normalise
from digital_services.journeys.contact import (
    ADDRESS_FIELDS,
    CONTACT_EMAIL,
    CONTACT_POST,
    ContactForm,
    postal_address,
)

from . import emails
from .constants import (
    REFERENCE_ALPHABET,
    REFERENCE_LENGTH,
    REFERENCE_LENGTH_LEGACY,
    STAFF_CANCELLATION_REASONS,
    RejectionReason,
    VisitorExclusion,
)
from .models import Prison, SlotTime, Visit
from .rules import (
    VisitorDetails,
    age_on,
    prison_number_is_valid,
    prison_number_normalise,
    visitors_problems,
)
from .selectors import PRISONER_NOT_FOUND, prisoner_register_check

REJECT = "reject"
ACTION_PREVIEW = "preview"
ACTION_CONFIRM = "confirm"
ACTION_CHANGE = "change"


class ProcessVisitForm(forms.Form):
    """Book one of the requested times (with exclusions) or reject, plus an optional message."""

    outcome = forms.ChoiceField(
        label="Decision",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a time to book, or reject the request"},
    )
    closed = forms.BooleanField(label="Closed visit", required=False)
    booking_reference = forms.CharField(
        label="Booking reference",
        max_length=30,
        required=False,
        help_text="The prison system's booking reference (or 'none' for remand). Required to book.",
    )
    reasons = forms.MultipleChoiceField(
        label="Rejection reasons",
        choices=RejectionReason.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    allowance_renews_on = forms.DateField(
        label="Visiting allowance renews on",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="With 'no visiting allowance left': the visitor is told they can book from this date.",
    )
    rejection_detail = forms.CharField(
        label="Details of the other reason (staff only, not sent)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    message = forms.CharField(
        label="Message to the visitor (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, visit: Visit, **kwargs):
        super().__init__(*args, **kwargs)
        self.visit = visit
        self.visitors = list(visit.visitors.order_by("position"))
        self.fields["outcome"].choices = [
            (slot.key, f"Book {emails.slot_text(slot)}") for slot in visit.slot_options
        ] + [(REJECT, "Reject the request")]
        for visitor in self.visitors:
            self.fields[f"visitor_{visitor.pk}_exclusion"] = forms.ChoiceField(
                label=f"{visitor.full_name}",
                choices=[("", "Can come")] + list(VisitorExclusion.choices),
                required=False,
            )
            self.fields[f"visitor_{visitor.pk}_banned_until"] = forms.DateField(
                label="Banned until", required=False, widget=forms.DateInput(attrs={"type": "date"})
            )
            self.fields[f"visitor_{visitor.pk}_detail"] = forms.CharField(
                label="Details (staff only)", required=False, max_length=200
            )

    def visitor_rows(self):
        """For the template: each visitor with their three fields and ages on the requested dates."""
        rows = []
        for visitor in self.visitors:
            rows.append(
                {
                    "visitor": visitor,
                    "ages": [
                        (emails.date_text(s.date, "en"), age_on(visitor.date_of_birth, s.date))
                        for s in self.visit.slot_options
                    ],
                    "exclusion": self[f"visitor_{visitor.pk}_exclusion"],
                    "banned_until": self[f"visitor_{visitor.pk}_banned_until"],
                    "detail": self[f"visitor_{visitor.pk}_detail"],
                }
            )
        return rows

    def clean(self):
        data = super().clean()
        outcome = data.get("outcome")
        if outcome == REJECT:
            if not data.get("reasons"):
                self.add_error("reasons", "Choose at least one reason for rejecting the request")
            reasons = data.get("reasons") or []
            if RejectionReason.OTHER in reasons and not data.get("rejection_detail", "").strip():
                self.add_error("rejection_detail", "Give details of the other reason")
            if RejectionReason.NO_ALLOWANCE in reasons and not data.get("allowance_renews_on"):
                self.add_error(
                    "allowance_renews_on", "Enter the date the prisoner's visiting allowance renews"
                )
            if data.get("allowance_renews_on") and RejectionReason.NO_ALLOWANCE not in reasons:
                self.add_error(
                    "allowance_renews_on",
                    "Only give this date with the reason 'no visiting allowance left'",
                )
        elif outcome:
            if data.get("reasons"):
                self.add_error(
                    "reasons", "Rejection reasons are only for rejecting: book or reject, not both"
                )
            if not data.get("booking_reference", "").strip():
                self.add_error("booking_reference", "Enter the booking reference (or 'none')")
            for visitor in self.visitors:
                reason = data.get(f"visitor_{visitor.pk}_exclusion")
                until = data.get(f"visitor_{visitor.pk}_banned_until")
                if reason == VisitorExclusion.BANNED and not until:
                    self.add_error(
                        f"visitor_{visitor.pk}_banned_until",
                        f"Enter the date {visitor.full_name}'s ban ends",
                    )
                if until and reason != VisitorExclusion.BANNED:
                    self.add_error(
                        f"visitor_{visitor.pk}_banned_until",
                        "Only give a date for a banned visitor",
                    )
                if until and reason == VisitorExclusion.BANNED and until <= timezone.localdate():
                    self.add_error(
                        f"visitor_{visitor.pk}_banned_until", "The ban must end in the future"
                    )
        return data

    @property
    def is_booking(self) -> bool:
        return self.cleaned_data.get("outcome") not in (None, "", REJECT)

    def exclusions(self):
        from .services import VisitorExclusionChoice

        result = []
        for visitor in self.visitors:
            reason = self.cleaned_data.get(f"visitor_{visitor.pk}_exclusion")
            if reason:
                result.append(
                    VisitorExclusionChoice(
                        visitor_id=visitor.pk,
                        reason=reason,
                        banned_until=self.cleaned_data.get(f"visitor_{visitor.pk}_banned_until"),
                        detail=self.cleaned_data.get(f"visitor_{visitor.pk}_detail", ""),
                    )
                )
        return result


class CancelVisitForm(forms.Form):
    reasons = forms.MultipleChoiceField(
        label="Why is the visit cancelled?",
        choices=[(r.value, r.label) for r in STAFF_CANCELLATION_REASONS],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one reason for cancelling the visit"},
    )
    message = forms.CharField(
        label="Message to the visitor (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MessageVisitForm(forms.Form):
    message = forms.CharField(
        label="Message to the visitor",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the message to send"},
    )


class DaySheetForm(forms.Form):
    date = forms.DateField(
        label="Date",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Enter a date", "invalid": "Enter a real date"},
    )
    prison = forms.ModelChoiceField(
        label="Prison", queryset=None, required=False, empty_label="All your prisons"
    )

    def __init__(self, *args, prisons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["prison"].queryset = prisons


# ---------------------------------------------------------------- citizen journey forms
#
# The booking journey's steps (journeys.py) and the "check your visit" look-up. GOV.UK
# Design System markup through crispy-forms-gds; messages written per field.

NAME_MAX_LENGTH = 30
OLDEST_AGE = 120
PHONE_PATTERN = re.compile(r"^0\d{9,10}$")
#: Words that are not part of what tells prisons apart ("HMP Brixton" is "brixton").
PRISON_NAME_PREFIXES = frozenset({"hmp", "hmyoi", "hm", "yoi", "prison", "cef", "and", "the"})
CHOICE_FIELDS = ("choice_1", "choice_2", "choice_3")


def _helper(*fields) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    if fields:
        helper.layout = Layout(*fields)
    return helper


class GovukDateField(DateInputField):
    """Day, month and year boxes giving a ``date``; a date that does not exist (31 2 1990,
    a year of 5 digits, numbers too big for a date) is one GOV.UK "must be a real date"
    error instead of Python's wording or a server error."""

    def __init__(self, *, what: str, **kwargs):
        kwargs.setdefault("require_all_fields", False)
        super().__init__(**kwargs)
        self.error_messages["required"] = f"Enter {what}"
        self.error_messages["incomplete"] = f"Enter {what}"
        self.error_messages["invalid"] = f"{what[:1].upper()}{what[1:]} must be a real date"
        for part, name in zip(self.fields, ("day", "month", "year"), strict=True):
            part.error_messages["incomplete"] = (
                f"{what[:1].upper()}{what[1:]} must include a {name}"
            )
            part.validators = [
                RegexValidator(r"^[0-9]+$", f"{what[:1].upper()}{what[1:]} must be a real date")
            ]

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        if len(year) != 4:
            raise forms.ValidationError("Year must include 4 numbers", code="invalid")
        try:
            return date(int(year), int(month), int(day))
        except (ValueError, OverflowError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


def date_of_birth_check(value: date | None, *, whose: str) -> date | None:
    """A date of birth in the past and no more than 120 years ago."""
    if value is None:
        return None
    today = timezone.localdate()
    if value >= today:
        raise forms.ValidationError(f"{whose} date of birth must be in the past")
    try:
        earliest = today.replace(year=today.year - OLDEST_AGE)
    except ValueError:  # 29 February
        earliest = today.replace(year=today.year - OLDEST_AGE, day=28)
    if value < earliest:
        raise forms.ValidationError(
            f"{whose} date of birth cannot be more than {OLDEST_AGE} years ago"
        )
    return value


def _name_field(label: str, required_message: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=NAME_MAX_LENGTH,
        error_messages={
            "required": required_message,
            "max_length": f"{label} must be {NAME_MAX_LENGTH} characters or fewer",
        },
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )


def _name_clean(value: str, label: str) -> str:
    value = " ".join((value or "").split())
    if "<" in value or ">" in value:
        raise forms.ValidationError(f"{label} must not include < or >")
    return value


def prison_name_key(text: str) -> str:
    """What tells one prison's name from another: "HMP/YOI Altcourse" → "altcourse"."""
    words = re.sub(r"[^0-9a-z]+", " ", (text or "").lower()).split()
    while words and words[0] in PRISON_NAME_PREFIXES:
        words = words[1:]
    return " ".join(words)


class PrisonChoiceForm(forms.Form):
    """Which prison: the name typed, found among every prison (a list of all of them is on
    the page). A prison that does not take bookings online is a valid answer: the journey
    then shows the "you cannot book here" page that fits."""

    prison = forms.CharField(
        label="Prison name",
        help_text="For example, HMP Brixton or Brixton",
        max_length=100,
        error_messages={
            "required": "Enter the name of the prison",
            "max_length": "Prison name must be 100 characters or fewer",
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.text("prison", field_width=Fluid.TWO_THIRDS))

    @cached_property
    def prisons(self) -> list[Prison]:
        """Every prison, A to Z (one query, made only when needed)."""
        return list(Prison.objects.order_by("name"))

    def clean_prison(self) -> Prison:
        typed = self.cleaned_data["prison"].strip()
        key = prison_name_key(typed)
        exact = [
            p
            for p in self.prisons
            if typed.lower() in (p.name.lower(), p.name_cy.lower(), p.slug)
            or (key and key in (prison_name_key(p.name), prison_name_key(p.name_cy)))
        ]
        if len(exact) == 1:
            return exact[0]
        found = exact or [
            p
            for p in self.prisons
            if key
            and (
                key in prison_name_key(p.name) or (p.name_cy and key in prison_name_key(p.name_cy))
            )
        ]
        if len(found) == 1:
            return found[0]
        if not found:
            raise forms.ValidationError(
                "Enter the name of a prison in England or Wales, for example HMP Brixton. "
                "Check the spelling, or look for it in the list of prisons"
            )
        names = [p.name for p in found[:3]]
        example = " or ".join(names) if len(found) <= 3 else ", ".join(names) + " or another"
        raise forms.ValidationError(
            f"More than one prison has that name in it. Enter the full name, for example {example}"
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
        name = self.prison.name if self.prison else "This prison"
        raise forms.ValidationError(f"{name} does not take visit requests online")


class PrisonerForm(forms.Form):
    """The prisoner's name, date of birth and prison number, checked against the register."""

    first_name = _name_field("First name", "Enter the prisoner’s first name")
    last_name = _name_field("Last name", "Enter the prisoner’s last name")
    date_of_birth = GovukDateField(
        label="Date of birth",
        what="the prisoner’s date of birth",
        help_text="For example, 27 3 1985",
    )
    prison_number = forms.CharField(
        label="Prison number",
        help_text="This is 1 letter, 4 numbers and 2 letters, for example A1234BC",
        max_length=20,
        error_messages={
            "required": "Enter the prisoner’s prison number",
            "max_length": "Enter a prison number in the format A1234BC",
        },
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocapitalize": "characters"}),
    )

    def __init__(self, *args, prison: Prison | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.prison = prison
        self.helper = _helper(
            Fieldset(
                Field.text("first_name", field_width=20),
                Field.text("last_name", field_width=20),
                Field("date_of_birth"),
                Field.text("prison_number", field_width=10),
                legend="The prisoner’s details",
                legend_size=Size.MEDIUM,
            )
        )

    def clean_first_name(self):
        return _name_clean(self.cleaned_data["first_name"], "First name")

    def clean_last_name(self):
        return _name_clean(self.cleaned_data["last_name"], "Last name")

    def clean_date_of_birth(self):
        return date_of_birth_check(self.cleaned_data.get("date_of_birth"), whose="The prisoner’s")

    def clean_prison_number(self):
        number = prison_number_normalise(self.cleaned_data["prison_number"])
        if not prison_number_is_valid(number):
            raise forms.ValidationError("Enter a prison number in the format A1234BC")
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
            where = self.prison.name
            self.add_error(
                "prison_number",
                f"Check the prison number: it does not match a prisoner at {where} "
                "with this date of birth",
            )
            self.add_error(
                "date_of_birth",
                f"Check the date of birth: it does not match a prisoner at {where} "
                "with this prison number",
            )
        return data


class SlotChoiceForm(forms.Form):
    """Up to 3 visit times in order of preference, from the prison's availability.

    A gap is closed up (a first and a third choice become first and second).
    """

    weekdays = (
        ("Mon", "Monday"),
        ("Tue", "Tuesday"),
        ("Wed", "Wednesday"),
        ("Thu", "Thursday"),
        ("Fri", "Friday"),
        ("Sat", "Saturday"),
        ("Sun", "Sunday"),
    )

    choice_1 = forms.CharField(label="First choice", required=False, max_length=40)
    choice_2 = forms.CharField(label="Second choice (optional)", required=False, max_length=40)
    choice_3 = forms.CharField(label="Third choice (optional)", required=False, max_length=40)

    def __init__(self, *args, availability=None, prisoner_name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.availability = availability
        self.prisoner_name = prisoner_name
        groups = []
        if availability is not None:
            for day in sorted(availability.days):
                slots = availability.days[day].available_slots
                if slots:
                    groups.append(
                        (
                            emails.date_text(day, "en"),
                            [(s.key, _time_range(s.slot)) for s in slots],
                        )
                    )
        choices = [("", "Choose a time")] + groups
        for name in CHOICE_FIELDS:
            self.fields[name].widget = forms.Select(choices=choices)
        self.helper = _helper(
            Fieldset(
                *CHOICE_FIELDS,
                legend="Your choices, in order of preference",
                legend_size=Size.MEDIUM,
            )
        )

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
                            "label": emails.date_text(day.date, "en"),
                            "in_window": in_window,
                            "available": day.available,
                            "state": day.state,
                            "note": ""
                            if day.available or day.reason == "no_slots"
                            else day.reason_text,
                            "slots": [
                                {
                                    "text": _time_range(s.slot),
                                    "available": s.available,
                                    "note": s.reason_text,
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
            return "Choose a time from the list"
        state = self.availability.slot(key) if self.availability is not None else None
        if state is None:
            return "Choose a time from the list"
        if state.available:
            return ""
        when = emails.slot_text(slot)
        if state.state == "fully_booked":
            return f"{when} is now fully booked. Choose another time"
        if state.reason == "no_allowance":
            return (
                f"You cannot choose {when}: the prisoner has no visiting allowance left for "
                "that day. Choose another time"
            )
        return f"{when} is no longer available. Choose another time"

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
                    "You have already chosen this time. Choose a different time or leave this blank",
                )
            else:
                chosen.append(key)
        if not chosen and not self.errors:
            self.add_error("choice_1", "Choose a time for your visit")
        if not self.errors:
            padded = chosen + [""] * (len(CHOICE_FIELDS) - len(chosen))
            for name, key in zip(CHOICE_FIELDS, padded, strict=True):
                data[name] = key
        return data


def _time_range(slot: SlotTime) -> str:
    return f"{time_format(slot.start)} to {time_format(slot.end)}"


def slot_keys(cleaned: dict | None) -> list[str]:
    """The chosen slot keys of a ``SlotChoiceForm`` answer, in order."""
    if not cleaned:
        return []
    return [cleaned[name] for name in CHOICE_FIELDS if cleaned.get(name)]


class LeadVisitorForm(ContactForm):
    """The main visitor: 18 or over on the day, a UK phone number, and how to reach them.

    How to reach them is the platform's contact step (digital_services.journeys.contact):
    by email (typed twice), or by post for someone without email (letters go to the
    address given). Text message copies go to the phone number when it is a UK mobile.
    """

    CONTACT_EMAIL = CONTACT_EMAIL
    CONTACT_POST = CONTACT_POST
    methods = (CONTACT_EMAIL, CONTACT_POST)
    confirm_email = True
    contact_label = "How should we send you updates about the visit?"
    contact_hint = ""
    contact_legend_size = Size.SMALL
    contact_required = "Select how we should send you updates about the visit"
    field_order = [
        "first_name",
        "last_name",
        "date_of_birth",
        "phone",
        "contact",
        "email",
        "email_confirm",
        *ADDRESS_FIELDS,
    ]

    first_name = _name_field("First name", "Enter your first name")
    last_name = _name_field("Last name", "Enter your last name")
    date_of_birth = GovukDateField(
        label="Date of birth", what="your date of birth", help_text="For example, 27 3 1985"
    )
    phone = forms.CharField(
        label="UK phone number",
        help_text="The prison may call you about the visit. A mobile number also gets text messages",
        max_length=20,
        error_messages={
            "required": "Enter a UK phone number",
            "max_length": "Enter a UK phone number, like 01632 960 001 or 07700 900 982",
        },
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )

    def __init__(self, *args, adult_age: int = 18, visit_dates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.adult_age = adult_age
        self.visit_dates = list(visit_dates)
        self.helper = _helper(
            Field.text("first_name", field_width=20),
            Field.text("last_name", field_width=20),
            Field("date_of_birth"),
            Field.text("phone", field_width=20),
            *self.contact_layout(),
        )

    def clean_first_name(self):
        return _name_clean(self.cleaned_data["first_name"], "First name")

    def clean_last_name(self):
        return _name_clean(self.cleaned_data["last_name"], "Last name")

    def clean_date_of_birth(self):
        born = date_of_birth_check(self.cleaned_data.get("date_of_birth"), whose="Your")
        if born is not None and self.visit_dates:
            lead = VisitorDetails(first_name="", last_name="", date_of_birth=born)
            for problem in visitors_problems(
                visitors=[lead], adult_age=self.adult_age, visit_dates=self.visit_dates
            ):
                if problem.code == "lead_too_young":
                    raise forms.ValidationError(problem.message)
        return born

    def clean_phone(self):
        digits = phone_normalise(self.cleaned_data["phone"])
        if not PHONE_PATTERN.match(digits):
            raise forms.ValidationError(
                "Enter a UK phone number, like 01632 960 001 or 07700 900 982"
            )
        return digits


def lead_postal_address(lead: dict) -> str:
    """The lead visitor's postal address as lines, postcode last ('' when they chose email)."""
    if lead.get("contact") != LeadVisitorForm.CONTACT_POST:
        return ""
    return postal_address(lead)


class VisitorForm(forms.Form):
    """Another visitor: a name and a date of birth (ages count on the day of the visit)."""

    first_name = _name_field("First name", "Enter the visitor’s first name")
    last_name = _name_field("Last name", "Enter the visitor’s last name")
    date_of_birth = GovukDateField(
        label="Date of birth",
        what="the visitor’s date of birth",
        help_text="For example, 27 3 2015",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("first_name", field_width=20),
            Field.text("last_name", field_width=20),
            Field("date_of_birth"),
        )

    def clean_first_name(self):
        return _name_clean(self.cleaned_data["first_name"], "First name")

    def clean_last_name(self):
        return _name_clean(self.cleaned_data["last_name"], "Last name")

    def clean_date_of_birth(self):
        return date_of_birth_check(self.cleaned_data.get("date_of_birth"), whose="The visitor’s")


class VisitorRulesForm(forms.Form):
    """Shown only when the party breaks a rule no single visitor's page can check (more than
    3 adults on the day): nothing to answer here, the visitors must be changed."""

    def __init__(self, *args, problems=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.problems = list(problems)

    def clean(self):
        if self.problems:
            raise forms.ValidationError([p.message for p in self.problems])
        return super().clean()


class VisitLookupForm(forms.Form):
    """Find a visit by its reference and the main visitor's date of birth."""

    reference = forms.CharField(
        label="Visit reference",
        help_text="It is in the emails we sent you, for example G0Q YEQ P3X",
        max_length=20,
        error_messages={
            "required": "Enter your visit reference",
            "max_length": "Enter the visit reference from your email, like G0Q YEQ P3X",
        },
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocapitalize": "characters"}),
    )
    date_of_birth = GovukDateField(
        label="Main visitor’s date of birth",
        what="the main visitor’s date of birth",
        help_text="For example, 27 3 1985",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.text("reference", field_width=10), Field("date_of_birth"))

    def clean_reference(self):
        """Spaces, hyphens, case and O/I/L for 0/1 forgiven; a mistyped character or two
        swapped ones caught by the check character (references from before it have 8
        characters and none)."""
        value = reference_normalise(self.cleaned_data["reference"])
        if len(value) == REFERENCE_LENGTH_LEGACY and all(c in REFERENCE_ALPHABET for c in value):
            return value
        if len(value) != REFERENCE_LENGTH or any(c not in REFERENCE_ALPHABET for c in value):
            raise forms.ValidationError(
                "Enter the visit reference from your email, like G0Q YEQ P3X"
            )
        if not reference_is_valid(value):
            raise forms.ValidationError(
                "Check your visit reference: one of its characters is not right"
            )
        return value
