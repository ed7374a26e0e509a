"""Which questions appear, by the notes' gating (FormFlowChecker): how attorneys decide
only with 2 or more; when replacements step in only with replacements and 2 or more
attorneys acting jointly and severally; how replacements decide only with 2 or more
replacements and 1 attorney, attorneys acting jointly, or J&S with step-in "last"."""

import pytest

from lasting_power.constants import LpaType
from lasting_power.journeys import CHECK, STEP, WARNING, flow_evaluate, lpa_flow

from .factories import donor_data, lpa_answered, named, stored_answers

PF = LpaType.PROPERTY_FINANCE
HW = LpaType.HEALTH_WELFARE
ASKED = ("attorneys-decide", "replacements-step-in", "replacements-decide")


def _flow(*, lpa_type=PF, attorneys=1, trust=False, how=None, replacements=0, step_in=None):
    steps = [("donor", donor_data())]
    if lpa_type == PF:
        steps.append(("when", {"when": "now"}))
        steps.append(
            (
                "trust-corporation",
                {
                    "wanted": "yes",
                    "name": "Trusty Ltd",
                    "company_number": "0123",
                    "address_line_1": "1 Trust Road",
                    "postcode": "BS1 1AA",
                }
                if trust
                else {"wanted": "no"},
            )
        )
    else:
        steps.append(("life-sustaining", {"can_sustain_life": "no"}))
    steps.append(("attorneys", named("Atty", attorneys)))
    if how:
        steps.append(
            (
                "attorneys-decide",
                {"how": how, "how_details": "The house" if how == "depends" else ""},
            )
        )
    steps.append(("replacements", named("Repl", replacements)))
    if step_in:
        steps.append(
            (
                "replacements-step-in",
                {"when": step_in, "when_details": "After a month" if step_in == "depends" else ""},
            )
        )
    return flow_evaluate(lpa_type=lpa_type, answers=stored_answers(lpa_type, steps))


def _asked(flow) -> tuple[str, ...]:
    return tuple(slug for slug in ASKED if flow.evaluation.state(slug).applies)


@pytest.mark.parametrize("lpa_type", [PF, HW])
@pytest.mark.parametrize(
    ("attorneys", "how", "replacements", "step_in", "asked"),
    [
        # One attorney: no decision about how they act; replacements decide only if 2+.
        (1, None, 0, None, ()),
        (1, None, 1, None, ()),
        (1, None, 2, None, ("replacements-decide",)),
        (1, None, 3, None, ("replacements-decide",)),
        # Two attorneys, jointly and severally: replacements step in is asked.
        (2, "jointly-attorney-severally", 0, None, ("attorneys-decide",)),
        (2, "jointly-attorney-severally", 1, "first", ("attorneys-decide", "replacements-step-in")),
        (2, "jointly-attorney-severally", 2, "first", ("attorneys-decide", "replacements-step-in")),
        (
            2,
            "jointly-attorney-severally",
            2,
            "depends",
            ("attorneys-decide", "replacements-step-in"),
        ),
        (2, "jointly-attorney-severally", 2, "last", ASKED),
        (2, "jointly-attorney-severally", 1, "last", ("attorneys-decide", "replacements-step-in")),
        # Two attorneys jointly: no step-in question; replacements decide with 2+.
        (2, "jointly", 1, None, ("attorneys-decide",)),
        (2, "jointly", 2, None, ("attorneys-decide", "replacements-decide")),
        # Two attorneys, depends: neither replacement question.
        (2, "depends", 1, None, ("attorneys-decide",)),
        (2, "depends", 2, None, ("attorneys-decide",)),
        # Three attorneys behave as two.
        (3, "jointly-attorney-severally", 0, None, ("attorneys-decide",)),
        (3, "jointly-attorney-severally", 2, "last", ASKED),
        (3, "jointly-attorney-severally", 2, "first", ("attorneys-decide", "replacements-step-in")),
        (3, "jointly", 3, None, ("attorneys-decide", "replacements-decide")),
        (3, "depends", 3, None, ("attorneys-decide",)),
    ],
)
def test_questions_asked_follow_attorney_counts_and_decisions(
    lpa_type, attorneys, how, replacements, step_in, asked
):
    flow = _flow(
        lpa_type=lpa_type,
        attorneys=attorneys,
        how=how,
        replacements=replacements,
        step_in=step_in,
    )
    assert _asked(flow) == asked


def test_a_trust_corporation_counts_as_an_attorney():
    flow = _flow(attorneys=1, trust=True)
    assert flow.evaluation.state("attorneys-decide").applies


def test_a_trust_corporation_alone_is_enough_attorneys():
    flow = _flow(attorneys=0, trust=True)
    assert flow.evaluation.state("attorneys").status == "valid"


def test_no_attorneys_at_all_leaves_the_attorneys_question_open():
    flow = _flow(attorneys=0, trust=False)
    assert flow.evaluation.state("attorneys").status != "valid"
    assert flow.next_target() == flow.next_target().__class__(STEP, "attorneys")


def test_health_and_welfare_asks_life_sustaining_treatment_and_no_trust_corporation():
    flow = _flow(lpa_type=HW)
    slugs = [s.step.slug for s in flow.evaluation.states]
    assert "life-sustaining" in slugs
    assert "when" not in slugs and "trust-corporation" not in slugs


def test_property_and_finance_asks_when_it_can_be_used_and_no_life_sustaining_treatment():
    slugs = [s.step.slug for s in _flow().evaluation.states]
    assert "when" in slugs and "trust-corporation" in slugs
    assert "life-sustaining" not in slugs


def test_a_step_opens_only_when_every_step_before_it_is_answered():
    flow = flow_evaluate(lpa_type=PF, answers=stored_answers(PF, [("donor", donor_data())]))
    assert flow.may_open("donor") and flow.may_open("when")
    assert not flow.may_open("trust-corporation")
    assert not flow.may_open("certificate-provider")
    assert flow.next_target().slug == "when"


def test_an_empty_lpa_starts_at_the_donor():
    flow = flow_evaluate(lpa_type=HW, answers={})
    assert (flow.next_target().kind, flow.next_target().slug) == (STEP, "donor")


def test_changing_to_one_attorney_drops_the_decision_questions_but_keeps_the_answers():
    answers = _flow(attorneys=2, how="jointly", replacements=2).evaluation.stored
    answers = dict(answers)
    answers["attorneys"] = {**answers["attorneys"], "items": answers["attorneys"]["items"][:1]}
    flow = flow_evaluate(lpa_type=PF, answers=answers)
    assert not flow.evaluation.state("attorneys-decide").applies
    assert flow.evaluation.state("replacements-decide").applies  # one attorney, 2 replacements
    assert "attorneys-decide" in flow.evaluation.stored


def test_unread_warnings_stop_the_flow_at_the_warning_page():
    steps = [
        ("donor", donor_data()),
        ("when", {"when": "now"}),
        ("trust-corporation", {"wanted": "no"}),
    ]
    steps.append(("attorneys", [donor_data()]))  # the donor as an attorney
    flow = flow_evaluate(lpa_type=PF, answers=stored_answers(PF, steps))
    target = flow.next_target()
    assert (target.kind, target.slug) == (WARNING, "attorneys")
    read = flow_evaluate(
        lpa_type=PF,
        answers=flow.evaluation.stored,
        acknowledged=[w.key for w in flow.unread("attorneys")],
    )
    assert read.next_target().kind == STEP
    assert read.next_target().slug == "replacements"


@pytest.mark.django_db
@pytest.mark.parametrize("lpa_type", [PF, HW])
def test_everything_answered_opens_the_check_page(lpa_type):
    lpa = lpa_answered(lpa_type=lpa_type, attorneys=3, how="jointly", replacements=2, notify=5)
    assert lpa_flow(lpa).next_target().kind == CHECK


@pytest.mark.parametrize(
    ("attorneys", "how", "all_register"),
    [
        (1, None, True),
        (2, "jointly", True),
        (2, "jointly-attorney-severally", False),
        (3, "depends", False),
    ],
)
def test_attorneys_registering_are_all_of_them_when_one_or_acting_jointly(
    attorneys, how, all_register
):
    from lasting_power.journeys.definitions import journey_for

    flow = _flow(attorneys=attorneys, how=how)
    _section, step = journey_for(PF).step_get("who-is-registering")
    form = step.make_form(flow.evaluation.answers, data={"who": "attorneys"})
    assert form.is_valid() is all_register
    if all_register:
        assert form.cleaned_data["attorneys"] == [str(n) for n in range(1, attorneys + 1)]
