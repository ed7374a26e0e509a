"""Issue #22 point 14: every letter speaks to someone reading paper.

Over every template that can go as a letter, in English and in Welsh: the letter's
text says nothing about email or spam folders and has no link that is not https;
the printed letter gives a phone number and a postal address for replies and the
configured public site address.
"""

import re

import pytest

from digital_services.notifications import registry
from digital_services.notifications.constants import Channel
from digital_services.notifications.letters import letter_pdf

from .letter_measure import text_boxes
from .test_letter_layout import _letter, _sample

FORBIDDEN = re.compile(r"e-?mail|e-bost|spam|sbam|junk|sothach|http://", re.IGNORECASE)


def _letter_templates():
    return [
        t
        for t in registry.templates_all()
        if Channel.LETTER in t.channels and not t.key.startswith("tests.")
    ]


def test_there_are_letter_templates_to_check():
    assert len(_letter_templates()) >= 10


@pytest.mark.parametrize("language", ["en", "cy"])
def test_no_letter_text_talks_about_email_spam_or_non_https_links(language):
    found = []
    for template in _letter_templates():
        rendered = registry.template_render(
            template,
            language=language,
            personalisation={name: _sample(name) for name in template.personalisation},
            channel=Channel.LETTER,
        )
        for text in (rendered.subject, rendered.body):
            for match in FORBIDDEN.finditer(text):
                found.append(f"{template.key} ({language}): {match.group(0)!r}")
    assert found == []


def test_the_check_finds_what_the_old_letters_said():
    old = "If you cannot find our emails, check your spam folder: http://127.0.0.1:8000/visits/"
    assert {m.group(0).lower() for m in FORBIDDEN.finditer(old)} == {"email", "spam", "http://"}


@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_printed_letter_gives_a_phone_number_a_postal_address_and_our_https_address(
    settings, language
):
    settings.SITE_URL = "https://digital.justice.example"
    settings.CONTACT_PHONE = "020 3334 3555"
    settings.CONTACT_POSTAL_ADDRESS = [
        "Ministry of Justice",
        "102 Petty France",
        "London",
        "SW1H 9AJ",
    ]
    for template in _letter_templates():
        text = " ".join(b.text for b in text_boxes(letter_pdf(_letter(template, language))))
        assert "020 3334 3555" in text, template.key
        assert "102 Petty France, London, SW1H 9AJ" in text, template.key
        assert "https://digital.justice.example" in text, template.key
        assert not FORBIDDEN.search(text), template.key


def test_a_site_that_is_not_https_is_not_printed(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    template = _letter_templates()[0]
    text = " ".join(b.text for b in text_boxes(letter_pdf(_letter(template))))
    assert "127.0.0.1" not in text
