"""The example linear journey through the test client: order, conditions, guards, check, submit."""

import datetime as dt

import pytest
from django.utils import timezone

from digital_services.journeys.models import Draft

from .helpers import APPLY_URL, answer_apply_until_check, date_data, only_draft

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.journeys.urls")]


def future(days=10):
    return timezone.localdate() + dt.timedelta(days=days)


def test_the_journey_start_goes_to_the_first_question(client):
    response = client.get(APPLY_URL)
    assert response.status_code == 302
    assert response.url == APPLY_URL + "name/"


def test_nothing_is_created_by_opening_pages(client):
    for url in (APPLY_URL, APPLY_URL + "name/", APPLY_URL + "check/", APPLY_URL + "save/"):
        client.get(url)
    assert Draft.objects.count() == 0


def test_a_step_page_has_a_back_link_caption_and_one_heading(client):
    response = client.get(APPLY_URL + "name/")
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert '<a href="/example/" class="govuk-back-link">Back</a>' in html
    assert "Apply for an example" in html
    assert "Save and come back later" in html


def test_the_first_valid_answer_creates_a_draft_and_records_started(
    client, session_key, performance_events
):
    response = client.post(APPLY_URL + "name/", {"full_name": "Ann Example"})
    assert response.url == APPLY_URL + "date-of-birth/"
    draft = only_draft()
    assert draft.user is None
    assert draft.session_key == session_key()
    assert draft.answers == {"name": {"full_name": "Ann Example"}}
    assert draft.current_step == "name"
    performance_events.assert_called_once_with(
        kind="started",
        service="example",
        journey="apply",
        channel="digital",
        journey_key=str(draft.pk),
    )
    client.post(APPLY_URL + "name/", {"full_name": "Ann Changed"})
    assert performance_events.call_count == 1


def test_a_wrong_answer_shows_the_error_and_keeps_what_was_typed(client):
    response = client.post(
        APPLY_URL + "date-of-birth/",
        date_data("date_of_birth", timezone.localdate() + dt.timedelta(days=1)),
    )
    # No name yet: the guard sends the user to the first question instead.
    assert response.status_code == 302
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client.post(APPLY_URL + "date-of-birth/", date_data("date_of_birth", tomorrow))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: What is your date of birth?" in html
    assert "There is a problem" in html
    assert "Date of birth must be in the past" in html
    assert f'value="{tomorrow.year}"' in html
    assert "date-of-birth" not in only_draft().answers


def test_an_empty_answer_gets_the_message_for_that_field(client):
    response = client.post(APPLY_URL + "name/", {"full_name": ""})
    assert "Enter your full name" in response.content.decode()
    assert Draft.objects.count() == 0


def test_opening_a_later_step_first_redirects_to_the_first_unanswered_one(client):
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    response = client.get(APPLY_URL + "amount/")
    assert response.status_code == 302
    assert response.url == APPLY_URL + "date-of-birth/"
    response = client.post(APPLY_URL + "amount/", {"amount": "12", "interest_rate": "1"})
    assert response.url == APPLY_URL + "date-of-birth/"
    assert "amount" not in only_draft().answers


def test_a_step_whose_condition_is_false_is_skipped(client):
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    client.post(APPLY_URL + "date-of-birth/", date_data("date_of_birth", dt.date(1980, 1, 1)))
    response = client.post(APPLY_URL + "has-children/", {"has_children": "no"})
    assert response.url == APPLY_URL + "amount/"
    response = client.get(APPLY_URL + "children/")
    assert response.status_code == 302
    assert response.url == APPLY_URL + "amount/"
    html = client.get(APPLY_URL + "amount/").content.decode()
    assert f'<a href="{APPLY_URL}has-children/" class="govuk-back-link">Back</a>' in html


def test_a_step_whose_condition_is_true_is_asked_and_is_the_back_link(client):
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    client.post(APPLY_URL + "date-of-birth/", date_data("date_of_birth", dt.date(1980, 1, 1)))
    response = client.post(APPLY_URL + "has-children/", {"has_children": "yes"})
    assert response.url == APPLY_URL + "children/"
    # At least one child is needed, so the list sends straight to the add form.
    response = client.get(APPLY_URL + "children/")
    assert response.url == APPLY_URL + "children/add/"
    client.post(APPLY_URL + "children/add/", {"name": "Bo", "age": "7"})
    client.post(APPLY_URL + "children/", {"add_another": "no"})
    html = client.get(APPLY_URL + "amount/").content.decode()
    assert f'<a href="{APPLY_URL}children/" class="govuk-back-link">Back</a>' in html


def test_check_your_answers_lists_every_answer_with_change_links(client):
    visit = future()
    answer_apply_until_check(client, children=True, visit=visit)
    response = client.get(APPLY_URL + "check/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Check your answers before sending your application" in html
    assert "Ann Example" in html
    assert "13 August 1980" in html
    assert "£1,250.50" in html
    assert "Child 1: Bo" in html
    assert (
        f'<a class="govuk-link" href="{APPLY_URL}name/?return=check">Change'
        '<span class="govuk-visually-hidden"> full name</span></a>'
    ) in html
    assert 'Change<span class="govuk-visually-hidden"> interest rate</span>' in html
    assert f'href="{APPLY_URL}children/1/?return=check"' in html


def test_a_change_link_returns_to_check_after_a_valid_answer(client):
    answer_apply_until_check(client, visit=future())
    response = client.get(APPLY_URL + "name/?return=check")
    html = response.content.decode()
    assert 'value="Ann Example"' in html
    assert f'<a href="{APPLY_URL}check/" class="govuk-back-link">Back</a>' in html
    response = client.post(APPLY_URL + "name/?return=check", {"full_name": ""})
    assert response.status_code == 200
    response = client.post(APPLY_URL + "name/?return=check", {"full_name": "Ann Changed"})
    assert response.url == APPLY_URL + "check/"
    assert "Ann Changed" in client.get(APPLY_URL + "check/").content.decode()


def test_a_change_that_makes_a_new_question_apply_asks_it_before_returning(client):
    answer_apply_until_check(client, visit=future())
    response = client.post(APPLY_URL + "has-children/?return=check", {"has_children": "yes"})
    assert response.url == APPLY_URL + "children/?return=check"
    response = client.post(APPLY_URL + "children/add/?return=check", {"name": "Cy", "age": "3"})
    assert response.url == APPLY_URL + "children/?return=check"
    response = client.post(APPLY_URL + "children/?return=check", {"add_another": "no"})
    assert response.url == APPLY_URL + "check/"


def test_check_is_not_shown_until_every_question_is_answered(client):
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    response = client.get(APPLY_URL + "check/")
    assert response.url == APPLY_URL + "date-of-birth/"


def test_sending_calls_submit_once_clears_the_draft_and_records_completed(
    client, submissions, performance_events
):
    visit = future()
    answer_apply_until_check(client, children=True, visit=visit)
    draft_key = str(only_draft().pk)
    response = client.post(APPLY_URL + "check/")
    assert response.status_code == 302
    assert response.url == "/example/done/"
    assert len(submissions) == 1
    call = submissions[0]
    assert call["user"] is None
    assert call["channel"] == "digital"
    assert call["language"] == "en"
    assert call["answers"]["name"] == {"full_name": "Ann Example"}
    assert call["answers"]["date-of-birth"] == {"date_of_birth": dt.date(1980, 8, 13)}
    assert call["answers"]["children"] == [{"name": "Bo", "age": 7}]
    assert call["answers"]["amount"]["amount"] == 125050
    assert call["answers"]["visit-date"] == {"visit_date": visit}
    assert Draft.objects.count() == 0
    performance_events.assert_called_with(
        kind="completed",
        service="example",
        journey="apply",
        channel="digital",
        outcome="submitted",
        journey_key=draft_key,
    )
    # Sending twice (a double click, the back button) does not send again.
    response = client.post(APPLY_URL + "check/")
    assert response.url == APPLY_URL
    assert len(submissions) == 1


def test_a_skipped_step_answer_is_not_sent(client, submissions):
    answer_apply_until_check(client, children=True, visit=future())
    client.post(APPLY_URL + "has-children/?return=check", {"has_children": "no"})
    client.post(APPLY_URL + "check/")
    assert "children" not in submissions[0]["answers"]


def test_sending_revalidates_and_returns_to_a_step_whose_stored_answer_is_invalid(
    client, submissions
):
    answer_apply_until_check(client, visit=future())
    draft = only_draft()
    draft.answers["amount"] = {"amount": "not pence", "interest_rate": {"$decimal": "8"}}
    draft.save()
    response = client.post(APPLY_URL + "check/")
    assert response.url == APPLY_URL + "amount/"
    assert submissions == []
    assert Draft.objects.count() == 1
    html = client.get(APPLY_URL + "amount/").content.decode()
    assert "Enter an amount in pounds and pence, like 12.50" in html


def test_an_answer_that_has_become_invalid_with_time_is_asked_again(client, submissions, settings):
    import time_machine

    settings.SESSION_COOKIE_AGE = 30 * 24 * 3600  # the browser session outlives the wait
    visit = future(2)
    answer_apply_until_check(client, visit=visit)
    with time_machine.travel(timezone.now() + dt.timedelta(days=5)):
        response = client.post(APPLY_URL + "check/")
        assert response.url == APPLY_URL + "visit-date/"
        html = client.get(APPLY_URL + "visit-date/").content.decode()
        assert "The visit date must be in the future" in html
    assert submissions == []


def test_a_refusal_from_the_service_is_shown_on_check_and_keeps_the_draft(client, submissions):
    client.post(APPLY_URL + "name/", {"full_name": "Refuse Me"})
    client.post(APPLY_URL + "date-of-birth/", date_data("date_of_birth", dt.date(1980, 1, 1)))
    client.post(APPLY_URL + "has-children/", {"has_children": "no"})
    client.post(APPLY_URL + "amount/", {"amount": "10", "interest_rate": "1"})
    client.post(APPLY_URL + "visit-date/", date_data("visit_date", future()))
    response = client.post(APPLY_URL + "check/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert (
        f'<a href="{APPLY_URL}name/?return=check">We cannot accept an application in this name</a>'
        in html
    )
    assert len(submissions) == 1
    assert Draft.objects.count() == 1


def test_an_unknown_step_is_not_found(client):
    assert client.get(APPLY_URL + "no-such-step/").status_code == 404


def test_someone_else_cannot_see_or_send_my_draft(client, django_user_model, submissions):
    answer_apply_until_check(client, visit=future())
    from django.test import Client

    other = Client()
    response = other.get(APPLY_URL + "check/")
    assert response.url == APPLY_URL
    response = other.post(APPLY_URL + "check/")
    assert submissions == []
    assert Draft.objects.count() == 1


def test_a_signed_in_user_owns_the_draft_and_is_passed_to_submit(client, citizen, submissions):
    client.force_login(citizen)
    answer_apply_until_check(client, visit=future())
    draft = only_draft()
    assert draft.user == citizen
    assert draft.session_key == ""
    client.post(APPLY_URL + "check/")
    assert submissions[0]["user"] == citizen


def test_an_assisted_session_is_reported_as_the_assisted_channel(rf, citizen):
    from digital_services.journeys.integrations import request_channel

    request = rf.get("/")
    assert request_channel(request) == "digital"
    request.assisted_session = object()
    assert request_channel(request) == "assisted"
