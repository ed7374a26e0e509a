"""The defendant's response on a money claim's case page: what they said, how they offer to
pay, mediation, and any counterclaim with its fee (the caseworker's view of ``Response``)."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects

from digital_services.core.admin_lists import admin_table
from digital_services.core.dates import date_format
from digital_services.core.money import pence_format
from digital_services.core.queries import CompiledQuery, prefetch_compiled

from ..models import Claim
from ..services.plans import plan_words

YES_NO = {True: "Yes", False: "No"}


def response_rows(response) -> list[tuple[str, str]]:
    """The response as rows of what → answer (nothing empty)."""
    rows = [
        ("Response", response.get_response_type_display()),
        ("Defence", response.get_defence_type_display() if response.defence_type else ""),
        ("Received", f"{date_format(response.submitted_at)} ({response.get_channel_display()})"),
        (
            "Amount admitted",
            pence_format(response.admitted_amount_pence)
            if response.admitted_amount_pence is not None
            else "",
        ),
        (
            "Already paid",
            f"{pence_format(response.paid_amount_pence)} on {date_format(response.paid_on)}: "
            f"{response.paid_how}"
            if response.paid_amount_pence is not None and response.paid_on
            else "",
        ),
        ("Offers to pay", plan_words(response) if response.payment_option else ""),
        ("Why they dispute it", response.defence),
        ("Free mediation", YES_NO.get(response.free_mediation, "")),
        (
            "Statement of truth",
            ", ".join(p for p in (response.sot_signer_name, response.sot_signer_role) if p),
        ),
    ]
    counterclaim = getattr(response, "counterclaim", None)
    if counterclaim is not None:
        fee = f"{pence_format(counterclaim.fee_pence)}, {counterclaim.get_fee_route_display()}"
        if counterclaim.hwf_reference:
            fee += f" ({counterclaim.hwf_reference})"
        if counterclaim.fee_paid_at:
            fee += f": {pence_format(counterclaim.fee_paid_pence)} paid on "
            fee += date_format(counterclaim.fee_paid_at)
        elif counterclaim.fee_due:
            fee += ": not paid yet"
        rows += [
            ("Counterclaim", f"{pence_format(counterclaim.amount_pence)}: {counterclaim.reason}"),
            ("Counterclaim fee", fee),
        ]
    return [(label, value) for label, value in rows if value]


#: What the case page joins to the claim (no query of its own for the response side).
CASE_PAGE_JOINS = (
    "response__counterclaim",
    "claimant_reply",
    "judgment",
    "current_order__replaces",
)
#: What it reads in a query each (its SQL built once per process, ``core.queries.related_rows``).
#: Read for the case page alone (``get_object``): the list shows none of them, and its parties
#: prefetched for every list page were a query and 50 rows it never drew.
CASE_PAGE_PREFETCHES = ("parties", "breathing_spaces", "caseman_events")


def _case_page_claim(*, pk: int):
    return Claim._default_manager.select_related(*CASE_PAGE_JOINS).filter(pk=pk)


#: The case page's claim, its SQL compiled once per process: Django compiled this select of
#: five joined tables (about 200 columns) on every opening of a claim, 7 ms of the page's 22
#: at 200,000 claims (docs/performance.md, "The money claim's case page: its claim compiled
#: once").
_CASE_PAGE_CLAIM = CompiledQuery(_case_page_claim)


class ResponseOnCasePageMixin:
    """For ``ClaimAdmin``: the case page reads the claim with its response, counterclaim,
    reply and judgment in one query, and shows the response."""

    def get_object(self, request, object_id, from_field=None):
        # Django's get_object, with the response side joined (no query of its own).
        queryset = self.get_queryset(request)
        prefetches = queryset._prefetch_related_lookups
        if (
            from_field is None
            and str(object_id).isdigit()
            and queryset.model is Claim
            and not queryset.query.where  # the admin's list is every claim: nothing to scope
            and not queryset.query.annotations
        ):
            found = _CASE_PAGE_CLAIM.rows(pk=int(object_id))
            obj = found[0] if found else None
        else:
            queryset = queryset.select_related(*CASE_PAGE_JOINS)
            model = queryset.model
            field = model._meta.pk if from_field is None else model._meta.get_field(from_field)
            try:
                obj = queryset.get(**{field.name: field.to_python(object_id)})
            except (model.DoesNotExist, ValidationError, ValueError):
                obj = None
        if obj is not None:
            prefetch_related_objects([obj], *prefetches)
            prefetch_compiled(obj, *CASE_PAGE_PREFETCHES)
        return obj

    @admin.display(description="The defendant's response")
    def response_table(self, obj):
        response = getattr(obj, "response", None)
        if response is None:
            return "No response yet"
        return admin_table(response_rows(response))

    @admin.display(description="Directions orders")
    def orders_table(self, obj):
        # The order in force and the one it replaced (a judge's new order on
        # reconsideration replaces a legal adviser's; nothing replaces a judge's).
        order = obj.current_order
        if order is None:
            return "No order yet"
        rows = []
        for each in (order.replaces, order):
            if each is None:
                continue
            rows.append(
                (
                    date_format(each.drawn_at),
                    each.get_made_by_display(),
                    each.text,
                    _review_words(each) + _reconsideration_words(each),
                )
            )
        return admin_table(rows)


def _review_words(order) -> str:
    """A drafted order: who reviews it, and what they decided (empty for one drawn at once)."""
    if order.drafted_at is None:
        return ""
    words = f"Drafted on {date_format(order.drafted_at)} for {order.get_made_by_display().lower()}"
    if not order.review_result:
        return words + " to review: waiting for the review. "
    return words + f" to review. {order.get_review_result_display()}. "


def _reconsideration_words(order) -> str:
    if order.reconsideration_requested_at is None:
        if order.reconsider_by:
            return f"A judge may be asked to reconsider it until {date_format(order.reconsider_by)}"
        return ""
    words = (
        f"Reconsideration asked for by the {order.get_reconsideration_party_display().lower()} "
        f"on {date_format(order.reconsideration_requested_at)}: {order.reconsideration_reason}"
    )
    if order.reconsideration_result:
        words += (
            f". {order.get_reconsideration_result_display()} on "
            f"{date_format(order.reconsidered_at)}"
        )
    return words
