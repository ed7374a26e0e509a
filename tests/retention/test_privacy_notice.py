"""The privacy notice's retention table is made from the retention rules, so it cannot drift."""

import re

import pytest
from django.urls import reverse

from digital_services.privacy.retention import retention_rules, retention_table

pytestmark = pytest.mark.django_db


def table_rows(html: str) -> list[tuple[str, str]]:
    table = re.search(r'<table class="govuk-table" id="retention-table">(.*?)</table>', html, re.S)
    assert table, "the retention table is missing"
    cells = re.findall(
        r'<td class="govuk-table__cell">(.*?)</td>\s*<td class="govuk-table__cell">(.*?)</td>',
        table.group(1),
        re.S,
    )
    return [(a.strip(), b.strip()) for a, b in cells]


def test_every_rule_has_a_row_in_the_privacy_notice(client):
    from django.utils.html import escape

    rows = table_rows(client.get(reverse("core:privacy")).content.decode())

    assert len(rows) == len(retention_rules())
    for row in retention_table():
        information = f"{row.service}: {row.information}" if row.service else row.information
        assert (escape(information), escape(row.how_long)) in rows


def test_changing_a_period_in_settings_changes_the_notice(client, settings):
    settings.PRISON_VISITS_ANONYMISE_AFTER_DAYS = 183
    before = client.get(reverse("core:privacy")).content.decode()
    assert "6 months after the date of the visit" in before

    settings.PRISON_VISITS_ANONYMISE_AFTER_DAYS = 365
    after = client.get(reverse("core:privacy")).content.decode()

    assert "1 year after the date of the visit" in after
    assert "6 months after the date of the visit" not in after


def test_the_notice_names_the_outbox_bank_details_and_audit_periods(client):
    html = client.get(reverse("core:privacy")).content.decode()

    assert "Bank details on a refund application" in html
    assert "Emails, text messages and letters we send you" in html
    assert "3 months after the message was delivered or failed" in html
    assert "7 years after the event" in html
    assert reverse("privacy:your-data") in html


def test_the_welsh_notice_s_retention_table_is_in_welsh(client, settings):
    """Issue #20: each rule's words come from its app's Welsh catalogue, the service names
    as their pages show them, and the periods are said in Welsh."""
    from django.utils.html import escape
    from django.utils.translation import override

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    html = client.get(reverse("core:privacy")).content.decode()
    rows = table_rows(html)
    with override("en"):
        english = retention_table()

    assert len(rows) == len(english)
    for (information, how_long), row in zip(rows, english, strict=True):
        assert escape(row.information) not in information
        assert escape(row.how_long) not in how_long
        assert " after " not in how_long and "As soon as" not in how_long
        if row.service:
            assert not information.startswith(escape(row.service))
    assert (
        "Eich sesiwn fewngofnodi",
        "Yn syth ar ôl iddi ddod i ben neu i chi allgofnodi: caiff ei dileu",
    ) in rows
    assert "7 o flynyddoedd ar ôl y digwyddiad: dilëir gan dasg cynnal a chadw ar wahân" in html
    assert "3 mis ar ôl i’r neges gael ei danfon neu fethu" in html
    assert "Trefnu ymweliad â charchar: Ceisiadau i ymweld" in html


@pytest.mark.parametrize(
    ("days", "welsh"),
    [
        (1, "1 diwrnod"),
        (2, "2 ddiwrnod"),
        (28, "28 diwrnod"),
        (90, "3 mis"),
        (365, "1 flwyddyn"),
        (730, "2 flynedd"),
        (2190, "6 o flynyddoedd"),
        (2920, "8 mlynedd"),
    ],
)
def test_periods_in_welsh(days, welsh):
    from django.utils.translation import override

    from digital_services.privacy.retention import period_text

    with override("cy"):
        assert period_text(days) == welsh


def test_every_rule_s_words_are_marked_for_translation():
    """A new rule's information, after and then need gettext_lazy (``after``:
    pgettext_lazy("retention period starts after", ...)) and their Welsh in the app's
    catalogue, or the Welsh privacy notice shows them in English (docs/welsh.md)."""
    from django.utils.functional import Promise

    plain = [
        f"{rule.key}.{field}"
        for rule in retention_rules()
        for field in ("information", "after", "then")
        if not isinstance(getattr(rule, field), Promise)
    ]
    assert not plain, f"not marked for translation: {plain}"
