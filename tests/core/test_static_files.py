"""The static files' storage keeps each file's URL once worked out (digital_services/core/
static_files.py), and works it out as whitenoise's manifest storage does."""

import json
import subprocess
import sys

import pytest
from whitenoise.storage import CompressedManifestStaticFilesStorage

from digital_services.core.static_files import StaticFilesStorage

from .test_settings import PRODUCTION_ENV, ROOT


@pytest.fixture
def storage(tmp_path):
    (tmp_path / "app.css").write_text("body{}")
    (tmp_path / "app.0123456789ab.css").write_text("body{}")
    (tmp_path / "staticfiles.json").write_text(
        json.dumps({"paths": {"app.css": "app.0123456789ab.css"}, "version": "1.1", "hash": "x"})
    )
    return StaticFilesStorage(location=str(tmp_path), base_url="/static/")


def test_a_url_is_the_manifests_and_is_worked_out_once(storage):
    plain = CompressedManifestStaticFilesStorage(location=storage.location, base_url="/static/")

    assert storage.url("app.css") == plain.url("app.css") == "/static/app.0123456789ab.css"
    storage.hashed_files["app.css"] = "app.changed.css"  # what a second look-up would find
    assert storage.url("app.css") == "/static/app.0123456789ab.css"
    assert storage.url("app.css", force=True) == "/static/app.changed.css"


def test_reading_the_manifest_again_forgets_the_urls(storage):
    storage.url("app.css")

    storage.hashed_files, storage.manifest_hash = storage.load_manifest()
    storage.hashed_files["app.css"] = "app.changed.css"

    assert storage.url("app.css") == "/static/app.changed.css"


def test_a_name_the_manifest_does_not_have_is_an_error_every_time(storage):
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("missing.css")
    assert "missing.css" not in storage._urls


def test_in_debug_the_url_is_the_plain_name_and_nothing_is_kept(storage, settings):
    settings.DEBUG = True
    assert storage.url("app.css") == "/static/app.css"
    assert storage._urls == {}


def test_production_settings_use_it_unless_told_otherwise():
    def backend(**extra):
        env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", **PRODUCTION_ENV, **extra}
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                "import digital_services.settings as s; "
                "print(s.STORAGES['staticfiles']['BACKEND'])",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    assert backend() == "digital_services.core.static_files.StaticFilesStorage"
    assert backend(DJANGO_DEBUG="true") == "django.contrib.staticfiles.storage.StaticFilesStorage"
