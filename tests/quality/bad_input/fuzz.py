"""Posting generated bad input to one form and checking what comes back."""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import given
from hypothesis import seed as hypothesis_seed_use
from hypothesis import strategies as st

from tests.quality.harness import ParsedForm, page_parse

from .strategies import (
    BAD_DATES,
    BAD_TEXT,
    FIXED_DATES,
    FORM_SETTINGS,
    PAYLOADS,
    XSS_MARKERS,
    hypothesis_seed,
)

CSRF = "csrfmiddlewaretoken"
_DATE_PART = re.compile(r"^(?P<stem>.+)_(?P<part>[012])$")
KEPT_KINDS = {"text", "email", "tel", "number", "search", "url", "textarea", "radio", "select"}


def baseline_values(form: ParsedForm) -> dict[str, list[str]]:
    """Plausible values for every field, as a person would fill the form in."""
    values: dict[str, list[str]] = {}
    for ff in form.fields:
        if ff.name == CSRF:
            continue
        if ff.kind == "hidden":
            values.setdefault(ff.name, []).append(ff.value)
        elif ff.kind in ("radio", "checkbox"):
            if ff.name not in values:
                values[ff.name] = [ff.value or "on"]
        elif ff.kind == "select":
            values[ff.name] = [next((o for o in ff.options if o), "")]
        elif ff.kind == "email" or "email" in ff.name or ff.name == "login":
            values[ff.name] = ["person@example.com"]
        elif ff.kind == "password":
            values[ff.name] = ["a-long-password-1"]
        else:
            values[ff.name] = [ff.value or "Example"]
    return values


def targets(form: ParsedForm) -> list[tuple[str, ...]]:
    """What to attack: each field, with a date's day, month and year as one target."""
    found: list[tuple[str, ...]] = []
    for name in form.names():
        if name == CSRF:
            continue
        match = _DATE_PART.match(name)
        if match:
            group = tuple(f"{match['stem']}_{i}" for i in range(3))
            if all(n in form.names() for n in group):
                if group not in found:
                    found.append(group)
                continue
        found.append((name,))
    return found


def _values_on_page(form: ParsedForm) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for ff in form.fields:
        if ff.kind == "radio":
            if ff.checked:
                values.setdefault(ff.name, []).append(ff.value)
            else:
                values.setdefault(ff.name, [])
        elif ff.kind == "select":
            values[ff.name] = ff.selected
        elif ff.kind in KEPT_KINDS:
            values.setdefault(ff.name, []).append(ff.value)
    return values


#: Shorter text with a "<" proves nothing by being on the page: every page has "<a" and "</".
UNESCAPED_MIN_LENGTH = 8


def assert_escaped(html: str, payloads: list[str], where: str) -> None:
    for payload in payloads:
        # A short one ("<", "<a", "</") stands in every HTML page anyway; the markers below
        # cover the short attacks.
        if "<" in payload and len(payload.strip()) >= UNESCAPED_MIN_LENGTH:
            assert payload not in html, f"{where} shows {payload[:60]!r} unescaped"
    for marker in XSS_MARKERS:
        if any(marker in p for p in payloads):
            assert marker not in html, f"{where} shows {marker!r} unescaped"


def check_response(client, response, *, form, sent, changed, payloads, where, later) -> None:
    """No 500, nothing unescaped, and an invalid form comes back with a GOV.UK error
    summary and the other answers still in their fields."""
    assert response.status_code < 500, f"{where} answered {response.status_code}"
    if response.status_code in (301, 302, 303):
        followed = client.get(response["Location"], follow=True)
        assert followed.status_code < 500, f"{where} redirected to a {followed.status_code}"
        if "text/html" in followed.get("Content-Type", ""):
            assert_escaped(followed.content.decode(), payloads, response["Location"])
        for url in later():
            page = client.get(url, follow=True)
            assert page.status_code < 500
            assert_escaped(page.content.decode(), payloads, url)
        return
    if "text/html" not in response.get("Content-Type", ""):
        return
    html = response.content.decode()
    assert_escaped(html, payloads, where)
    parsed = page_parse(html)
    assert parsed.error_summary, (
        f"{where}: sending {changed} gave a {response.status_code} page with no error summary"
    )
    assert parsed.title.startswith("Error: "), f"{where}: the title is {parsed.title!r}"
    for anchor in parsed.error_links:
        assert anchor in parsed.ids, f"{where}: error summary links to #{anchor}, not on the page"
    names = set(form.names())
    again = max(
        (f for f in parsed.forms if f.method == "post"),
        key=lambda f: len(names & set(f.names())),
        default=None,
    )
    if again is None or not names & set(again.names()):
        return
    shown = _values_on_page(again)
    for name, value in sent.items():
        if name in changed or name not in shown or name == CSRF:
            continue
        kind = next(f.kind for f in again.fields if f.name == name)
        if kind in KEPT_KINDS:
            assert shown[name] == value, (
                f"{where}: after a bad {changed}, {name} shows {shown[name]} "
                f"instead of what was typed, {value}"
            )


def fixed_attacks(target: tuple[str, ...]) -> list[dict[str, list[str]]]:
    """What the fixed pass sends to one target: every payload; a date also gets every
    impossible date, and each payload in all three of its parts."""
    if len(target) == 3:
        dates = [
            {name: [part] for name, part in zip(target, parts, strict=True)}
            for parts in FIXED_DATES
        ]
        return dates + [{name: [payload] for name in target} for payload in PAYLOADS]
    return [{target[0]: [payload]} for payload in PAYLOADS]


def form_fuzz(
    client,
    *,
    url: str,
    form: ParsedForm,
    baseline: dict | None = None,
    before: Callable[[], None] = lambda: None,
    later: Callable[[], list[str]] = lambda: [],
) -> None:
    """Post bad input to each field of ``form`` in turn: first every entry of the fixed
    list (``PAYLOADS``), then hypothesis examples from a seed that changes per run."""
    sent_base = baseline_values(form)
    for name, value in (baseline or {}).items():
        sent_base[name] = list(value) if isinstance(value, list | tuple) else [value]
    action = form.action or url
    attack = targets(form)
    assert attack, f"{url}: a form with no fields to send"

    def post(bad: dict[str, list[str]]) -> None:
        before()
        sent = {**sent_base, **bad}
        response = client.post(action, sent)
        shown = ", ".join(f"{name}={values[0][:40]!r}" for name, values in bad.items())
        check_response(
            client,
            response,
            form=form,
            sent=sent,
            changed=set(bad),
            payloads=[v for values in bad.values() for v in values],
            where=f"POST {action} ({shown})",
            later=later,
        )

    for target in attack:
        for bad in fixed_attacks(target):
            post(bad)

    @FORM_SETTINGS
    @given(data=st.data())
    def run(data):
        target = data.draw(st.sampled_from(attack), label="field")
        if len(target) == 3:
            parts = data.draw(BAD_DATES, label="date")
            post({name: [part] for name, part in zip(target, parts, strict=True)})
        else:
            post({target[0]: [data.draw(BAD_TEXT, label="value")]})

    seed = hypothesis_seed()
    try:
        hypothesis_seed_use(seed)(run)()
    except BaseException as exc:
        note = f"hypothesis seed {seed}: replay with BAD_INPUT_SEED={seed}"
        print(note)
        exc.add_note(note)
        raise
