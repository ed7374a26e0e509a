"""Caseworker actions in the admin, one page each: a form, a service call, a message, and
back to the case. Every service's case admin uses this one mixin (``ActionViewsMixin``)
and the one template, ``admin/case_action_form.html``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html_join

from .transitions import TransitionNotAllowed


def action_buttons(links) -> str:
    """The case page's action buttons: ``links`` is (url, label) pairs; a pair without a
    url (an action the status does not allow) is left out."""
    links = [(url, label) for url, label in links if url]
    if not links:
        return "No actions for this status"
    return format_html_join(" ", '<a class="button" href="{}">{}</a>', links)


def _form_errors(exc) -> dict:
    """field (or None) -> messages, from a service's refusal."""
    errors = getattr(exc, "errors", None)
    if isinstance(errors, dict):
        return errors
    if isinstance(exc, ValidationError):
        return exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}
    return {None: str(exc)}


class ActionViewsMixin:
    """One page per caseworker action.

    ``action_views``: slug -> (permission, form class, title, method name). The method
    gets (request, obj, cleaned_data) and returns the success message. A refused move
    (``TransitionNotAllowed``) goes back to the case with the reason; an exception in
    ``action_form_errors`` is shown on the form (an ``errors`` dict, a
    ``ValidationError`` or its text); one in ``action_unavailable`` (exception ->
    message) goes back to the case with that message and nothing changed.
    """

    action_views: dict[str, tuple[str, type, str, str]] = {}
    action_form_errors: tuple[type[Exception], ...] = (ValidationError, ValueError)
    action_unavailable: dict[type[Exception], str] = {}

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

    def action_refusal(self, request, obj, slug: str) -> str | None:
        """Why this user may not take this action on this case (None: they may)."""
        return None

    def action_form_kwargs(self, obj, slug):
        return {}

    def action_summary(self, obj, slug) -> list[tuple[str, str]]:
        return []

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
            except TransitionNotAllowed as exc:
                messages.error(request, str(exc))
                return redirect(change_url)
            except Exception as exc:
                unavailable = next(
                    (
                        text
                        for kind, text in self.action_unavailable.items()
                        if isinstance(exc, kind)
                    ),
                    None,
                )
                if unavailable is not None:
                    messages.error(request, unavailable)
                    return redirect(change_url)
                if not isinstance(exc, self.action_form_errors):
                    raise
                for field, errors in _form_errors(exc).items():
                    form.add_error(field if field in form.fields else None, errors)
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
        return render(request, "admin/case_action_form.html", context)
