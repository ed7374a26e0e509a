"""What the LPA views share: finding the viewer's LPA, and the URL of a place in the flow."""

from __future__ import annotations

import functools

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from digital_services.accounts.citizens import case_owner_for_request

from .. import selectors
from ..journeys import CHECK, STEP, WARNING, Target

NAMESPACE = "lasting_power"


def owner_of(request):
    """Whose LPAs these are: the signed-in citizen, or the citizen an agent is helping."""
    return case_owner_for_request(request)


def page_language() -> str:
    """The language of the page being made (the citizen's choice): "cy" or "en"."""
    return "cy" if (get_language() or "").startswith("cy") else "en"


def url(name: str, *args) -> str:
    return reverse(f"{NAMESPACE}:{name}", args=args)


def target_url(lpa, target: Target) -> str:
    if target.kind == STEP:
        return url("lpa-step", lpa.pk, target.slug)
    if target.kind == WARNING:
        return url("lpa-warning", lpa.pk, target.slug)
    assert target.kind == CHECK
    return url("lpa-check", lpa.pk)


def lpa_view(*, editable: bool = True):
    """Decorates a view taking ``pk``: it gets the viewer's LPA instead (404 for anyone
    else's). ``editable`` views send a completed (locked) LPA to its read-only page."""

    def decorate(view):
        @never_cache
        @login_required
        @functools.wraps(view)
        def wrapper(request, pk: int, **kwargs):
            lpa = selectors.lpa_for_owner(user=owner_of(request), pk=pk)
            if lpa is None:
                raise Http404("No such LPA")
            if editable and lpa.is_locked:
                return redirect(url("lpa-view", lpa.pk))
            return view(request, lpa, **kwargs)

        return wrapper

    return decorate


def prepare(form):
    """Forms render inside our own <form>: no second tag, no browser validation."""
    from crispy_forms_gds.helper import FormHelper

    helper = getattr(form, "helper", None) or FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    form.helper = helper
    form.use_required_attribute = False
    return form
