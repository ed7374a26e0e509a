"""The download view: the owner, or staff with the permission for the case; nobody else."""

import uuid

import pytest
from django.core.files.storage import storages
from django.urls import reverse

from digital_services.audit.models import AuditEvent
from digital_services.documents.constants import DocumentKind
from digital_services.documents.services import document_store
from tests.tribunal_fees.factories import PaidFeeCaseFactory

from .conftest import sign_in

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n% Ann Smith's receipt\n%%EOF\n"


@pytest.fixture
def fee_case(citizen):
    return PaidFeeCaseFactory(user=citizen)


@pytest.fixture
def document(citizen, fee_case):
    return document_store(
        content=PDF,
        kind=DocumentKind.RECEIPT,
        content_type="application/pdf",
        filename="receipt-TF-ABC-123.pdf",
        owner=citizen,
        case=fee_case,
    )


def _url(document) -> str:
    return reverse("documents:download", args=[document.public_id])


def test_the_owner_downloads_their_document(client, citizen, document):
    response = sign_in(client, citizen, second_factor=False).get(_url(document))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="receipt-TF-ABC-123.pdf"'
    assert response["Content-Length"] == str(len(PDF))
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PDF
    assert not AuditEvent.objects.filter(action="document.downloaded").exists()


def test_another_citizen_gets_not_found(client, other_citizen, document):
    response = sign_in(client, other_citizen, second_factor=False).get(_url(document))
    assert response.status_code == 404
    assert b"Ann Smith" not in response.content


def test_someone_not_signed_in_is_sent_to_sign_in(client, document):
    response = client.get(_url(document))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_staff_with_the_permission_for_the_case_download_it_and_it_is_recorded(
    client, make_staff, document
):
    caseworker = make_staff("tribunal_fees.view_feecase")
    response = sign_in(client, caseworker).get(_url(document))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    event = AuditEvent.objects.get(action="document.downloaded")
    assert (event.actor, event.object_id, event.detail) == (
        caseworker,
        str(document.pk),
        {"kind": "receipt"},
    )


def test_staff_without_the_permission_for_the_case_get_not_found(client, make_staff, document):
    caseworker = make_staff("notifications.view_letterbatch")
    assert sign_in(client, caseworker).get(_url(document)).status_code == 404


def test_a_permission_without_being_staff_is_not_enough(client, citizen, make_staff, document):
    holder = make_staff("tribunal_fees.view_feecase")
    holder.is_staff = False
    holder.save()
    assert sign_in(client, holder).get(_url(document)).status_code == 404


def test_staff_are_asked_for_their_second_factor_first(client, make_staff, document):
    caseworker = make_staff("tribunal_fees.view_feecase")
    response = sign_in(client, caseworker, second_factor=False).get(_url(document))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:staff-second-factor"))
    assert not AuditEvent.objects.filter(action="document.downloaded").exists()


def test_a_document_of_no_case_needs_the_documents_permission(client, make_staff, citizen):
    document = document_store(
        content=PDF,
        kind=DocumentKind.UPLOAD,
        content_type="application/pdf",
        filename="evidence.pdf",
        owner=citizen,
    )
    without = make_staff("tribunal_fees.view_feecase")
    allowed = make_staff("documents.view_document", email="records@justice.example")

    assert sign_in(client, without).get(_url(document)).status_code == 404
    assert sign_in(client, allowed).get(_url(document)).status_code == 200


def test_an_unknown_document_is_not_found(client, citizen):
    url = reverse("documents:download", args=[uuid.uuid4()])
    assert sign_in(client, citizen, second_factor=False).get(url).status_code == 404


def test_a_document_whose_file_is_gone_is_not_found(client, citizen, document):
    storages["documents"].delete(document.storage_name)
    assert sign_in(client, citizen, second_factor=False).get(_url(document)).status_code == 404


def test_documents_are_downloaded_only(client, citizen, document):
    response = sign_in(client, citizen, second_factor=False).post(_url(document))
    assert response.status_code == 405
