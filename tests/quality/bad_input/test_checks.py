"""The bad-input checks fail on a page that shows input unescaped or hides the error."""

import pytest
from django.http import HttpResponse

from tests.quality.harness import page_parse

from .fuzz import baseline_values, check_response, form_fuzz, targets
from .strategies import FIXED_DATES, PAYLOADS, hypothesis_seed

FORM = """<html lang="en"><head><title>{title}</title></head><body><main>{summary}
<form method="post"><input type="text" name="name" value="{name}">
<input type="text" name="when_0" value="1"><input type="text" name="when_1" value="2">
<input type="text" name="when_2" value="2000"><input type="text" name="town" value="{town}">
</form></main></body></html>"""
SUMMARY = (
    '<div class="govuk-error-summary"><ul class="govuk-error-summary__list">'
    '<li><a href="#id_name">Enter a name</a></li></ul></div><p id="id_name"></p>'
)


def _check(html, *, sent, payload="<script>alert(1)</script>"):
    form = page_parse(FORM.format(title="t", summary="", name="", town="")).forms[0]
    check_response(
        None,
        HttpResponse(html),
        form=form,
        sent=sent,
        changed={"name"},
        payloads=[payload],
        where="POST /x/",
        later=lambda: [],
    )


def test_targets_group_a_dates_parts_and_baseline_fills_every_field():
    form = page_parse(FORM.format(title="t", summary="", name="", town="")).forms[0]
    assert targets(form) == [("name",), ("when_0", "when_1", "when_2"), ("town",)]
    assert baseline_values(form)["town"] == ["Example"]


def test_check_fails_when_the_payload_comes_back_unescaped():
    html = FORM.format(title="Error: t", summary=SUMMARY, name="", town="Leeds")
    html += "<script>alert(1)</script>"
    with pytest.raises(AssertionError, match="unescaped"):
        _check(html, sent={"name": ["x"], "town": ["Leeds"]})


def test_check_fails_when_an_invalid_form_has_no_error_summary():
    html = FORM.format(title="t", summary="", name="", town="Leeds")
    with pytest.raises(AssertionError, match="no error summary"):
        _check(html, sent={"name": ["x"], "town": ["Leeds"]})


def test_check_fails_when_other_answers_are_lost():
    html = FORM.format(title="Error: t", summary=SUMMARY, name="", town="")
    with pytest.raises(AssertionError, match="instead of what was typed"):
        _check(html, sent={"name": ["x"], "town": ["Leeds"]})


def test_check_passes_an_escaped_error_page_that_keeps_the_answers():
    html = FORM.format(
        title="Error: t",
        summary=SUMMARY,
        name="&lt;script&gt;alert(1)&lt;/script&gt;",
        town="Leeds",
    )
    _check(html, sent={"name": ["<script>alert(1)</script>"], "town": ["Leeds"]})


def test_a_short_payload_that_every_page_contains_is_not_called_unescaped():
    """A radio posted "<" proves nothing by "<" being on the page; a longer one unescaped
    (here a made-up tag, not one of the XSS markers) still fails."""
    html = FORM.format(title="Error: t", summary=SUMMARY, name="", town="Leeds")
    _check(html, sent={"name": ["<"], "town": ["Leeds"]}, payload="<")
    with pytest.raises(AssertionError, match="unescaped"):
        _check(
            html + "<b>plainbold</b>",
            sent={"name": ["x"], "town": ["Leeds"]},
            payload="<b>plainbold</b>",
        )


class _FakeClient:
    """Answers a plain-text 200 to every post, and a 500 when ``fails(value)`` is true."""

    def __init__(self, fails):
        self.fails = fails
        self.sent: list[dict] = []

    def post(self, action, data):
        self.sent.append(data)
        if any(self.fails(v) for values in data.values() for v in values):
            return HttpResponse("Server Error", status=500, content_type="text/plain")
        return HttpResponse("ok", content_type="text/plain")


def _form():
    return page_parse(FORM.format(title="t", summary="", name="", town="")).forms[0]


def test_the_fixed_pass_sends_every_payload_to_every_field_and_dates_whole():
    client = _FakeClient(fails=lambda value: False)

    form_fuzz(client, url="/x/", form=_form())

    for field in ("name", "town"):
        assert {d[field][0] for d in client.sent} >= set(PAYLOADS)
    assert {tuple(d[f"when_{i}"][0] for i in range(3)) for d in client.sent} >= set(FIXED_DATES)
    assert 40 <= len(PAYLOADS) <= 60


def test_a_crash_on_one_fixed_payload_is_found_and_named():
    emoji = "😀"
    client = _FakeClient(fails=lambda value: value == emoji)

    with pytest.raises(AssertionError, match=r"name='😀'\) answered 500"):
        form_fuzz(client, url="/x/", form=_form())


def test_a_hypothesis_failure_names_the_seed_to_replay_it(monkeypatch):
    monkeypatch.setenv("BAD_INPUT_SEED", "424242")
    fixed = set(PAYLOADS) | {part for date in FIXED_DATES for part in date} | {"Example", "1"}
    fixed |= {"2", "2000"}
    client = _FakeClient(fails=lambda value: value not in fixed)

    with pytest.raises(AssertionError) as failure:
        form_fuzz(client, url="/x/", form=_form())

    assert "replay with BAD_INPUT_SEED=424242" in "\n".join(failure.value.__notes__)


def test_the_seed_changes_from_run_to_run_unless_one_is_given(monkeypatch):
    monkeypatch.delenv("BAD_INPUT_SEED", raising=False)
    assert len({hypothesis_seed() for _ in range(5)}) > 1
    monkeypatch.setenv("BAD_INPUT_SEED", "7")
    assert hypothesis_seed() == 7
