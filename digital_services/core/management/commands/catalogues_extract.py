"""``manage.py catalogues_extract``: find every string marked for translation and add it to
the Welsh catalogue it belongs to (Django's ``makemessages -l cy``, sorted differently).

One catalogue per app (docs/welsh.md):

- a service app's (a top-level app with a ``service.py``: prison_visits, civil_claims...)
  strings, in ``<app>/`` and in its templates ``templates/<app>/``, go to
  ``<app>/locale/cy/LC_MESSAGES/django.po``. An app without a ``locale`` folder is not
  translated yet: its strings are left out (never put in the platform's catalogue);
- everything else (``digital_services/``, ``assisted_digital/``, the shared templates) goes
  to the platform's
  ``locale/cy/LC_MESSAGES/django.po``.

Needs GNU gettext (``xgettext``, ``msgmerge``), like ``makemessages``; compiling does not
(``catalogues_compile``). New strings arrive untranslated: the catalogue test then fails
until each has its Welsh (flagged ``fuzzy`` until a translator has reviewed it).
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.commands import makemessages

#: Never searched for strings: tools, tests, built files, documentation.
IGNORED = [
    ".venv*",
    "node_modules",
    "staticfiles",
    "tests",
    "docs",
    "bench",
    "deploy",
    "scripts",
    "*/migrations/*",
]


def service_apps() -> dict[str, Path]:
    """The services' apps (top-level, with a ``service.py``), by folder name."""
    root = Path(settings.BASE_DIR)
    found = {}
    for config in apps.get_app_configs():
        path = Path(config.path)
        if path.parent == root and (path / "service.py").exists():
            found[path.name] = path
    return found


class Command(makemessages.Command):
    help = (
        "Add new strings to the Welsh catalogues: one per service app, the rest to the platform's."
    )

    def handle(self, *args, **options):
        options.update(
            locale=["cy"],
            no_location=True,
            no_obsolete=True,
            ignore_patterns=[*options.get("ignore_patterns", []), *IGNORED],
        )
        return super().handle(*args, **options)

    def find_files(self, root):
        files = super().find_files(root)
        base = Path(settings.BASE_DIR)
        services = service_apps()
        platform_locale = str(base / "locale")
        kept = []
        for found in files:
            parts = Path(found.dirpath).resolve().relative_to(base).parts
            if parts[:1] == ("templates",):
                parts = parts[1:]
            app = parts[0] if parts else ""
            if app in services:
                locale = services[app] / "locale"
                if not locale.is_dir():
                    continue  # not translated yet
                found.locale_dir = str(locale)
            else:
                found.locale_dir = platform_locale
            kept.append(found)
        return kept
