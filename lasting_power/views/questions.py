"""The task list, one view for every question, the add-another lists and the warnings.

Every view asks ``journeys.flow`` whether the step may open and otherwise redirects
to the nearest one that may (``LpaFlow.next_target``). Every valid answer is saved at
once (``services.lpa_answer_save``); a bad one is shown again with its errors.
"""

from __future__ import annotations

from django import forms
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.core.form_helpers import lazy_form_helper
from digital_services.journeys.codec import answer_decode

from .. import selectors, services
from ..constants import PEOPLE_TO_NOTIFY_MAX
from ..journeys import WARNING, lpa_flow
from ..journeys.definitions import has_trust, journey_for
from .common import lpa_view, owner_of, prepare, target_url, url

PICKER_STEPS = set(selectors.PEOPLE_STEPS)

#: The add-another lists' sentences, whole for each list (so each language can word them).
ITEM_TEXT = {
    "attorneys": {
        "item": _("Attorney %(number)s"),
        "add_question": _("Do you want to add an attorney?"),
        "another_question": _("Do you want to add another attorney?"),
        "add_required": _("Select yes if you want to add an attorney"),
        "another_required": _("Select yes if you want to add another attorney"),
        "add_title": _("Add an attorney"),
        "change_title": _("Change attorney %(number)s"),
        "incomplete": _("Change or remove the attorneys marked incomplete"),
    },
    "replacements": {
        "item": _("Replacement attorney %(number)s"),
        "add_question": _("Do you want to add a replacement attorney?"),
        "another_question": _("Do you want to add another replacement attorney?"),
        "add_required": _("Select yes if you want to add a replacement attorney"),
        "another_required": _("Select yes if you want to add another replacement attorney"),
        "add_title": _("Add a replacement attorney"),
        "change_title": _("Change replacement attorney %(number)s"),
        "incomplete": _("Change or remove the replacement attorneys marked incomplete"),
    },
    "people-to-notify": {
        "item": _("Person to notify %(number)s"),
        "add_question": _("Do you want to add a person to notify?"),
        "another_question": _("Do you want to add another person to notify?"),
        "add_required": _("Select yes if you want to add a person to notify"),
        "another_required": _("Select yes if you want to add another person to notify"),
        "add_title": _("Add a person to notify"),
        "change_title": _("Change person to notify %(number)s"),
        "incomplete": _("Change or remove the people to notify marked incomplete"),
    },
}


@lpa_view()
def lpa_tasks(request, lpa):
    """The task list: each section in the notes' order, open only when those before are done."""
    flow = lpa_flow(lpa)
    journey = journey_for(lpa.lpa_type)
    sections = []
    for section in journey.sections:
        states = [s for s in flow.evaluation.states if s.section is section and s.applies]
        if not states:
            continue
        status = flow.section_status(section)
        first = next((s for s in states if s.status != "valid"), states[0])
        sections.append(
            {
                "title": section.title,
                "status": status,
                "url": url("lpa-step", lpa.pk, first.step.slug)
                if status != "cannot-start-yet"
                else "",
                "number": len(sections) + 1,
            }
        )
    return render(
        request,
        "lasting_power/task_list.html",
        {
            "page_title": journey.title,
            "lpa": lpa,
            "sections": sections,
            "completed": sum(1 for s in sections if s["status"] == "completed"),
            "can_check": flow.is_complete,
            "is_created": flow.is_created,
        },
    )


@lpa_view()
def lpa_continue(request, lpa):
    """Where the applicant left off: the nearest step they may open."""
    return redirect(target_url(lpa, lpa_flow(lpa).next_target()))


def _step(lpa, slug):
    found = journey_for(lpa.lpa_type).step_get(slug)
    if found is None:
        raise Http404("No such question")
    return found


def _picker(request, lpa, slug):
    """The "use the details of" list for person forms, and the initial data it chose."""
    if slug not in PICKER_STEPS:
        return None, {}
    owner = owner_of(request)
    choices = selectors.reuse_candidates(user=owner, lpa=lpa)
    if not choices:
        return None, {}
    chosen = request.GET.get("use", "")
    initial = selectors.reuse_initial(user=owner, key=chosen) if chosen else {}
    return choices, initial


def _after_save(lpa, slug):
    lpa.refresh_from_db()
    flow = lpa_flow(lpa)
    if flow.unread(slug):
        return redirect(url("lpa-warning", lpa.pk, slug))
    return redirect(target_url(lpa, flow.next_target()))


def _render_step(request, lpa, section, step, form, flow, **extra):
    return render(
        request,
        "lasting_power/step.html",
        {
            "page_title": step.title,
            "lpa": lpa,
            "caption": section.title if section else "",
            "step": step,
            "form": prepare(form),
            "back_url": url("lpa-tasks", lpa.pk),
            **extra,
        },
    )


@lpa_view()
def lpa_step(request, lpa, step: str):
    section, step_def = _step(lpa, step)
    flow = lpa_flow(lpa)
    if not flow.may_open(step):
        return redirect(target_url(lpa, flow.next_target()))
    if step_def.repeating:
        return _item_list(request, lpa, section, step_def, flow)
    answers = flow.evaluation.answers
    if request.method == "POST":
        form = step_def.make_form(answers, data=request.POST)
        if form.is_valid():
            services.lpa_answer_save(lpa=lpa, step=step, cleaned_data=form.cleaned_data)
            return _after_save(lpa, step)
        choices = None
    else:
        choices, picked = _picker(request, lpa, step)
        stored = lpa.answers.get(step)
        if picked:
            form = step_def.make_form(answers, initial=picked)
        elif stored is not None:
            try:
                form = step_def.make_form(
                    answers, initial=answer_decode(step_def.form_class, stored)
                )
            except (ValueError, TypeError, LookupError):
                form = step_def.make_form(answers)
        elif step_def.initial is not None:
            form = step_def.make_form(answers, initial=step_def.initial(request))
        else:
            form = step_def.make_form(answers)
    return _render_step(request, lpa, section, step_def, form, flow, use_choices=choices)


# Add another: attorneys, replacements, people to notify ------------------------------


class AddAnotherForm(forms.Form):
    def __init__(self, *args, question: str, required: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["add"] = forms.ChoiceField(
            label=question,
            choices=[("yes", _("Yes")), ("no", _("No"))],
            widget=forms.RadioSelect,
            error_messages={"required": required},
        )
        from crispy_forms_gds.layout import Field, Size

        self.helper = lazy_form_helper(
            lambda: [Field.radios("add", legend_size=Size.MEDIUM, inline=True)]
        )


def _item_list(request, lpa, section, step, flow):
    state = flow.evaluation.state(step.slug)
    text = ITEM_TEXT[step.slug]
    stored = (lpa.answers.get(step.slug) or {}).get("items", [])
    items = [
        {
            "title": step.title_for(cleaned, number)
            if cleaned
            else text["item"] % {"number": number},
            "valid": cleaned is not None,
            "change_url": url("lpa-item-change", lpa.pk, step.slug, number),
            "remove_url": url("lpa-item-remove", lpa.pk, step.slug, number),
        }
        for number, cleaned in enumerate(state.items or [None] * len(stored), start=1)
    ]
    full = step.max_items is not None and len(items) >= step.max_items
    question = text["another_question"] if items else text["add_question"]
    form = None
    errors = []
    if not full:
        form = AddAnotherForm(
            request.POST if request.method == "POST" else None,
            question=question,
            required=text["another_required"] if items else text["add_required"],
        )
    if request.method == "POST":
        adding = form is not None and form.is_valid() and form.cleaned_data["add"] == "yes"
        if adding:
            return redirect(url("lpa-item-add", lpa.pk, step.slug))
        if form is None or form.is_valid():
            if any(not item["valid"] for item in items):
                errors.append(
                    {
                        "href": "#people-list",
                        "text": text["incomplete"],
                    }
                )
            elif step.slug == "attorneys" and not items and not has_trust(flow.evaluation.answers):
                # On the question, as the journeys' lists do: the summary links to its radios.
                form.add_error("add", gettext("Add at least one attorney"))  # always asked
            else:
                services.lpa_items_confirm(lpa=lpa, step=step.slug)
                return _after_save(lpa, step.slug)
    if step.slug == "people-to-notify":
        left = PEOPLE_TO_NOTIFY_MAX - len(items)
        items_left = gettext("You can add %(left)s more.") % {"left": left} if left else ""
    else:
        items_left = ""
    return render(
        request,
        "lasting_power/item_list.html",
        {
            "page_title": gettext("Error: %(title)s") % {"title": step.title}
            if errors
            else step.title,
            "lpa": lpa,
            "caption": section.title,
            "heading": step.title,
            "step": step,
            "items": items,
            "form": prepare(form) if form is not None else None,
            "errors": errors,
            "items_left": items_left,
            "back_url": url("lpa-tasks", lpa.pk),
        },
    )


@lpa_view()
def lpa_item_add(request, lpa, step: str, number: int | None = None):
    """Add one person to a list, or (with ``number``) change one."""
    section, step_def = _step(lpa, step)
    flow = lpa_flow(lpa)
    if not step_def.repeating or not flow.may_open(step):
        return redirect(target_url(lpa, flow.next_target()))
    stored_items = (lpa.answers.get(step) or {}).get("items", [])
    if number is not None and not 1 <= number <= len(stored_items):
        raise Http404("No such person")
    if number is None and step_def.max_items and len(stored_items) >= step_def.max_items:
        return redirect(url("lpa-step", lpa.pk, step))
    answers = flow.evaluation.answers
    choices = None
    if request.method == "POST":
        form = step_def.make_form(answers, data=request.POST)
        if form.is_valid():
            services.lpa_item_save(
                lpa=lpa, step=step, cleaned_data=form.cleaned_data, number=number
            )
            return redirect(url("lpa-step", lpa.pk, step))
    elif number is not None:
        try:
            form = step_def.make_form(
                answers, initial=answer_decode(step_def.form_class, stored_items[number - 1])
            )
        except (ValueError, TypeError, LookupError):
            form = step_def.make_form(answers)
    else:
        choices, picked = _picker(request, lpa, step)
        form = step_def.make_form(answers, initial=picked or None)
    text = ITEM_TEXT[step]
    title = str(text["add_title"]) if number is None else text["change_title"] % {"number": number}
    return render(
        request,
        "lasting_power/step.html",
        {
            "page_title": title,
            "heading": title,
            "lpa": lpa,
            "caption": section.title,
            "step": step_def,
            "form": prepare(form),
            "use_choices": choices,
            "back_url": url("lpa-step", lpa.pk, step),
        },
    )


@lpa_view()
def lpa_item_remove(request, lpa, step: str, number: int):
    section, step_def = _step(lpa, step)
    stored_items = (lpa.answers.get(step) or {}).get("items", [])
    if not step_def.repeating or not 1 <= number <= len(stored_items):
        raise Http404("No such person")
    item = stored_items[number - 1]
    name = " ".join(p for p in (item.get("first_name"), item.get("last_name")) if p)
    if request.method == "POST":
        services.lpa_item_remove(lpa=lpa, step=step, number=number)
        return redirect(url("lpa-step", lpa.pk, step))
    return render(
        request,
        "lasting_power/item_remove.html",
        {
            "page_title": gettext("Are you sure you want to remove %(name)s?")
            % {"name": name or step_def.item_name},
            "lpa": lpa,
            "caption": section.title,
            "back_url": url("lpa-step", lpa.pk, step),
        },
    )


@lpa_view()
def lpa_warning(request, lpa, step: str):
    """An interruption page: what looks wrong, "continue anyway" or change the answer."""
    section, step_def = _step(lpa, step)
    flow = lpa_flow(lpa)
    unread = flow.unread(step)
    target = flow.next_target()
    if not unread or not (target.kind == WARNING and target.slug == step or flow.may_open(step)):
        return redirect(target_url(lpa, target))
    if request.method == "POST":
        services.lpa_warnings_acknowledge(lpa=lpa, step=step)
        lpa.refresh_from_db()
        return redirect(target_url(lpa, lpa_flow(lpa).next_target()))
    return render(
        request,
        "lasting_power/warning.html",
        {
            "page_title": unread[0].title if len(unread) == 1 else gettext("Check these details"),
            "lpa": lpa,
            "caption": section.title,
            "warnings": unread,
            "change_url": url("lpa-step", lpa.pk, step),
            "back_url": url("lpa-step", lpa.pk, step),
        },
    )
