"""The attorney's pages: add a registered LPA to the account with the LPA reference and
the access code from the letter (signed in; rate limited per address and per LPA), then
see its status and download the registered copy. An attorney sees only the LPAs they
linked (``attorneys.attorney_link_for_viewer``): 404 for any other."""

from __future__ import annotations

import functools

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from digital_services.accounts.citizens import case_owner_for_request
from digital_services.audit.http import lookup_rate_limited
from digital_services.documents.http import document_response

from . import attorneys
from .documents.registered import lpa_registered_document
from .forms.attorney_link import LINK_NOT_FOUND, LINK_RATE_LIMITED, AttorneyLinkForm
from .selectors import lpa_details

LINK_RATE_SETTING = "LASTING_POWER_ACCESS_CODE_RATE_LIMIT"


def _link_page(request, form, *, status=200):
    return render(
        request,
        "lasting_power/attorney/link.html",
        {
            "page_title": gettext("Add an LPA you are an attorney on"),
            "form": form,
            "linked": attorneys.attorney_links_for_user(case_owner_for_request(request)),
        },
        status=status,
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def attorney_link(request):
    """The LPA reference and access code from the attorney's letter: a match adds the LPA
    to this account (the code is used); any miss gets the same error."""
    if request.method != "POST":
        return _link_page(request, AttorneyLinkForm())
    form = AttorneyLinkForm(request.POST)
    if not form.is_valid():
        return _link_page(request, form)
    reference = form.cleaned_data["reference"]
    if lookup_rate_limited(
        request, group="lasting_power.attorney_link", reference=reference, setting=LINK_RATE_SETTING
    ):
        form.add_error(None, LINK_RATE_LIMITED)
        return _link_page(request, form, status=429)
    access = attorneys.attorney_lpa_link(
        reference=reference,
        code=form.cleaned_data["access_code"],
        user=case_owner_for_request(request),
        request=request,
    )
    if access is None:
        form.add_error(None, LINK_NOT_FOUND)
        return _link_page(request, form)
    return redirect("lasting_power:attorney-lpa", access.lpa_id)


def _for_attorney(view):
    """The view gets the LPA if this account linked it as an attorney; 404 otherwise."""

    @functools.wraps(view)
    def wrapper(request, pk: int):
        link = attorneys.attorney_link_for_viewer(lpa_id=pk, user=case_owner_for_request(request))
        if link is None:
            raise Http404("No such LPA")
        return view(request, link)

    return never_cache(login_required(wrapper))


@require_GET
@_for_attorney
def attorney_lpa(request, link):
    """The LPA's status, who acts, and the registered copy while it is registered."""
    lpa = link.lpa
    details = lpa_details(lpa)
    return render(
        request,
        "lasting_power/attorney/lpa.html",
        {
            "page_title": gettext("Lasting power of attorney %(reference)s")
            % {"reference": lpa.reference_display},
            "lpa": lpa,
            "details": details,
            "standing": attorneys.lpa_attorneys_standing(lpa, details),
            "may_register_copy": attorneys.attorney_may_download(lpa),
            "may_download": attorneys.attorney_may_download(lpa)
            and lpa_registered_document(lpa=lpa) is not None,
        },
    )


@require_GET
@_for_attorney
def attorney_lpa_download(request, link):
    """The registered LPA (stamped by OPG), while it is registered."""
    lpa = link.lpa
    document = lpa_registered_document(lpa=lpa) if attorneys.attorney_may_download(lpa) else None
    if document is None:
        raise Http404("No registered copy")
    return document_response(document=document)
