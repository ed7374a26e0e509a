"""Every citizen-facing page and every registered journey."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver
from django.urls import reverse as django_reverse

from digital_services.accounts.middleware import STAFF_PATH_PREFIXES
from digital_services.journeys.definitions import Journey
from digital_services.journeys.definitions import journeys_list as registered_journeys

# Paths for machines, not people: load balancers, GOV.UK Notify and GOV.UK Pay callbacks.
MACHINE_PATH_WORDS = ("healthz", "callback", "webhook", "download")  # download: a file
EXCLUDED_PATH_PREFIXES = (*STAFF_PATH_PREFIXES, "/static/", "/media/")


# Pages ------------------------------------------------------------------------------


def _patterns(patterns, prefix: str = "", default_args: dict | None = None) -> Iterable:
    for entry in patterns:
        regex = entry.pattern.regex
        route = str(entry.pattern)
        if regex.groups:  # needs an argument (a token, an id): not discoverable
            continue
        route = route.removeprefix("^").removesuffix("$")
        if isinstance(entry, URLResolver):
            yield from _patterns(
                entry.url_patterns, prefix + route, {**(default_args or {}), **entry.default_kwargs}
            )
        elif isinstance(entry, URLPattern):
            yield prefix + route, {**(default_args or {}), **entry.default_args}, entry


def page_paths(urlconf: str | None = None) -> list[str]:
    """Every GET page a citizen can open without knowing an id, in URL order.

    A page that answers POST only, or needs signing in, is still listed: the tests find
    that out when they open it (405, or a redirect to sign in).
    """
    paths = []
    for route, default_args, _pattern in _patterns(get_resolver(urlconf).url_patterns):
        path = "/" + route
        if path.startswith(EXCLUDED_PATH_PREFIXES):
            continue
        if any(word in path for word in MACHINE_PATH_WORDS):
            continue
        if "journey" in default_args:  # walked, with a draft, by the journey tests
            continue
        if path not in paths:
            paths.append(path)
    return paths


# Journeys ---------------------------------------------------------------------------


def journey_url(journey: Journey, name: str, urlconf: str | None = None, **kwargs) -> str:
    return django_reverse(
        f"{journey.namespace()}:{journey.slug}-{name}", urlconf=urlconf, kwargs=kwargs or None
    )


def journey_is_test_only(journey: Journey) -> bool:
    return getattr(journey.submit, "__module__", "").startswith("tests.")


def journeys_list(urlconf: str | None = None) -> list[Journey]:
    """Every registered journey a citizen can reach, plus any service journey that has no
    URLs (its test then fails, saying so). Test-only journeys that other test modules
    registered without routing them here are left out."""
    get_resolver(urlconf).url_patterns  # noqa: B018 - importing every urls.py registers its journeys
    found = []
    for journey in registered_journeys():
        try:
            journey_url(journey, "start", urlconf)
        except (NoReverseMatch, KeyError):
            if journey_is_test_only(journey):
                continue
        found.append(journey)
    return found
