"""No insecure direct object references: nobody sees or changes another citizen's things
by putting their id or token in a URL.

Journey URLs carry no draft id: each request finds the draft of its own user (or
browser session). Resume links and payment return URLs carry a secret token.
"""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from digital_services.journeys.models import Draft, ResumeLink
from tests.journeys.example import APPLY
from tests.journeys.helpers import APPLY_URL, date_data

from .world import CITIZEN_A, CITIZEN_B, World

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.quality.access.urls")]

SECRET_NAME = "Ann Secret"
SECRET_CHILD = "Secretchild"


def answer_as(client):
    """Answer the example journey up to check your answers, with a child."""
    client.post(APPLY_URL + "name/", {"full_name": SECRET_NAME})
    client.post(APPLY_URL + "date-of-birth/", date_data("date_of_birth", dt.date(1980, 8, 13)))
    client.post(APPLY_URL + "has-children/", {"has_children": "yes"})
    client.post(APPLY_URL + "children/add/", {"name": SECRET_CHILD, "age": "7"})
    client.post(APPLY_URL + "children/", {"add_another": "no"})
    client.post(APPLY_URL + "amount/", {"amount": "10", "interest_rate": "8"})
    visit = timezone.localdate() + dt.timedelta(days=10)
    client.post(APPLY_URL + "visit-date/", date_data("visit_date", visit))


@pytest.fixture
def world():
    return World(roles=(CITIZEN_A, CITIZEN_B))


@pytest.fixture
def owner_client(world):
    client = world.client(CITIZEN_A)
    answer_as(client)
    html = client.get(APPLY_URL + "check/").content.decode()
    assert SECRET_NAME in html and SECRET_CHILD in html  # the owner does see them
    return client


def anonymous_owner_client():
    client = Client()
    answer_as(client)
    assert Draft.objects.filter(user__isnull=True).count() == 1
    return client


JOURNEY_PAGES = [
    "",
    "name/",
    "check/",
    "children/",
    "children/1/",
    "children/1/remove/",
    "save/",
]


@pytest.mark.parametrize("page", JOURNEY_PAGES)
def test_another_citizen_never_sees_a_citizens_draft_answers(world, owner_client, page):
    other = world.client(CITIZEN_B)

    response = other.get(APPLY_URL + page, follow=True)

    html = response.content.decode()
    assert SECRET_NAME not in html
    assert SECRET_CHILD not in html


@pytest.mark.parametrize("page", JOURNEY_PAGES)
def test_another_browser_never_sees_an_anonymous_draft(page):
    anonymous_owner_client()

    response = Client().get(APPLY_URL + page, follow=True)

    html = response.content.decode()
    assert SECRET_NAME not in html
    assert SECRET_CHILD not in html


def test_another_citizen_cannot_change_or_remove_a_citizens_items(world, owner_client):
    other = world.client(CITIZEN_B)
    before = Draft.objects.get(user=world.user(CITIZEN_A)).answers

    change = other.post(APPLY_URL + "children/1/", {"name": "Changed", "age": "3"})
    remove = other.post(APPLY_URL + "children/1/remove/")
    submit = other.post(APPLY_URL + "check/")

    assert Draft.objects.get(user=world.user(CITIZEN_A)).answers == before
    assert remove.status_code == 404
    assert change.status_code in (302, 404)
    assert submit.status_code == 302 and "/check/" not in submit["Location"]
    assert not Draft.objects.filter(user=world.user(CITIZEN_B), answers__icontains="Changed")


def test_your_applications_lists_only_the_citizens_own_drafts(world, owner_client):
    other = world.client(CITIZEN_B)

    mine = owner_client.get("/accounts/your-applications/").content.decode()
    theirs = other.get("/accounts/your-applications/").content.decode()

    assert APPLY.title in mine
    assert APPLY.title not in theirs


def test_a_made_up_or_altered_resume_token_opens_nothing(world):
    token = world.resume_token(APPLY)
    altered = token[:-1] + ("A" if token[-1] != "A" else "B")
    other = world.client(CITIZEN_B)

    for bad in ("not-a-token", altered):
        get = other.get(f"{APPLY_URL}resume/{bad}/")
        post = other.post(f"{APPLY_URL}resume/{bad}/")
        assert (get.status_code, post.status_code) == (404, 404)
    assert not Draft.objects.filter(user=world.user(CITIZEN_B)).exists()


def test_a_used_resume_link_cannot_be_used_again_by_someone_else(world):
    token = world.resume_token(APPLY)
    assert Client().post(f"{APPLY_URL}resume/{token}/").status_code == 302

    response = world.client(CITIZEN_B).post(f"{APPLY_URL}resume/{token}/")

    assert response.status_code == 410
    assert not Draft.objects.filter(user=world.user(CITIZEN_B)).exists()
    assert ResumeLink.objects.get().status == ResumeLink.Status.USED


def test_a_made_up_payment_token_opens_nothing(world):
    world.payment  # noqa: B018 - a payment exists, just not under this token
    other = world.client(CITIZEN_B)

    assert other.get("/payments/return/made-up-token/").status_code == 404
    assert other.post("/payments/return/made-up-token/try-again/").status_code == 404


def test_another_signed_in_citizen_cannot_open_a_citizens_payment_return_page(world):
    payment = world.payment
    other = world.client(CITIZEN_B)

    response = other.get(f"/payments/return/{payment.return_token}/")

    assert response.status_code in (403, 404)
