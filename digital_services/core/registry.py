"""The service registry: how each service plugs into the platform.

A service app registers itself once, from its AppConfig.ready(), with its
name, its start page and a function that lists a user's cases. The start page
at / and "Your applications" read the registry, so adding a fifth service means
adding one app, not editing the platform.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.urls import reverse


@dataclass(frozen=True)
class CaseSummary:
    """One line on "Your applications": a case or a draft the user can go back to."""

    reference: str
    title: str
    status: str
    url: str
    updated_at: datetime | None = None
    is_draft: bool = False
    action_label: str = "View"


@dataclass(frozen=True)
class Service:
    slug: str
    name: str
    description: str
    start_url_name: str
    list_cases: Callable[..., Iterable[CaseSummary]] = field(default=lambda user: ())
    order: int = 100
    #: How long each record type keeps personal data, and what happens then
    #: (``digital_services.privacy.retention.RetentionRule``); run by the "retention" job.
    retention: tuple = ()
    #: ``export_user_data(user)``: a dict of everything the service holds about the user
    #: (for "Your data"), JSON-serialisable.
    export_user_data: Callable[..., dict] | None = None
    #: ``detach_user(user)``: unlink the user's cases from their account when it is
    #: deleted; cases the law says to keep stay for their declared period. Returns a count.
    detach_user: Callable[..., int] | None = None

    @property
    def start_url(self) -> str:
        return reverse(self.start_url_name)


_services: dict[str, Service] = {}
_case_sources: list[Callable[..., Iterable[tuple[str, CaseSummary]]]] = []


def service_register(service: Service) -> Service:
    """Add (or replace, for reloads in tests) a service in the registry."""
    _services[service.slug] = service
    return service


def case_source_register(source: Callable[..., Iterable[tuple[str, CaseSummary]]]) -> None:
    """A platform-level source of cases across services, such as journey drafts.

    ``source(user)`` yields ``(service_slug, CaseSummary)`` pairs.
    """
    if source not in _case_sources:
        _case_sources.append(source)


def services_list() -> list[Service]:
    return sorted(_services.values(), key=lambda s: (s.order, s.name))


def service_get(slug: str) -> Service:
    return _services[slug]


def cases_for_user(user) -> list[tuple[Service, list[CaseSummary]]]:
    """Every service with the user's cases in it, services without cases left out."""
    grouped: dict[str, list[CaseSummary]] = {
        s.slug: list(s.list_cases(user)) for s in services_list()
    }
    for source in _case_sources:
        for slug, case in source(user):
            grouped.setdefault(slug, []).append(case)
    result = []
    for service in services_list():
        cases = grouped.get(service.slug, [])
        if cases:
            # Drafts first, then the most recently updated; undated ones last.
            cases.sort(key=lambda c: c.updated_at.timestamp() if c.updated_at else float("-inf"))
            cases.reverse()
            cases.sort(key=lambda c: not c.is_draft)
            result.append((service, cases))
    return result


def service_for_namespace(namespace: str) -> Service | None:
    """The service whose URLs live under this namespace (for the header's service name)."""
    for service in _services.values():
        if service.start_url_name.split(":")[0] == namespace:
            return service
    return None
