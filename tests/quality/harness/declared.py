"""Pages a service declares for the quality walks because neither discovery nor the journey
walker can reach them.

``page_paths`` finds pages that need no URL argument, and ``JourneyWalker`` walks the
platform's journey views. A service that keeps its questions on rows of its own (an LPA:
many per account, one URL per LPA) has pages that take an id and are not journey views.
It declares them, with what citizen A owns, in its test package: ``tests/<app label>/walks.py``
(what a citizen owns is the service's tests' business, as in ``tests/<app>/access.py``):

- ``CASES``: name -> ``make(user)``, a case of that user's, made through the services;
- ``PAGES``: ``DeclaredPage``s, in the order a person meets them, each on one case;
- ``NOT_WALKED``: URL name -> why the walks leave that page out (a file, a redirect).

tests/quality/a11y walks every declared page in Chromium (and sends each question empty);
tests/quality/bad_input sends each question's example answer, then bad input. A page of the
service (a URL name in its URLconf that takes an argument, not POST-only in its ``access``)
that no declared page reaches and ``NOT_WALKED`` does not name fails ``declared_gaps``, so
a new page cannot be added without the gates seeing it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from types import ModuleType

from django.urls import URLPattern, resolve


@dataclass(frozen=True)
class DeclaredPage:
    """One page on one of the service's ``CASES``.

    ``answer``: valid POST data for the page's form (a question); the bad-input walk
    checks it is accepted, then uses it as the baseline. ``None``: the page is looked at
    only, and its form (if any) is a button with no fields ("Yes, remove them").
    ``same_form_as``: the key of another declared page with the same form, which the
    bad-input walk attacks instead (so one form is not attacked twice).
    """

    key: str
    case: str
    path: Callable[[object], str]
    answer: dict | Callable[[object], dict] | None = None
    same_form_as: str = ""

    def answer_for(self, case) -> dict | None:
        return self.answer(case) if callable(self.answer) else self.answer


def declared_module(service) -> ModuleType | None:
    """``tests/<app label>/walks.py`` of a registry ``Service``, or None."""
    name = f"tests.{service.label}.walks"
    try:
        return import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name not in (name, f"tests.{service.label}"):
            raise
        return None


def declaring_services() -> list:
    from digital_services.core.registry import services_list

    return [s for s in services_list() if declared_module(s) is not None]


def declared_pages() -> list[tuple[object, DeclaredPage]]:
    """(service, page) for every declared page of every service, in declared order."""
    found = []
    for service in declaring_services():
        pages = declared_module(service).PAGES
        keys = [page.key for page in pages]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        assert not duplicates, f"{service.slug}: declared page keys used twice: {duplicates}"
        found += [(service, page) for page in pages]
    return found


def declared_case_make(service, name: str, user):
    return declared_module(service).CASES[name](user)


def _names_with_arguments(service) -> list[str]:
    """URL names of the service's own URLconf whose pattern takes an argument."""
    return [
        entry.name
        for entry in import_module(service.urlconf).urlpatterns
        if isinstance(entry, URLPattern) and entry.name and entry.pattern.regex.groups
    ]


def declared_gaps(service, reached_paths: list[str], urlconf: str | None = None) -> list[str]:
    """The service's GET pages with arguments that no declared page reaches (by URL name)
    and ``NOT_WALKED`` does not name."""
    module = declared_module(service)
    reached = set()
    for path in reached_paths:
        match = resolve(path.split("?")[0], urlconf)
        if match.namespace == service.namespace:
            reached.add(match.url_name)
    not_walked = getattr(module, "NOT_WALKED", {})
    return [
        name
        for name in _names_with_arguments(service)
        if not getattr(service.access.get(name), "post_only", False)
        and name not in reached
        and name not in not_walked
    ]
