"""A task list journey: sections in any order, statuses, and the gate on check and send."""

import pytest

from .helpers import LPA_URL, only_draft

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.journeys.urls")]


def statuses(html: str) -> list[str]:
    import re

    found = re.findall(
        r'class="govuk-task-list__status[^"]*" id="task-list-[^"]+">\s*(.*?)\s*</div>', html, re.S
    )
    return [re.sub(r"<[^>]+>", "", f).strip() for f in found]


def test_the_task_list_starts_with_every_section_not_started(client):
    response = client.get(LPA_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<ul class="govuk-task-list">' in html
    assert statuses(html) == ["Not started", "Not started", "Not started", "Cannot start yet"]
    assert "Optional." in html
    assert f'href="{LPA_URL}check/"' not in html


def test_sections_can_be_done_in_any_order(client):
    response = client.get(LPA_URL + "section/attorneys/")
    assert response.url == LPA_URL + "attorneys/"
    assert client.get(LPA_URL + "attorneys/").url == LPA_URL + "attorneys/add/"
    response = client.post(LPA_URL + "attorneys/add/", {"attorney_name": "Ada"})
    assert response.url == LPA_URL + "attorneys/"
    html = client.get(LPA_URL).content.decode()
    assert statuses(html) == ["Not started", "In progress", "Not started", "Cannot start yet"]
    response = client.post(LPA_URL + "attorneys/", {"add_another": "no"})
    assert response.url == LPA_URL  # the end of a section goes back to the task list
    html = client.get(LPA_URL).content.decode()
    assert statuses(html) == ["Not started", "Completed", "Not started", "Cannot start yet"]


def test_check_and_send_opens_when_every_required_section_is_complete(client, submissions):
    assert client.get(LPA_URL + "check/").url == LPA_URL
    client.post(LPA_URL + "donor/", {"donor_name": "Dee"})
    assert client.get(LPA_URL + "check/").url == LPA_URL
    client.post(LPA_URL + "attorneys/add/", {"attorney_name": "Ada"})
    client.post(LPA_URL + "attorneys/", {"add_another": "no"})
    html = client.get(LPA_URL).content.decode()
    assert statuses(html) == ["Completed", "Completed", "Not started", "Not started"]
    assert f'href="{LPA_URL}check/"' in html
    response = client.get(LPA_URL + "check/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h2 class="govuk-heading-m">Donor details</h2>' in html
    assert '<h2 class="govuk-heading-m">Attorneys</h2>' in html
    assert "Attorney 1: Ada" in html
    assert f'<a href="{LPA_URL}" class="govuk-back-link">Back</a>' in html
    response = client.post(LPA_URL + "check/")
    assert response.url == "/example/done/"
    assert submissions[0]["answers"] == {
        "donor": {"donor_name": "Dee"},
        "attorneys": [{"attorney_name": "Ada"}],
    }


def test_the_first_step_of_a_section_goes_back_to_the_task_list(client):
    html = client.get(LPA_URL + "donor/").content.decode()
    assert f'<a href="{LPA_URL}" class="govuk-back-link">Back</a>' in html
    assert "Donor details" in html  # the section is the caption


def test_a_completed_section_opens_at_its_first_step(client):
    client.post(LPA_URL + "donor/", {"donor_name": "Dee"})
    assert client.get(LPA_URL + "section/donor/").url == LPA_URL + "donor/"
    assert only_draft().answers["donor"] == {"donor_name": "Dee"}


def test_an_unknown_section_is_not_found(client):
    assert client.get(LPA_URL + "section/nope/").status_code == 404
