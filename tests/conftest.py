"""Fixtures shared by every test. App-specific fixtures live in tests/<app>/conftest.py."""

import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _isolated_cache(settings, worker_id):
    """Each xdist worker gets its own cache key prefix, cleared per test."""
    from django.core.cache import cache

    settings.CACHES["default"]["KEY_PREFIX"] = f"test-{worker_id}"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _locmem_email(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def citizen(django_user_model):
    return django_user_model.objects.create_user(email="citizen@example.com", password="a-long-password-1")
