"""Start-up refuses to run in production mode without its secrets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 60,
    "DATABASE_URL": "postgres://app@db.invalid:5432/app",
    "ALLOWED_HOSTS": "example.gov.uk",
    "REDIS_URL": "redis://redis.invalid:6379/0",
}


def _load_settings(env):
    base = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import digital_services.settings as s; print(s.DEBUG, s.SECURE_SSL_REDIRECT)",
        ],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_settings_refuse_to_start_without_a_required_variable(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _load_settings(env)
    assert result.returncode != 0
    assert "Missing required environment variables: " + missing in result.stderr


def test_settings_name_every_missing_variable_at_once():
    result = _load_settings({})
    assert result.returncode != 0
    assert "SECRET_KEY, DATABASE_URL, ALLOWED_HOSTS, REDIS_URL" in result.stderr


def test_settings_start_in_production_mode_when_all_are_set():
    result = _load_settings(PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]


def test_development_mode_needs_nothing_and_turns_https_off():
    result = _load_settings({"DJANGO_DEBUG": "true"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False"]


def test_production_mode_passes_the_deployment_checklist():
    result = subprocess.run(
        ["bash", "scripts/check_deploy.sh"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
