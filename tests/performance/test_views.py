"""The feedback page, its thank-you page and the end-of-journey prompt."""

import re
from html import unescape

import pytest
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import resolve, reverse

from digital_services.performance.models import SatisfactionResponse

pytestmark = pytest.mark.django_db

FEEDBACK_URL = reverse("performance:feedback")
THANKS_URL = reverse("performance:feedback-thanks")


def hidden_value(content: str, name: str) -> str:
    match = re.search(rf'<input type="hidden" name="{name}"(?: value="([^"]*)")?', content)
    assert match, f"no hidden input {name}"
    return unescape(match.group(1) or "")


def test_the_feedback_page_asks_the_two_questions(client):
    response = client.get(FEEDBACK_URL, {"from": "/prison-visits/"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "Overall, how did you feel about the service you received today?" in content
    for label in (
        "Very satisfied",
        "Satisfied",
        "Neither satisfied nor dissatisfied",
        "Dissatisfied",
        "Very dissatisfied",
    ):
        assert re.search(rf"<label[^>]*govuk-radios__label[^>]*>\s*{label}\s*</label>", content)
    assert content.count('type="radio"') == 5
    assert "How could we improve this service?" in content
    assert 'data-module="govuk-character-count"' in content
    assert 'data-maxlength="1200"' in content
    assert "You can enter up to 1200 characters" in content
    textarea = re.search(r"<textarea[^>]*>", content).group(0)
    assert "maxlength" not in textarea  # the browser must not cut text off silently
    assert 'name="csrfmiddlewaretoken"' in content
    assert content.count("<h1") == 1


def test_the_feedback_page_carries_service_journey_and_from_in_hidden_fields(client):
    response = client.get(
        FEEDBACK_URL,
        {"service": "prison-visits", "journey": "book-a-visit", "from": "/prison-visits/"},
    )
    content = response.content.decode()
    assert hidden_value(content, "service") == "prison-visits"
    assert hidden_value(content, "journey") == "book-a-visit"
    assert hidden_value(content, "from") == "/prison-visits/"
    assert "Give feedback on Book a prison visit" in content


def test_the_feedback_page_works_out_the_service_from_the_page_it_came_from(client):
    response = client.get(FEEDBACK_URL, {"from": "/money-claims/"})
    assert hidden_value(response.content.decode(), "service") == "money-claims"


@pytest.mark.parametrize(
    "bad_from",
    [
        "//evil.example/",
        "https://evil.example/",
        "javascript:alert(1)",
        '/"><script>alert(1)</script>',
    ],
)
def test_the_feedback_page_drops_a_from_that_is_not_a_local_path(client, bad_from):
    response = client.get(FEEDBACK_URL, {"from": bad_from})
    content = response.content.decode()
    assert hidden_value(content, "from") == ""
    # The cookie banner's form sends the whole address back URL-encoded; nothing else may.
    assert "//evil.example" not in content
    assert "javascript:alert" not in content
    assert "<script>alert" not in content


def test_the_feedback_page_ignores_an_unknown_service(client):
    response = client.get(FEEDBACK_URL, {"service": "not-a-service"})
    assert hidden_value(response.content.decode(), "service") == ""
    assert "Give feedback</h1>" in response.content.decode()


def test_sending_feedback_saves_it_and_shows_the_thank_you_page(client):
    response = client.post(
        FEEDBACK_URL,
        {
            "rating": "4",
            "comment": "The dates were easy to choose.",
            "service": "",
            "journey": "book-a-visit",
            "from": "/prison-visits/?step=2",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == THANKS_URL + "?from=%2Fprison-visits%2F"
    saved = SatisfactionResponse.objects.get()
    assert saved.rating == SatisfactionResponse.Rating.SATISFIED
    assert saved.comment == "The dates were easy to choose."
    assert (saved.service, saved.journey, saved.page) == (
        "prison-visits",
        "book-a-visit",
        "/prison-visits/",
    )

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    content = thanks.content.decode()
    assert "Thank you for your feedback" in content
    assert (
        '<a class="govuk-link" href="/prison-visits/">Go back to the page you were on</a>'
        in content
    )


def test_sending_feedback_without_a_comment_is_fine(client):
    response = client.post(FEEDBACK_URL, {"rating": "1"})
    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    assert SatisfactionResponse.objects.get().comment == ""


def test_feedback_without_a_rating_shows_an_error_and_keeps_the_comment(client):
    response = client.post(
        FEEDBACK_URL,
        {
            "comment": "Too many <questions> & pages",
            "from": "/prison-visits/",
            "journey": "book-a-visit",
        },
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "<title>Error: " in content
    assert "There is a problem" in content
    assert 'href="#id_rating' in content
    assert content.count("Select how you felt about the service you received today") == 2
    assert "Too many &lt;questions&gt; &amp; pages</textarea>" in content
    assert hidden_value(content, "from") == "/prison-visits/"
    assert hidden_value(content, "journey") == "book-a-visit"
    assert not SatisfactionResponse.objects.exists()


def test_a_comment_over_1200_characters_is_refused_and_kept(client):
    comment = "x" * 1201
    response = client.post(FEEDBACK_URL, {"rating": "5", "comment": comment})

    assert response.status_code == 200
    content = response.content.decode()
    assert "<title>Error: " in content
    assert content.count("Your comments must be 1,200 characters or fewer") == 2
    assert f"{comment}</textarea>" in content
    assert re.search(r'value="5"\s*checked', content)
    assert "govuk-textarea--error" in re.search(r"<textarea[^>]*>", content).group(0)
    assert not SatisfactionResponse.objects.exists()


def test_a_comment_of_exactly_1200_characters_with_windows_line_breaks_is_accepted(client):
    comment = ("y" * 99 + "\r\n") * 11 + "y" * 100  # 1,211 sent; 1,200 counting each CRLF as one
    response = client.post(FEEDBACK_URL, {"rating": "3", "comment": comment})
    assert response.status_code == 302
    assert len(SatisfactionResponse.objects.get().comment) == 1200


@pytest.mark.parametrize("rating", ["0", "6", "very", ""])
def test_a_rating_that_is_not_one_of_the_options_is_refused(client, rating):
    response = client.post(FEEDBACK_URL, {"rating": rating})
    assert "Select how you felt about the service you received today" in response.content.decode()
    assert not SatisfactionResponse.objects.exists()


@pytest.mark.parametrize(
    "bad_from", ["//evil.example/", "javascript:alert(1)", "https://evil.example/x"]
)
def test_a_from_that_is_not_a_local_path_is_not_saved_or_linked(client, bad_from):
    response = client.post(FEEDBACK_URL, {"rating": "5", "from": bad_from})

    assert response["Location"] == THANKS_URL
    assert SatisfactionResponse.objects.get().page == ""


@pytest.mark.parametrize("bad_from", ["//evil.example/", "javascript:alert(1)", '/"><b>x</b>'])
def test_the_thank_you_page_links_only_to_local_paths(client, bad_from):
    content = client.get(THANKS_URL, {"from": bad_from}).content.decode()
    assert "//evil.example" not in content
    assert "javascript:" not in content
    assert "<b>x</b>" not in content
    assert '<a class="govuk-link" href="/">Go to the list of services</a>' in content


def test_feedback_needs_a_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = client.post(FEEDBACK_URL, {"rating": "5"})
    assert response.status_code == 403
    assert not SatisfactionResponse.objects.exists()


def test_feedback_is_rate_limited_per_address_and_keeps_what_was_typed(client, settings):
    settings.PERFORMANCE_FEEDBACK_RATE_LIMIT = "2/h"
    for _ in range(2):
        assert (
            client.post(FEEDBACK_URL, {"rating": "5"}, REMOTE_ADDR="198.51.100.9").status_code
            == 302
        )

    response = client.post(
        FEEDBACK_URL, {"rating": "5", "comment": "third time"}, REMOTE_ADDR="198.51.100.9"
    )

    assert response.status_code == 429
    content = response.content.decode()
    assert "<title>Error: " in content
    assert "You have sent feedback too many times. Try again later" in content
    assert "third time</textarea>" in content
    assert SatisfactionResponse.objects.count() == 2
    other = client.post(FEEDBACK_URL, {"rating": "5"}, REMOTE_ADDR="198.51.100.10")
    assert other.status_code == 302


def test_invalid_answers_do_not_use_up_the_rate_limit(client, settings):
    settings.PERFORMANCE_FEEDBACK_RATE_LIMIT = "1/h"
    for _ in range(3):
        client.post(FEEDBACK_URL, {"comment": "no rating"})
    assert client.post(FEEDBACK_URL, {"rating": "2"}).status_code == 302


def test_the_phase_banner_link_opens_the_feedback_page_for_that_service(client):
    page = client.get("/prison-visits/").content.decode()
    href = unescape(re.search(r'href="(/feedback/[^"]*)"', page).group(1))

    response = client.get(href)

    assert response.status_code == 200
    assert "Give feedback on Book a prison visit" in response.content.decode()
    assert hidden_value(response.content.decode(), "from") == "/prison-visits/"


def test_the_end_of_journey_prompt_links_to_feedback_about_this_journey():
    request = RequestFactory().get("/prison-visits/")
    request.resolver_match = resolve("/prison-visits/")
    template = Template(
        '{% include "performance/feedback_prompt.html" with feedback_journey="book-a-visit" %}'
    )

    html = template.render(Context({"request": request}))

    assert "What did you think of this service?</a> (takes 30 seconds)" in html
    href = unescape(re.search(r'href="([^"]*)"', html).group(1))
    assert href == "/feedback/?service=prison-visits&journey=book-a-visit&from=%2Fprison-visits%2F"


def test_the_end_of_journey_prompt_takes_an_explicit_service():
    request = RequestFactory().get("/somewhere/")
    html = Template(
        '{% include "performance/feedback_prompt.html" with feedback_service="lasting-power" %}'
    ).render(Context({"request": request}))
    href = unescape(re.search(r'href="([^"]*)"', html).group(1))
    assert href == "/feedback/?service=lasting-power&from=%2Fsomewhere%2F"
