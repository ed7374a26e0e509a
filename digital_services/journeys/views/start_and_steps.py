"""The start, task list and section pages, and one view for every question step."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django_ratelimit.core import is_ratelimited

from digital_services.audit.http import client_rate_limit_key

from .. import services
from ..definitions import Journey, RepeatingStep
from ..engine import (
    COMPLETED,
    INVALID,
)
from .common import (
    JourneyRequest,
    _caption,
    _form_for_stored,
    _form_is_blank,
    _prepare,
    _step_or_404,
    service_start_url,
)
from .items import _item_list

# Start, task list and sections -------------------------------------------------------


def _resume_links_limited(request, *, email: str) -> bool:
    """Emailed links are limited per address and per recipient, as well as per draft.

    Without this, someone could start many drafts and flood one inbox. Limits are
    in ``JOURNEYS_RESUME_LINK_RATE_PER_IP`` and ``_PER_RECIPIENT`` (django-ratelimit rates).
    """
    recipient = email.lower()
    by_ip = is_ratelimited(
        request,
        group="journeys.resume_link.ip",
        key=client_rate_limit_key,
        rate=settings.JOURNEYS_RESUME_LINK_RATE_PER_IP,
        increment=True,
    )
    by_recipient = is_ratelimited(
        request,
        group="journeys.resume_link.recipient",
        key=lambda group, request: recipient,
        rate=settings.JOURNEYS_RESUME_LINK_RATE_PER_RECIPIENT,
        increment=True,
    )
    return by_ip or by_recipient


@never_cache
def journey_start(request, journey: Journey):
    """A linear journey's first step that needs an answer; a long one's task list."""
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    jr = JourneyRequest(request, journey)
    if not journey.has_task_list:
        return redirect(jr.start_or_first_step())
    sections = []
    for number, state in enumerate(jr.evaluation.sections(), start=1):
        sections.append(
            {
                "state": state,
                "number": number,
                "url": jr.url("section", section=state.section.slug),
            }
        )
    completed = sum(1 for s in sections if s["state"].status == COMPLETED)
    return render(
        request,
        "journeys/task_list.html",
        jr.context(
            page_title=journey.title,
            sections=sections,
            completed=completed,
            can_check=jr.evaluation.is_complete,
            check_url=jr.url("check"),
            back_url=service_start_url(journey),
        ),
    )


@never_cache
def section_start(request, journey: Journey, section: str):
    found = journey.section_get(section)
    if found is None:
        raise Http404("No such section")
    jr = JourneyRequest(request, journey)
    first = jr.evaluation.first_to_answer(found)
    if first is None:
        first = next((s for s in jr.evaluation.states if s.section is found and s.applies), None)
    if first is None:
        return redirect(jr.url("start"))
    return redirect(jr.step_url(first.step.slug))


# Steps ------------------------------------------------------------------------------


@never_cache
def step_view(request, journey: Journey, step: str):
    section, step_def = _step_or_404(journey, step)
    jr = JourneyRequest(request, journey)
    blocked = jr.guard(step_def)
    if blocked:
        return redirect(blocked)
    if isinstance(step_def, RepeatingStep):
        return _item_list(request, jr, section, step_def)

    state = jr.evaluation.state(step_def.slug)
    # The answers before this step (its form is made with them, as when it was validated):
    # the steps after it are not worked out for this page.
    answers = jr.evaluation.answers_before(step_def.slug)
    stored = jr.draft.answers.get(step_def.slug) if jr.draft else None
    if request.method == "POST":
        # Files too: a step may take an upload (its form stores it and keeps a reference).
        form = step_def.make_form(answers, data=request.POST, files=request.FILES)
        saving = request.POST.get("action") == "save"
        if saving and _form_is_blank(form):
            return redirect(jr.url("save"))
        if form.is_valid():
            services.draft_answer_save(
                journey=journey,
                owner=jr.write_owner(),
                step=step_def,
                cleaned_data=form.cleaned_data,
                channel=jr.channel,
            )
            return redirect(jr.url("save") if saving else jr.after_answer(step_def))
    else:
        form = _form_for_stored(step_def, stored, answers, show_errors=state.status == INVALID)
        if stored is None and step_def.initial is not None:
            form = step_def.make_form(answers, initial=step_def.initial(request))
    return render(
        request,
        step_def.template_name,
        jr.context(
            form=_prepare(form),
            step=step_def,
            caption=_caption(jr, section),
            page_title=step_def.title,
            back_url=jr.back_url(step_def),
        ),
    )
