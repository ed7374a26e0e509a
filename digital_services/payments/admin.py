"""Caseworker views of payments and refunds: filters, a finance CSV export, refunds.

Payments and refunds are read-only here: their status comes from the provider. A
refund is started from a payment's page by staff with ``payments.add_refund``.
"""

import csv

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from digital_services.core.admin_lists import LargeListAdminMixin, RegisteredServiceFilter
from digital_services.core.money import pence_format
from digital_services.core.registry import services_list
from digital_services.core.spreadsheets import csv_safe

from . import selectors, services
from .constants import FINISHED_STATUSES, PaymentStatus, RefundStatus
from .forms import RefundForm
from .models import Payment, Refund, WebhookMessage


class ReadOnlyAdminMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RefundInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Refund
    extra = 0
    fields = ("created_at", "amount", "status", "error_code", "requested_by", "reason")
    readonly_fields = fields

    @admin.display(description="Amount")
    def amount(self, obj):
        return pence_format(obj.amount_pence)


class PaymentPurposeFilter(admin.SimpleListFilter):
    """Payment purposes as the services declare them (no ``SELECT DISTINCT`` over payments)."""

    title = "purpose"
    parameter_name = "purpose"

    def lookups(self, request, model_admin):
        purposes = sorted({p for s in services_list() for p in s.payment_purposes})
        return [(p, p) for p in purposes]

    def queryset(self, request, queryset):
        return queryset.filter(purpose=self.value()) if self.value() else queryset


class RefundServiceFilter(RegisteredServiceFilter):
    field = "payment__service"


@admin.register(Payment)
class PaymentAdmin(LargeListAdminMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = (
        "reference",
        "service",
        "purpose",
        "amount",
        "status",
        "failure_code",
        "provider",
        "created_at",
    )
    list_filter = (
        "status",
        RegisteredServiceFilter,
        "provider",
        "failure_code",
        PaymentPurposeFilter,
        "created_at",
    )
    search_fields = ("reference", "provider_payment_id", "description")
    inlines = [RefundInline]
    actions = ["export_finance_csv", "refresh_from_provider", "cancel_payments"]
    fields = (
        "reference",
        "description",
        "service",
        "purpose",
        "case",
        "amount",
        "remitted",
        "refundable",
        "status",
        "language",
        "failure_code",
        "provider",
        "provider_payment_id",
        "card_brand",
        "last_digits_card_number",
        "started_by",
        "created_at",
        "updated_at",
        "finished_at",
        "refund_link",
    )
    readonly_fields = fields

    @admin.display(description="Amount", ordering="amount_pence")
    def amount(self, obj):
        return pence_format(obj.amount_pence)

    @admin.display(description="Help with Fees remission")
    def remitted(self, obj):
        return pence_format(obj.remitted_pence) or "–"

    @admin.display(description="Case")
    def case(self, obj):
        return f"{obj.content_type.app_label}.{obj.content_type.model} {obj.object_id}"

    @admin.display(description="Available to refund")
    def refundable(self, obj):
        return pence_format(selectors.payment_amount_refundable(payment=obj))

    @admin.display(description="Refund")
    def refund_link(self, obj):
        if obj.status != PaymentStatus.SUCCESS:
            return "Only a successful payment can be refunded"
        if selectors.payment_amount_refundable(payment=obj) < 1:
            return "Refunded in full"
        return format_html(
            '<a class="button" href="{}">Refund this payment</a>',
            reverse("admin:payments_payment_refund", args=[obj.pk]),
        )

    def get_urls(self):
        return [
            path(
                "<int:object_id>/refund/",
                self.admin_site.admin_view(self.refund_view),
                name="payments_payment_refund",
            ),
            *super().get_urls(),
        ]

    def refund_view(self, request, object_id):
        """A form to refund all or part of a payment (``payments.add_refund`` only)."""
        if not request.user.has_perm("payments.add_refund"):
            raise PermissionDenied
        payment = get_object_or_404(Payment, pk=object_id)
        available = selectors.payment_amount_refundable(payment=payment)
        change_url = reverse("admin:payments_payment_change", args=[payment.pk])
        form = RefundForm(request.POST or None, available_pence=available)
        if request.method == "POST" and form.is_valid():
            try:
                refund = services.refund_create(
                    payment=payment,
                    amount_pence=form.cleaned_data["amount"],
                    requested_by=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except services.RefundNotAllowed as exc:
                form.add_error("amount", str(exc))
            except services.PaymentProviderUnavailable:
                messages.error(
                    request,
                    "The payment provider is not available. No refund was made: try again later.",
                )
            else:
                if refund.status == RefundStatus.ERROR:
                    messages.error(
                        request,
                        f"The payment provider refused the refund ({refund.error_code}).",
                    )
                else:
                    messages.success(
                        request,
                        f"Refund of {pence_format(refund.amount_pence)} {refund.get_status_display().lower()}.",
                    )
                return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": payment,
            "payment": payment,
            "form": form,
            "available": available,
            "change_url": change_url,
            "title": f"Refund payment {payment.reference}",
        }
        return render(request, "payments/admin/refund_form.html", context)

    @admin.action(description="Export selected payments to a finance CSV", permissions=["view"])
    def export_finance_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"payments-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        writer = csv.writer(response)
        writer.writerow(selectors.FINANCE_CSV_HEADER)
        for row in selectors.payments_finance_rows(payments=queryset):
            writer.writerow([csv_safe(cell, numbers=True) for cell in row])
        return response

    @admin.action(description="Check status with the payment provider", permissions=["view"])
    def refresh_from_provider(self, request, queryset):
        changed = unavailable = 0
        for payment in queryset.exclude(status__in=FINISHED_STATUSES):
            before = payment.status
            try:
                after = services.payment_refresh(payment=payment).status
            except services.PaymentProviderUnavailable:
                unavailable += 1
                continue
            changed += after != before
        messages.info(request, f"{changed} payment(s) changed status.")
        if unavailable:
            messages.warning(request, f"{unavailable} payment(s) could not be checked: try later.")

    @admin.action(description="Cancel selected unfinished payments", permissions=["cancel"])
    def cancel_payments(self, request, queryset):
        for payment in queryset:
            try:
                services.payment_cancel(payment=payment, actor=request.user)
            except (services.TransitionNotAllowed, services.PaymentProviderUnavailable) as exc:
                messages.error(request, f"{payment.reference}: {exc}")
            else:
                messages.success(request, f"{payment.reference}: cancelled.")

    def has_cancel_permission(self, request):
        return request.user.has_perm("payments.cancel_payment")


@admin.register(Refund)
class RefundAdmin(LargeListAdminMixin, ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("payment", "amount", "status", "error_code", "requested_by", "created_at")
    list_filter = ("status", RefundServiceFilter, "created_at")
    search_fields = ("payment__reference", "provider_refund_id")
    list_select_related = ("payment", "requested_by")

    @admin.display(description="Amount", ordering="amount_pence")
    def amount(self, obj):
        return pence_format(obj.amount_pence)


@admin.register(WebhookMessage)
class WebhookMessageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("message_id", "event_type", "resource_id", "payment", "received_at")
    list_select_related = ("payment",)
    list_filter = ("event_type", "received_at")
    search_fields = ("message_id", "resource_id")
