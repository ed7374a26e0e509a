"""One set of views serves every journey; ``urls.journey_urlpatterns`` binds them to one.

Every view is given its ``journey`` by the URL pattern. GET never writes: a draft is
created by the first valid answer (a POST), and a session key for someone who is not
signed in is only made then too.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import is_ratelimited

from digital_services.audit.http import client_rate_limit_key

from . import services
from .codec import answer_decode, form_data_for
from .constants import SESSION_OWNER_KEY, SESSION_SENT_TO_KEY
from .definitions import Journey, RepeatingStep, Step
from .engine import (
    COMPLETED,
    INVALID,
    VALID,
    Evaluation,
    StepState,
    hidden_label,
    items_confirmed,
    journey_evaluate,
    stored_items,
    summary_rows,
)
from .exceptions import (
    DraftNotFound,
    ItemLimitReached,
    ItemNotFound,
    JourneyIncomplete,
    JourneySubmitError,
    ResumeLinkInvalid,
    TooManyResumeLinks,
)
from .forms import AddAnotherForm, ResumeRequestForm
from .integrations import request_channel
from .selectors import Owner, draft_get, journey_url, owner_for_request, resume_link_for_token

RETURN_TO_CHECK = "check"


class JourneyRequest:
    """What every journey view needs about this request: the draft, where it stands, URLs."""

    def __init__(self, request, journey: Journey):
        self.request = request
        self.journey = journey
        self.namespace = request.resolver_match.namespace
        self.owner = owner_for_request(request)
        self.draft = draft_get(journey=journey, owner=self.owner)
        self.evaluation: Evaluation = journey_evaluate(
            journey, self.draft.answers if self.draft else {}
        )
        self.returning = request.GET.get("return") == RETURN_TO_CHECK

    def refresh(self) -> None:
        self.draft = draft_get(journey=self.journey, owner=self.owner)
        self.evaluation = journey_evaluate(self.journey, self.draft.answers if self.draft else {})

    def url(self, name: str, *, keep_return: bool = False, **kwargs) -> str:
        url = journey_url(self.journey, name, self.namespace, **kwargs)
        if keep_return and self.returning:
            url += f"?return={RETURN_TO_CHECK}"
        return url

    def step_url(self, slug: str, *, keep_return: bool = False) -> str:
        return self.url("step", keep_return=keep_return, step=slug)

    def write_owner(self) -> Owner:
        """The owner for a write, making a session key for someone not signed in."""
        if self.owner:
            return self.owner
        key = secrets.token_urlsafe(32)
        self.request.session[SESSION_OWNER_KEY] = key
        self.owner = Owner(session_key=key)
        return self.owner

    @property
    def channel(self) -> str:
        return request_channel(self.request)

    def start_or_first_step(self, section=None) -> str:
        first = self.evaluation.first_to_answer(section)
        if first is not None:
            return self.step_url(first.step.slug)
        if self.journey.has_task_list:
            return self.url("start")
        return self.url("check")

    def after_answer(self, step: Step) -> str:
        """Where to go once ``step`` has a valid answer (with the draft re-read)."""
        self.refresh()
        if self.returning:
            first = self.evaluation.first_to_answer()
            if first is not None:
                return self.step_url(first.step.slug, keep_return=True)
            return self.url("check")
        following = self.evaluation.next_step(step.slug)
        if following is not None:
            return self.step_url(following.step.slug)
        return self.url("start") if self.journey.has_task_list else self.url("check")

    def back_url(self, step: Step) -> str | None:
        if self.returning:
            return self.url("check")
        previous = self.evaluation.previous_step(step.slug)
        if previous is not None:
            return self.step_url(previous.step.slug)
        if self.journey.has_task_list:
            return self.url("start")
        return service_start_url(self.journey)

    def guard(self, step: Step) -> str | None:
        """A redirect if this step cannot be opened yet (or does not apply), else None."""
        state = self.evaluation.state(step.slug)
        if state is None or not state.applies:
            return self.start_or_first_step(state.section if state else None)
        blocking = self.evaluation.blocking_step(step.slug)
        if blocking is not None:
            return self.step_url(blocking.step.slug, keep_return=True)
        return None

    def context(self, **extra) -> dict:
        return {
            "journey": self.journey,
            "save_url": self.url("save"),
            # Only when there is something to delete.
            "cancel_url": self.url("cancel") if self.draft else None,
            "returning": self.returning,
            **extra,
        }


def service_start_url(journey: Journey) -> str | None:
    from digital_services.core.registry import service_get

    try:
        return service_get(journey.service).start_url
    except KeyError:
        return None


def _language() -> str:
    return "cy" if (translation.get_language() or "").startswith("cy") else "en"


def _step_or_404(journey: Journey, slug: str) -> tuple[object, Step]:
    found = journey.step_get(slug)
    if found is None:
        raise Http404("No such step")
    return found


def _prepare(form):
    """Forms render inside our own <form>, so their helper must not add another."""
    from crispy_forms_gds.helper import FormHelper

    helper = getattr(form, "helper", None)
    if helper is None:
        helper = FormHelper()
        form.helper = helper
    helper.form_tag = False
    helper.disable_csrf = True  # the page's own <form> has the token
    form.use_required_attribute = False  # GOV.UK pages validate on the server only
    return form


def _form_for_stored(step: Step, stored, answers, *, show_errors: bool):
    """The step's form filled with a stored answer: bound (showing why) if it is no longer valid."""
    if stored is None:
        return step.make_form(answers)
    try:
        values = answer_decode(step.form_class, stored)
    except (ValueError, TypeError, LookupError):
        return step.make_form(answers)
    if show_errors:
        probe = step.make_form(answers)
        return step.make_form(answers, data=form_data_for(probe, values))
    return step.make_form(answers, initial=values)


def _form_is_blank(form) -> bool:
    keys = [form.add_prefix(name) for name in form.fields]
    return not any(
        value.strip() if isinstance(value, str) else value
        for key, value in form.data.items()
        if any(key == k or key.startswith(f"{k}_") for k in keys)
    )


def _caption(jr: JourneyRequest, section) -> str:
    return section.title if section is not None else jr.journey.title


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
    stored = jr.draft.answers.get(step_def.slug) if jr.draft else None
    if request.method == "POST":
        form = step_def.make_form(jr.evaluation.answers, data=request.POST)
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
        form = _form_for_stored(
            step_def, stored, jr.evaluation.answers, show_errors=state.status == INVALID
        )
        if stored is None and step_def.initial is not None:
            form = step_def.make_form(jr.evaluation.answers, initial=step_def.initial(request))
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
                    f"Add at least {step.min_items} "
                    f"{step.item_name if step.min_items == 1 else step.item_name_plural}"
                )
            elif any(item is None for item in state.items):
                errors.append(f"Change or remove the {step.item_name_plural} marked as incomplete")
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
        heading = f"You have not added any {step.item_name_plural}"
    elif count == 1:
        heading = f"You have added 1 {step.item_name}"
    else:
        heading = f"You have added {count} {step.item_name_plural}"
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
            full=full,
            items_left=_items_left_text(step, count),
            back_url=jr.back_url(step),
        ),
    )


def _item_limit_message(step: RepeatingStep) -> str:
    return (
        f"You have already added {step.max_items} {step.item_name_plural}, the most you can. "
        f"Remove one from the list before you add another {step.item_name}"
    )


def _items_left_text(step: RepeatingStep, count: int) -> str:
    """How many more can be added, counted down as items are added ('' when none can)."""
    if step.max_items is None or count >= step.max_items:
        return ""
    left = step.max_items - count
    noun = step.item_name if left == 1 else step.item_name_plural
    if step.min_items and count < step.min_items:
        return ""
    if count == 0:
        return f"You can add up to {left} {noun}."
    return f"You can add up to {left} more {noun}."


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
        form = step_def.make_form(jr.evaluation.answers, data=request.POST)
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
        form = step_def.make_form(jr.evaluation.answers)
    else:
        form = _form_for_stored(
            step_def,
            items[number - 1],
            jr.evaluation.answers,
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
            page_title=f"Are you sure you want to remove {item_title}?",
            back_url=list_url,
            cancel_url=list_url,
        ),
    )


# Check your answers -----------------------------------------------------------------


def _summary_groups(jr: JourneyRequest) -> list[dict]:
    """Check-your-answers content: one group per section (or one), rows and item cards."""
    evaluation = jr.evaluation
    groups: list[dict] = []
    for state in evaluation.states:
        # Only valid answers: an optional section may be untouched or half done.
        if state.status != VALID:
            continue
        title = state.section.title if state.section else None
        if not groups or groups[-1]["title"] != title:
            groups.append({"title": title, "blocks": []})
        blocks = groups[-1]["blocks"]
        step = state.step
        if isinstance(step, RepeatingStep):
            cards = []
            for number, item in enumerate(state.value or [], start=1):
                cards.append(
                    {
                        "title": f"{step.item_name.capitalize()} {number}: {step.title_for(item, number)}",
                        "rows": summary_rows(step, item, evaluation.answers),
                        "change_url": jr.url("item-change", step=step.slug, number=number)
                        + f"?return={RETURN_TO_CHECK}",
                        "remove_url": jr.url("item-remove", step=step.slug, number=number)
                        + f"?return={RETURN_TO_CHECK}",
                    }
                )
            blocks.append(
                {
                    "kind": "items",
                    "step": step,
                    "cards": cards,
                    "manage_url": jr.step_url(step.slug) + f"?return={RETURN_TO_CHECK}",
                    "manage_hidden": step.item_name_plural,
                }
            )
            continue
        change_url = jr.step_url(step.slug) + f"?return={RETURN_TO_CHECK}"
        rows = [
            {"key": key, "value": value, "change_url": change_url, "hidden": hidden_label(key)}
            for key, value in summary_rows(step, state.value, evaluation.answers)
        ]
        if blocks and blocks[-1]["kind"] == "rows":
            blocks[-1]["rows"].extend(rows)
        else:
            blocks.append({"kind": "rows", "rows": rows})
    return groups


@never_cache
def check_view(request, journey: Journey):
    """Check your answers; its POST sends the application."""
    jr = JourneyRequest(request, journey)
    if jr.draft is None:
        return redirect(jr.url("start"))
    if not jr.evaluation.is_complete:
        if journey.has_task_list:
            return redirect(jr.url("start"))
        return redirect(jr.start_or_first_step())

    submit_errors: list[dict] = []
    if request.method == "POST":
        try:
            url = services.draft_submit(
                journey=journey,
                owner=jr.owner,
                # The draft's owner: the signed-in user, or the citizen being helped.
                user=jr.owner.user,
                channel=jr.channel,
                assisted_session=getattr(request, "assisted_session", None),
                language=_language(),
            )
        except DraftNotFound:
            return redirect(jr.url("start"))
        except JourneyIncomplete as exc:
            if exc.step_slug:
                return redirect(jr.step_url(exc.step_slug))
            return redirect(jr.url("start"))
        except JourneySubmitError as exc:
            href = (
                jr.step_url(exc.step) + f"?return={RETURN_TO_CHECK}"
                if exc.step and journey.step_get(exc.step)
                else "#submit"
            )
            submit_errors = [{"text": message, "href": href} for message in exc.messages]
        else:
            return redirect(url)

    last = jr.evaluation.last_applicable()
    if journey.has_task_list:
        back_url = jr.url("start")
    else:
        back_url = jr.step_url(last.step.slug) if last else None
    return render(
        request,
        "journeys/check.html",
        jr.context(
            page_title=journey.check_title,
            outcome=journey.check_summary(jr.evaluation.answers) if journey.check_summary else None,
            groups=_summary_groups(jr),
            submit_errors=submit_errors,
            page_has_errors=bool(submit_errors),
            back_url=back_url,
        ),
    )


# Save and come back later ---------------------------------------------------------


@never_cache
def save_view(request, journey: Journey):
    jr = JourneyRequest(request, journey)
    continue_url = jr.url("start")
    if jr.draft is None:
        return render(
            request,
            "journeys/save_nothing.html",
            jr.context(
                page_title="You have not answered any questions yet", continue_url=continue_url
            ),
        )
    if request.user.is_authenticated:
        return render(
            request,
            "journeys/save_signed_in.html",
            jr.context(
                page_title="Your application has been saved",
                draft=jr.draft,
                continue_url=continue_url,
            ),
        )
    form = ResumeRequestForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        try:
            if _resume_links_limited(request, email=email):
                raise TooManyResumeLinks
            services.resume_link_send(
                journey=journey,
                owner=jr.owner,
                email=email,
                url_for_token=lambda token: settings.SITE_URL + jr.url("resume", token=token),
                language=_language(),
            )
        except DraftNotFound:
            return redirect(jr.url("save"))
        except TooManyResumeLinks:
            form.add_error(
                "email",
                "You have asked for too many links in the last hour. Wait an hour and try again",
            )
            status = 429
        else:
            request.session[SESSION_SENT_TO_KEY] = email
            return redirect(jr.url("save-sent"))
    return render(
        request,
        "journeys/save_request_link.html",
        jr.context(
            page_title="Get a link to continue your application",
            form=form,
            draft=jr.draft,
            continue_url=continue_url,
        ),
        status=status,
    )


@never_cache
def save_sent_view(request, journey: Journey):
    jr = JourneyRequest(request, journey)
    email = request.session.get(SESSION_SENT_TO_KEY)
    if not email:
        return redirect(jr.url("save"))
    return render(
        request,
        "journeys/save_sent.html",
        jr.context(
            page_title="Check your email",
            email=email,
            continue_url=jr.url("start"),
            expires_at=jr.draft.expires_at if jr.draft else None,
        ),
    )


@never_cache
def resume_view(request, journey: Journey, token: str):
    """A resume link lands here; the button POSTs, so a mail scanner's GET uses nothing up."""
    jr = JourneyRequest(request, journey)
    try:
        link = resume_link_for_token(token=token, journey=journey)
        if getattr(request, "assisted_session", None) is not None and (
            link.draft.user_id != jr.owner.user.pk
        ):
            # Staff helping someone may not take over anyone else's draft.
            raise Http404("Not this citizen's draft")
        if request.method == "POST":
            services.resume_link_redeem(token=token, journey=journey, owner=jr.write_owner())
            return redirect(jr.url("start"))
    except ResumeLinkInvalid as exc:
        titles = {
            "expired": "This link has expired",
            "used": "This link has already been used",
            "invalid": "This link does not work",
        }
        return render(
            request,
            "journeys/link_expired.html",
            jr.context(
                page_title=titles[exc.reason],
                reason=exc.reason,
                start_url=jr.url("start"),
            ),
            status=410 if exc.reason in ("expired", "used") else 404,
        )
    return render(
        request,
        "journeys/resume_confirm.html",
        jr.context(page_title="Continue your application"),
    )


SESSION_CANCELLED_KEY = "journeys.cancelled"


@never_cache
@require_http_methods(["GET", "POST"])
def cancel_view(request, journey: Journey):
    """ "Cancel and delete your answers": a confirmation page that POSTs; the draft is deleted
    and the page then says so (POST/redirect/GET)."""
    jr = JourneyRequest(request, journey)
    if request.method == "POST":
        services.draft_discard(journey=journey, owner=jr.owner)
        request.session[SESSION_CANCELLED_KEY] = journey.key
        return redirect(jr.url("cancel"))
    cancelled = request.session.get(SESSION_CANCELLED_KEY) == journey.key and jr.draft is None
    if jr.draft is None and not cancelled:
        return redirect(jr.url("start"))
    if cancelled:
        del request.session[SESSION_CANCELLED_KEY]
    return render(
        request,
        "journeys/cancel.html",
        jr.context(
            page_title="Your answers have been deleted"
            if cancelled
            else "Are you sure you want to cancel and delete your answers?",
            cancelled=cancelled,
            cancel_url=jr.url("cancel"),
            continue_url=jr.url("start"),
            start_url=service_start_url(journey),
        ),
    )
