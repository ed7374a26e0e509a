"""make bench: the citizen journeys' pages to measure (bench/run.py), and the ``Page`` it measures.

Issue #13's goal covers every question page and check-your-answers page of a citizen journey
(0.08x of /healthz/live), so each journey is walked with its example answers and every page of
it that asks something is measured: the first step and the check page as they always were
(results.json and docs/performance.md follow them by name), and each other question page,
marked ``question`` so bench/run.py can give those many pages fewer and shorter rounds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: The walker's kinds of page that ask the citizen something (tests/quality/harness/walker.py);
#: "start" is the task list, there only for a journey that has one.
QUESTION_KINDS = ("start", "step", "item-list", "item-add")


@dataclass
class Page:
    """A page to measure. ``path`` may be a callable run after seeding (for ids).

    ``question`` marks a journey's question page other than its first step: measured with
    bench/run.py's ``--question-rounds`` and ``--question-duration``, left out by
    ``--no-questions``."""

    name: str
    path: str
    who: str = "anonymous"  # anonymous, citizen, staff, or a cookie of its own ("Cookie: ...")
    results: list = field(default_factory=list)
    question: bool = False


#: Journeys that could not be walked to their check page on the bench data (reported at the end).
JOURNEY_FAILURES: list[str] = []


def question_slug(path: str, journey_path: str) -> str:
    """The page's own part of its path: ``/money-claims/response/som-debts/add/`` under
    ``/money-claims/response/`` is ``som-debts/add`` (the task list, the journey's own URL, is
    ""). A path outside the journey's URL gives its last non-empty segment."""
    path = path.split("?")[0]
    if path.startswith(journey_path):
        return path.removeprefix(journey_path).strip("/")
    return [segment for segment in path.split("/") if segment][-1]


def unique_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``... if a page already has it."""
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{name} ({number})"
    taken.add(candidate)
    return candidate


def journeys_walked(only: str = ""):
    """Each service journey (whose ``service/slug`` label matches ``only``, if given) walked to
    its check page: ``(journey, label, client, walker, check_path)``, the client holding the
    session with the complete draft. A journey that cannot be walked is reported
    (``JOURNEY_FAILURES``) and left out. bench/journey_cpu.py walks them the same way.

    The quality harness (tests/quality/harness/) answers every step with the journey's example
    data, as the no-JavaScript test does, and stops at the check page.
    """
    from django.test import Client

    from tests.quality.harness import (
        ClientDriver,
        JourneyWalker,
        journey_is_test_only,
        journeys_list,
    )

    for journey in journeys_list():
        label = f"{journey.service}/{journey.slug}"
        if journey_is_test_only(journey) or (only and not re.search(only, label)):
            continue
        client = Client()
        walker = JourneyWalker(journey, ClientDriver(client), stop_at=lambda v: v.kind == "check")
        try:
            check_path = walker.walk()
        except Exception as exc:  # noqa: BLE001 - one journey that cannot be walked is reported
            message = f"journey {label}: {exc.__class__.__name__}: {exc}"
            JOURNEY_FAILURES.append(message)
            print(f"  FAILED {message}", flush=True)
            continue
        yield journey, label, client, walker, check_path


def journey_pages(*, questions: bool = True) -> list[Page]:
    """Each service journey's first step, its check-your-answers page and (with ``questions``)
    every other page it asks a question on, with its task list, in the order it walked them.

    Each journey is walked with its example answers (``journeys_walked``): that session's
    cookie holds a complete draft for wrk to read, so each question page shows its stored
    answer as it would to someone changing it.
    """
    from django.conf import settings

    from tests.quality.harness import journey_url

    found = []
    taken: set[str] = set()
    for journey, label, client, walker, check_path in journeys_walked():
        cookie = "; ".join(
            f"{name}={client.cookies[name].value}"
            for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME)
            if name in client.cookies
        )
        first = next(v.path for v in walker.visits if v.kind == "step")
        found.append(Page(unique_name(f"journey {label} first step", taken), first, who=cookie))
        found.append(
            Page(unique_name(f"journey {label} check answers", taken), check_path, who=cookie)
        )
        assert journey_url(journey, "check") in check_path
        if not questions:
            continue
        journey_path = journey_url(journey, "start")
        seen = {first, check_path}
        for visit in walker.visits:
            if visit.kind not in QUESTION_KINDS or visit.path in seen:
                continue
            seen.add(visit.path)
            if visit.kind == "start":
                name = f"journey {label} task list"
            else:
                name = f"journey {label} question {question_slug(visit.path, journey_path)}"
            found.append(Page(unique_name(name, taken), visit.path, who=cookie, question=True))
    return found


def service_question_pages(modules) -> list[Page]:
    """The question pages of journeys with views of their own, outside the engine (the lasting
    power of attorney's): each service bench module's ``question_pages()`` (of ``modules``), a
    list like its ``PAGES``, read after seeding as which questions were answered depends on the
    data. Their names start with "journey " too, so they are held to the journeys' goal."""
    return [
        Page(spec["name"], spec["path"](), spec.get("who", "anonymous"), question=True)
        for module in modules
        if hasattr(module, "question_pages")
        for spec in module.question_pages()
    ]
