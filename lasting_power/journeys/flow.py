"""Where an LPA stands, and the one rule for which step the applicant may open.

As in the old tool's FormFlowChecker, a step opens only when every step before it that
applies has a valid answer and no warning left unread; the applicant is sent to
``next_target`` from any URL they may not open yet. Once every step is answered the
check page opens, then the fee and payment.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from digital_services.core.memo import BoundedMemo
from digital_services.journeys.engine import VALID, Evaluation, journey_evaluate

from .definitions import attorney_count, journey_for
from .warnings import LpaWarning, step_warnings

STEP = "step"
WARNING = "warning"
CHECK = "check"


@dataclass(frozen=True)
class Target:
    kind: str  # STEP, WARNING or CHECK
    slug: str = ""


@dataclass
class LpaFlow:
    evaluation: Evaluation
    acknowledged: frozenset[str]
    warnings: dict[str, list[LpaWarning]] = field(default_factory=dict)

    def unread(self, slug: str) -> list[LpaWarning]:
        return [w for w in self.warnings.get(slug, []) if w.key not in self.acknowledged]

    def next_target(self) -> Target:
        """The nearest place the applicant may be: the first step that applies and needs
        an answer, or its unread warnings, or (with everything answered) the check page."""
        for state in self.evaluation.states:
            if not state.applies:
                continue
            if state.status != VALID:
                return Target(STEP, state.step.slug)
            if self.unread(state.step.slug):
                return Target(WARNING, state.step.slug)
        return Target(CHECK)

    def may_open(self, slug: str) -> bool:
        """Whether step ``slug`` applies and every step before it is done."""
        for state in self.evaluation.states:
            if state.step.slug == slug:
                return state.applies
            if state.applies and (state.status != VALID or self.unread(state.step.slug)):
                return False
        return False

    @property
    def is_complete(self) -> bool:
        return self.next_target().kind == CHECK

    @property
    def is_created(self) -> bool:
        """The notes' "created": every step up to preferences and instructions done (a
        certificate provider, attorneys, the decisions the counts need): a draft LP1."""
        for state in self.evaluation.states:
            if state.applies and (state.status != VALID or self.unread(state.step.slug)):
                return False
            if state.step.slug == "instructions":
                return True
        return False

    def section_status(self, section) -> str:
        """not-started, in-progress, completed or cannot-start-yet, for the task list."""
        states = [s for s in self.evaluation.states if s.section is section and s.applies]
        if states and all(s.status == VALID and not self.unread(s.step.slug) for s in states):
            return "completed"
        if states and self.may_open(states[0].step.slug):
            if any(self.evaluation.stored.get(s.step.slug) is not None for s in states):
                return "in-progress"
            return "not-started"
        return "cannot-start-yet"


def _without_confirmation(stored: dict, slug: str) -> dict:
    changed = dict(stored)
    if isinstance(changed.get(slug), dict):
        changed[slug] = {**changed[slug], "complete": False}
    return changed


def flow_evaluate(*, lpa_type: str, answers: dict, acknowledged=()) -> LpaFlow:
    """Revalidate an LPA's answers with the gating conditions and the notes' cross-step
    rules (at least one attorney, counting a trust corporation), and find its warnings."""
    journey = journey_for(lpa_type)
    evaluation = journey_evaluate(journey, answers)
    attorneys = evaluation.state("attorneys")
    if attorneys.status == VALID and attorney_count(evaluation.answers) == 0:
        evaluation = journey_evaluate(journey, _without_confirmation(answers, "attorneys"))
    warnings = {}
    for state in evaluation.states:
        if state.status == VALID:
            found = step_warnings(state.step.slug, evaluation.answers)
            if found:
                warnings[state.step.slug] = found
    return LpaFlow(evaluation=evaluation, acknowledged=frozenset(acknowledged), warnings=warnings)


def flow_key(lpa) -> tuple:
    """What an LPA's flow is worked out from: its type, answers and read warnings, and the
    date (the donor's and attorneys' ages are checked against today). Nothing else: the
    flow's forms and warnings read no database."""
    answers = json.dumps(lpa.answers, sort_keys=True, cls=DjangoJSONEncoder)
    acknowledged = json.dumps(sorted(lpa.acknowledged or ()))
    return (lpa.lpa_type, answers, acknowledged, timezone.localdate())


def lpa_flow(lpa) -> LpaFlow:
    """The LPA's flow, worked out once per LPA object for as long as its answers stay the
    same (an admin case page asks three times: progress, people and decisions)."""
    key = flow_key(lpa)
    found = lpa.__dict__.get("_flow")
    if found is not None and found[0] == key:
        return found[1]
    flow = flow_evaluate(lpa_type=lpa.lpa_type, answers=lpa.answers, acknowledged=lpa.acknowledged)
    lpa.__dict__["_flow"] = (key, flow)
    return flow


_FACTS = BoundedMemo(8192)  # a day's worth at most: the answers make the key, not the LPA


def flow_fact(lpa, name: str, read):
    """``read(lpa_flow(lpa))``, remembered in this process for the same answers on the same
    day under ``name``: the dashboards say Started or Created, and whether the details can be
    reused, for each LPA on every visit, and the whole flow costs several ms of CPU an LPA
    (docs/performance.md). ``read`` must depend on the flow alone, and give a plain value."""
    return _FACTS.get_or_set((name, *flow_key(lpa)), lambda: read(lpa_flow(lpa)))


def lpa_is_created(lpa) -> bool:
    """``lpa_flow(lpa).is_created``, remembered (``flow_fact``)."""
    return flow_fact(lpa, "created", lambda flow: flow.is_created)
