"""Possession claims: the caseworkers' actions, one page each (``core.admin_actions``):
decide Help with Fees (claim or warrant fee), list a hearing, adjourn or cancel it,
record its outcome, and issue the warrant with the eviction date. Each calls one service,
which checks the claim's status through ``core.transitions`` and audits the change."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from digital_services.core.admin_actions import ActionViewsMixin
from digital_services.core.dates import date_format
from digital_services.core.money import pence_format

from ..possession_constants import (
    HEARING_NOTICE_WORDING_MAX_LENGTH,
    REASON_MAX_LENGTH,
    RESPONDED,
    HearingKind,
    HearingOutcome,
    HearingStatus,
    PossessionStatus,
)
from ..possession_hearing_rules import first_hearing_window
from ..services import possession_hearing as hearings
from ..services import possession_warrant as warrants
from .forms import DATE_INPUT_FORMATS, HwfDecisionForm

DECIDE = "civil_claims.decide_hwf_possessionclaim"
MANAGE = "civil_claims.manage_possessionclaim"
TIME_INPUT_FORMATS = ["%H:%M", "%H.%M"]
S = PossessionStatus


def _aware(day: dt.date, time: dt.time) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, time))


class HearingListForm(forms.Form):
    kind = forms.ChoiceField(
        label="Type of hearing",
        choices=HearingKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the type of hearing"},
    )
    starts_on = forms.DateField(
        label="Date",
        input_formats=DATE_INPUT_FORMATS,
        help_text="For example 27/11/2026",
        error_messages={
            "required": "Enter the date of the hearing",
            "invalid": "Enter the date of the hearing as a real date, like 27/11/2026",
        },
    )
    starts_time = forms.TimeField(
        label="Time",
        input_formats=TIME_INPUT_FORMATS,
        help_text="24-hour clock, for example 10:00 or 14:30",
        error_messages={
            "required": "Enter the time of the hearing",
            "invalid": "Enter the time as hours and minutes, like 10:00 or 14:30",
        },
    )
    duration_days = forms.IntegerField(label="Length: days", min_value=0, max_value=30, initial=0)
    duration_hours = forms.IntegerField(label="Length: hours", min_value=0, max_value=23, initial=0)
    duration_minutes = forms.IntegerField(
        label="Length: minutes", min_value=0, max_value=59, initial=0
    )
    notice_wording = forms.CharField(
        label="Wording of the notice of hearing",
        max_length=HEARING_NOTICE_WORDING_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter the wording of the notice of hearing"},
    )
    short_notice_accepted = forms.BooleanField(
        label="List it even though the papers would be served less than 21 days before it",
        required=False,
    )

    def __init__(self, *args, claim=None, **kwargs):
        super().__init__(*args, **kwargs)
        if claim is not None and claim.issue_date:
            first, last = first_hearing_window(claim.issue_date)
            self.fields["starts_on"].help_text = (
                f"A first hearing is listed between {date_format(first)} and "
                f"{date_format(last)}. For example 27/11/2026"
            )

    def clean(self):
        data = super().clean()
        if not any(data.get(f) for f in ("duration_days", "duration_hours", "duration_minutes")):
            if not self.errors.get("duration_hours"):
                self.add_error("duration_hours", "Enter how long the hearing is expected to last")
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the reason"},
    )


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=HearingOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the outcome of the hearing"},
    )
    possession_on = forms.DateField(
        label="Outright order: give up possession by",
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        help_text="For example 27/11/2026",
        error_messages={"invalid": "Enter the date as a real date, like 27/11/2026"},
    )
    terms = forms.CharField(
        label="Suspended order: its terms",
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reason = forms.CharField(
        label="Adjourned: the reason",
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        outcome = data.get("outcome")
        if outcome == HearingOutcome.OUTRIGHT and not data.get("possession_on"):
            if "possession_on" not in self.errors:
                self.add_error("possession_on", "Enter the date to give up possession by")
        if outcome == HearingOutcome.SUSPENDED and not (data.get("terms") or "").strip():
            self.add_error("terms", "Enter the terms of the suspended order")
        if outcome == HearingOutcome.ADJOURNED and not (data.get("reason") or "").strip():
            self.add_error("reason", "Enter the reason the hearing was adjourned")
        return data


class WarrantIssueForm(forms.Form):
    eviction_on = forms.DateField(
        label="Eviction date",
        input_formats=DATE_INPUT_FORMATS,
        help_text="For example 27/11/2026",
        error_messages={
            "required": "Enter the eviction date",
            "invalid": "Enter the eviction date as a real date, like 27/11/2026",
        },
    )
    eviction_time = forms.TimeField(
        label="Eviction time",
        input_formats=TIME_INPUT_FORMATS,
        help_text="24-hour clock, for example 10:00",
        error_messages={
            "required": "Enter the eviction time",
            "invalid": "Enter the time as hours and minutes, like 10:00",
        },
    )


class PossessionHwfForm(HwfDecisionForm):
    """The money claims' Help with Fees decision form, about the landlord."""


class PossessionActionsMixin(ActionViewsMixin):
    """The caseworkers' action pages of a possession claim, and its Actions buttons."""

    action_views = {
        "hwf-decide": (DECIDE, PossessionHwfForm, "Decide Help with Fees", "do_hwf_decide"),
        "hearing-list": (MANAGE, HearingListForm, "List a hearing", "do_hearing_list"),
        "hearing-adjourn": (MANAGE, ReasonForm, "Adjourn the hearing", "do_hearing_adjourn"),
        "hearing-cancel": (MANAGE, ReasonForm, "Cancel the hearing", "do_hearing_cancel"),
        "hearing-outcome": (MANAGE, OutcomeForm, "Record the outcome", "do_hearing_outcome"),
        "warrant-issue": (MANAGE, WarrantIssueForm, "Issue the warrant", "do_warrant_issue"),
    }
    action_form_errors = (ValueError,)  # HearingRefused and WarrantRefused carry field errors

    def action_links(self, obj) -> list[tuple[str, str]]:
        """The actions the claim's status allows (each page checks the permission)."""
        s = obj.status
        links = []
        listed = any(h.status == HearingStatus.LISTED for h in obj.hearings.all())
        if s in (S.HWF_PENDING, S.WARRANT_HWF_PENDING):
            links.append((self.action_url(obj, "hwf-decide"), "Decide Help with Fees"))
        if S.HEARING_LISTED in obj.TRANSITIONS.get(s, ()) and not listed:
            links.append((self.action_url(obj, "hearing-list"), "List a hearing"))
        if listed and s in (S.HEARING_LISTED, *RESPONDED):
            links += [
                (self.action_url(obj, "hearing-outcome"), "Record the outcome"),
                (self.action_url(obj, "hearing-adjourn"), "Adjourn the hearing"),
                (self.action_url(obj, "hearing-cancel"), "Cancel the hearing"),
            ]
        if s == S.WARRANT_REQUESTED:
            links.append((self.action_url(obj, "warrant-issue"), "Issue the warrant"))
        return links

    def action_form_kwargs(self, obj, slug):
        return {"claim": obj} if slug == "hearing-list" else {}

    def action_summary(self, obj, slug):
        rows = [("Claim", obj.reference_display), ("Status", obj.get_status_display())]
        if slug == "hwf-decide":
            holder = obj if obj.status == S.HWF_PENDING else getattr(obj, "warrant", None)
            if holder is not None:
                rows += [
                    ("Help with Fees reference", holder.hwf_reference),
                    (
                        "Fee",
                        f"{pence_format(holder.fee_pence)} "
                        f"({'warrant' if holder is not obj else 'claim'})",
                    ),
                ]
        if slug == "hearing-list" and obj.issue_date:
            first, last = first_hearing_window(obj.issue_date)
            rows += [
                ("Issued", date_format(obj.issue_date)),
                ("First hearing window", f"{date_format(first)} to {date_format(last)}"),
            ]
        if slug in ("hearing-adjourn", "hearing-cancel", "hearing-outcome"):
            hearing = hearings.possession_hearing_current(obj)
            if hearing is not None:
                rows.append(("Hearing", str(hearing)))
        if slug == "warrant-issue" and getattr(obj, "warrant", None) is not None:
            rows += [
                ("Amount still owed", pence_format(obj.warrant.amount_owed_pence)),
                ("Why", obj.warrant.get_basis_display()),
            ]
        return rows

    def do_hwf_decide(self, request, obj, data):
        warrants.possession_hwf_decide(
            claim=obj,
            outcome=data["outcome"],
            actor=request.user,
            remitted_pence=data.get("remitted_pence"),
            note=data.get("note") or "",
            request=request,
        )
        return "Help with Fees decided. The claimant has been told."

    def do_hearing_list(self, request, obj, data):
        hearings.possession_hearing_list(
            claim=obj,
            kind=data["kind"],
            starts_at=_aware(data["starts_on"], data["starts_time"]),
            duration_days=data.get("duration_days") or 0,
            duration_hours=data.get("duration_hours") or 0,
            duration_minutes=data.get("duration_minutes") or 0,
            notice_wording=data["notice_wording"],
            short_notice_accepted=data.get("short_notice_accepted", False),
            actor=request.user,
            request=request,
        )
        return "Hearing listed. The notice of hearing is on its way to every party."

    def do_hearing_adjourn(self, request, obj, data):
        hearings.possession_hearing_adjourn(
            claim=obj, reason=data["reason"], actor=request.user, request=request
        )
        return "Hearing adjourned. Every party has been told."

    def do_hearing_cancel(self, request, obj, data):
        hearings.possession_hearing_cancel(
            claim=obj, reason=data["reason"], actor=request.user, request=request
        )
        return "Hearing cancelled. Every party has been told."

    def do_hearing_outcome(self, request, obj, data):
        hearings.possession_hearing_outcome(
            claim=obj,
            outcome=data["outcome"],
            possession_on=data.get("possession_on"),
            terms=data.get("terms") or "",
            reason=data.get("reason") or "",
            actor=request.user,
            request=request,
        )
        return "Outcome recorded. Every party has been told."

    def do_warrant_issue(self, request, obj, data):
        warrants.possession_warrant_issue(
            claim=obj,
            eviction_at=_aware(data["eviction_on"], data["eviction_time"]),
            actor=request.user,
            request=request,
        )
        return "Warrant issued. The landlord has been told and each defendant sent a notice of eviction."
