"""The documents page and downloads: the owner (or an agent helping them) only; a GET
never makes anything; a document id opens only with its own LPA."""

import pytest
from django.urls import reverse

from digital_services.accounts.constants import ASSISTED_DIGITAL_AGENT
from digital_services.accounts.services import user_role_add
from digital_services.documents.models import Document
from lasting_power.documents import lpa_documents_generate
from lasting_power.tasks import lpa_documents_generate_task
from tests.accounts.factories import StaffUserFactory, UserFactory
from tests.assisted_digital.factories import ActiveSessionFactory, session_join
from tests.conftest import sign_in

from .factories import lpa_answered, lpa_completed

pytestmark = pytest.mark.django_db


def documents_url(lpa):
    return reverse("lasting_power:lpa-documents", args=[lpa.pk])


def download_url(lpa, document):
    return reverse("lasting_power:lpa-document-download", args=[lpa.pk, document.public_id])


@pytest.fixture
def lpa(db):
    return lpa_answered()


def test_the_page_offers_to_make_a_draft_and_a_get_makes_nothing(client, lpa):
    sign_in(client, lpa.user)
    response = client.get(documents_url(lpa))
    assert response.status_code == 200
    assert "Make a draft" in response.content.decode()
    assert not Document.objects.exists()


def test_asking_queues_the_task_and_the_page_says_they_are_being_made(
    client, lpa, django_capture_on_commit_callbacks, monkeypatch
):
    calls = []
    monkeypatch.setattr(lpa_documents_generate_task, "delay", lambda *args: calls.append(args))
    sign_in(client, lpa.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("lasting_power:lpa-documents-make", args=[lpa.pk]))
    assert response.status_code == 302 and response["Location"] == documents_url(lpa)
    assert calls == [(lpa.pk,)]
    assert "being made" in client.get(documents_url(lpa)).content.decode()


def test_made_documents_are_listed_and_download_as_pdf(client, lpa):
    [document] = lpa_documents_generate(lpa_id=lpa.pk)
    sign_in(client, lpa.user)
    page = client.get(documents_url(lpa)).content.decode()
    assert download_url(lpa, document) in page
    assert "draft to check, do not sign" in page
    response = client.get(download_url(lpa, document))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_an_lpa_not_created_yet_has_no_button(client):
    lpa = lpa_answered(stop_before="instructions")
    sign_in(client, lpa.user)
    page = client.get(documents_url(lpa)).content.decode()
    assert "once you have answered the questions" in page
    assert "Make a draft" not in page


def test_someone_else_gets_not_found_for_the_page_the_button_and_the_file(client, lpa):
    [document] = lpa_documents_generate(lpa_id=lpa.pk)
    sign_in(client, UserFactory())
    assert client.get(documents_url(lpa)).status_code == 404
    assert (
        client.post(reverse("lasting_power:lpa-documents-make", args=[lpa.pk])).status_code == 404
    )
    assert client.get(download_url(lpa, document)).status_code == 404


def test_a_document_id_opens_nothing_under_another_lpa_of_the_same_account(client, lpa):
    [document] = lpa_documents_generate(lpa_id=lpa.pk)
    other = lpa_answered(lpa.user, stop_before="attorneys")
    sign_in(client, lpa.user)
    assert client.get(download_url(other, document)).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, lpa):
    response = client.get(documents_url(lpa))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_the_button_is_post_only(client, lpa):
    sign_in(client, lpa.user)
    assert client.get(reverse("lasting_power:lpa-documents-make", args=[lpa.pk])).status_code == 405


def test_an_agent_in_an_assisted_session_downloads_the_citizens_documents(client):
    lpa = lpa_completed(notify=1)
    documents = lpa_documents_generate(lpa_id=lpa.pk)
    agent = StaffUserFactory()
    user_role_add(user=agent, role=ASSISTED_DIGITAL_AGENT)
    sign_in(client, agent, second_factor=True)
    assert client.get(download_url(lpa, documents[0])).status_code == 404  # no session yet
    session_join(client, ActiveSessionFactory(agent=agent, citizen=lpa.user))
    page = client.get(documents_url(lpa)).content.decode()
    assert "LP3: notice to person to notify 1" in page
    assert client.get(download_url(lpa, documents[1])).status_code == 200


def test_the_dashboard_and_the_lpa_page_lead_to_the_documents_and_signing_pages(client):
    done = lpa_completed()
    open_lpa = lpa_answered(done.user)
    sign_in(client, done.user)
    dashboard = client.get(reverse("lasting_power:dashboard")).content.decode()
    assert documents_url(open_lpa) in dashboard and documents_url(done) in dashboard
    assert reverse("lasting_power:lpa-signing-dates", args=[done.pk]) in dashboard
    detail = client.get(reverse("lasting_power:lpa-view", args=[done.pk])).content.decode()
    assert documents_url(done) in detail
