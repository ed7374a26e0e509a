"""Admin rows: the generated admin pages and the custom admin pages, from the groups' permissions."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from tests.quality.queries.seed import SEEDERS

from ..patterns import UrlPattern
from ..world import (
    ANONYMOUS,
    CITIZEN_A,
    STAFF,
    World,
)
from .outcomes import ALLOW, ALLOW_OR_DENY, DENY, LOGIN, Entry, Outcome, everyone

# Admin ------------------------------------------------------------------------------

#: The permissions each role's group holds, as "app_label.codename", read from the
#: database: accounts.constants.ROLE_PERMISSIONS (the data migration) plus what each
#: service's migrations grant. The admin rule expects a model's pages to open to a
#: role exactly when these allow it; ``test_staff.py`` checks the policy they must
#: follow (constants honoured, citizens none, caseworkers only their own service).
#: Nothing to edit here when a service grants its caseworkers permissions, unless
#: its admin asks for custom ones (``ADMIN_CUSTOM_PERMISSIONS``).
_permissions_cache: dict[str, frozenset[str]] = {}


def admin_permissions(role: str) -> frozenset[str]:
    from django.contrib.auth.models import Group

    from ..world import ROLE_GROUPS

    if role not in _permissions_cache:
        group = ROLE_GROUPS[role]
        _permissions_cache[role] = (
            permissions_held(Group.objects.get(name=group)) if group else frozenset()
        )
    return _permissions_cache[role]


def admin_permissions_forget() -> None:
    """Read the groups again (each test has its own database transaction)."""
    _permissions_cache.clear()


MODEL_ACTIONS = ("changelist", "add", "change", "delete", "history")


class _Superuser:
    """Stands in for a superuser: what a ModelAdmin allows anyone at all (read-only admins)."""

    is_active = is_staff = is_superuser = is_authenticated = True
    pk = id = 0

    def has_perm(self, perm, obj=None):
        return True

    def has_perms(self, perms, obj=None):
        return True

    def has_module_perms(self, app_label):
        return True


def _model_admin_allows(model_admin, action: str) -> bool:
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = _Superuser()
    if action in ("changelist", "change", "history"):
        return model_admin.has_view_or_change_permission(request)
    if action == "add":
        return model_admin.has_add_permission(request)
    return model_admin.has_delete_permission(request)


#: Admins that ask for another permission than Django's ``<action>_<model>`` ones,
#: by model label and action ("view", "add", "change", "delete"): any one of these.
ADMIN_CUSTOM_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "assisted_digital.AssistedSession": {"view": ("assisted_digital.view_all_sessions",)},
    "assisted_digital.SubmissionRecord": {"view": ("assisted_digital.view_all_sessions",)},
}


def _returned_letters_permissions() -> tuple[str, ...]:
    """The queue of letters we could not deliver opens to administrators and to the
    caseworkers of every service through the permission it declares for its cases."""
    from digital_services.core.registry import services_list

    return (
        "notifications.view_returnedletter",
        *(s.staff_case_permission for s in services_list() if s.staff_case_permission),
    )


def _custom_permissions(label: str) -> dict[str, tuple[str, ...]]:
    if label == "notifications.ReturnedLetter":
        either = _returned_letters_permissions()
        return {"view": either, "change": either}
    return ADMIN_CUSTOM_PERMISSIONS.get(label, {})


def _role_may(role: str, model, action: str) -> bool:
    opts = model._meta
    perms = admin_permissions(role)
    custom = _custom_permissions(opts.label)

    def has(codename_action: str) -> bool:
        if codename_action in custom:
            return any(p in perms for p in custom[codename_action])
        return f"{opts.app_label}.{codename_action}_{opts.model_name}" in perms

    if action in ("changelist", "change", "history"):
        return has("view") or has("change")
    return has(action)


def staff_admin_outcomes(allowed: Callable[[str], bool]) -> dict[str, Outcome]:
    """An admin page: anonymous to sign in, citizens refused, staff by ``allowed(role)``."""
    outcomes = everyone(DENY)
    outcomes[ANONYMOUS] = LOGIN
    for role in STAFF:
        outcomes[role] = ALLOW if allowed(role) else DENY
    return outcomes


def _admin_models_by_name() -> dict[str, tuple[type, str]]:
    """``admin:<app>_<model>_<action>`` -> (model, action) for every registered model."""
    found = {}
    for model in admin.site._registry:
        for action in MODEL_ACTIONS:
            found[f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}"] = (
                model,
                action,
            )
    return found


def _admin_object_url(model, action: str):
    def build(world: World, pattern: UrlPattern) -> str:
        from tests.quality.queries.seed import any_row_pk

        pk = any_row_pk(model)
        if pk is None:
            pk = 999_999_999  # no seeder and no row: the page says it does not exist
        if action in ("object", "custom"):
            return pattern.url(object_id=pk)
        return reverse(pattern.name, args=[pk])

    return build


def _app_list_url(app_label: str):
    return lambda world, pattern: reverse("admin:app_list", kwargs={"app_label": app_label})


def admin_entry(pattern: UrlPattern) -> Entry | None:
    """The rule for the admin's own and generated pages; None for anything custom."""
    if not pattern.route.startswith("admin/"):
        return None
    name = pattern.name
    models_by_name = _admin_models_by_name()
    if name in models_by_name:
        model, action = models_by_name[name]
        model_admin = admin.site._registry[model]
        if not _model_admin_allows(model_admin, action):
            outcomes = staff_admin_outcomes(lambda role: False)
        else:
            outcomes = staff_admin_outcomes(lambda role: _role_may(role, model, action))
        url = None if action in ("changelist", "add") else _admin_object_url(model, action)
        if url is not None:
            # A ModelAdmin may narrow its rows to the staff member's own cases (prison
            # visits: their prisons; test_prison_caseworkers.py checks that), so a
            # permitted role may find the seeded row "does not exist". Refusals stay exact.
            outcomes = {
                r: ALLOW_OR_DENY if o == ALLOW and r in STAFF else o for r, o in outcomes.items()
            }
        if url is not None and model._meta.label not in SEEDERS:
            # No seeder, maybe no row: Django's history page redirects staff to the
            # admin index for a missing object before asking about permissions, and
            # others answer 404. Add a seeder (queries/seed.py) to make these exact.
            outcomes = {
                role: ALLOW_OR_DENY if role in STAFF else outcome
                for role, outcome in outcomes.items()
            }
        return Entry(get=outcomes, url=url)
    if name is None and pattern.route.endswith("<path:object_id>/"):
        # The bare object URL only redirects to its change page, for any staff.
        model = next(
            (
                m
                for m in admin.site._registry
                if pattern.route
                == f"admin/{m._meta.app_label}/{m._meta.model_name}/<path:object_id>/"
            ),
            None,
        )
        if model is None:
            return None
        return Entry(
            get=staff_admin_outcomes(lambda role: True), url=_admin_object_url(model, "object")
        )
    site_pages = {
        "admin:index": Entry(get=staff_admin_outcomes(lambda role: True)),
        "admin:password_change": Entry(get=staff_admin_outcomes(lambda role: True)),
        "admin:password_change_done": Entry(get=staff_admin_outcomes(lambda role: True)),
        "admin:jsi18n": Entry(get=staff_admin_outcomes(lambda role: True)),
        # Without its query parameters the autocomplete refuses everyone.
        "admin:autocomplete": Entry(get=staff_admin_outcomes(lambda role: False)),
        # The admin's sign-in page is only a redirect to the site's sign-in (with the
        # second factor); it refuses citizens.
        "admin:login": Entry(
            get={**everyone(DENY), ANONYMOUS: LOGIN, **{role: LOGIN for role in STAFF}},
            csrf_answered_by_middleware="StaffSecondFactorMiddleware redirects every request "
            "for the admin's sign-in page to the site's sign-in page: nothing is done",
        ),
        # Django's admin log-out is POST only (GET: 405); a POST signs anyone out.
        "admin:logout": Entry(get=everyone(ALLOW), post=everyone(ALLOW)),
    }
    if name in site_pages:
        return site_pages[name]
    if name == "admin:view_on_site":
        # "View on site" needs a model with get_absolute_url; a user has none: 404.
        return Entry(
            get=staff_admin_outcomes(lambda role: False),
            url=lambda world, pattern: pattern.url(
                content_type_id=ContentType.objects.get_for_model(world.user(CITIZEN_A)).pk,
                object_id=world.user(CITIZEN_A).pk,
            ),
        )
    if name == "admin:app_list":
        return None  # one entry per app label: see ``admin_app_list_entries``
    if name is None and pattern.route == "admin/(?P<url>.*)$":
        return Entry(
            get=staff_admin_outcomes(lambda role: False),
            url=lambda world, pattern: "/admin/no-such-page/",
        )
    return None


#: Pages a service's ModelAdmin adds itself (``get_urls``), by URL name: the permission
#: each asks for. Pages of an admin with ``action_views`` (tribunal_fees) need no row here:
#: their permission is read from ``action_views``. Prison visit pages act only on visits at
#: the caseworker's own prisons (see test_prison_caseworkers.py), so for a seeded visit
#: a permitted role may still get 404: those are ALLOW or DENY here.
ADMIN_CUSTOM_PAGES: dict[str, str] = {
    "admin:prison_visits_visit_day_sheet": "prison_visits.view_visit",
    "admin:prison_visits_visit_process": "prison_visits.change_visit",
    "admin:prison_visits_visit_cancel": "prison_visits.change_visit",
    "admin:prison_visits_visit_message": "prison_visits.change_visit",
    "admin:lasting_power_lpa_receive_find": "lasting_power.receive_lpa",
}
#: Custom admin pages that only accept POST (GET: 405 once past the admin's staff check).
ADMIN_CUSTOM_POST_ONLY: dict[str, str] = {
    "admin:prison_visits_visit_cancellation_actioned": "prison_visits.change_visit",
}


def _registered_model_for(pattern: UrlPattern):
    for model in admin.site._registry:
        prefix = f"admin/{model._meta.app_label}/{model._meta.model_name}/"
        if pattern.route.startswith(prefix):
            return model
    return None


def _holders(permission: str, *, exact: bool) -> dict[str, Outcome]:
    return staff_admin_outcomes(lambda role: permission in admin_permissions(role)) | (
        {} if exact else {r: ALLOW_OR_DENY for r in STAFF if permission in admin_permissions(r)}
    )


def admin_custom_entry(pattern: UrlPattern) -> Entry | None:
    """A page a ModelAdmin adds (listed above, or an ``action_views`` page, or simple-history)."""
    if not pattern.route.startswith("admin/") or pattern.name is None:
        return None
    model = _registered_model_for(pattern)
    if model is None:
        return None
    model_admin = admin.site._registry[model]
    opts = model._meta
    takes_object = "object_id" in pattern.route or "([^/]+)" in pattern.route
    url = _admin_object_url(model, "custom") if takes_object else None
    if pattern.name in ADMIN_CUSTOM_PAGES:
        permission = ADMIN_CUSTOM_PAGES[pattern.name]
        return Entry(get=_holders(permission, exact=not takes_object), url=url)
    if pattern.name in ADMIN_CUSTOM_POST_ONLY:
        permission = ADMIN_CUSTOM_POST_ONLY[pattern.name]
        return Entry(
            get=staff_admin_outcomes(lambda role: True),
            post=_holders(permission, exact=False),
            url=url,
        )
    action_views = getattr(model_admin, "action_views", None) or {}
    for slug, (permission, *_rest) in action_views.items():
        if pattern.name == f"admin:{opts.app_label}_{opts.model_name}_{slug.replace('-', '_')}":
            return Entry(get=_holders(permission, exact=False), url=url)
    if pattern.name == f"admin:{opts.app_label}_{opts.model_name}_simple_history":
        # One old version of a case: whoever may see the case, if the version exists.
        return Entry(
            get=staff_admin_outcomes(lambda role: False)
            | {r: ALLOW_OR_DENY for r in STAFF if _role_may(r, model, "change")},
            url=_simple_history_url(model),
        )
    return None


def _simple_history_url(model):
    def build(world: World, pattern: UrlPattern) -> str:
        from tests.quality.queries.seed import any_row_pk

        pk = any_row_pk(model) or 999_999_999
        history = getattr(model, model._meta.simple_history_manager_attribute)
        version = history.filter(**{model._meta.pk.attname: pk}).order_by("pk").first()
        version_id = version.history_id if version else 999_999_999
        return f"/admin/{model._meta.app_label}/{model._meta.model_name}/{pk}/history/{version_id}/"

    return build


def admin_app_list_entries() -> dict[str, Entry]:
    """``/admin/<app_label>/``: open to staff who may see at least one model of the app."""
    entries = {}
    labels = sorted({m._meta.app_label for m in admin.site._registry})
    for label in labels:
        models = [m for m in admin.site._registry if m._meta.app_label == label]

        def allowed(role, models=models):
            return any(_role_may(role, m, "changelist") for m in models)

        entries[label] = Entry(get=staff_admin_outcomes(allowed), url=_app_list_url(label))
    return entries


def permissions_held(group) -> frozenset[str]:
    return frozenset(
        f"{p.content_type.app_label}.{p.codename}"
        for p in Permission.objects.filter(group=group).select_related("content_type")
    )
