"""Issue #20's gate for pages: every citizen page and every journey, in Welsh.

Each discovered citizen page, and every page of every registered journey (each step sent
empty first, to see its error state, as the a11y walk does), is fetched with Django's
language cookie set to Welsh. It fails when ``<html lang>`` is not "cy", or when a text
node of the page is exactly an English string of one of our catalogues (a msgid whose
Welsh differs): text marked for translation but shown in English.

A service is covered by default. One not translated yet is listed in ``NOT_TRANSLATED``
with the reason, by the package its views (or its journey's submit) live in; delete its
line once its catalogue is in. Django's test client keeps it fast (no browser).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import resolve, reverse

from digital_services.core.catalogues import catalogue_read, catalogues_find
from tests.quality.harness import ClientDriver, JourneyWalker, journeys_list, page_paths

from .conftest import URLCONF

pytestmark = pytest.mark.django_db

#: Whose pages are not in Welsh yet (issue #20), by the package of the view or journey.
NOT_TRANSLATED = {
    "assisted_digital": "Assisted digital pages are for staff helping a citizen: English for now",
    "tests": "Test-only example services: English by design",
    # Single pages, by URL name.
    "accounts:staff-second-factor": "A staff page (staff pages stay in English)",
}

#: Parts of a package opted out above that are translated, so checked all the same (by the
#: module of the view or of the journey's submit).
TRANSLATED_PARTS: dict[str, tuple[str, ...]] = {}

ROOT = Path(settings.BASE_DIR)
PAGES = page_paths(URLCONF)
JOURNEYS = {journey.key: journey for journey in journeys_list(URLCONF)}


def english_strings() -> set[str]:
    """Every msgid of the Welsh catalogues whose Welsh is different and that can be shown
    as a whole text node (no placeholder, no markup)."""
    found = set()
    for po in catalogues_find(ROOT):
        if po.parts[-3] != "cy":
            continue
        for entry in catalogue_read(po):
            for english in filter(None, (entry.msgid, entry.msgid_plural)):
                text = " ".join(english.split())
                if not text or "%" in text or "{" in text or "<" in text:
                    continue
                if text in (" ".join(t.split()) for t in entry.translations):
                    continue  # the same in both languages ("Post")
                found.add(text)
    return found


ENGLISH = english_strings()


class TextNodes(HTMLParser):
    """The page's text nodes (outside <script>, <style> and <template>), whitespace squashed."""

    SKIP = {"script", "style", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.texts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag in self.SKIP:
            self._skipping += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self._skipping:
            self.texts.append(text)


#: Words that are English and never Welsh. A text node on a Welsh page with two of them was
#: put together in English where no msgid can be compared with it (an f-string in Python, a
#: package's own template without Welsh), so the msgid check cannot see it.
ENGLISH_ONLY_WORDS = frozenset(
    {"the", "you", "your", "and", "with", "for", "this", "have", "will", "what", "has", "not"}
)
#: What the suite itself writes in English and a page may show: the example service's
#: registry entry (tests/example_service, English by design).
TEST_ONLY_TEXT = ("Apply for a licence that only exists in the tests.",)


def english_sentences(texts: list[str], typed: set[str] = frozenset()) -> list[str]:
    """The text nodes with two or more English-only words once what the walker typed into
    the forms (shown back on check pages) is taken out."""
    found = []
    longest_first = sorted((value for value in typed if len(value) >= 4), key=len, reverse=True)
    for text in texts:
        rest = text
        for value in longest_first:
            rest = rest.replace(value, " ")
        words = set(re.findall(r"[a-z]+", rest.lower()))
        if len(words & ENGLISH_ONLY_WORDS) >= 2 and text not in TEST_ONLY_TEXT:
            found.append(text)
    return found


def welsh_problems(html: str, where: str, typed: set[str] = frozenset()) -> list[str]:
    parser = TextNodes()
    parser.feed(html)
    problems = []
    if parser.lang != "cy":
        problems.append(f'{where}: <html lang="{parser.lang}">, not "cy"')
    # A text node that is exactly what the person typed (a surname "Donor") is theirs.
    english = sorted({text for text in parser.texts if text in ENGLISH and text not in typed})
    if english:
        problems.append(f"{where}: untranslated {english}")
    sentences = sorted(set(english_sentences(parser.texts, typed)) - set(english))
    if sentences:
        problems.append(f"{where}: English written outside the catalogues {sentences}")
    return problems


class TypingDriver(ClientDriver):
    """The walker's driver, keeping every value it typed into a form."""

    def __init__(self, client):
        super().__init__(client)
        self.typed: set[str] = set()

    def submit(self, data, *, form=None):
        for value in (data or {}).values():
            for item in value if isinstance(value, list | tuple) else [value]:
                if isinstance(item, str):
                    self.typed.add(" ".join(item.split()))
        super().submit(data, form=form)


def owner_of(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "digital_services" else parts[0]


def opted_out(module: str, view_name: str = "") -> str | None:
    owner = owner_of(module)
    if module in TRANSLATED_PARTS.get(owner, ()):
        return NOT_TRANSLATED.get(view_name)
    return (
        NOT_TRANSLATED.get(view_name)
        or NOT_TRANSLATED.get(owner)
        or NOT_TRANSLATED.get(owner.split(".")[0])
    )


@pytest.fixture
def welsh_client(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    return client


def test_the_english_strings_are_found():
    assert {"Back", "Change", "Continue", "Book a prison visit"} <= ENGLISH
    assert "Post" not in ENGLISH  # "Post" in both languages


def test_an_english_msgid_on_a_welsh_page_is_caught():
    page = '<html lang="cy"><body><a>Yn ôl</a><button> Continue </button><script>Back</script>'
    assert welsh_problems(page, "/x/") == ["/x/: untranslated ['Continue']"]
    assert welsh_problems('<html lang="en"><p>Parhau</p>', "/y/") == [
        '/y/: <html lang="en">, not "cy"'
    ]


def test_english_put_together_outside_the_catalogues_is_caught():
    page = '<html lang="cy"><p>£35.00: the fee for a claim of £10.00, in force on 1 Rhagfyr</p>'
    assert welsh_problems(page, "/z/") == [
        "/z/: English written outside the catalogues "
        "['£35.00: the fee for a claim of £10.00, in force on 1 Rhagfyr']"
    ]
    # What the person typed is theirs, whatever its language; Welsh is not English.
    typed = {"The boiler was broken for 3 months and the damp has not gone."}
    shown = '<html lang="cy"><p>Atgyweirio: The boiler was broken for 3 months and the damp has not gone.</p>'
    assert welsh_problems(shown, "/w/", typed) == []
    assert welsh_problems('<html lang="cy"><p>Ni chafodd y protocol ei ddilyn.</p>', "/v/") == []


@pytest.mark.parametrize("path", PAGES)
def test_page_is_in_welsh(path, welsh_client, citizen):
    match = resolve(path, URLCONF)
    reason = opted_out(match.func.__module__, match.view_name)
    if reason:
        pytest.skip(reason)
    response = welsh_client.get(path)
    if response.status_code in (301, 302) and response["Location"].startswith(
        reverse("account_login")
    ):
        welsh_client.force_login(citizen)
        response = welsh_client.get(path)
    if response.status_code == 405 or "text/html" not in response.get("Content-Type", ""):
        pytest.skip(f"{path} is not a page")
    if response.status_code in (301, 302):
        pytest.skip(f"{path} redirects to {response['Location']}, checked as a page of its own")
    problems = welsh_problems(response.content.decode(), path)
    form_empty = response.status_code == 200 and 'method="post"' in response.content.decode()
    if form_empty and "<main" in response.content.decode():
        sent = welsh_client.post(path, {})
        if sent.status_code in (200, 400, 422) and "text/html" in sent.get("Content-Type", ""):
            problems += welsh_problems(sent.content.decode(), f"{path} (sent empty)")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("key", JOURNEYS)
def test_journey_is_in_welsh_at_every_page_and_every_error(key, welsh_client):
    journey = JOURNEYS[key]
    reason = opted_out(journey.submit.__module__)
    if reason:
        pytest.skip(reason)
    driver = TypingDriver(welsh_client)
    problems: list[str] = []

    def on_page(visit):
        problems.extend(welsh_problems(driver.html(), visit.path, driver.typed))

    def on_form(visit):
        driver.submit(None)
        if driver.path() == visit.path:
            problems.extend(
                welsh_problems(driver.html(), f"{visit.path} (sent empty)", driver.typed)
            )

    walker = JourneyWalker(journey, driver, URLCONF, on_page=on_page, on_form=on_form)
    walker.walk()
    assert {"check", "confirmation"} <= {visit.kind for visit in walker.visits}
    assert not problems, "\n".join(problems)
