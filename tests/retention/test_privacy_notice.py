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
