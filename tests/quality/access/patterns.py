"""Every URL pattern of a URLconf, flattened: full route, namespaced name, view, extra kwargs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver

#: ``<int:pk>`` or ``<pk>`` in a path() route.
CONVERTER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass(frozen=True)
class UrlPattern:
    route: str  # "payments/return/<str:token>/" (regex routes keep their regex text)
    name: str | None  # "payments:return", or None for an unnamed pattern
    callback: object = field(compare=False, repr=False)
    default_args: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def label(self) -> str:
        return f"{self.route!r} ({self.name or 'no name'})"

    @property
    def is_regex(self) -> bool:
        return "^" in self.route or "(?P<" in self.route

    @property
    def view_module(self) -> str:
        callback = self.callback
        for attr in ("view_class", "cls"):
            if hasattr(callback, attr):
                return getattr(callback, attr).__module__
        return getattr(callback, "__module__", "")

    def url(self, **kwargs) -> str:
        """A concrete path for a path() route: each ``<converter:name>`` replaced from kwargs."""
        if self.is_regex:
            raise ValueError(f"{self.label} is a regex: its matrix entry must build the URL")

        def substitute(match):
            return str(kwargs[match.group("name")])

        return "/" + CONVERTER.sub(substitute, self.route)


def url_patterns(urlconf: str | None = None) -> list[UrlPattern]:
    """Every pattern reachable from ``urlconf`` (the project's by default), depth first."""
    found: list[UrlPattern] = []

    def walk(resolver, prefix: str, namespaces: tuple[str, ...], default_args: dict):
        for entry in resolver.url_patterns:
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                ns = namespaces + ((entry.namespace,) if entry.namespace else ())
                walk(entry, route, ns, {**default_args, **entry.default_kwargs})
            elif isinstance(entry, URLPattern):
                name = ":".join((*namespaces, entry.name)) if entry.name else None
                found.append(
                    UrlPattern(
                        route=route,
                        name=name,
                        callback=entry.callback,
                        default_args={**default_args, **entry.default_args},
                    )
                )

    walk(get_resolver(urlconf), "", (), {})
    return found
