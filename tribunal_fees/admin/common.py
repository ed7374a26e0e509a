"""What the tribunal fees admin pages share: CSV-safe cells, action buttons and views, reference search, read-only status."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html_join

from digital_services.core.references import ReferenceSearchMixin
from digital_services.payments.services import PaymentProviderUnavailable

from .. import services
from ..references import reference_stored_forms

CSV_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    """Stop a spreadsheet reading a cell as a formula (CSV injection)."""
    text = str(value)
    return "'" + text if text.startswith(CSV_FORMULA_PREFIXES) else text


def _buttons(links) -> str:
    links = [(url, label) for url, label in links if url]
    if not links:
        return "No actions for this status"
    return format_html_join(" ", '<a class="button" href="{}">{}</a>', links)


class TribunalReferenceSearchMixin(ReferenceSearchMixin):
    """The search box finds a case by its reference however it is typed ("tf abc def",
    "TFABCDEF", "TF-ABC-DEF"), as this service stores it."""

    def reference_search_forms(self, search_term: str) -> list[str]:
        return reference_stored_forms(search_term)


class ActionViewsMixin:
    """One page per caseworker action: a form, a service call, a message, back to the case."""

    #: action slug -> (permission, form class, title, method name)
    action_views: dict[str, tuple[str, type, str, str]] = {}

    def get_urls(self):
        meta = self.model._meta
        custom = [
            path(
                f"<int:object_id>/{slug}/",
                self.admin_site.admin_view(self._action_view),
                {"slug": slug},
                name=f"{meta.app_label}_{meta.model_name}_{slug.replace('-', '_')}",
            )
            for slug in self.action_views
        ]
        return [*custom, *super().get_urls()]

    def action_url(self, obj, slug: str) -> str:
        meta = self.model._meta
        return reverse(
            f"admin:{meta.app_label}_{meta.model_name}_{slug.replace('-', '_')}", args=[obj.pk]
        )

    def action_refusal(self, request, obj, slug: str) -> str | None:
        """Why this user may not take this action on this case (None: they may)."""
        return None

    def _action_view(self, request, object_id, slug):
        permission, form_class, title, method = self.action_views[slug]
        if not request.user.has_perm(permission):
            raise PermissionDenied
        obj = get_object_or_404(self.model, pk=object_id)
        meta = self.model._meta
        change_url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
        refusal = self.action_refusal(request, obj, slug)
        if refusal:
            messages.error(request, refusal)
            return redirect(change_url)
        data = request.POST if request.method == "POST" else None
        form = form_class(data, **self.action_form_kwargs(obj, slug))
        if request.method == "POST" and form.is_valid():
            try:
                message = getattr(self, method)(request, obj, form.cleaned_data)
            except services.InvalidRequest as exc:
                for field, text in exc.errors.items():
                    form.add_error(field if field in form.fields else None, text)
            except services.TransitionNotAllowed as exc:
                messages.error(request, str(exc))
                return redirect(change_url)
            except PaymentProviderUnavailable:
                messages.error(
                    request, "The payment provider is not available. Nothing changed: try later."
                )
                return redirect(change_url)
            else:
                messages.success(request, message)
                return redirect(change_url)
        context = {
            **self.admin_site.each_context(request),
            "opts": meta,
            "original": obj,
            "title": f"{title}: {obj}",
            "form": form,
            "change_url": change_url,
            "summary": self.action_summary(obj, slug),
            "submit_label": title,
        }
        return render(request, "admin/tribunal_fees/action_form.html", context)

    def action_form_kwargs(self, obj, slug):
        return {}

    def action_summary(self, obj, slug) -> list[tuple[str, str]]:
        return []


class ReadOnlyStatusMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
