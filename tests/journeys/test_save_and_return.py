"""Save and come back later: signed in (your applications) and not (a single-use email link)."""

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from digital_services.journeys.models import Draft, ResumeLink

from .helpers import APPLY_URL, only_draft

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.journeys.urls")]

SAVE = APPLY_URL + "save/"


def resume_path(sent_notifications) -> str:
    url = sent_notifications.call_args.kwargs["personalisation"]["resume_url"]
    return re.sub(r"^https?://[^/]+", "", url)


def test_save_and_come_back_later_on_a_step_saves_a_valid_answer_first(client):
    response = client.post(APPLY_URL + "name/", {"full_name": "Ann", "action": "save"})
    assert response.url == SAVE
    assert only_draft().answers["name"] == {"full_name": "Ann"}


def test_save_and_come_back_later_on_a_blank_page_leaves_without_errors(client):
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    response = client.post(APPLY_URL + "date-of-birth/", {"action": "save"})
    assert response.url == SAVE


def test_save_with_nothing_answered_says_so(client):
    response = client.get(SAVE)
    assert "You have not answered any questions yet" in response.content.decode()


def test_a_signed_in_user_finds_the_draft_on_your_applications(client, citizen):
    client.force_login(citizen)
    client.post(APPLY_URL + "name/", {"full_name": "Ann", "action": "save"})
    html = client.get(SAVE).content.decode()
    assert "Your application has been saved" in html
    response = client.get("/accounts/your-applications/")
    html = response.content.decode()
    assert "Example service" in html
    assert "Apply for an example" in html
    assert f'href="{APPLY_URL}"' in html
    assert "Continue" in html
    # Continue lands on the first question without an answer.
    assert client.get(APPLY_URL).url == APPLY_URL + "date-of-birth/"


def test_your_applications_does_not_list_expired_drafts(client, citizen):
    client.force_login(citizen)
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    Draft.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    html = client.get("/accounts/your-applications/").content.decode()
    assert "Apply for an example" not in html


def test_asking_for_a_link_needs_a_valid_email_address(client, sent_notifications):
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    response = client.post(SAVE, {"email": "not an email"})
    html = response.content.decode()
    assert "Enter an email address in the correct format, like name@example.com" in html
    assert 'value="not an email"' in html
    sent_notifications.assert_not_called()


def test_a_link_is_emailed_through_the_notifications_outbox(client, sent_notifications, settings):
    settings.SITE_URL = "https://apply.example.gov.uk"
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    response = client.post(SAVE, {"email": "ann@example.com"})
    assert response.url == SAVE + "sent/"
    assert "ann@example.com" in client.get(SAVE + "sent/").content.decode()
    kwargs = sent_notifications.call_args.kwargs
    assert kwargs["template"] == "journeys.resume_link"
    assert kwargs["to"] == "ann@example.com"
    assert kwargs["language"] == "en"
    assert kwargs["about"] == only_draft()
    assert kwargs["personalisation"]["service_name"] == "Example service"
    assert re.match(
        r"^https://apply\.example\.gov\.uk/example/apply/resume/[^/]+/$",
        kwargs["personalisation"]["resume_url"],
    )
    assert set(kwargs["personalisation"]) == {"service_name", "resume_url", "expires_on"}


def test_the_link_opens_a_confirm_page_and_only_the_post_resumes(client, sent_notifications):
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    client.post(SAVE, {"email": "ann@example.com"})
    path = resume_path(sent_notifications)

    other_browser = Client()
    html = other_browser.get(path).content.decode()
    assert "Continue your application" in html
    assert '<form method="post"' in html
    # A GET (a mail scanner) uses nothing up.
    assert ResumeLink.objects.get().status == ResumeLink.Status.ISSUED
    other_browser.get(path)

    response = other_browser.post(path)
    assert response.url == APPLY_URL
    assert other_browser.get(APPLY_URL).url == APPLY_URL + "date-of-birth/"
    link = ResumeLink.objects.get()
    assert link.status == ResumeLink.Status.USED
    assert link.used_at is not None
    assert only_draft().answers["name"] == {"full_name": "Ann"}


def test_a_used_link_does_not_work_again(client, sent_notifications):
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    client.post(SAVE, {"email": "ann@example.com"})
    path = resume_path(sent_notifications)
    Client().post(path)
    response = Client().post(path)
    assert response.status_code == 410
    assert "This link has already been used" in response.content.decode()
    assert Client().get(path).status_code == 410


def test_the_email_and_the_save_pages_give_the_same_date(client, sent_notifications, settings):
    """Issue #12 point 12: the page said "until 2 January 2027", the email 8 December 2026."""
    settings.JOURNEYS_DRAFT_EXPIRY_DAYS = 28
    with time_machine.travel(dt.datetime(2026, 12, 5, 10, tzinfo=dt.UTC), tick=False):
        client.post(APPLY_URL + "name/", {"full_name": "Ann"})
        asking = client.get(SAVE).content.decode()
        client.post(SAVE, {"email": "ann@example.com"})
        sent = client.get(SAVE + "sent/").content.decode()
    expires_on = sent_notifications.call_args.kwargs["personalisation"]["expires_on"]

    assert "saved until 2 January 2027" in asking
    assert expires_on.endswith("on 2 January 2027")
    assert "The link works once, until 2 January 2027" in sent


def test_the_link_works_as_long_as_the_draft_and_no_longer(client, sent_notifications, settings):
    settings.JOURNEYS_DRAFT_EXPIRY_DAYS = 28
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    client.post(SAVE, {"email": "ann@example.com"})
    path = resume_path(sent_notifications)
    with time_machine.travel(timezone.now() + dt.timedelta(days=27, hours=23)):
        assert Client().get(path).status_code == 200
    with time_machine.travel(timezone.now() + dt.timedelta(days=28, hours=1)):
        browser = Client()
        response = browser.get(path)
        assert response.status_code == 410
        assert "This link has expired" in response.content.decode()
        response = browser.post(path)
        assert response.status_code == 410
    assert ResumeLink.objects.get().status == ResumeLink.Status.ISSUED


def test_a_tampered_link_does_not_work(client, sent_notifications):
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    client.post(SAVE, {"email": "ann@example.com"})
    path = resume_path(sent_notifications)
    response = Client().post(path.replace("/resume/", "/resume/x"))
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_a_link_for_one_journey_does_not_open_another(client, sent_notifications):
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    client.post(SAVE, {"email": "ann@example.com"})
    path = resume_path(sent_notifications).replace("/apply/", "/lpa/")
    assert Client().post(path).status_code == 404


def test_links_are_limited_per_hour(client, sent_notifications):
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    for _ in range(5):
        client.post(SAVE, {"email": "ann@example.com"})
    response = client.post(SAVE, {"email": "ann@example.com"})
    assert "You have asked for too many links in the last hour" in response.content.decode()
    assert sent_notifications.call_count == 5


def test_links_to_one_recipient_are_limited_across_many_drafts(sent_notifications, settings):
    settings.JOURNEYS_RESUME_LINK_RATE_PER_RECIPIENT = "3/h"
    for _attempt in range(4):
        browser = Client()  # a new session, so a new draft each time
        browser.post(APPLY_URL + "name/", {"full_name": "Ann"})
        response = browser.post(SAVE, {"email": "victim@example.com"})
    assert response.status_code == 429
    assert "You have asked for too many links in the last hour" in response.content.decode()
    assert sent_notifications.call_count == 3


def test_links_from_one_address_are_limited_across_many_drafts_and_recipients(
    sent_notifications, settings
):
    settings.JOURNEYS_RESUME_LINK_RATE_PER_IP = "3/h"
    for attempt in range(4):
        browser = Client()
        browser.post(APPLY_URL + "name/", {"full_name": "Ann"})
        response = browser.post(SAVE, {"email": f"person{attempt}@example.com"})
    assert response.status_code == 429
    assert sent_notifications.call_count == 3


def test_drafts_started_before_signing_in_are_adopted(client, citizen, session_key):
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    assert only_draft().session_key == session_key()
    client.force_login(citizen)
    draft = only_draft()
    assert draft.user == citizen
    assert draft.session_key == ""
    assert client.get(APPLY_URL).url == APPLY_URL + "date-of-birth/"


def test_signing_in_through_the_login_page_adopts_drafts(client, citizen, settings):
    from allauth.account.models import EmailAddress

    settings.AXES_ENABLED = False
    EmailAddress.objects.create(user=citizen, email=citizen.email, verified=True, primary=True)
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    response = client.post(
        "/accounts/login/", {"login": citizen.email, "password": "a-long-password-1"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert only_draft().user == citizen


def test_on_sign_in_the_more_recent_of_two_drafts_is_kept(client, citizen):
    client.force_login(citizen)
    client.post(APPLY_URL + "name/", {"full_name": "Old"})
    client.logout()
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=5)):
        client.post(APPLY_URL + "name/", {"full_name": "New"})
        client.force_login(citizen)
    assert only_draft().answers["name"] == {"full_name": "New"}
    assert only_draft().user == citizen


def test_a_signed_in_user_who_uses_a_link_takes_the_draft_into_their_account(
    client, citizen, sent_notifications
):
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    client.post(SAVE, {"email": "ann@example.com"})
    path = resume_path(sent_notifications)
    browser = Client()
    browser.force_login(citizen)
    assert browser.post(path).url == APPLY_URL
    draft = only_draft()
    assert draft.user == citizen
    assert draft.session_key == ""


def test_with_the_real_platform_apps_events_and_the_email_are_recorded(
    client, real_integrations, submissions
):
    """The contract with the performance and notifications apps, without mocks."""
    from digital_services.notifications.models import OutboundMessage
    from digital_services.performance.models import PerformanceEvent

    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    client.post(SAVE, {"email": "ann@example.com"})
    message = OutboundMessage.objects.get()
    assert message.template_key == "journeys.resume_link"
    assert message.recipient == "ann@example.com"
    assert message.service == "example"
    assert "/example/apply/resume/" in message.personalisation["resume_url"]
    started = PerformanceEvent.objects.get()
    assert (started.kind, started.service, started.journey, started.channel) == (
        "journey_started",
        "example",
        "apply",
        "digital",
    )
    assert started.journey_key == str(only_draft().pk)


def test_with_the_real_performance_app_a_completion_pairs_with_its_start(
    client, real_integrations, submissions
):
    from digital_services.performance.models import PerformanceEvent

    from .helpers import answer_apply_until_check

    answer_apply_until_check(client, visit=timezone.localdate() + dt.timedelta(days=3))
    key = str(only_draft().pk)
    assert client.post(APPLY_URL + "check/").url == "/example/done/"
    events = PerformanceEvent.objects.order_by("occurred_at", "pk")
    assert [(e.kind, e.outcome, e.journey_key) for e in events] == [
        ("journey_started", "", key),
        ("journey_completed", "submitted", key),
    ]


def test_adopting_a_draft_revokes_its_emailed_links(client, citizen, sent_notifications):
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    client.post(SAVE, {"email": "ann@example.com"})
    path = resume_path(sent_notifications)
    client.force_login(citizen)  # the draft moves into the citizen's account
    assert only_draft().user == citizen
    assert not ResumeLink.objects.exists()

    someone_else = Client()
    someone_else.force_login(
        type(citizen).objects.create_user(email="other@example.com", password="x-long-password-2")
    )
    assert someone_else.get(path).status_code == 404
    assert someone_else.post(path).status_code == 404
    assert only_draft().user == citizen
    assert Client().post(path).status_code == 404


def test_a_link_never_opens_a_draft_that_is_in_an_account(client, citizen, sent_notifications):
    """Even a link left issued (say, one made before this rule) stops once the draft has an owner."""
    client.post(APPLY_URL + "name/", {"full_name": "Ann"})
    client.post(SAVE, {"email": "ann@example.com"})
    path = resume_path(sent_notifications)
    Draft.objects.update(user=citizen, session_key="")

    thief = Client()
    assert thief.post(path).status_code == 404
    assert ResumeLink.objects.get().status == ResumeLink.Status.ISSUED
    assert only_draft().user == citizen
