"""More of the OPG caseworkers' LPA pages, mixed into ``admin.LpaAdmin``: fee decisions
(with the refund of a fee paid by card), removing an attorney (a replacement may step
in), a new access code for an attorney, and the case page's fee, payments and attorneys.
Each action calls one service (``fee_decisions``, ``attorneys``); its refusals come back
as messages or form errors, as in ``admin``."""

from __future__ import annotations

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from digital_services.core.admin_lists import admin_table
from digital_services.core.dates import date_format
from digital_services.core.money import pence_format
from digital_services.payments.models import Payment
from digital_services.payments.services import PaymentProviderUnavailable, RefundNotAllowed

from . import attorneys, fee_decisions
from .constants import (
    ATTORNEY_ACCESS_LPA_STATUSES,
    QUEUE_OVERDUE_DAYS,
    LpaStatus,
)
from .forms.staff_casework import AttorneyCodeForm, AttorneyRemoveForm, FeeDecisionForm
from .models import Lpa

FEES = "lasting_power.fees_lpa"
REGISTER = "lasting_power.register_lpa"

CASEWORK_ACTION_VIEWS = {
    "fee": (FEES, FeeDecisionForm, "Decide the fee", "do_fee"),
    "remove-attorney": (REGISTER, AttorneyRemoveForm, "Remove an attorney", "do_remove_attorney"),
    "attorney-code": (
        REGISTER,
        AttorneyCodeForm,
        "Send an attorney a new access code",
        "do_attorney_code",
    ),
}


def lpa_due_on(lpa: Lpa):
    """When the LPA's next step is due in its queue (None: not waiting on OPG): checking
    a received one, hearing back on an imperfect one, or the end of the waiting period."""
    if lpa.status == LpaStatus.RECEIVED and lpa.received_on:
        return lpa.received_on + dt.timedelta(days=QUEUE_OVERDUE_DAYS["received"])
    if lpa.status == LpaStatus.IMPERFECT and lpa.checked_at:
        return timezone.localdate(lpa.checked_at) + dt.timedelta(
            days=QUEUE_OVERDUE_DAYS["imperfect"]
        )
    if lpa.status == LpaStatus.WAITING_PERIOD:
        return lpa.waiting_period_ends_on
    return None


#: Each queue oldest first (most overdue at the top), whatever the list's usual order.
QUEUE_ORDERING = {
    "received": ["received_on", "id"],
    "received-overdue": ["received_on", "id"],
    "imperfect": ["checked_at", "id"],
    "imperfect-overdue": ["checked_at", "id"],
    "perfect": ["status_changed_at", "id"],
    "waiting": ["waiting_period_ends_on", "id"],
    "overdue": ["waiting_period_ends_on", "id"],
    "ready": ["status_changed_at", "id"],
    "fees": ["received_on", "id"],
}


class CaseworkMixin:
    """Fee decisions, attorneys and payments on the LPA's case page; queues in order."""

    def get_ordering(self, request):
        return QUEUE_ORDERING.get(request.GET.get("queue", "")) or super().get_ordering(request)

    action_unavailable = {
        PaymentProviderUnavailable: "GOV.UK Pay cannot be reached, so the refund could not be "
        "asked for: nothing was changed. Try again later",
        RefundNotAllowed: "GOV.UK Pay will not refund this payment now: nothing was changed",
    }

    # Case page -------------------------------------------------------------------------

    def fee_table(self, obj):
        decision = fee_decisions.fee_decision_of(obj)
        rows = [
            ("Fee", "Not decided yet" if obj.fee_pence is None else pence_format(obj.fee_pence)),
            ("Reduction asked for", fee_decisions.fee_reduction_asked(obj) or "None"),
        ]
        if decision is not None:
            rows.append(("Decision", decision.get_status_display()))
            if decision.reduction_given:
                rows.append(("Reduction given", decision.reduction_given))
            if decision.notes:
                rows.append(("Reason or evidence needed", decision.notes))
            if decision.decided_at:
                rows.append(("Decided", date_format(decision.decided_at)))
            if decision.refund_id:
                rows.append(("Refunded to the card", pence_format(decision.refund.amount_pence)))
        return admin_table(rows, empty="None")

    fee_table.short_description = "Fee and fee decision"

    def payments_table(self, obj):
        payments = Payment.objects.filter(
            content_type=ContentType.objects.get_for_model(Lpa), object_id=str(obj.pk)
        ).prefetch_related("refunds")
        rows = []
        for payment in payments.order_by("created_at"):
            rows.append(
                (
                    date_format(payment.created_at),
                    "Card payment",
                    pence_format(payment.amount_pence),
                    payment.get_status_display(),
                    payment.provider_reference or payment.reference,
                )
            )
            rows.extend(
                (
                    date_format(refund.created_at),
                    "Refund",
                    pence_format(refund.amount_pence),
                    refund.get_status_display(),
                    refund.reason,
                )
                for refund in payment.refunds.all()
            )
        if obj.payment_method == "cheque":
            rows.append(
                ("", "Cheque (sent with the LPA)", pence_format(obj.fee_pence or 0), "", "")
            )
        return admin_table(rows, empty="None")

    payments_table.short_description = "Payments and refunds"

    def attorneys_table(self, obj):
        if obj.status in (LpaStatus.IN_PROGRESS, LpaStatus.COMPLETED):
            return "OPG has not received it yet"
        linked = {
            access.person
            for access in obj.attorney_accesses.filter(used_at__isnull=False, revoked_at=None)
        }
        return admin_table(
            [
                (
                    row.person.full_name,
                    row.role_label,
                    row.label,
                    row.reason,
                    "Added to an account" if row.id in linked else "",
                )
                for row in attorneys.lpa_attorneys_standing(obj)
            ],
            empty="None",
        )

    attorneys_table.short_description = "Attorneys: who acts"

    # Actions ---------------------------------------------------------------------------

    def casework_links(self, obj) -> list[tuple[str, str]]:
        links = []
        if fee_decisions.fee_decision_allowed(obj):
            links.append((self.action_url(obj, "fee"), "Decide the fee"))
        if attorneys.attorney_removal_allowed(obj):
            links.append((self.action_url(obj, "remove-attorney"), "Remove an attorney"))
        if obj.status in ATTORNEY_ACCESS_LPA_STATUSES:
            links.append((self.action_url(obj, "attorney-code"), "New attorney access code"))
        return links

    def casework_refusal(self, obj, slug) -> str | None:
        wording = f"LPA {obj.reference_display} is {obj.get_status_display().lower()}"
        if slug == "fee" and not fee_decisions.fee_decision_allowed(obj):
            return f"{wording}: its fee cannot be decided now"
        if slug == "remove-attorney" and not attorneys.attorney_removal_allowed(obj):
            return f"{wording}: an attorney cannot be removed from it"
        if slug == "attorney-code" and obj.status not in ATTORNEY_ACCESS_LPA_STATUSES:
            return f"{wording}: attorneys get access codes only once it is registered"
        return None

    def casework_form_kwargs(self, obj, slug) -> dict:
        standing = attorneys.lpa_attorneys_standing(obj) if slug != "fee" else []
        if slug == "remove-attorney":
            return {
                "acting": [
                    (r.id, f"{r.person.full_name} ({r.role_label.lower()})")
                    for r in standing
                    if r.standing == attorneys.ACTING
                ],
                "replacements": [
                    (r.id, r.person.full_name)
                    for r in standing
                    if r.standing == attorneys.NOT_ACTING
                ],
            }
        if slug == "attorney-code":
            return {
                "people": [
                    (r.id, f"{r.person.full_name} ({r.role_label.lower()})")
                    for r in standing
                    if r.standing != attorneys.REMOVED
                ]
            }
        return {}

    def do_fee(self, request, obj, data):
        record = fee_decisions.fee_decision_record(
            lpa=obj,
            decision=data["decision"],
            notes=data["notes"],
            actor=request.user,
            request=request,
        )
        return fee_decisions.fee_decision_outcome_text(
            record, paid_by_cheque=obj.payment_method == "cheque"
        )

    def do_remove_attorney(self, request, obj, data):
        removal = attorneys.attorney_remove(
            lpa=obj,
            person=data["person"],
            reason=data["reason"],
            replacement=data.get("replacement") or "",
            actor=request.user,
            request=request,
        )
        text = "Attorney removed"
        if removal.replacement:
            text += ": the replacement attorney now acts"
        return text

    def do_attorney_code(self, request, obj, data):
        attorneys.attorney_access_resend(
            lpa=obj, person=data["person"], actor=request.user, request=request
        )
        return "A new access code is posted to the attorney. Their earlier code no longer works"
