"""No page has a GET form asking for personal data: its answers would land in URLs and logs.

Every page found in the URL patterns (the quality harness's discovery, staff pages
included) is opened as a visitor, a signed-in citizen and a superuser with a second
factor. Each form on it is read; a GET form with a field whose name says it holds
personal data (names, date of birth, postcode, address, email, phone, National
Insurance number, bank details) fails the test. Pages reached only by answering a
choice (say, "How are you helping them?" before "Find the person") are reached by
sending each page's choice-only POST form once with its first option.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import get_resolver

from tests.conftest import sign_in
from tests.quality.harness import MACHINE_PATH_WORDS, _patterns, page_parse

pytestmark = pytest.mark.django_db

#: Words in a field name that mean personal data.
PERSONAL_WORDS = {
    "name",
    "names",
    "forename",
    "forenames",
    "surname",
    "birth",
    "dob",
    "postcode",
    "address",
    "email",
    "phone",
    "mobile",
    "telephone",
    "nino",
    "insurance",
    "bank",
    "sort",
    "account",
}
PERSONAL_NAMES = re.compile(r"(^|_)(ni_number|full_name|first_name|last_name)(_|$)")
SKIPPED_PREFIXES = ("/static/", "/media/")


def field_is_personal(name: str) -> bool:
    """True for field names like ``full_name``, ``date_of_birth_0``, ``postcode``, ``sort_code``."""
    lowered = name.lower()
    words = set(re.split(r"[^a-z0-9]+", lowered.replace("_", " ")))
    return bool(words & PERSONAL_WORDS) or bool(PERSONAL_NAMES.search(lowered))


def all_paths() -> list[str]:
    paths = []
    for route, _args, _pattern in _patterns(get_resolver().url_patterns):
        path = "/" + route
        if path.startswith(SKIPPED_PREFIXES) or any(w in path for w in MACHINE_PATH_WORDS):
            continue
        if path not in paths:
            paths.append(path)
    return paths


def personal_get_fields(html: str) -> list[str]:
    problems = []
    for form in page_parse(html).forms:
        if form.method != "get":
            continue
        problems += [f.name for f in form.fields if field_is_personal(f.name)]
    return problems


def choice_only_forms(html: str):
    """POST forms in <main> whose every field is a choice (radios), with their first answers."""
    for form in page_parse(html).forms:
        if form.method != "post" or not form.in_main:
            continue
        kinds = {f.kind for f in form.fields if f.name != "csrfmiddlewaretoken"}
        if "radio" not in kinds or kinds - {"radio", "hidden"}:
            continue
        data = {}
        for f in form.fields:
            if f.kind == "radio":
                data.setdefault(f.name, f.value)
            elif f.kind == "hidden" and f.name != "csrfmiddlewaretoken":
                data[f.name] = f.value
        yield form.action, data


@pytest.fixture
def browsers(django_user_model):
    """(who, client, how to sign the client in again): some pages sign out on purpose."""
    citizen = django_user_model.objects.create_user(
        email="walker.citizen@example.com", password="a-long-password-1"
    )
    superuser = django_user_model.objects.create_superuser(
        email="walker.root@example.com", password="a-long-password-1"
    )
    return [
        ("visitor", Client(), None),
        ("citizen", Client(), lambda client: sign_in(client, citizen)),
        ("superuser", Client(), lambda client: sign_in(client, superuser, second_factor=True)),
    ]


def _html(response) -> str | None:
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return None
    return response.content.decode(errors="replace")


def test_field_names_that_hold_personal_data_are_recognised():
    for name in (
        "name",
        "full_name",
        "date_of_birth_0",
        "postcode",
        "address_line_1",
        "email",
        "phone",
        "ni_number",
        "bank_account_number",
        "sort_code",
        "last_name",
    ):
        assert field_is_personal(name), name
    for name in ("q", "channel", "service", "started_from", "agent", "next", "analytics", "page"):
        assert not field_is_personal(name), name


def test_no_page_has_a_get_form_with_personal_fields(browsers):
    paths = all_paths()
    assert "/assisted-digital/start/citizen/" in paths
    found: dict[str, list[str]] = {}
    walked = 0
    for who, client, signed_in in browsers:
        for path in paths:
            if path.startswith("/admin/") and who != "superuser":
                continue
            if signed_in and "_auth_user_id" not in client.session:
                signed_in(client)
            html = _html(client.get(path))
            if html is None:
                continue
            walked += 1
            if fields := personal_get_fields(html):
                found[f"{path} (as {who})"] = fields
            if path.startswith("/admin/"):
                continue  # never send admin forms
            for action, data in choice_only_forms(html):
                landed = client.post(action or path, data, follow=True)
                if (next_html := _html(landed)) and (fields := personal_get_fields(next_html)):
                    found[f"{landed.request['PATH_INFO']} after {path} (as {who})"] = fields
    assert walked > 20
    assert not found, f"GET forms asking for personal data (it would go in URLs): {found}"
