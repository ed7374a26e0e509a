"""Content Security Policy: scripts only from us, the one inline script by nonce."""

import re

import pytest
from django.urls import reverse

from .govuk_page import page_parse

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


@pytest.mark.parametrize("url_name", ["core:start", "core:cookies", "core:contact"])
def test_csp_allows_only_our_scripts_and_the_nonced_inline_script(client, url_name):
    response = client.get(reverse(url_name))
    policy = directives(response)
    script_src = policy["script-src"]
    assert "'self'" in script_src
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in script_src
    (nonce_source,) = [s for s in script_src if s.startswith("'nonce-")]
    nonce = re.fullmatch(r"'nonce-(.+)'", nonce_source).group(1)
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["frame-ancestors"] == ["'none'"]

    page = page_parse(response.content)
    inline = [s for s in page.find_all("script") if not s.attrs.get("src")]
    assert inline, "the js-enabled body-class script"
    assert all(s.attrs.get("nonce") == nonce for s in inline)
    modules = [s for s in page.find_all("script") if s.attrs.get("src")]
    assert [s.attrs.get("type") for s in modules] == ["module"]


def test_each_response_gets_a_fresh_nonce(client):
    first = [s for s in directives(client.get("/"))["script-src"] if s.startswith("'nonce-")]
    second = [s for s in directives(client.get("/"))["script-src"] if s.startswith("'nonce-")]
    assert first != second
