"""What the journey views share: the journey request (journey, draft, answers, owner), forms for stored answers, captions."""

from __future__ import annotations

import secrets

from django.http import Http404
from django.utils import translation

from ..codec import answer_decode, bound_form_for
from ..constants import SESSION_OWNER_KEY
from ..definitions import Journey, Step
from ..engine import (
    Evaluation,
    journey_evaluate,
)
from ..integrations import request_channel
from ..selectors import (
    Owner,
    draft_for_request,
    draft_reread,
    journey_url,
    owner_for_request,
)

RETURN_TO_CHECK = "check"


class JourneyRequest:
    """What every journey view needs about this request: the draft, where it stands, URLs."""

    def __init__(self, request, journey: Journey):
        self.request = request
        self.journey = journey
        self.namespace = request.resolver_match.namespace
        self.owner = owner_for_request(request)
        self.draft = draft_for_request(request, journey=journey, owner=self.owner)
        # Each step's state under the stored answers that led to it, for this request's
        # evaluations (the page's and, after a save, refresh's).
        self._memo: dict = {}
        self.evaluation: Evaluation = journey_evaluate(
            journey, self.draft.answers if self.draft else {}, memo=self._memo
        )
        self.returning = request.GET.get("return") == RETURN_TO_CHECK

    def refresh(self) -> None:
        self.draft = draft_reread(self.request, journey=self.journey, owner=self.owner)
        self.evaluation = journey_evaluate(
            self.journey, self.draft.answers if self.draft else {}, memo=self._memo
        )

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
        return bound_form_for(
            step.form_class, values, lambda data: step.make_form(answers, data=data)
        )
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
