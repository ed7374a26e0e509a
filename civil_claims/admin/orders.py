"""Directions and a counterclaim's Help with Fees on a money claim's case page: the
caseworker records the order a legal adviser or judge drew (or a draft sent to one of them
to review, and their review: approved as drafted, approved with changed wording, or sent
back), a party's request that a judge
reconsider a legal adviser's order, the judge's decision, and decides Help with Fees on a
counterclaim's fee (the claim's own decision form, about the defendant). Each is one action
page (``core.admin_actions``) calling one service, audited; a refused move goes back to
the case page with the reason. Holders of ``civil_claims.manage_claim`` (orders) and
``civil_claims.decide_hwf_claim`` (Help with Fees).

Added to ``ClaimAdmin`` from here, as the paper response is, so the claims admin module keeps
to the case page; its Actions buttons and queues are in ``admin/claims.py``."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils import timezone

from digital_services.core.dates import date_format
from digital_services.core.money import pence_format

from ..constants import (
    ORDER_TEXT_MAX_LENGTH,
    OrderMadeBy,
    OrderReviewResult,
    PartyRole,
    ReconsiderationResult,
)
from ..services.hwf import counterclaim_hwf_decide
from ..services.orders import (
    claim_order_draft,
    claim_order_draw,
    claim_order_reconsider,
    claim_order_reconsideration_request,
    claim_order_review,
    order_review_due_on,
)
from .claims import DECIDE, MANAGE, ORDER_QUEUES, ClaimAdmin
from .forms import HwfDecisionForm

_ORDER_TEXT = {
    "label": "Wording of the order",
    "max_length": ORDER_TEXT_MAX_LENGTH,
    "widget": forms.Textarea(attrs={"rows": 10}),
    "help_text": "As drawn, word for word. It is sent to both parties.",
}


class OrderDrawForm(forms.Form):
    made_by = forms.ChoiceField(
        label="Who made the order",
        choices=OrderMadeBy.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who made the order"},
    )
    text = forms.CharField(**_ORDER_TEXT, error_messages={"required": "Enter the order"})


class OrderDraftForm(forms.Form):
    review_by = forms.ChoiceField(
        label="Who will review the draft",
        choices=OrderMadeBy.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who will review the draft order"},
    )
    text = forms.CharField(
        **{
            **_ORDER_TEXT,
            "label": "Wording of the draft order",
            "help_text": "As drafted. The parties are not sent it until it is approved.",
        },
        error_messages={"required": "Enter the draft order"},
    )


class OrderReviewForm(forms.Form):
    result = forms.ChoiceField(
        label="What was decided about the draft",
        choices=OrderReviewResult.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what was decided about the draft order"},
    )
    text = forms.CharField(
        **{
            **_ORDER_TEXT,
            "label": "The changed wording of the order",
            "help_text": "Only when the wording was changed: the whole order, word for word.",
        },
        required=False,
    )
    reason = forms.CharField(
        label="Why it was sent back",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def clean(self):
        data = super().clean()
        result = data.get("result")
        if result == OrderReviewResult.AMENDED and not (data.get("text") or "").strip():
            self.add_error("text", "Enter the changed wording of the order")
        if result == OrderReviewResult.RETURNED and not (data.get("reason") or "").strip():
            self.add_error("reason", "Enter why the draft order was sent back")
        return data


class ReconsiderationRequestForm(forms.Form):
    party = forms.ChoiceField(
        label="Who asked",
        choices=PartyRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who asked for the reconsideration"},
    )
    reason = forms.CharField(
        label="Why they ask for it to be reconsidered",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter why they ask for it to be reconsidered"},
    )


class ReconsiderForm(forms.Form):
    result = forms.ChoiceField(
        label="The judge's decision",
        choices=ReconsiderationResult.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the judge decided"},
    )
    text = forms.CharField(
        **{**_ORDER_TEXT, "label": "Wording of the judge's new order"}, required=False
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("result") == ReconsiderationResult.NEW_ORDER
            and not (data.get("text") or "").strip()
        ):
            self.add_error("text", "Enter the wording of the judge's new order")
        return data


class CounterclaimHwfForm(HwfDecisionForm):
    """The claim's Help with Fees decision form, about the defendant's counterclaim fee."""

    party = "defendant"


def do_order_draw(self, request, obj, data):
    claim_order_draw(
        claim=obj, made_by=data["made_by"], text=data["text"], actor=request.user, request=request
    )
    return "Order recorded and sent to both parties."


def do_order_draft(self, request, obj, data):
    claim_order_draft(
        claim=obj,
        review_by=data["review_by"],
        text=data["text"],
        actor=request.user,
        request=request,
    )
    return "Draft order recorded: it is waiting for review. The parties have not been sent it."


def do_order_review(self, request, obj, data):
    claim_order_review(
        claim=obj,
        result=data["result"],
        text=data.get("text") or "",
        reason=data.get("reason") or "",
        actor=request.user,
        request=request,
    )
    if data["result"] == OrderReviewResult.RETURNED:
        return "Draft order sent back: the claim is waiting for directions again."
    return "Order approved, recorded and sent to both parties."


def do_reconsideration_request(self, request, obj, data):
    claim_order_reconsideration_request(
        claim=obj,
        party=data["party"],
        reason=data["reason"],
        actor=request.user,
        request=request,
    )
    return "Request recorded: the order is with a judge to reconsider. Both parties have been told."


def do_reconsider(self, request, obj, data):
    claim_order_reconsider(
        claim=obj,
        result=data["result"],
        text=data.get("text") or "",
        actor=request.user,
        request=request,
    )
    if data["result"] == ReconsiderationResult.NEW_ORDER:
        return "The judge's new order is recorded and sent to both parties."
    return "The judge confirmed the order. Both parties have been told."


def do_counterclaim_hwf(self, request, obj, data):
    counterclaim_hwf_decide(
        claim=obj,
        outcome=data["outcome"],
        actor=request.user,
        remitted_pence=data.get("remitted_pence"),
        note=data.get("note") or "",
        request=request,
    )
    return "Help with Fees on the counterclaim decided. The defendant has been told."


_summary = ClaimAdmin.action_summary


def action_summary(self, obj, slug):
    """The case summary above an action's form, with the order or counterclaim it is about."""
    rows = _summary(self, obj, slug)
    order = obj.current_order
    if slug == "order-review" and order is not None and order.is_draft:
        rows += [
            ("Draft to be reviewed by", order.get_made_by_display()),
            ("Drafted on", date_format(order.drafted_at)),
            ("Review due", review_due(self, obj)),
            ("Draft order", order.draft_text),
        ]
    if slug in ("reconsideration-request", "reconsider") and order is not None:
        rows += [
            ("Order made by", order.get_made_by_display()),
            ("Order", order.text),
        ]
        if order.reconsider_by:
            rows.append(
                ("Reconsideration may be asked for until", f"{order.reconsider_by:%d %B %Y}")
            )
        if order.reconsideration_reason:
            rows += [
                ("Asked for by", order.get_reconsideration_party_display()),
                ("Why", order.reconsideration_reason),
            ]
    counterclaim = getattr(getattr(obj, "response", None), "counterclaim", None)
    if slug == "counterclaim-hwf-decide" and counterclaim is not None:
        rows += [
            ("Help with Fees reference", counterclaim.hwf_reference),
            ("Counterclaim fee", pence_format(counterclaim.fee_pence)),
        ]
    return rows


@admin.display(description="Due")
def review_due(self, obj):
    """The "orders to review" queue's Due column: when the draft's review is due."""
    due = order_review_due_on(obj.current_order)
    if due is None:
        return "–"
    late = " (overdue)" if due < timezone.localdate() else ""
    return f"{date_format(due)}{late}"


_list_display = ClaimAdmin.get_list_display
_queryset = ClaimAdmin.get_queryset


def get_list_display(self, request):
    """The claims list, with a Due column in the "orders to review" queue."""
    shown = _list_display(self, request)
    if request.GET.get("queue") == "order_review":
        return (*shown, "review_due")
    return shown


def get_ordering(self, request):
    """The queues oldest first (the admin's own ordering would override the queue filter's):
    Help with Fees by when the claim was sent, a counterclaim's by when the response came,
    drafts by when they were drafted, the other orders by their last move."""
    queue = request.GET.get("queue")
    if queue == "hwf":
        return ("submitted_at", "pk")
    if queue == "counterclaim_hwf":
        return ("responded_at", "pk")
    if queue == "order_review":
        return ("current_order__drafted_at", "pk")
    if queue in ORDER_QUEUES:
        return ("status_changed_at", "pk")
    return self.ordering


def get_queryset(self, request):
    # The Due column reads each claim's draft order: joined, not a query per row. The other
    # lists do not show it (and the case page joins it itself, CASE_PAGE_JOINS).
    queryset = _queryset(self, request)
    if request.GET.get("queue") == "order_review":
        return queryset.select_related("current_order")
    return queryset


ClaimAdmin.action_views = {
    **ClaimAdmin.action_views,
    "order-draw": (MANAGE, OrderDrawForm, "Record the order drawn", "do_order_draw"),
    "order-draft": (
        MANAGE,
        OrderDraftForm,
        "Record a draft order sent for review",
        "do_order_draft",
    ),
    "order-review": (MANAGE, OrderReviewForm, "Record the review of the draft", "do_order_review"),
    "reconsideration-request": (
        MANAGE,
        ReconsiderationRequestForm,
        "Record a request for a judge to reconsider the order",
        "do_reconsideration_request",
    ),
    "reconsider": (MANAGE, ReconsiderForm, "Record the judge's decision", "do_reconsider"),
    "counterclaim-hwf-decide": (
        DECIDE,
        CounterclaimHwfForm,
        "Decide Help with Fees on the counterclaim",
        "do_counterclaim_hwf",
    ),
}
ClaimAdmin.do_order_draw = do_order_draw
ClaimAdmin.do_order_draft = do_order_draft
ClaimAdmin.do_order_review = do_order_review
ClaimAdmin.review_due = review_due
ClaimAdmin.get_list_display = get_list_display
ClaimAdmin.get_queryset = get_queryset
ClaimAdmin.get_ordering = get_ordering
ClaimAdmin.do_reconsideration_request = do_reconsideration_request
ClaimAdmin.do_reconsider = do_reconsider
ClaimAdmin.do_counterclaim_hwf = do_counterclaim_hwf
ClaimAdmin.action_summary = action_summary
