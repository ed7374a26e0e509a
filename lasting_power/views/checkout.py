"""Check your answers, the fee, paying (card, telephone or cheque), completion, and the
read-only page of a completed LPA."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from digital_services.journeys.engine import summary_rows
from digital_services.payments.services import PaymentProviderUnavailable

from .. import selectors, services
from ..constants import PaymentMethod
from ..forms import FeeReductionForm, PayForm
from ..journeys import CHECK, lpa_flow
from ..tracking import lpa_tracking
from .common import lpa_view, owner_of, prepare, target_url, url


def answer_groups(lpa, flow, *, editable: bool) -> list[dict]:
    """The answers as summary lists, one block per question, with Change links."""
    answers = flow.evaluation.answers
    groups = []
    for state in flow.evaluation.states:
        if not state.applies or state.value is None:
            continue
        step = state.step
        change = url("lpa-step", lpa.pk, step.slug) if editable else ""
        if step.repeating:
            cards = [
                {
                    "title": step.title_for(item, number),
                    "rows": summary_rows(step, item, answers, state.form),
                    "change_url": url("lpa-item-change", lpa.pk, step.slug, number)
                    if editable
                    else "",
                }
                for number, item in enumerate(state.value, start=1)
            ]
            groups.append({"title": step.title, "cards": cards, "change_url": change, "step": step})
        else:
            rows = summary_rows(step, state.value, answers, state.form)
            groups.append({"title": step.title, "rows": rows, "change_url": change, "step": step})
    return groups


@lpa_view()
def lpa_check(request, lpa):
    flow = lpa_flow(lpa)
    if flow.next_target().kind != CHECK:
        return redirect(target_url(lpa, flow.next_target()))
    return render(
        request,
        "lasting_power/check.html",
        {
            "page_title": gettext("Check the LPA"),
            "lpa": lpa,
            "groups": answer_groups(lpa, flow, editable=True),
            "back_url": url("lpa-tasks", lpa.pk),
        },
    )


@lpa_view()
def lpa_fee(request, lpa):
    """The fee reduction questions; the fee follows from them (lasting_power.fees)."""
    flow = lpa_flow(lpa)
    if flow.next_target().kind != CHECK:
        return redirect(target_url(lpa, flow.next_target()))
    if request.method == "POST":
        form = FeeReductionForm(request.POST)
        if form.is_valid():
            services.lpa_fee_decide(lpa=lpa, cleaned_data=form.cleaned_data)
            return redirect(url("lpa-pay", lpa.pk))
    else:
        initial = dict(lpa.fee_reduction or {})
        if initial:
            initial["wanted"] = "yes" if initial.get("wanted") else "no"
            for name in ("damages_over_limit", "income_under_limit"):
                initial[name] = "yes" if initial.get(name) else "no"
        form = FeeReductionForm(initial=initial or None)
    return render(
        request,
        "lasting_power/fee.html",
        {
            "page_title": gettext("Fee reductions and exemptions"),
            "lpa": lpa,
            "form": prepare(form),
            "back_url": url("lpa-check", lpa.pk),
        },
    )


@require_http_methods(["GET", "POST"])
@lpa_view(editable=False)
def lpa_pay(request, lpa):
    """The fee and how to pay it. Card goes to the payments app (a telephone payment when
    an agent is helping); a cheque, or nothing to pay now, completes the LPA here."""
    if lpa.is_locked:
        return redirect(url("lpa-done", lpa.pk))
    flow = lpa_flow(lpa)
    if flow.next_target().kind != CHECK:
        return redirect(target_url(lpa, flow.next_target()))
    outcome = services.lpa_fee_outcome(lpa)
    if outcome is None:
        return redirect(url("lpa-fee", lpa.pk))
    form = (
        PayForm(request.POST if request.method == "POST" else None) if outcome.to_pay_now else None
    )
    if request.method == "POST":
        agent = request.user if getattr(request, "assisted_session", None) is not None else None
        if form is None:
            services.lpa_complete(lpa=lpa, actor=request.user, request=request)
            return redirect(url("lpa-done", lpa.pk))
        if form.is_valid():
            if form.cleaned_data["method"] == PaymentMethod.CHEQUE:
                services.lpa_complete(
                    lpa=lpa, method=PaymentMethod.CHEQUE, actor=request.user, request=request
                )
                return redirect(url("lpa-done", lpa.pk))
            try:
                return redirect(
                    services.lpa_payment_start(
                        lpa=lpa, started_by=owner_of(request), entered_by=agent, request=request
                    )
                )
            except PaymentProviderUnavailable:
                return render(
                    request,
                    "lasting_power/payment_unavailable.html",
                    {
                        "page_title": gettext("Sorry, there is a problem with the payment service"),
                        "lpa": lpa,
                    },
                    status=503,
                )
    return render(
        request,
        "lasting_power/pay.html",
        {
            "page_title": gettext("Pay the fee")
            if outcome.to_pay_now
            else gettext("Complete the LPA"),
            "lpa": lpa,
            "outcome": outcome,
            "form": prepare(form) if form is not None else None,
            "back_url": url("lpa-fee", lpa.pk),
        },
    )


@lpa_view(editable=False)
def lpa_done(request, lpa):
    if not lpa.is_locked:
        return redirect(url("lpa-continue", lpa.pk))
    details = selectors.lpa_details(lpa)
    return render(
        request,
        "lasting_power/done.html",
        {
            "page_title": gettext("LPA completed"),
            "lpa": lpa,
            "details": details,
            "outcome": services.lpa_fee_outcome(lpa),
        },
    )


@lpa_view(editable=False)
def lpa_detail(request, lpa):
    """A completed LPA: its answers (no Change links: it is locked) and its documents."""
    if not lpa.is_locked:
        return redirect(url("lpa-continue", lpa.pk))
    return render(
        request,
        "lasting_power/detail.html",
        {
            "page_title": gettext("LPA %(reference)s") % {"reference": lpa.reference_display},
            "lpa": lpa,
            "groups": answer_groups(lpa, lpa_flow(lpa), editable=False),
            "outcome": services.lpa_fee_outcome(lpa),
            "tracking": lpa_tracking(lpa),
            "back_url": url("dashboard"),
        },
    )
