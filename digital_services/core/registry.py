"""The service registry: how each service plugs into the platform.

A service app declares itself once, in its ``service.py``, with ``service_register``:
its name and start page, where its URLs go, how to list a user's cases, the staff
roles it brings and their permissions, its demo users, its payment purposes and the
handler told when one of its payments finishes, its retention rules, its pages for
``make bench`` and who may open each of its pages. The platform reads everything from
here: the start page at /, "Your applications", the root URLconf, the roles and their
permissions (``service_roles_sync`` after every migrate), the demo users, the payments
hooks and the access-control matrix. So adding a service means adding one app folder
and one ``INSTALLED_APPS`` line, not editing the platform (docs/adding-a-service.md).

``service.py`` modules are found the way the admin finds ``admin.py``: every installed
app's ``service`` module is imported the first time the registry is read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from importlib import import_module

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
class Role:
    """A staff role a service brings: a Django group holding these permissions.

    ``permissions`` are "app_label.codename" (Django's or the model's Meta ones).
    Roles are defined in code: after every migrate (and flush) the group is created
    if missing and given any declared permission it lacks; permissions staff added
    by hand are kept.
    """

    name: str
    permissions: tuple[str, ...] = ()
    #: Where holders of the role land after signing in: their work queue, as a URL
    #: name ("admin:<app>_<model>_changelist"). Empty: the staff pages' index.
    staff_landing_url_name: str = ""


@dataclass(frozen=True)
class DemoUser:
    """A user ``manage.py seed_demo`` creates in development, holding ``role``."""

    email: str
    full_name: str
    role: str
    is_staff: bool = True


#: Who may open a page (``AccessRule.who``).
PUBLIC = "public"  # anyone, signed in or not
SIGNED_IN = "signed in"  # anyone signed in; visitors are sent to sign in
OWNER = "owner"  # only the signed-in person whose case it is; anyone else gets 404


@dataclass(frozen=True)
class AccessRule:
    """Who may open one of the service's URL patterns (read by the access matrix).

    ``who`` is ``PUBLIC``, ``SIGNED_IN``, ``OWNER``, or a permission
    ("app_label.codename") for a staff page: staff holding it get in, other signed-in
    people are refused, visitors are sent to sign in. ``post_only`` marks a view that
    only accepts POST (a GET gets 405), whose rule then applies to the POST.
    ``reference_lookup`` marks a page that finds a case by its reference: it must be
    rate limited. ``bearer_token`` says why the URL's argument itself grants access (a
    signed link only the sender was given), for a page anyone holding the URL may open.
    """

    who: str
    post_only: bool = False
    reference_lookup: bool = False
    bearer_token: str = ""
    note: str = ""


@dataclass(frozen=True)
class Service:
    slug: str
    name: str
    description: str
    start_url_name: str
    list_cases: Callable[..., Iterable[CaseSummary]] = field(default=lambda user: ())
    #: ``claim_cases(user=, email=)``: attach the cases sent without an account with this
    #: (now confirmed) email address to ``user``; returns how many it attached.
    claim_cases: Callable[..., int] = field(default=lambda *, user, email: 0)
    order: int = 100
    #: The Django app label; by default the namespace of ``start_url_name``.
    app_label: str = ""
    #: Where the service's URLconf (``<app>.urls``, with ``app_name``) is mounted, as
    #: "prison-visits/"; empty for a service whose pages are routed elsewhere.
    url_prefix: str = ""
    #: The staff roles this service brings, and what the administrator role may do here.
    roles: tuple[Role, ...] = ()
    administrator_permissions: tuple[str, ...] = ()
    demo_users: tuple[DemoUser, ...] = ()
    #: Payment purposes this service takes money for, and ``handler(payment=...)``,
    #: called after commit when one of its payments finishes.
    payment_purposes: tuple[str, ...] = ()
    payment_outcome: Callable[..., None] | None = None
    #: ``letter_enclosures(message)``: (file name, PDF bytes) printed behind one of the
    #: service's letters in its batch (an LPA's forms in the posted pack); None: none.
    letter_enclosures: Callable[..., list[tuple[str, bytes]]] | None = None
    #: How long each record type keeps personal data, and what happens then
    #: (``digital_services.privacy.retention.RetentionRule``); run by the "retention" job.
    retention: tuple = ()
    #: ``export_user_data(user)``: a dict of everything the service holds about the user
    #: ("Your data"; JSON-serialisable with DjangoJSONEncoder).
    export_user_data: Callable[..., dict] | None = None
    #: ``detach_user(user)``: unlink the user's cases from their account when it is
    #: deleted; cases the law says to keep stay for their declared period. Returns a count.
    detach_user: Callable[..., int] | None = None
    #: The permission that lets staff work on this service's cases ("app.view_case").
    #: Its holders also see the platform's queues about those cases: the letters we could
    #: not deliver (``notifications.selectors.returned_letters_for_staff``). Empty: none.
    staff_case_permission: str = ""
    #: ``staff_cases(user)``: the cases this member of staff may see, when that is fewer
    #: than all the service's cases (prison staff: their own prisons' visits). A queryset
    #: of one model; the platform's queues then show only what is about those cases.
    staff_cases: Callable[..., object] | None = None
    #: The module ``make bench`` reads for ``seed(*, scale, stdout)`` and ``PAGES``.
    bench: str = ""
    #: URL name (without the namespace) -> who may open it. Journey pages need no rule
    #: (the journey engine's own rule covers them), nor do admin pages.
    access: Mapping[str, AccessRule] = field(default_factory=dict, compare=False)

    @property
    def label(self) -> str:
        return self.app_label or self.namespace

    @property
    def namespace(self) -> str:
        return self.start_url_name.split(":")[0]

    @property
    def start_url(self) -> str:
        return reverse(self.start_url_name)

    @property
    def urlconf(self) -> str:
        from django.apps import apps

        return f"{apps.get_app_config(self.label).name}.urls"


_services: dict[str, Service] = {}
_case_sources: list[Callable[..., Iterable[tuple[str, CaseSummary]]]] = []
_discovered = False


def service_register(service: Service) -> Service:
    """Add (or replace, for reloads in tests) a service in the registry."""
    _services[service.slug] = service
    return service


def services_discover() -> None:
    """Import every installed app's ``service`` module (once), which registers it."""
    global _discovered
    if _discovered:
        return
    from django.apps import apps
    from django.utils.module_loading import module_has_submodule

    apps.check_apps_ready()
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "service"):
            import_module(f"{config.name}.service")
    _discovered = True


def case_source_register(source: Callable[..., Iterable[tuple[str, CaseSummary]]]) -> None:
    """A platform-level source of cases across services, such as journey drafts.

    ``source(user)`` yields ``(service_slug, CaseSummary)`` pairs.
    """
    if source not in _case_sources:
        _case_sources.append(source)


def services_list() -> list[Service]:
    services_discover()
    return sorted(_services.values(), key=lambda s: (s.order, s.name))


def service_get(slug: str) -> Service:
    services_discover()
    return _services[slug]


def service_for_app(app_label: str) -> Service | None:
    """The service an app is (None for the platform's own apps)."""
    return next((s for s in services_list() if s.label == app_label), None)


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


def cases_claim_for_user(*, user, email: str) -> int:
    """Every service attaches to ``user`` the cases sent without an account with ``email``.

    Call it only with an address the user has confirmed (see accounts/receivers.py), so a
    case goes only to someone who can read that address's mail. Returns how many.
    """
    if not email or user is None or not user.is_authenticated:
        return 0
    return sum(s.claim_cases(user=user, email=email) for s in services_list())


def service_for_namespace(namespace: str) -> Service | None:
    """The service whose URLs live under this namespace (for the header's service name)."""
    services_discover()
    for service in _services.values():
        if service.namespace == namespace:
            return service
    return None


def service_urlpatterns() -> list:
    """One ``path(url_prefix, include(<app>.urls))`` per service that has a prefix."""
    from django.urls import include, path

    return [
        path(service.url_prefix, include(service.urlconf))
        for service in services_list()
        if service.url_prefix
    ]


# Roles ------------------------------------------------------------------------------


def service_roles() -> list[tuple[Service, Role]]:
    return [(service, role) for service in services_list() for role in service.roles]


def service_roles_sync(*, using: str, administrator: str) -> None:
    """Create each service's roles (groups) and give them, and the administrator role,
    the permissions the services declare. Idempotent: get_or_create, add.

    Raises ``Permission.DoesNotExist`` for a declared permission no model defines.
    """
    from django.contrib.auth.models import Group, Permission

    def grant(group_name: str, permissions: Iterable[str]) -> None:
        group, _ = Group.objects.using(using).get_or_create(name=group_name)
        found = []
        for dotted in permissions:
            app_label, codename = dotted.split(".")
            found.append(
                Permission.objects.using(using).get(
                    content_type__app_label=app_label, codename=codename
                )
            )
        group.permissions.add(*found)

    for service in services_list():
        for role in service.roles:
            grant(role.name, role.permissions)
        if service.administrator_permissions:
            grant(administrator, service.administrator_permissions)
