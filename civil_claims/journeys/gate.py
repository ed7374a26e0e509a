"""No claim without eligibility: the claim's pages send anyone who has not passed every
eligibility question back to them.

Some questions (a government department, a tenancy deposit, claiming for someone else)
are asked only there, so opening the task list or a step by its address must not skip
them. The passing answers are first kept in the browser's session (``eligibility``);
once the claim has a draft they are kept in the draft too (``draft_note_save``, on the
first answer posted), so a claim saved and resumed in another browser, or after signing
in, still opens. An agent in an assisted session answers them like anyone else, unless
the citizen's draft already holds them.
"""

from __future__ import annotations

import functools

from django.shortcuts import redirect

from digital_services.journeys.selectors import draft_for_request, owner_for_request
from digital_services.journeys.services import draft_note_save

from .eligibility import answers_from, eligibility_passed

DRAFT_KEY = "_eligibility"  # not a step slug: the journey engine reads steps only


def _draft_answers(draft) -> dict[str, str]:
    stored = draft.answers.get(DRAFT_KEY) if draft is not None else None
    return dict(stored) if isinstance(stored, dict) else {}


def eligibility_required(view):
    """Wrap one of the journey engine's views (bound to ``journey`` by its URL pattern)."""

    @functools.wraps(view)
    def wrapped(request, *args, journey, **kwargs):
        owner = owner_for_request(request)
        draft = draft_for_request(request, journey=journey, owner=owner)
        if eligibility_passed(_draft_answers(draft)):
            return view(request, *args, journey=journey, **kwargs)
        session_answers = answers_from(request.session)
        if not eligibility_passed(session_answers):
            return redirect("civil_claims:eligibility")
        response = view(request, *args, journey=journey, **kwargs)
        if request.method == "POST":
            # The first answer posted makes the draft: keep the answers with it.
            draft_note_save(
                journey=journey,
                owner=owner_for_request(request),
                key=DRAFT_KEY,
                value=session_answers,
            )
        return response

    return wrapped


# The engine's pages that stay open: a resume link (it opens the task list, which asks),
# the "we have sent you a link" page and cancelling (deleting answers is always allowed).
UNGATED = frozenset({"resume", "save-sent", "cancel"})


def gated_urlpatterns(patterns: list, journey_slug: str) -> list:
    """``journey_urlpatterns(CLAIM)`` with every page but ``UNGATED`` behind eligibility."""
    for pattern in patterns:
        if pattern.name.removeprefix(f"{journey_slug}-") not in UNGATED:
            pattern.callback = eligibility_required(pattern.callback)
    return patterns
