"""Your LPAs: the dashboard with search, starting one, reusing one and deleting one."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Size
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from digital_services.core.form_helpers import lazy_form_helper

from .. import selectors, services
from ..constants import PROGRESS_LABELS, LpaType
from ..forms import TypeForm
from ..tracking import EXPLAINED, lpa_tracking
from .common import lpa_view, owner_of, page_language, prepare, url


class SearchForm(forms.Form):
    search = forms.CharField(
        label=_("Search by LPA reference or donor name"),
        required=False,
        max_length=100,
        error_messages={"max_length": _("Search must be 100 characters or fewer")},
    )


PROGRESS_EXPLAINED = {
    "Started": _("some questions are still to answer"),
    "Created": _("you can download a draft to read; answer the rest, then pay"),
    "Completed": _("print it, sign it in order and send it to the Office of the Public Guardian"),
    # After completion (lasting_power.tracking).
    "Waiting": _(
        "print it, sign it in order and send it to the Office of the Public Guardian. "
        "We are waiting to receive it"
    ),
    **{stage: text for stage, text in EXPLAINED.items() if stage != "Waiting"},
}


def _actions(lpa, progress: str) -> list[tuple[str, str]]:
    """Continue, or view documents and check signing dates; then reuse and delete."""
    if lpa.is_locked:
        actions = [
            (gettext("View documents"), url("lpa-documents", lpa.pk)),
            (gettext("Check signing dates"), url("lpa-signing-dates", lpa.pk)),
            (gettext("View answers"), url("lpa-view", lpa.pk)),
        ]
    else:
        actions = [(gettext("Continue"), url("lpa-continue", lpa.pk))]
        if progress == "Created":
            actions.append((gettext("View draft"), url("lpa-documents", lpa.pk)))
    if selectors.lpa_reusable(lpa):
        actions.append((gettext("Reuse details"), url("lpa-reuse", lpa.pk)))
    if selectors.lpa_deletable(lpa):
        actions.append((gettext("Delete"), url("lpa-delete", lpa.pk)))
    return actions


@never_cache
@login_required
def dashboard(request):
    """Every LPA of this account, newest change first, 50 a page; search by reference or
    donor name. Someone with none (and not searching) goes straight to making one."""
    owner = owner_of(request)
    form = SearchForm(request.GET or None)
    search = form.cleaned_data["search"] if form.is_valid() else ""
    lpas = selectors.lpas_for_user(user=owner, search=search)
    if not request.GET and not lpas.exists():
        return redirect(url("lpa-new"))
    page = Paginator(lpas, selectors.DASHBOARD_PAGE_SIZE).get_page(request.GET.get("page"))
    cards = []
    for lpa in page:
        progress = selectors.lpa_progress(lpa)
        cards.append(
            {
                "lpa": lpa,
                "progress": progress,
                "progress_label": PROGRESS_LABELS[progress],
                "explained": PROGRESS_EXPLAINED[progress],
                "tracking": lpa_tracking(lpa) if lpa.is_locked else None,
                "donor": lpa.donor_name,
                "actions": _actions(lpa, progress),
            }
        )
    return render(
        request,
        "lasting_power/dashboard.html",
        {
            "page_title": gettext("Your lasting powers of attorney"),
            "form": form if form.is_bound else SearchForm(),
            "search": search,
            "cards": cards,
            "page": page,
        },
    )


@never_cache
@login_required
def lpa_new(request):
    """Choose the type; the LPA is made (and kept) only when the form is sent."""
    form = TypeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        lpa = services.lpa_start(
            user=owner_of(request),
            lpa_type=form.cleaned_data["lpa_type"],
            channel="assisted" if getattr(request, "assisted_session", None) else "digital",
            language=page_language(),
            actor=request.user,
            request=request,
        )
        return redirect(url("lpa-step", lpa.pk, "donor"))
    return render(
        request,
        "lasting_power/new.html",
        {"page_title": gettext("Which type of LPA do you want to make?"), "form": prepare(form)},
    )


class ReuseForm(TypeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lpa_type"].label = gettext(
            "Which type of LPA do you want to make with these details?"
        )
        self.helper = lazy_form_helper(
            lambda: [Field.radios("lpa_type", legend_size=Size.LARGE, legend_tag="h1")]
        )


@lpa_view(editable=False)
def lpa_reuse(request, lpa):
    """Start a new LPA from this one: the same donor, and its people to choose from."""
    if not selectors.lpa_reusable(lpa):
        return redirect(url("lpa-continue", lpa.pk))
    other = (
        LpaType.HEALTH_WELFARE
        if lpa.lpa_type == LpaType.PROPERTY_FINANCE
        else LpaType.PROPERTY_FINANCE
    )
    form = ReuseForm(
        request.POST if request.method == "POST" else None, initial={"lpa_type": other}
    )
    if request.method == "POST" and form.is_valid():
        new = services.lpa_reuse(
            lpa=lpa,
            lpa_type=form.cleaned_data["lpa_type"],
            language=page_language(),
            actor=request.user,
            request=request,
        )
        return redirect(url("lpa-step", new.pk, "donor"))
    return render(
        request,
        "lasting_power/reuse.html",
        {
            "page_title": gettext("Reuse this LPA's details"),
            "lpa": lpa,
            "form": prepare(form),
            "back_url": url("dashboard"),
        },
    )


@lpa_view(editable=False)
def lpa_delete(request, lpa):
    """Are you sure? Then delete the LPA and its documents (not once OPG has it)."""
    if not selectors.lpa_deletable(lpa):
        messages.error(
            request,
            gettext(
                "LPA %(reference)s cannot be deleted: the Office of the Public Guardian has "
                "received it"
            )
            % {"reference": lpa.reference_display},
        )
        return redirect(url("lpa-view", lpa.pk))
    if request.method == "POST":
        services.lpa_delete(lpa=lpa, actor=request.user, request=request)
        messages.success(
            request,
            gettext("LPA %(reference)s has been deleted") % {"reference": lpa.reference_display},
        )
        return redirect(url("dashboard"))
    return render(
        request,
        "lasting_power/delete.html",
        {
            "page_title": gettext("Are you sure you want to delete LPA %(reference)s?")
            % {"reference": lpa.reference_display},
            "lpa": lpa,
            "donor": lpa.donor_name,
            "back_url": url("dashboard"),
        },
    )
