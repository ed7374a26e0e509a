"""Forms for the staff pages: process, cancel and message a visit, the day sheet."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.utils import timezone

from digital_services.core.queries import Related, related_rows

from .. import emails
from ..constants import (
    STAFF_CANCELLATION_REASONS,
    RejectionReason,
    VisitorExclusion,
)
from ..models import Prison, Visit
from ..rules import (
    age_on,
)

REJECT = "reject"
ACTION_PREVIEW = "preview"
ACTION_CONFIRM = "confirm"
ACTION_CHANGE = "change"


#: A visit's visitors, lead visitor first (their SQL built once per process).
VISITORS_IN_ORDER = Related("visitors", order_by=("position",))


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
        self.visitors = related_rows(visit, VISITORS_IN_ORDER)
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
        from ..services import VisitorExclusionChoice

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
    """A date, and which of the user's prisons (``prisons``, already narrowed to them).

    Someone who sees one prison is not asked: ``prison`` is theirs. Someone who sees several
    and chooses none gets ``None``, and the page counts the visits at each prison instead of
    listing them all. A prison that is not theirs is an error, not an empty sheet."""

    date = forms.DateField(
        label="Date",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Enter a date", "invalid": "Enter a real date"},
    )
    prison = forms.TypedChoiceField(
        label="Prison",
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": "Choose one of your prisons from the list"},
    )

    def __init__(self, *args, prisons: Sequence[Prison], **kwargs):
        super().__init__(*args, **kwargs)
        self.prisons = {prison.pk: prison for prison in prisons}
        choices: list[tuple[object, str]] = [(prison.pk, prison.name) for prison in prisons]
        if len(prisons) != 1:
            choices.insert(0, ("", "All your prisons"))
        self.fields["prison"].choices = choices

    def clean_prison(self) -> Prison | None:
        pk = self.cleaned_data["prison"]
        if pk is None:
            return next(iter(self.prisons.values())) if len(self.prisons) == 1 else None
        return self.prisons[pk]
