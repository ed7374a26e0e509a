"""Documents in an S3 bucket, against a real S3 API (moto's server mode): upload,
download, presigned URLs, deletion by the service and by the retention job."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import urllib.request
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.core.files.storage import storages

from digital_services.documents.constants import DocumentKind
from digital_services.documents.services import (
    document_delete,
    document_read,
    document_store,
    document_url_presigned,
)
from digital_services.privacy.retention import retention_run
from tests.conftest import sign_in

from .s3 import moto_server_start, s3_bucket_ensure, s3_client

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n% Ann Smith's receipt\n%%EOF\n"
BUCKET = "documents-test"


@pytest.fixture(scope="module")
def s3_endpoint():
    """The S3 server ``make test`` started (DOCUMENTS_S3_ENDPOINT_URL), or one of our own."""
    endpoint = os.environ.get("DOCUMENTS_S3_ENDPOINT_URL")
    if endpoint:
        yield endpoint
        return
    server, endpoint = moto_server_start()
    yield endpoint
    server.stop()


@pytest.fixture
def s3_options(settings, s3_endpoint, monkeypatch):
    """The documents storage is the bucket, under a prefix of this test's own."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", os.environ.get("AWS_ACCESS_KEY_ID", "testing"))
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", os.environ.get("AWS_SECRET_ACCESS_KEY", "testing"))
    options = {
        "bucket_name": os.environ.get("DOCUMENTS_S3_BUCKET", BUCKET),
        "endpoint_url": s3_endpoint,
        "region_name": "eu-west-2",
        "location": f"tests/{uuid.uuid4().hex}",
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 60,
        "file_overwrite": True,
        "signature_version": "s3v4",
        "addressing_style": "path",
    }
    s3_bucket_ensure(options)
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
    }
    return options


def _object_key(options, document):
    return f"{options['location']}/{document.storage_name}"


def _store(**kwargs):
    return document_store(
        **{
            "content": PDF,
            "kind": DocumentKind.RECEIPT,
            "content_type": "application/pdf",
            "filename": "receipt.pdf",
            **kwargs,
        }
    )


def test_a_stored_document_is_an_object_in_the_bucket_and_not_on_disk(
    s3_options, citizen, settings
):
    document = _store(owner=citizen)

    stored = s3_client(s3_options).get_object(
        Bucket=s3_options["bucket_name"], Key=_object_key(s3_options, document)
    )
    assert stored["Body"].read() == PDF
    assert document_read(document=document) == PDF
    assert not (settings.BASE_DIR / "documents-store" / document.storage_name).exists()


def test_objects_are_private_to_the_bucket_owner(s3_options):
    document = _store()

    acl = s3_client(s3_options).get_object_acl(
        Bucket=s3_options["bucket_name"], Key=_object_key(s3_options, document)
    )
    grantees = {grant["Grantee"].get("URI") for grant in acl["Grants"]}
    assert "http://acs.amazonaws.com/groups/global/AllUsers" not in grantees
    assert [grant["Permission"] for grant in acl["Grants"]] == ["FULL_CONTROL"]


def test_the_owner_downloads_through_the_view_that_checks_access(
    s3_options, client, citizen, django_user_model
):
    document = _store(owner=citizen)
    url = f"/documents/{document.public_id}/"

    someone_else = django_user_model.objects.create_user(
        email="someone.else@example.com", password="a-long-password-1"
    )
    assert sign_in(client, someone_else).get(url).status_code == 404

    response = sign_in(client, citizen).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"


def test_with_presigned_downloads_the_view_redirects_to_a_short_lived_signed_url(
    s3_options, client, citizen, settings
):
    settings.DOCUMENTS_PRESIGNED_URL_SECONDS = 60
    document = _store(owner=citizen, filename="Ann's receipt.pdf")

    response = sign_in(client, citizen).get(f"/documents/{document.public_id}/")

    assert response.status_code == 302
    location = response["Location"]
    query = parse_qs(urlsplit(location).query)
    assert location.startswith(s3_options["endpoint_url"])
    assert query["X-Amz-Expires"] == ["60"]
    assert query["X-Amz-Signature"]
    assert "no-store" in response["Cache-Control"]
    assert citizen.email not in location
    with urllib.request.urlopen(location, timeout=10) as fetched:  # noqa: S310 (loopback moto)
        assert fetched.read() == PDF
        assert fetched.headers["Content-Type"] == "application/pdf"
        assert fetched.headers["Content-Disposition"].startswith("attachment;")
        assert "receipt.pdf" in fetched.headers["Content-Disposition"]


def test_a_presigned_url_expires_when_asked(s3_options):
    document = _store()

    url = document_url_presigned(document=document, seconds=30)

    assert parse_qs(urlsplit(url).query)["X-Amz-Expires"] == ["30"]


def test_presigned_urls_need_a_storage_that_signs(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path},
        },
    }
    document = _store()
    with pytest.raises(NotImplementedError):
        document_url_presigned(document=document, seconds=30)


def test_deleting_a_document_deletes_its_object_once_committed(
    s3_options, django_capture_on_commit_callbacks
):
    document = _store()
    name = document.storage_name

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document_delete(document=document)
    assert storages["documents"].exists(name)  # kept until the delete commits

    for callback in callbacks:
        callback()
    assert not storages["documents"].exists(name)
    listed = s3_client(s3_options).list_objects_v2(
        Bucket=s3_options["bucket_name"], Prefix=s3_options["location"]
    )
    assert listed.get("KeyCount", 0) == 0


def test_retention_deletes_the_objects_too(s3_options, django_capture_on_commit_callbacks):
    with time_machine.travel(dt.datetime(2026, 11, 25, 9, tzinfo=dt.UTC), tick=False):
        expired = _store(kind="letter_batch", delete_after=dt.date(2026, 12, 1))
        kept = _store()

    with time_machine.travel(dt.datetime(2026, 12, 2, 3, 15, tzinfo=dt.UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            counts = retention_run(keys={"documents.files"})

    assert counts["documents.files"] == 1
    keys = {
        item["Key"]
        for item in s3_client(s3_options)
        .list_objects_v2(Bucket=s3_options["bucket_name"], Prefix=s3_options["location"])
        .get("Contents", [])
    }
    assert keys == {_object_key(s3_options, kept)}
    assert _object_key(s3_options, expired) not in keys


@pytest.mark.parametrize(
    ("environment", "backend"),
    [
        ({"DOCUMENTS_S3_BUCKET": "moj-documents"}, "storages.backends.s3.S3Storage"),
        ({"DOCUMENTS_S3_BUCKET": ""}, "django.core.files.storage.FileSystemStorage"),
    ],
)
def test_the_environment_chooses_the_bucket_or_the_local_disk(environment, backend):
    """Production reads the bucket from the environment; `make run` keeps the disk."""
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        "d = settings.STORAGES['documents']; print(json.dumps([d['BACKEND'], "
        "d['OPTIONS'].get('bucket_name'), d['OPTIONS'].get('endpoint_url'), "
        "d['OPTIONS'].get('region_name'), settings.STORAGES['default']['BACKEND']]))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "digital_services.settings",
        "DOCUMENTS_S3_ENDPOINT_URL": "",
        "DOCUMENTS_S3_REGION": "eu-west-2",
        **environment,
    }
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    import json

    chosen, bucket, endpoint, region, default = json.loads(result.stdout.strip().splitlines()[-1])
    assert chosen == backend
    assert default == backend  # nothing else is written to local disk either
    if backend.endswith("S3Storage"):
        assert (bucket, endpoint, region) == ("moj-documents", None, "eu-west-2")
