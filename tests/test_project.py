"""Project-wide facts: the committed assets match the pin, the layout of the design card."""

import json
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_committed_govuk_frontend_build_matches_the_package_json_pin():
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]["govuk-frontend"]
    built = (ROOT / "digital_services/static/govuk/VERSION").read_text().strip()
    assert built == pinned


def test_compiled_stylesheet_points_fonts_and_images_at_our_static_path():
    css = (ROOT / "digital_services/static/govuk/govuk.css").read_text()
    urls = set(re.findall(r"url\(\"?([^\")]+)\"?\)", css))
    assert urls, "no url() in the stylesheet"
    assert not [u for u in urls if u.startswith("/assets/")], "GOV.UK default /assets/ path left in"
    for url in urls:
        if url.startswith("data:"):
            continue
        assert (ROOT / "digital_services/static/govuk" / url).exists(), url


def test_the_top_level_layout_of_the_design_card_is_there():
    for name in [
        "manage.py",
        "pyproject.toml",
        "digital_services",
        "prison_visits",
        "civil_claims",
        "tribunal_fees",
        "lasting_power",
        "assisted_digital",
        "templates",
        "tests",
        "docker-compose.yml",
        "Makefile",
        "README.md",
        ".ci/run",
        "Dockerfile",
        ".env.example",
        "uv.lock",
    ]:
        assert (ROOT / name).exists(), name


def test_every_setting_the_code_reads_from_the_environment_is_documented():
    settings_src = (ROOT / "digital_services/settings.py").read_text()
    read = set(re.findall(r"env\.\w+\(\s*\"([A-Z][A-Z0-9_]+)\"", settings_src))
    gunicorn_src = (ROOT / "gunicorn.conf.py").read_text()
    read |= set(re.findall(r"os\.environ\.get\(\s*\"([A-Z][A-Z0-9_]+)\"", gunicorn_src))
    assert "GUNICORN_MAX_REQUESTS" in read
    documented = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read - documented == set()


def test_the_deployed_worker_listens_on_every_queue():
    from digital_services.notifications.constants import ALL_QUEUES

    compose = (ROOT / "docker-compose.yml").read_text()
    command = re.search(r"celery -A digital_services worker .*-Q ([\w,]+)", compose)
    assert command, "no worker command in docker-compose.yml"
    assert set(command.group(1).split(",")) == set(ALL_QUEUES)


MODULE_LINES_MAX = 600
NOT_MODULES_OF_OURS = {".git", ".venv", "node_modules", "migrations", "__pycache__"}


def test_no_module_is_over_600_lines():
    """A module that passes ~500 lines is split into a package along its seams (with an
    ``__init__`` that re-exports its public names); generated migrations are exempt."""
    too_long = {}
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in NOT_MODULES_OF_OURS and not d.startswith(".venv")]
        for name in files:
            if name.endswith(".py"):
                path = Path(folder, name)
                lines = len(path.read_text(encoding="utf-8").splitlines())
                if lines > MODULE_LINES_MAX:
                    too_long[path.relative_to(ROOT).as_posix()] = lines
    assert too_long == {}
