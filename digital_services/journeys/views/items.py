"""Repeating steps: the list of items, add, change and remove one."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from .. import services
from ..definitions import Journey, RepeatingStep
from ..engine import (
    StepState,
    items_confirmed,
    stored_items,
)
from ..exceptions import (
    DraftNotFound,
    ItemLimitReached,
    ItemNotFound,
)
from ..forms import AddAnotherForm
from .common import (
    JourneyRequest,
    _caption,
    _form_for_stored,
    _form_is_blank,
    _prepare,
    _step_or_404,
)


def _item_rows(jr: JourneyRequest, step: RepeatingStep, state: StepState) -> list[dict]:
    rows = []
    for number, item in enumerate(state.items, start=1):
        rows.append(
            {
                "number": number,
                "title": step.title_for(item, number),
                "valid": item is not None,
                "change_url": jr.url(
                    "item-change", keep_return=True, step=step.slug, number=number
                ),
                "remove_url": jr.url(
                    "item-remove", keep_return=True, step=step.slug, number=number
                ),
            }
        )
    return rows


def _item_list(request, jr: JourneyRequest, section, step: RepeatingStep):
    """The list of items so far, with "Do you need to add another?"."""
    state = jr.evaluation.state(step.slug)
    stored = jr.draft.answers.get(step.slug) if jr.draft else None
    count = len(state.items)
    full = step.max_items is not None and count >= step.max_items
    add_url = jr.url("item-add", keep_return=True, step=step.slug)
    if request.method == "GET" and count == 0 and not items_confirmed(stored) and step.min_items:
        return redirect(add_url)

    form = None if full else AddAnotherForm(item_name=step.item_name, has_items=count > 0)
    errors: list[str] = []
    if request.method == "POST":
        if form is not None:
            form = AddAnotherForm(request.POST, item_name=step.item_name, has_items=count > 0)
        wants_more = (
            form is not None and form.is_valid() and form.cleaned_data["add_another"] == "yes"
        )
        if form is None or form.is_valid():
            if wants_more:
                return redirect(add_url)
            if count < step.min_items:
                errors.append(
                    gettext("Add at least %(count)s %(items)s")
                    % {
                        "count": step.min_items,
                        "items": step.item_name if step.min_items == 1 else step.item_name_plural,
                    }
                )
            elif any(item is None for item in state.items):
                errors.append(
                    gettext("Change or remove the %(items)s marked as incomplete")
                    % {"items": step.item_name_plural}
                )
            else:
                services.draft_items_confirm(
                    journey=jr.journey, owner=jr.write_owner(), step=step, channel=jr.channel
                )
                return redirect(jr.after_answer(step))
        if errors and form is not None:
            for message in errors:
                form.add_error("add_another", message)
            errors = []

    if count == 0:
        heading = gettext("You have not added any %(items)s") % {"items": step.item_name_plural}
    elif count == 1:
        heading = gettext("You have added 1 %(item)s") % {"item": step.item_name}
    else:
        heading = gettext("You have added %(count)s %(items)s") % {
            "count": count,
            "items": step.item_name_plural,
        }
    return render(
        request,
        "journeys/item_list.html",
        jr.context(
            form=form,
            step=step,
            heading=heading,
            page_title=heading,
            page_has_errors=bool(errors),
            errors=errors,
            caption=_caption(jr, section),
            items=_item_rows(jr, step, state),
            list_summary=(
                step.list_summary([item for item in state.items if item is not None])
                if step.list_summary
                else []
            ),
            full=full,
            items_left=_items_left_text(step, count),
            back_url=jr.back_url(step),
        ),
    )


def _item_limit_message(step: RepeatingStep) -> str:
    return gettext(
        "You have already added %(count)s %(items)s, the most you can. "
        "Remove one from the list before you add another %(item)s"
    ) % {"count": step.max_items, "items": step.item_name_plural, "item": step.item_name}


def _items_left_text(step: RepeatingStep, count: int) -> str:
    """How many more can be added, counted down as items are added ('' when none can)."""
    if step.max_items is None or count >= step.max_items:
        return ""
    left = step.max_items - count
    noun = step.item_name if left == 1 else step.item_name_plural
    if step.min_items and count < step.min_items:
        return ""
    if count == 0:
        return gettext("You can add up to %(count)s %(items)s.") % {"count": left, "items": noun}
    return gettext("You can add up to %(count)s more %(items)s.") % {"count": left, "items": noun}


def _repeating_or_404(journey: Journey, step: str) -> tuple[object, RepeatingStep]:
    section, step_def = _step_or_404(journey, step)
    if not isinstance(step_def, RepeatingStep):
        raise Http404("Not a list of items")
    return section, step_def


@never_cache
def item_add(request, journey: Journey, step: str):
    return _item_form(request, journey, step, number=None)


@never_cache
def item_change(request, journey: Journey, step: str, number: int):
    return _item_form(request, journey, step, number=number)


def _item_form(request, journey: Journey, step: str, *, number: int | None):
    section, step_def = _repeating_or_404(journey, step)
    jr = JourneyRequest(request, journey)
    blocked = jr.guard(step_def)
    if blocked:
        return redirect(blocked)
    list_url = jr.step_url(step_def.slug, keep_return=True)
    items = stored_items(jr.draft.answers.get(step_def.slug)) if jr.draft else []
    state = jr.evaluation.state(step_def.slug)
    full = number is None and step_def.max_items is not None and len(items) >= step_def.max_items
    if full and request.method != "POST":
        return redirect(list_url)
    if number is not None and not 1 <= number <= len(items):
        raise Http404("No such item")

    if request.method == "POST":
        form = step_def.make_form(jr.evaluation.answers_before(step_def.slug), data=request.POST)
        saving = request.POST.get("action") == "save"
        if saving and _form_is_blank(form):
            return redirect(jr.url("save"))
        if full:
            # Sent from another tab or an old page after the list filled up: say so, and keep
            # what was typed, rather than dropping it silently.
            form.is_valid()
            form.add_error(None, _item_limit_message(step_def))
        elif form.is_valid():
            try:
                services.draft_item_save(
                    journey=journey,
                    owner=jr.write_owner(),
                    step=step_def,
                    number=number,
                    cleaned_data=form.cleaned_data,
                    channel=jr.channel,
                )
            except ItemLimitReached:
                form.add_error(None, _item_limit_message(step_def))
            except ItemNotFound:
                return redirect(list_url)
            else:
                return redirect(jr.url("save") if saving else list_url)
    elif number is None:
        form = step_def.make_form(jr.evaluation.answers_before(step_def.slug))
    else:
        form = _form_for_stored(
            step_def,
            items[number - 1],
            jr.evaluation.answers_before(step_def.slug),
            show_errors=state.items[number - 1] is None,
        )
    if items or number is not None:
        back_url = list_url
    else:
        back_url = jr.back_url(step_def)
    return render(
        request,
        step_def.template_name,
        jr.context(
            form=_prepare(form),
            step=step_def,
            caption=_caption(jr, section),
            page_title=step_def.title,
            back_url=back_url,
            item_number=number,
        ),
    )


@never_cache
def item_remove(request, journey: Journey, step: str, number: int):
    section, step_def = _repeating_or_404(journey, step)
    jr = JourneyRequest(request, journey)
    state = jr.evaluation.state(step_def.slug)
    if state is None or not 1 <= number <= len(state.items):
        raise Http404("No such item")
    list_url = jr.step_url(step_def.slug, keep_return=True)
    if request.method == "POST":
        try:
            services.draft_item_remove(
                journey=journey, owner=jr.owner, step=step_def, number=number
            )
        except (DraftNotFound, ItemNotFound) as exc:
            raise Http404("No such item") from exc
        return redirect(list_url)
    item_title = step_def.title_for(state.items[number - 1], number)
    return render(
        request,
        "journeys/item_remove.html",
        jr.context(
            step=step_def,
            item_title=item_title,
            caption=_caption(jr, section),
            page_title=gettext("Are you sure you want to remove %(item)s?") % {"item": item_title},
            back_url=list_url,
            cancel_url=list_url,
        ),
    )
