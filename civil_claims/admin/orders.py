"""Directions and a counterclaim's Help with Fees on a money claim's case page: the
caseworker records the order a legal adviser or judge drew, a party's request that a judge
reconsider a legal adviser's order, the judge's decision, and decides Help with Fees on a
counterclaim's fee (the claim's own decision form, about the defendant). Each is one action
page (``core.admin_actions``) calling one service, audited; a refused move goes back to
the case page with the reason. Holders of ``civil_claims.manage_claim`` (orders) and
``civil_claims.decide_hwf_claim`` (Help with Fees).

Added to ``ClaimAdmin`` from here, as the paper response is, so the claims admin module keeps
to the case page; its Actions buttons and queues are in ``admin/claims.py``."""

from __future__ import annotations

from django import forms

from digital_services.core.money import pence_format

from ..constants import (
    ORDER_TEXT_MAX_LENGTH,
    OrderMadeBy,
    PartyRole,
    ReconsiderationResult,
)
from ..services.hwf import counterclaim_hwf_decide
from ..services.orders import (
    claim_order_draw,
    claim_order_reconsider,
    claim_order_reconsideration_request,
)
from .claims import DECIDE, MANAGE, ClaimAdmin
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


ClaimAdmin.action_views = {
    **ClaimAdmin.action_views,
    "order-draw": (MANAGE, OrderDrawForm, "Record the order drawn", "do_order_draw"),
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
ClaimAdmin.do_reconsideration_request = do_reconsideration_request
ClaimAdmin.do_reconsider = do_reconsider
ClaimAdmin.do_counterclaim_hwf = do_counterclaim_hwf
ClaimAdmin.action_summary = action_summary
