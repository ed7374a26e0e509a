"""Issue #20, Cymraeg: the language switcher, Welsh pages, and the catalogue gate."""

import gettext
import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from digital_services.core.catalogues import (
    Entry,
    catalogue_compile,
    catalogue_read,
    catalogues_find,
    placeholder_problems,
)

ROOT = Path(settings.BASE_DIR)
WELSH = [po for po in catalogues_find(ROOT) if po.parts[-3] == "cy"]


def _fuzzy_threshold() -> int:
    text = (ROOT / "docs" / "welsh.md").read_text(encoding="utf-8")
    return int(re.search(r"^Fuzzy threshold: (\d+)$", text, re.MULTILINE).group(1))


# ---------------------------------------------------------------- the catalogues


def test_there_is_a_welsh_catalogue():
    assert ROOT / "locale" / "cy" / "LC_MESSAGES" / "django.po" in WELSH


@pytest.mark.parametrize("po", WELSH, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_welsh_string_is_translated_with_the_same_placeholders(po):
    entries = [e for e in catalogue_read(po) if e.msgid]

    untranslated = [e.msgid for e in entries if not e.translated]
    placeholders = [problem for e in entries for problem in placeholder_problems(e)]

    assert not untranslated, f"{po}: no Welsh for {untranslated[:10]}"
    assert not placeholders, f"{po}: placeholders differ: {placeholders[:10]}"


def test_strings_awaiting_review_stay_under_the_threshold_in_docs_welsh_md():
    fuzzy = sum(1 for po in WELSH for e in catalogue_read(po) if e.msgid and e.fuzzy)
    assert fuzzy <= _fuzzy_threshold(), (
        f"{fuzzy} Welsh strings are flagged fuzzy, more than the threshold in docs/welsh.md: "
        "have them reviewed (or, if this change added them, say so there)"
    )


def test_an_english_string_has_one_welsh_in_every_catalogue():
    """Django merges the catalogues into one: an English string with two Welsh translations
    shows the first app's on every service's pages (a money claim's "Wedi talu" had replaced
    tribunal fees' "Talwyd"). Where the Welsh really must differ, use pgettext."""
    welsh_by_english: dict[tuple, dict[tuple, list[str]]] = {}
    for po in WELSH:
        for entry in catalogue_read(po):
            if entry.msgid:
                key = (entry.msgctxt, entry.msgid, entry.msgid_plural)
                owners = welsh_by_english.setdefault(key, {})
                owners.setdefault(tuple(entry.translations), []).append(str(po.relative_to(ROOT)))
    clashes = {key[1]: owners for key, owners in welsh_by_english.items() if len(owners) > 1}
    assert not clashes, clashes


def test_a_welsh_plural_has_its_four_forms():
    plurals = [e for po in WELSH for e in catalogue_read(po) if e.msgid_plural]
    assert plurals
    assert all(len(e.msgstr_plural) == 4 for e in plurals)


def test_placeholder_problems_are_found():
    assert placeholder_problems(Entry(msgid="Wait %(wait)s", msgstr="Arhoswch %(aros)s"))
    assert placeholder_problems(Entry(msgid="Wait {}", msgstr="Arhoswch"))
    assert not placeholder_problems(Entry(msgid="Wait %(wait)s", msgstr="Arhoswch %(wait)s"))


def test_the_compiled_catalogue_reads_back_with_python_s_gettext():
    entries = [
        Entry(
            msgstr="Content-Type: text/plain; charset=UTF-8\nPlural-Forms: "
            "nplurals=4; plural=(n==1) ? 0 : (n==2) ? 1 : (n != 8 && n != 11) ? 2 : 3;\n"
        ),
        Entry(msgid="Continue", msgstr="Parhau"),
        Entry(msgid="Back", msgstr="Yn ôl", flags={"fuzzy"}),
        Entry(msgid="Menu", msgctxt="header", msgstr="Dewislen"),
        Entry(msgid="Not yet", msgstr=""),
        Entry(
            msgid="%(n)s code",
            msgid_plural="%(n)s codes",
            msgstr_plural={0: "%(n)s cod", 1: "%(n)s god", 2: "%(n)s cod", 3: "%(n)s chod"},
        ),
    ]

    catalogue = gettext.GNUTranslations(io.BytesIO(catalogue_compile(entries)))

    assert catalogue.gettext("Continue") == "Parhau"
    assert catalogue.gettext("Back") == "Yn ôl"  # awaiting review, still shown
    assert catalogue.pgettext("header", "Menu") == "Dewislen"
    assert catalogue.gettext("Not yet") == "Not yet"
    assert catalogue.ngettext("%(n)s code", "%(n)s codes", 2) == "%(n)s god"
    assert catalogue.ngettext("%(n)s code", "%(n)s codes", 8) == "%(n)s chod"


# ---------------------------------------------------------------- the pages


@pytest.mark.django_db
def test_the_language_switcher_remembers_welsh_and_comes_back(client):
    start = client.get(reverse("core:start"))
    assert 'lang="en' in start.text
    # the switcher links back to the page it is on
    assert reverse("core:language") + "?to=cy&amp;next=/" in start.text

    response = client.get(reverse("core:language") + "?to=cy&next=/cookies/%3Fa%3D1")

    assert response.status_code == 302 and response["Location"] == "/cookies/?a=1"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "cy" and cookie["httponly"] and cookie["samesite"] == "Lax"
    page = client.get(reverse("core:start"))
    assert '<html lang="cy"' in page.text
    assert "Neidio i’r prif gynnwys" in page.text  # GOV.UK Frontend's own Welsh
    assert "Hawlfraint y Goron" in page.text
    assert "Skip to main content" not in page.text
    # the switcher now offers English, named in English
    assert reverse("core:language") + "?to=en&amp;" in page.text


@pytest.mark.django_db
@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x", ""])
def test_the_switcher_never_leaves_the_site(client, next_url):
    response = client.get(reverse("core:language"), {"to": "cy", "next": next_url})
    assert response.status_code == 302 and response["Location"] == reverse("core:start")


@pytest.mark.django_db
def test_an_unknown_language_is_not_found(client):
    response = client.get(reverse("core:language"), {"to": "fr"})
    assert response.status_code == 404
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_a_msgstr_cut_off_from_its_msgid_is_refused(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Back"\n\nmsgstr "Yn ôl"\n',
        encoding="utf-8",
    )

    with pytest.raises(ValueError, match="needs both a msgid and a msgstr"):
        catalogue_read(po)
