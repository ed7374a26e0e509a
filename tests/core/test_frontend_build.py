"""The committed GOV.UK Frontend build matches its sources (run `make frontend` after changes)."""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "digital_services" / "static"


def test_built_govuk_frontend_is_the_pinned_version():
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]["govuk-frontend"]
    assert (STATIC / "govuk" / "VERSION").read_text().strip() == pinned


def test_built_stylesheet_has_every_class_from_main_scss():
    source = (ROOT / "digital_services" / "frontend" / "main.scss").read_text()
    source = re.sub(r"//.*", "", source)
    # Nested "&__element" rules are rare here; top-level .app-* selectors must all be compiled.
    classes = set(re.findall(r"^\s*\.(app-[a-z0-9_-]+)", source, flags=re.MULTILINE))
    assert classes, "main.scss defines no .app- classes"
    css = (STATIC / "govuk" / "govuk.css").read_text()
    missing = sorted(c for c in classes if f".{c}" not in css)
    assert not missing, f"rebuild with `npm run build`: {missing}"


def test_built_stylesheet_finds_fonts_and_images_under_static():
    css = (STATIC / "govuk" / "govuk.css").read_text()
    urls = set(re.findall(r"url\(([^)]+)\)", css))
    assert urls
    for url in urls:
        url = url.strip("\"'")
        if url.startswith("data:"):
            continue
        assert not url.startswith("/"), f"{url} would not resolve under STATIC_URL"
        assert (STATIC / "govuk" / url).is_file(), url


def test_javascript_modules_imported_by_app_exist():
    app = (STATIC / "js" / "app.mjs").read_text()
    for module in re.findall(r'from "(\.[^"]+)"', app):
        assert (STATIC / "js" / module).resolve().is_file(), module
