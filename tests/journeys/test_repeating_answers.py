"""Add another: the example journey's children (1 to 2) and the example power's attorneys."""

import datetime as dt

import pytest

from digital_services.journeys.models import Draft

from .helpers import APPLY_URL, date_data, only_draft

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.journeys.urls")]

CHILDREN = APPLY_URL + "children/"


@pytest.fixture
def at_children(client):
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    client.post(APPLY_URL + "date-of-birth/", date_data("date_of_birth", dt.date(1980, 1, 1)))
    client.post(APPLY_URL + "has-children/", {"has_children": "yes"})
    return client


def stored_children():
    return only_draft().answers["children"]


def test_adding_an_item_shows_it_in_the_list(at_children):
    client = at_children
    response = client.post(CHILDREN + "add/", {"name": "Bo", "age": "7"})
    assert response.url == CHILDREN
    html = client.get(CHILDREN).content.decode()
    assert "You have added 1 child" in html
    assert "Do you need to add another child?" in html
    assert f'href="{CHILDREN}1/"' in html
    assert f'href="{CHILDREN}1/remove/"' in html
    assert stored_children() == {"items": [{"name": "Bo", "age": 7}], "complete": False}


def test_an_invalid_item_shows_errors_and_is_not_added(at_children):
    response = at_children.post(CHILDREN + "add/", {"name": "Bo", "age": "40"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert 'value="Bo"' in html
    assert "children" not in only_draft().answers


def test_saying_yes_goes_to_add_and_no_finishes_the_list(at_children):
    client = at_children
    client.post(CHILDREN + "add/", {"name": "Bo", "age": "7"})
    assert client.post(CHILDREN, {"add_another": "yes"}).url == CHILDREN + "add/"
    assert client.post(CHILDREN, {"add_another": "no"}).url == APPLY_URL + "amount/"
    assert stored_children()["complete"] is True


def test_the_add_another_question_must_be_answered(at_children):
    client = at_children
    client.post(CHILDREN + "add/", {"name": "Bo", "age": "7"})
    response = client.post(CHILDREN, {})
    assert "Select yes if you need to add a child" in response.content.decode()


def test_the_list_cannot_be_finished_below_the_minimum(at_children):
    client = at_children
    client.post(CHILDREN + "add/", {"name": "Bo", "age": "7"})
    client.post(CHILDREN + "1/remove/")
    response = client.post(CHILDREN, {"add_another": "no"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "You have not added any children" in html
    assert "Add at least 1 child" in html
    assert "<title>Error: " in html


def test_no_more_items_can_be_added_at_the_maximum(at_children):
    client = at_children
    client.post(CHILDREN + "add/", {"name": "Bo", "age": "7"})
    client.post(CHILDREN + "add/", {"name": "Cy", "age": "3"})
    html = client.get(CHILDREN).content.decode()
    assert "You have added 2 children" in html
    assert "You cannot add any more children" in html
    assert "Do you need to add another" not in html
    assert client.get(CHILDREN + "add/").url == CHILDREN
    # Sent from a second tab after the list filled up: an error, and what was typed is kept.
    response = client.post(CHILDREN + "add/", {"name": "Di", "age": "1"})
    assert response.status_code == 200
    added = response.content.decode()
    assert "You have already added 2 children, the most you can" in added
    assert 'class="govuk-error-summary"' in added
    assert 'value="Di"' in added
    assert len(stored_children()["items"]) == 2
    # At the maximum, Continue finishes the list.
    assert client.post(CHILDREN, {}).url == APPLY_URL + "amount/"


def test_changing_an_item_keeps_its_place(at_children):
    client = at_children
    client.post(CHILDREN + "add/", {"name": "Bo", "age": "7"})
    client.post(CHILDREN + "add/", {"name": "Cy", "age": "3"})
    html = client.get(CHILDREN + "1/").content.decode()
    assert 'value="Bo"' in html
    response = client.post(CHILDREN + "1/", {"name": "Bob", "age": "8"})
    assert response.url == CHILDREN
    assert stored_children()["items"] == [{"name": "Bob", "age": 8}, {"name": "Cy", "age": 3}]


def test_removing_asks_first_and_the_post_removes(at_children):
    client = at_children
    client.post(CHILDREN + "add/", {"name": "Bo", "age": "7"})
    client.post(CHILDREN + "add/", {"name": "Cy", "age": "3"})
    html = client.get(CHILDREN + "1/remove/").content.decode()
    assert "Are you sure you want to remove Bo?" in html
    assert len(stored_children()["items"]) == 2
    response = client.post(CHILDREN + "1/remove/")
    assert response.url == CHILDREN
    assert stored_children()["items"] == [{"name": "Cy", "age": 3}]


def test_an_item_number_out_of_range_is_not_found(at_children):
    client = at_children
    client.post(CHILDREN + "add/", {"name": "Bo", "age": "7"})
    assert client.get(CHILDREN + "2/").status_code == 404
    assert client.post(CHILDREN + "5/remove/").status_code == 404


def test_an_item_changed_from_check_returns_to_check(at_children):
    client = at_children
    client.post(CHILDREN + "add/", {"name": "Bo", "age": "7"})
    client.post(CHILDREN, {"add_another": "no"})
    client.post(APPLY_URL + "amount/", {"amount": "10", "interest_rate": "1"})
    from django.utils import timezone

    visit = timezone.localdate() + dt.timedelta(days=3)
    client.post(APPLY_URL + "visit-date/", date_data("visit_date", visit))
    response = client.post(CHILDREN + "1/?return=check", {"name": "Bob", "age": "8"})
    assert response.url == CHILDREN + "?return=check"
    response = client.post(CHILDREN + "?return=check", {"add_another": "no"})
    assert response.url == APPLY_URL + "check/"
    html = client.get(APPLY_URL + "check/").content.decode()
    assert "Child 1: Bob" in html
    assert '<dd class="govuk-summary-list__value">8</dd>' in html


def test_removing_below_the_minimum_from_check_sends_back_to_the_list(at_children):
    client = at_children
    client.post(CHILDREN + "add/", {"name": "Bo", "age": "7"})
    client.post(CHILDREN, {"add_another": "no"})
    client.post(APPLY_URL + "amount/", {"amount": "10", "interest_rate": "1"})
    from django.utils import timezone

    client.post(
        APPLY_URL + "visit-date/",
        date_data("visit_date", timezone.localdate() + dt.timedelta(days=3)),
    )
    client.post(CHILDREN + "1/remove/?return=check")
    response = client.get(APPLY_URL + "check/")
    assert response.url == CHILDREN
    assert Draft.objects.count() == 1


def test_save_and_come_back_later_on_an_item_form_keeps_a_valid_item(at_children):
    response = at_children.post(CHILDREN + "add/", {"name": "Bo", "age": "7", "action": "save"})
    assert response.url == APPLY_URL + "save/"
    assert stored_children()["items"] == [{"name": "Bo", "age": 7}]


def test_the_list_counts_down_how_many_more_can_be_added(at_children):
    client = at_children
    client.post(CHILDREN + "add/", {"name": "Bo", "age": "7"})
    one = client.get(CHILDREN).content.decode()
    client.post(CHILDREN + "add/", {"name": "Cy", "age": "3"})
    two = client.get(CHILDREN).content.decode()

    assert "You can add up to 1 more child." in one
    assert "You can add up to" not in two
