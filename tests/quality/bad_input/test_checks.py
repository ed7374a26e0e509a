"""The bad-input checks fail on a page that shows input unescaped or hides the error."""

import pytest
from django.http import HttpResponse

from tests.quality.harness import page_parse

from .fuzz import baseline_values, check_response, targets

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
