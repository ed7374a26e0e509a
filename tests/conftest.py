"""Fixtures shared by every test. App-specific fixtures live in tests/<app>/conftest.py."""

import os
import uuid

import pytest


def pytest_configure(config):
    """Compile the translation catalogues that changed (the .mo files are not committed),
    so pages render in Welsh however the suite was started."""
    from pathlib import Path

    from digital_services.core.catalogues import catalogues_compile

    catalogues_compile(Path(__file__).resolve().parents[1])


@pytest.fixture(autouse=True)
def _reference_data_after_a_serialized_rollback(request):
    """Roles, fee tables and other migrated reference rows for a transactional test.

    A test with ``serialized_rollback=True`` ends with a flush that skips post_migrate
    (Django reloads its snapshot only at the start of the next such test), so a plain
    transactional test after it found no roles at all. Put them back as a flush would."""
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or (
        marker is not None and marker.kwargs.get("transaction")
    )
    if not transactional or (marker is not None and marker.kwargs.get("serialized_rollback")):
        return
    request.getfixturevalue("transactional_db")
    from django.contrib.auth.models import Group
    from django.core.management.sql import emit_post_migrate_signal

    if not Group.objects.exists():
        emit_post_migrate_signal(verbosity=0, interactive=False, db="default")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _isolated_cache(settings):
    """Each xdist worker gets its own Redis database for the cache, cleared per test.

    (cache.clear() flushes a whole Redis database, so workers must not share one;
    database 0 is left to the Celery broker.) A run without xdist keeps the database
    REDIS_URL names, unless that is 0, so separate runs can be kept apart too.
    """
    from django.core.cache import cache

    worker = os.environ.get("PYTEST_XDIST_WORKER")
    default = settings.CACHES["default"]
    location = default.get("LOCATION", "")
    if location.startswith("redis://"):
        base, _, configured = location.rpartition("/")
        if worker is None and configured.isdigit() and configured != "0":
            index = int(configured)
        else:
            index = 1 + int((worker or "gw0").removeprefix("gw") or 0) % 15
        settings.CACHES = {"default": {**default, "LOCATION": f"{base}/{index}"}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A Welsh page leaves Welsh active in the thread (LocaleMiddleware activates the page's
    language and nothing switches it back), so every test starts in the default language."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _locmem_email(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def _documents_in_a_temporary_directory(settings, tmp_path):
    """Stored documents (letters, receipts...) go to a place of the test's own: a prefix
    of its own in the S3 bucket when the environment names one (``make test`` starts
    moto's S3 server: scripts/services.sh), else a temporary directory."""
    documents = settings.STORAGES["documents"]
    if documents["BACKEND"] == "storages.backends.s3.S3Storage":
        from tests.documents.s3 import s3_bucket_ensure

        s3_bucket_ensure(documents["OPTIONS"])
        prefix = f"tests/{uuid.uuid4().hex}"
        options = {**documents["OPTIONS"], "location": prefix}
        settings.STORAGES = {**settings.STORAGES, "documents": {**documents, "OPTIONS": options}}
        return
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "documents"},
        },
    }


@pytest.fixture
def citizen(django_user_model):
    return django_user_model.objects.create_user(
        email="citizen@example.com", password="a-long-password-1"
    )


@pytest.fixture
def superuser_client(client, django_user_model):
    """The test client signed in as a superuser with their second factor: every staff page."""
    user = django_user_model.objects.create_superuser(
        email="superuser@example.com", password="a-long-password-1"
    )
    return sign_in(client, user, second_factor=True)


def sign_in(client, user, *, second_factor: bool = False):
    """Sign ``user`` in on ``client``; with ``second_factor`` as allauth records a TOTP code.

    Staff pages (/admin/, /assisted-digital/) open only after a second factor.
    """
    import time

    client.force_login(user)
    if second_factor:
        session = client.session
        now = time.time()
        session["account_authentication_methods"] = [
            {"method": "password", "at": now, "email": user.email},
            {"method": "mfa", "type": "totp", "at": now},
        ]
        session["account_authentication_methods_user"] = str(user.pk)
        session.save()
    return client


# Real-browser fixtures for every folder (see tests/browser_support.py).
from tests.browser_support import (  # noqa: E402, F401
    _static_files_without_manifest,
    browser,
    browser_context,
    browser_context_args,
    browser_sign_in,
    chromium_executable,
    page,
)
