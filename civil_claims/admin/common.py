"""What the money-claim admin pages share: one page per caseworker action, CSV-safe cells,
claim-number search."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html_join

from digital_services.core.references import ReferenceSearchMixin, reference_candidates
from digital_services.core.transitions import TransitionNotAllowed

CSV_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
    """Stop a spreadsheet reading a cell as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(CSV_FORMULA_PREFIXES) else text


def buttons(links) -> str:
    links = [(url, label) for url, label in links if url]
    if not links:
        return "No actions for this status"
    return format_html_join(" ", '<a class="button" href="{}">{}</a>', links)


class ClaimNumberSearchMixin(ReferenceSearchMixin):
    """The search box finds a claim by its claim number ("123mc456", "123 MC 456") or by
    the reference given at submission, however it is typed."""

    reference_search_field = "reference"

    def get_search_results(self, request, queryset, search_term):
        plain = "".join(search_term.split()).upper().replace("-", "")
        if len(plain) == 8 and plain[3:5] == "MC":
            exact = queryset.filter(claim_number=plain)
            if exact.exists():
                return exact, False
        return super().get_search_results(request, queryset, search_term)

    def reference_search_forms(self, search_term: str) -> list[str]:
        return reference_candidates(search_term)


class ActionViewsMixin:
    """One page per caseworker action: a form, a service call, a message, back to the case.

    ``action_views``: slug -> (permission, form class, title, method name). The method
    gets (request, obj, cleaned_data) and returns the success message; a refused move
    (``TransitionNotAllowed``) goes back to the case with the reason, and a
    ``ValueError``/``ValidationError`` is shown on the form.
    """

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
        return [*custom, *self.extra_urls(), *super().get_urls()]

    def extra_urls(self) -> list:
        return []

    def action_url(self, obj, slug: str) -> str:
        meta = self.model._meta
        return reverse(
            f"admin:{meta.app_label}_{meta.model_name}_{slug.replace('-', '_')}", args=[obj.pk]
        )

    def _action_view(self, request, object_id, slug):
        permission, form_class, title, method = self.action_views[slug]
        if not request.user.has_perm(permission):
            raise PermissionDenied
        obj = get_object_or_404(self.model, pk=object_id)
        meta = self.model._meta
        change_url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
        data = request.POST if request.method == "POST" else None
        form = form_class(data, **self.action_form_kwargs(obj, slug))
        if request.method == "POST" and form.is_valid():
            try:
                message = getattr(self, method)(request, obj, form.cleaned_data)
            except TransitionNotAllowed as exc:
                messages.error(request, str(exc))
                return redirect(change_url)
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    for field, errors in exc.message_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    form.add_error(None, exc.messages)
            except ValueError as exc:
                form.add_error(None, str(exc))
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
        return render(request, "admin/civil_claims/action_form.html", context)

    def action_form_kwargs(self, obj, slug):
        return {}

    def action_summary(self, obj, slug) -> list[tuple[str, str]]:
        return []


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
