"""The warnings of the notes: under 18 and over 100; the same person in two roles (or twice
in one); a certificate provider sharing a surname (hyphen-aware) or an address with the
donor or an attorney. Each is an interruption page the applicant may continue past."""

import datetime as dt

import pytest
import time_machine

from lasting_power.constants import LpaType
from lasting_power.journeys import WARNING, flow_evaluate
from lasting_power.journeys.warnings import surname_parts

from .factories import donor_data, named, person_data, provider_data, stored_answers

PF = LpaType.PROPERTY_FINANCE
pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture
def frozen():
    with time_machine.travel(dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC), tick=False):
        yield


def _flow(*, donor=None, attorneys=None, replacements=(), provider=None, notify=None):
    steps = [
        ("donor", donor or donor_data()),
        ("when", {"when": "now"}),
        ("trust-corporation", {"wanted": "no"}),
        ("attorneys", attorneys or named("Atty", 1)),
        ("replacements", list(replacements)),
    ]
    if provider is not None:
        steps.append(("certificate-provider", provider))
    if notify is not None:
        steps.append(("people-to-notify", notify))
    return flow_evaluate(lpa_type=PF, answers=stored_answers(PF, steps))


def _codes(flow, step):
    return [w.key.split(":")[0] for w in flow.warnings.get(step, [])]


def test_an_attorney_under_18_is_warned():
    flow = _flow(attorneys=[person_data("Young", "Person", born=dt.date(2010, 1, 1))])
    assert _codes(flow, "attorneys") == ["under-18"]
    assert "must be 18 or over on the date the donor signs" in flow.warnings["attorneys"][0].message


def test_an_attorney_who_is_18_today_is_not_warned():
    assert (
        _codes(
            _flow(attorneys=[person_data("Just", "Adult", born=dt.date(2008, 6, 1))]), "attorneys"
        )
        == []
    )


def test_a_replacement_under_18_is_warned():
    flow = _flow(replacements=[person_data("Young", "Repl", born=dt.date(2012, 3, 3))])
    assert _codes(flow, "replacements") == ["under-18"]


@pytest.mark.parametrize(
    ("born", "warned"), [(dt.date(1926, 6, 1), True), (dt.date(1926, 6, 2), False)]
)
def test_people_aged_100_or_more_are_warned(born, warned):
    from .factories import date_data

    flow = _flow(donor=donor_data(**date_data("date_of_birth", born)))
    assert (_codes(flow, "donor") == ["over-100"]) is warned


def test_the_donor_as_an_attorney_is_warned_case_and_space_insensitively():
    flow = _flow(attorneys=[person_data(" dorothy ", "DONOR")])
    assert _codes(flow, "attorneys") == ["same-name"]
    assert "cannot be both the donor and an attorney" in flow.warnings["attorneys"][0].message


def test_the_same_attorney_twice_is_warned():
    flow = _flow(
        attorneys=[person_data("Ann", "Smith"), person_data("Ann", "Smith", postcode="X1")]
    )
    assert "cannot be an attorney twice" in flow.warnings["attorneys"][0].message


def test_curly_quotes_and_dashes_count_as_the_same_name():
    flow = _flow(
        attorneys=[person_data("Ann", "O'Neil-Smith")],
        replacements=[person_data("Ann", "O’Neil–Smith")],
    )
    assert _codes(flow, "replacements") == ["same-name"]


def test_an_attorney_as_a_person_to_notify_is_warned():
    flow = _flow(provider=provider_data(), notify=[person_data("Attya", "Attyson1", born=None)])
    assert _codes(flow, "people-to-notify") == ["same-name"]


def test_a_certificate_provider_sharing_a_surname_with_the_donor_is_asked_to_confirm():
    flow = _flow(provider=provider_data(last_name="Smith-Donor"))
    assert _codes(flow, "certificate-provider") == ["cp-shares"]
    assert "has the same surname as the donor" in flow.warnings["certificate-provider"][0].message


def test_a_certificate_provider_sharing_an_address_with_an_attorney_is_asked_to_confirm():
    attorney = person_data("Ann", "Jones", address_line_1="5 High Street", postcode="LS1 2AB")
    provider = provider_data(address_line_1="5 high street", postcode="ls12ab")
    flow = _flow(attorneys=[attorney], provider=provider)
    assert "has the same address as an attorney" in flow.warnings["certificate-provider"][0].message


def test_a_certificate_provider_with_nothing_shared_is_not_warned():
    assert "certificate-provider" not in _flow(provider=provider_data()).warnings


@pytest.mark.parametrize(
    ("one", "other", "shared"),
    [
        ("Smith", "smith", True),
        ("Smith-Jones", "Jones", True),
        ("Smith Jones", "Jones-Brown", True),
        ("Smithson", "Smith", False),
        ("Jones", "Brown", False),
    ],
)
def test_surnames_match_on_any_hyphenated_part(one, other, shared):
    assert bool(surname_parts(one) & surname_parts(other)) is shared


def test_continuing_past_a_warning_opens_the_next_step_and_a_change_warns_again():
    flow = _flow(attorneys=[person_data("Dorothy", "Donor")])
    assert flow.next_target().kind == WARNING
    keys = [w.key for w in flow.unread("attorneys")]
    read = flow_evaluate(lpa_type=PF, answers=flow.evaluation.stored, acknowledged=keys)
    assert read.next_target().kind != WARNING
    changed = stored_answers(
        PF,
        [
            ("donor", donor_data()),
            ("when", {"when": "now"}),
            ("trust-corporation", {"wanted": "no"}),
            ("attorneys", [person_data("Dorothy", "Donor"), person_data("Attya", "Attyson1")]),
            ("attorneys-decide", {"how": "jointly"}),
            ("replacements", [person_data("Attya", "Attyson1")]),
        ],
    )
    again = flow_evaluate(lpa_type=PF, answers=changed, acknowledged=keys)
    assert again.next_target().kind == WARNING
    assert again.next_target().slug == "replacements"
