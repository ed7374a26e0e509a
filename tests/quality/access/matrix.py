"""The access-control matrix: who may open every URL pattern of the project. DATA, not tests.

``test_matrix.py`` enumerates every URL pattern (``patterns.url_patterns``) and fails,
listing them, for any pattern without an entry here. An entry says, per role (see
``world.py``), what a GET must give:

- ``ALLOW``: 2xx, or a redirect that is not to sign in or to the second factor;
- ``LOGIN``: a redirect to the sign-in page;
- ``SECOND_FACTOR``: a redirect to the staff second-factor page;
- ``DENY``: 401, 403 or 404.

A POST-only view answers GET with 405, which counts as ``ALLOW`` for the GET; its
``post`` outcomes are checked with a POST that carries a CSRF token. CSRF itself is
checked for every pattern by ``test_csrf.py`` (``csrf_exempt`` entries must say how the
endpoint authenticates instead).

How a new service gets its rows: from its own registry entry. ``Service.access`` in its
``service.py`` says who may open each of its URL names (``AccessRule``: public, signed
in, owner, or a permission), and ``declared_entry`` turns that into a row; a URL name
without a rule fails ``test_matrix.py`` (which prints the missing names). Rows that need
objects a role owns are written here instead, as ``ENTRIES``, building any URL arguments
in ``url`` from the ``World`` (which can create objects owned by citizen A: drafts,
payments...). Journey
pages are covered by ``journey_entry`` and generated admin pages by ``admin_entry``:
when a caseworker group is given permissions the admin rows follow by themselves
(``admin_permissions`` reads the groups), unless its admin asks for custom permissions
(add them to ``ADMIN_CUSTOM_PERMISSIONS``). Reference look-ups (find a case by its
reference) set ``reference_lookup=True`` and get a ``RateLimit`` in ``test_rate_limits.py``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import import_module

from django.contrib import admin
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from tests.quality.queries.seed import SEEDERS

from .patterns import CONVERTER, UrlPattern
from .world import (
    ADMIN,
    ANONYMOUS,
    CITIZEN_A,
    CITIZENS,
    PRISON_P,
    PRISON_Q,
    ROLES,
    STAFF,
    World,
)


class Outcome(enum.Enum):
    ALLOW = "allow"
    LOGIN = "redirect to sign in"
    SECOND_FACTOR = "redirect to the second factor"
    DENY = "deny (401/403/404)"


ALLOW = Outcome.ALLOW
#: Either is right (say why where it is used).
ALLOW_OR_DENY = (Outcome.ALLOW, Outcome.DENY)
LOGIN = Outcome.LOGIN
SECOND_FACTOR = Outcome.SECOND_FACTOR
DENY = Outcome.DENY

Outcomes = Mapping[str, Outcome | tuple[Outcome, ...]]


def everyone(outcome: Outcome = ALLOW) -> dict[str, Outcome]:
    return {role: outcome for role in ROLES}


def signed_in_only() -> dict[str, Outcome]:
    """login_required: anonymous users are sent to sign in, everyone signed in gets in."""
    return {**everyone(ALLOW), ANONYMOUS: LOGIN}


def only(*roles: str, others: Outcome = DENY) -> dict[str, Outcome]:
    """Only ``roles`` get in; anonymous users are sent to sign in, everyone else ``others``."""
    return {**everyone(others), ANONYMOUS: LOGIN, **{role: ALLOW for role in roles}}


@dataclass(frozen=True)
class Entry:
    get: Outcomes
    #: For POST-only views: the outcome of a POST (with a CSRF token), per role.
    post: Outcomes | None = None
    #: Builds the concrete URL; by default the route with ``kwargs`` filled in.
    url: Callable[[World, UrlPattern], str] | None = None
    kwargs: Callable[[World], dict] | None = None
    #: Why a POST needs no CSRF token, and what authenticates it instead.
    csrf_exempt: str = ""
    #: Why a POST without a token is answered before the view (so never reaches it).
    csrf_answered_by_middleware: str = ""
    #: Why a page open to staff only may live outside STAFF_PATH_PREFIXES.
    second_factor_exempt: str = ""
    #: Finds a case by its reference: must be rate limited (``RATE_LIMITS``).
    reference_lookup: bool = False
    note: str = field(default="", compare=False)

    def build_url(self, world: World, pattern: UrlPattern) -> str:
        if self.url is not None:
            return self.url(world, pattern)
        return pattern.url(**(self.kwargs(world) if self.kwargs else {}))


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

    from .world import ROLE_GROUPS

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
#: by model label and action ("view", "add", "change", "delete").
ADMIN_CUSTOM_PERMISSIONS: dict[str, dict[str, str]] = {
    "assisted_digital.AssistedSession": {"view": "assisted_digital.view_all_sessions"},
    "assisted_digital.SubmissionRecord": {"view": "assisted_digital.view_all_sessions"},
}


def _role_may(role: str, model, action: str) -> bool:
    opts = model._meta
    perms = admin_permissions(role)
    custom = ADMIN_CUSTOM_PERMISSIONS.get(opts.label, {})

    def has(codename_action: str) -> bool:
        if codename_action in custom:
            return custom[codename_action] in perms
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


# Journeys ---------------------------------------------------------------------------

JOURNEY_VIEWS_MODULE = "digital_services.journeys.views"


def journey_entry(pattern: UrlPattern) -> Entry | None:
    """Journey pages are open to everyone: a draft belongs to its user or browser session
    and no URL carries a draft id (``test_idor.py`` checks that nobody sees another's)."""
    if pattern.view_module != JOURNEY_VIEWS_MODULE:
        return None
    journey = pattern.default_args.get("journey")
    if journey is None:
        return None
    from digital_services.journeys.definitions import RepeatingStep

    steps = [step for _, step in journey.all_steps()]
    repeating = next((s for s in steps if isinstance(s, RepeatingStep)), None)
    outcomes = everyone(ALLOW)

    def kwargs(world: World) -> dict:
        values = {"step": steps[0].slug, "number": 1, "section": "no-such-section"}
        if repeating is not None:
            values["step"] = repeating.slug
        if journey.sections:
            values["section"] = journey.sections[0].slug
        if "<str:token>" in pattern.route:
            values["token"] = world.resume_token(journey)
        return values

    if "<slug:section>" in pattern.route and not journey.sections:
        outcomes = everyone(DENY)  # a journey without sections has no section pages
    if "<int:number>" in pattern.route or pattern.route.endswith("/add/"):
        if repeating is None:
            outcomes = everyone(DENY)  # only a repeating step has items
        elif "<int:number>" in pattern.route:
            # Nobody in the matrix has a draft, so item 1 is nobody's: "not found", or a
            # redirect to the question that must be answered before the list.
            outcomes = everyone(ALLOW_OR_DENY)
    return Entry(get=outcomes, kwargs=kwargs)


# Every other pattern, by URL name ---------------------------------------------------


def _payment_token(world: World) -> dict:
    return {"token": world.payment.return_token}


_PAYER_ONLY = {**everyone(DENY), ANONYMOUS: ALLOW, CITIZEN_A: ALLOW}


def _sandbox_payment_id(world: World) -> dict:
    return {"payment_id": world.payment.provider_payment_id}


def _reset_key_url(world: World, pattern: UrlPattern) -> str:
    from allauth.account.utils import user_pk_to_url_str

    uid = user_pk_to_url_str(world.user(CITIZEN_A))
    return reverse("account_reset_password_from_key", kwargs={"uidb36": uid, "key": "not-a-key"})


ACT_ON_BEHALF = "assisted_digital.act_on_behalf"


def _with(permission: str) -> list[str]:
    """The roles that hold ``permission`` by accounts.constants (checked against the groups)."""
    from digital_services.accounts.constants import ROLE_PERMISSIONS

    from .world import ROLE_GROUPS

    return [r for r, g in ROLE_GROUPS.items() if g and permission in ROLE_PERMISSIONS[g]]


def _owner_only() -> dict[str, Outcome]:
    return {**everyone(DENY), ANONYMOUS: LOGIN}


def _unknown_reference(world: World) -> dict:
    return {"reference": "NOBODYS-REF"}


_signed_in_post = {**everyone(ALLOW), ANONYMOUS: LOGIN}

#: URL name -> Entry, or a function making one (for rows that read the groups'
#: permissions, which needs the database).
ENTRIES: dict[str, Entry | Callable[[], Entry]] = {
    # core
    "core:start": Entry(get=everyone()),
    "core:healthz": Entry(get=everyone()),
    "core:healthz-live": Entry(get=everyone()),
    "core:cookies": Entry(get=everyone()),
    # A grant link (core/grants.py); a token that is not ours: 404 for everyone.
    "core:grant": Entry(get=everyone(DENY), kwargs=lambda world: {"token": "not-a-signed-token"}),
    "core:privacy": Entry(get=everyone()),
    "core:accessibility": Entry(get=everyone()),
    "core:contact": Entry(get=everyone()),
    "core:signed-out": Entry(
        get=everyone(), note="Signs out on GET: worst case, a forced sign-out"
    ),
    "core:session-extend": Entry(get=everyone(), post=_signed_in_post),
    # accounts
    "accounts:your-applications": Entry(get=signed_in_only()),
    "accounts:staff-second-factor": Entry(
        get=only(*STAFF),
        second_factor_exempt="the second-factor page itself: staff reach it before the factor",
    ),
    # A new staff member's enrolment link: the GET is a confirm page; the POST checks the
    # signed token belongs to the signed-in account (test_staff_enrolment.py).
    "accounts:staff-enrol": Entry(
        get=only(*STAFF),
        kwargs=lambda world: {"token": "not-a-signed-token"},
        second_factor_exempt="staff open it to set up the second factor they do not have yet",
    ),
    # your data (digital_services.privacy): staff accounts are closed by an administrator
    "privacy:your-data": Entry(get=signed_in_only()),
    "privacy:your-data-download": Entry(get=signed_in_only()),
    "privacy:account-delete": Entry(get=only(*CITIZENS)),
    "privacy:account-deleted": Entry(get=everyone()),
    # feedback
    "performance:feedback": Entry(get=everyone()),
    "performance:feedback-thanks": Entry(get=everyone()),
    "performance:contact": Entry(get=everyone()),
    "performance:contact-sent": Entry(get=everyone()),
    # machine endpoints
    "notifications:callback": Entry(
        get=everyone(),
        post=everyone(DENY),
        csrf_exempt="GOV.UK Notify delivery receipts: a bearer token (NOTIFY_CALLBACK_TOKEN)",
    ),
    "payments:webhook": Entry(
        get=everyone(),
        post=everyone(DENY),
        csrf_exempt="GOV.UK Pay webhooks: the Pay-Signature HMAC of the body",
    ),
    # payments: the return token is a 32-byte secret that only the payer's browser gets.
    # The payer (citizen A) may come back signed in, or signed out after their session
    # ended; anyone else signed in gets a 404 (test_idor.py checks it too).
    "payments:return": Entry(get=_PAYER_ONLY, kwargs=_payment_token),
    "payments:retry": Entry(get=everyone(), post=_PAYER_ONLY, kwargs=_payment_token),  # GET: 405
    # The sandbox stands in for GOV.UK Pay's hosted pages (switched off with a real key).
    "payments:sandbox-card": Entry(get=everyone(), kwargs=_sandbox_payment_id),
    "payments:sandbox-confirm": Entry(get=everyone(), kwargs=_sandbox_payment_id),
    "payments:sandbox-cancel": Entry(
        get=everyone(), post=everyone(ALLOW), kwargs=_sandbox_payment_id
    ),
    # staff pages: assisted digital needs is_staff + assisted_digital.act_on_behalf
    "assisted_digital:start": Entry(get=only(*_with(ACT_ON_BEHALF))),
    "assisted_digital:start-channel": Entry(get=only(*_with(ACT_ON_BEHALF))),
    "assisted_digital:start-citizen": Entry(get=only(*_with(ACT_ON_BEHALF))),
    "assisted_digital:start-new-citizen": Entry(get=only(*_with(ACT_ON_BEHALF))),
    "assisted_digital:start-consent": Entry(get=only(*_with(ACT_ON_BEHALF))),
    "assisted_digital:session-services": Entry(get=only(*_with(ACT_ON_BEHALF))),
    # POST only, but refused (403) before that to anyone who is not an agent.
    "assisted_digital:session-end": Entry(
        get=only(*_with(ACT_ON_BEHALF)), post=only(*_with(ACT_ON_BEHALF))
    ),
    "assisted_digital:sessions": Entry(get=only(*_with(ACT_ON_BEHALF))),
    "assisted_digital:sessions-all": Entry(
        get=only(*(set(_with(ACT_ON_BEHALF)) & set(_with("assisted_digital.view_all_sessions"))))
    ),
    "performance_staff:dashboard": Entry(get=only(*_with("accounts.view_kpis"))),
    "performance_staff:dashboard-csv": Entry(get=only(*_with("accounts.view_kpis"))),
    # Case pages found by reference, for their owner only (login_required, then a
    # selector narrowed to the owner). The matrix asks with a reference nobody owns:
    # anonymous -> sign in, everyone else -> 404. Each service should make citizen A
    # a case in ``World`` and expect ALLOW for A only; test_rate_limits.py lists them.
    "prison_visits:visit-status": Entry(get=_owner_only(), kwargs=_unknown_reference),
    "tribunal_fees:fee-detail": Entry(get=_owner_only(), kwargs=_unknown_reference),
    "tribunal_fees:fee-pay": Entry(get=everyone(), post=_owner_only(), kwargs=_unknown_reference),
    "tribunal_fees:fee-receipt": Entry(get=_owner_only(), kwargs=_unknown_reference),
    "tribunal_fees:fee-receipt-pdf": Entry(get=_owner_only(), kwargs=_unknown_reference),
    "tribunal_fees:hwf-detail": Entry(get=_owner_only(), kwargs=_unknown_reference),
    "tribunal_fees:refund-detail": Entry(get=_owner_only(), kwargs=_unknown_reference),
    # service start pages: declared in each service.py (``declared_entry``)
    # admin pages that a ModelAdmin adds itself
    "admin:auth_user_password_change": lambda: Entry(
        get=staff_admin_outcomes(lambda role: "accounts.change_user" in admin_permissions(role)),
        url=lambda world, pattern: reverse(
            "admin:auth_user_password_change", args=[world.user(CITIZEN_A).pk]
        ),
    ),
    "admin:payments_payment_refund": lambda: Entry(
        get=staff_admin_outcomes(lambda role: "payments.add_refund" in admin_permissions(role)),
        url=lambda world, pattern: reverse(
            "admin:payments_payment_refund", args=[world.payment.pk]
        ),
    ),
    "admin:notifications_outboundmessage_preview": lambda: Entry(
        get=staff_admin_outcomes(
            lambda role: bool(
                {"notifications.view_outboundmessage", "notifications.change_outboundmessage"}
                & admin_permissions(role)
            )
        ),
        note="NOTIFICATIONS_PREVIEW_ENABLED is on in the matrix (off: 404 for everyone)",
    ),
}

# Pay tribunal fees -----------------------------------------------------------------
# Citizen pages show one fee / application to its signed-in owner (citizen A) only:
# others get 404. Admin action pages (``<id>/<action>/``) open to staff holding the
# action's permission; the history version pages to staff who may view the model.


def _tribunal_fees_cases(world: World) -> dict:
    """Citizen A's paid fee, Help with Fees application and refund application (made once)."""
    cached = world.__dict__.get("_tribunal_fees_cases")
    if cached is None:
        from tests.tribunal_fees.factories import (
            CheckedRefundApplicationFactory,
            HwfApplicationFactory,
            PaidFeeCaseFactory,
            PaymentUncertainFeeCaseFactory,
        )

        citizen = world.user(CITIZEN_A)
        cached = {
            "feecase": PaidFeeCaseFactory(user=citizen, reference="TF-MTX-PAD"),
            "uncertain": PaymentUncertainFeeCaseFactory(user=citizen, reference="TF-MTX-UNC"),
            "helpwithfeesapplication": HwfApplicationFactory(user=citizen, reference="HWF-MTX-HWF"),
            "refundapplication": CheckedRefundApplicationFactory(
                user=citizen, reference="C9999001"
            ),
        }
        world.__dict__["_tribunal_fees_cases"] = cached
    return cached


def _tribunal_fees_reference(key: str):
    return lambda world: {"reference": _tribunal_fees_cases(world)[key].reference}


def _tribunal_fees_admin_action(model: str, key: str, permission: str):
    def entry() -> Entry:
        return Entry(
            get=staff_admin_outcomes(lambda role: permission in admin_permissions(role)),
            url=lambda world, pattern: reverse(
                pattern.name, args=[_tribunal_fees_cases(world)[key].pk]
            ),
        )

    return entry


def _tribunal_fees_history(model_name: str):
    def entry() -> Entry:
        from django.apps import apps as django_apps

        model = django_apps.get_model("tribunal_fees", model_name)

        def url(world: World, pattern: UrlPattern) -> str:
            if model_name == "feeschedule":
                obj = model.objects.order_by("pk").first()
            else:
                obj = _tribunal_fees_cases(world)[model_name]
            version = obj.history.order_by("-history_id").first()
            if version is None:  # rows seeded by a data migration have no history yet
                obj.save()
                version = obj.history.order_by("-history_id").first()
            return reverse(pattern.name, args=[obj.pk, version.history_id])

        return Entry(
            get=staff_admin_outcomes(lambda role: _role_may(role, model, "change")), url=url
        )

    return entry


_TRIBUNAL_OWNER_ONLY = {**everyone(DENY), ANONYMOUS: LOGIN, CITIZEN_A: ALLOW}

ENTRIES.update(
    {
        "tribunal_fees:fee-detail": Entry(
            get=_TRIBUNAL_OWNER_ONLY, kwargs=_tribunal_fees_reference("feecase")
        ),
        "tribunal_fees:fee-receipt": Entry(
            get=_TRIBUNAL_OWNER_ONLY, kwargs=_tribunal_fees_reference("feecase")
        ),
        "tribunal_fees:fee-receipt-pdf": Entry(
            get=_TRIBUNAL_OWNER_ONLY, kwargs=_tribunal_fees_reference("feecase")
        ),
        # POST only (GET: 405 for everyone). The owner's fee is paid, so the POST
        # only redirects back with "nothing left to pay": no payment is started.
        "tribunal_fees:fee-pay": Entry(
            get=everyone(ALLOW),
            post=_TRIBUNAL_OWNER_ONLY,
            kwargs=_tribunal_fees_reference("feecase"),
        ),
        # "Apply for Help with Fees" for a fee: its owner only (the paid fee says it cannot).
        "tribunal_fees:fee-hwf": Entry(
            get=_TRIBUNAL_OWNER_ONLY, kwargs=_tribunal_fees_reference("feecase")
        ),
        # Journey confirmations: the owner only (or, for a case sent without an account,
        # the browser session holding its signed access link).
        "tribunal_fees:hwf-confirmation": Entry(
            get=_TRIBUNAL_OWNER_ONLY, kwargs=_tribunal_fees_reference("helpwithfeesapplication")
        ),
        "tribunal_fees:refund-confirmation": Entry(
            get=_TRIBUNAL_OWNER_ONLY, kwargs=_tribunal_fees_reference("refundapplication")
        ),
        # "Find your fee": a reference and the payer's email address (rate limited).
        "tribunal_fees:fee-find": Entry(get=everyone(), reference_lookup=True),
        "tribunal_fees:hwf-detail": Entry(
            get=_TRIBUNAL_OWNER_ONLY, kwargs=_tribunal_fees_reference("helpwithfeesapplication")
        ),
        "tribunal_fees:refund-detail": Entry(
            get=_TRIBUNAL_OWNER_ONLY, kwargs=_tribunal_fees_reference("refundapplication")
        ),
        "admin:tribunal_fees_feecase_not_paid": _tribunal_fees_admin_action(
            "feecase", "uncertain", "tribunal_fees.resolve_feecase"
        ),
        "admin:tribunal_fees_feecase_check_payment": _tribunal_fees_admin_action(
            "feecase", "uncertain", "tribunal_fees.resolve_feecase"
        ),
        **{
            f"admin:tribunal_fees_helpwithfeesapplication_{action}": _tribunal_fees_admin_action(
                "helpwithfeesapplication",
                "helpwithfeesapplication",
                "tribunal_fees.process_helpwithfeesapplication",
            )
            for action in ("decide", "evidence", "part_payment")
        },
        **{
            f"admin:tribunal_fees_refundapplication_{action}": _tribunal_fees_admin_action(
                "refundapplication",
                "refundapplication",
                f"tribunal_fees.{action}_refundapplication",
            )
            for action in ("check", "approve", "issue", "reject")
        },
        **{
            f"admin:tribunal_fees_{name}_simple_history": _tribunal_fees_history(name)
            for name in ("feeschedule", "feecase", "helpwithfeesapplication", "refundapplication")
        },
    }
)

#: Pages that exist only in the tests' URLconf (tests/quality/access/urls.py).
TEST_ONLY_ENTRIES: dict[str, Entry] = {
    "example:start": Entry(get=everyone()),
    "example:done": Entry(get=everyone()),
}

#: allauth's pages (``account_*`` and ``mfa_*``). Open to everyone unless listed here.
ALLAUTH_OUTCOMES: dict[str, Outcomes] = {
    # Steps of a sign-in or sign-up in progress: without one, back to sign in.
    "account_email_verification_sent": {**everyone(ALLOW), ANONYMOUS: LOGIN},
    "mfa_authenticate": {**everyone(ALLOW), ANONYMOUS: LOGIN},
    # Only for someone who has an authenticator app: nobody in the matrix has one.
    "mfa_deactivate_totp": {**everyone(DENY), ANONYMOUS: LOGIN},
    "mfa_view_recovery_codes": {**everyone(DENY), ANONYMOUS: LOGIN},
    "mfa_download_recovery_codes": {**everyone(DENY), ANONYMOUS: LOGIN},
    "account_email": signed_in_only(),
    "account_change_password": signed_in_only(),
    "account_set_password": signed_in_only(),
    "account_reauthenticate": signed_in_only(),
    "account_request_reauthentication_code": signed_in_only(),
    "account_confirm_reauthentication_code": signed_in_only(),
    "mfa_index": signed_in_only(),
    "mfa_reauthenticate": signed_in_only(),
    # Staff without an app set one up only through their enrolment link (none in the matrix).
    "mfa_activate_totp": {**signed_in_only(), **{role: SECOND_FACTOR for role in STAFF}},
    "mfa_generate_recovery_codes": signed_in_only(),
}
ALLAUTH_URLS: dict[str, Callable[[World, UrlPattern], str]] = {
    "account_reset_password_from_key": _reset_key_url,
}


def allauth_entry(pattern: UrlPattern) -> Entry | None:
    if not pattern.view_module.startswith("allauth.") or pattern.route.startswith("admin/"):
        return None
    outcomes = ALLAUTH_OUTCOMES.get(pattern.name or "", everyone(ALLOW))
    return Entry(get=outcomes, url=ALLAUTH_URLS.get(pattern.name or ""))


# Rules a service declares ---------------------------------------------------------

#: Values for URL arguments that name nothing, by path converter.
NOBODYS = {"int": 999_999_999, "slug": "nobodys", "uuid": "00000000-0000-0000-0000-000000000000"}


def _nobodys_kwargs(pattern: UrlPattern) -> Callable[[World], dict]:
    values = {
        match.group("name"): NOBODYS.get(match.group("converter") or "str", "NOBODYS-REF")
        for match in CONVERTER.finditer(pattern.route)
    }
    return lambda world: values


def declared_url_kwargs(service, name: str) -> Callable[[World], dict] | None:
    """The URL arguments naming citizen A's object for one of the service's pages:
    ``URL_KWARGS[name]`` in the service's test package, ``tests/<app label>/access.py``
    (what citizen A owns is the service's tests' business, not its production code)."""
    module_name = f"tests.{service.label}.access"
    try:
        module = import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name not in (module_name, f"tests.{service.label}"):
            raise
        return None
    return getattr(module, "URL_KWARGS", {}).get(name)


def declared_outcomes(rule, *, with_arguments: bool, owned: bool) -> dict[str, Outcome]:
    """What each role gets for a page under ``rule`` (a ``registry.AccessRule``).

    ``owned``: the URL names an object citizen A owns (``declared_url_kwargs``). A URL with
    arguments but no such builder names nothing: nobody may see it (404), and visitors to
    non-public pages are sent to sign in first (test_objects.py then asks for a builder).
    """
    from digital_services.core.registry import OWNER, PUBLIC, SIGNED_IN

    if rule.who == PUBLIC:
        return everyone(DENY if with_arguments and not owned else ALLOW)
    if with_arguments and not owned:
        return {**everyone(DENY), ANONYMOUS: LOGIN}
    if rule.who == SIGNED_IN:
        return signed_in_only()
    if rule.who == OWNER:
        return {**everyone(DENY), ANONYMOUS: LOGIN, CITIZEN_A: ALLOW} if owned else signed_in_only()
    return staff_admin_outcomes(lambda role: rule.who in admin_permissions(role))


def _declared_rules():
    from digital_services.core.registry import services_list

    for service in services_list():
        for name, rule in service.access.items():
            yield f"{service.namespace}:{name}", rule


def declared_bearer_tokens() -> dict[str, str]:
    """URL name -> why its argument grants access, for rules that say so (``bearer_token``)."""
    return {name: rule.bearer_token for name, rule in _declared_rules() if rule.bearer_token}


def declared_owner_only() -> dict[str, str]:
    """URL name -> "owner only", for pages a service declares ``OWNER``."""
    from digital_services.core.registry import OWNER

    return {
        name: "declared OWNER in its service.py"
        for name, rule in _declared_rules()
        if rule.who == OWNER
    }


def declared_entry(pattern: UrlPattern) -> Entry | None:
    """The row for a URL name its service declares a rule for (``Service.access``)."""
    from digital_services.core.registry import service_for_namespace

    if not pattern.name or ":" not in pattern.name:
        return None
    namespace, _, name = pattern.name.rpartition(":")
    service = service_for_namespace(namespace)
    rule = service.access.get(name) if service is not None else None
    if rule is None:
        return None
    with_arguments = bool(CONVERTER.search(pattern.route))
    kwargs = declared_url_kwargs(service, name) if with_arguments else None
    outcomes = declared_outcomes(rule, with_arguments=with_arguments, owned=kwargs is not None)
    if with_arguments and kwargs is None:
        kwargs = _nobodys_kwargs(pattern)
    return Entry(
        get=everyone(ALLOW) if rule.post_only else outcomes,  # GET: 405 for a POST-only view
        post=outcomes if rule.post_only else None,
        kwargs=kwargs,
        reference_lookup=rule.reference_lookup,
        note=rule.note,
    )


RULES: tuple[Callable[[UrlPattern], Entry | None], ...] = (
    declared_entry,
    admin_entry,
    admin_custom_entry,
    journey_entry,
    allauth_entry,
)


def entries_for(pattern: UrlPattern) -> list[tuple[str, Entry]]:
    """The matrix rows for one pattern (usually one; ``admin:app_list`` has one per app)."""
    if pattern.name == "admin:app_list":
        return [(f"/admin/{label}/", e) for label, e in admin_app_list_entries().items()]
    if pattern.name in ENTRIES:
        entry = ENTRIES[pattern.name]
        return [(pattern.label, entry() if callable(entry) else entry)]
    if pattern.name in TEST_ONLY_ENTRIES:
        return [(pattern.label, TEST_ONLY_ENTRIES[pattern.name])]
    if pattern.route in ENTRIES:
        return [(pattern.label, ENTRIES[pattern.route])]
    for rule in RULES:
        entry = rule(pattern)
        if entry is not None:
            return [(pattern.label, entry)]
    return []


# Book a prison visit ---------------------------------------------------------------
# The status page shows a visit to its signed-in owner (citizen A) only: others get 404.
# Staff pages act on one visit at prison P: its caseworker and administrators get in,
# prison Q's caseworker gets 404 (scoped to their prisons), other staff 403.


def _prison_visits(world: World) -> dict:
    """Prisons P and Q with their caseworkers assigned, and citizen A's visits at P (made once)."""
    cached = world.__dict__.get("_prison_visits")
    if cached is None:
        from tests.prison_visits.factories import (
            AssignmentFactory,
            BookedVisitFactory,
            CancelledVisitFactory,
            PrisonFactory,
            RequestedVisitFactory,
        )

        prison_p, prison_q = PrisonFactory(), PrisonFactory()
        for role, prison in ((PRISON_P, prison_p), (PRISON_Q, prison_q)):
            if world.users.get(role) is not None:
                AssignmentFactory(user=world.user(role), prison=prison)
        citizen = world.user(CITIZEN_A)
        cached = {
            "requested": RequestedVisitFactory(prison=prison_p, user=citizen),
            "booked": BookedVisitFactory(prison=prison_p, user=citizen),
            "cancelled": CancelledVisitFactory(
                prison=prison_p, user=citizen, cancelled_by_visitor=True
            ),
        }
        world.__dict__["_prison_visits"] = cached
    return cached


def _prison_visits_staff_action(key: str, *, post: bool = False):
    def entry() -> Entry:
        outcomes = staff_admin_outcomes(lambda role: role in (PRISON_P, ADMIN))
        return Entry(
            get={**outcomes, PRISON_P: ALLOW, ADMIN: ALLOW} if not post else _signed_in_staff_get(),
            post=outcomes if post else None,
            url=lambda world, pattern: reverse(pattern.name, args=[_prison_visits(world)[key].pk]),
        )

    return entry


def _signed_in_staff_get() -> dict[str, Outcome]:
    """A POST-only admin view: every member of staff gets 405 for a GET (counts as allow)."""
    return staff_admin_outcomes(lambda role: True)


def _prison_visits_reference(key: str):
    return lambda world: {"reference": _prison_visits(world)[key].reference}


def _prison_visits_confirmation(world: World) -> dict:
    from prison_visits.journeys import confirmation_token

    # Opening it lets that browser see the visit, so it names a visit no other row uses.
    return {"token": confirmation_token(_prison_visits(world)["cancelled"].reference)}


# A visit's pages open to its owner (citizen A) and to a browser that proved the lead
# visitor's date of birth on the look-up (tests/prison_visits/test_status.py). Anyone
# else signed in gets 404; anyone not signed in is redirected to the look-up (the
# email links point at the status page), the same for every reference.
_PRISON_VISIT_OWNER = {**everyone(DENY), ANONYMOUS: ALLOW, CITIZEN_A: ALLOW}

ENTRIES.update(
    {
        "prison_visits:visit-status": Entry(
            get=_PRISON_VISIT_OWNER, kwargs=_prison_visits_reference("booked")
        ),
        "prison_visits:visit-withdraw": Entry(
            get=_PRISON_VISIT_OWNER, kwargs=_prison_visits_reference("requested")
        ),
        "prison_visits:visit-cancel": Entry(
            get=_PRISON_VISIT_OWNER, kwargs=_prison_visits_reference("booked")
        ),
        # "Check your visit": reference + lead visitor's date of birth, rate limited.
        "prison_visits:visit-find": Entry(get=everyone(), reference_lookup=True),
        # The journey's last page: its address is signed (a bearer token, 24 hours).
        "prison_visits:book-confirmation": Entry(
            get=everyone(), kwargs=_prison_visits_confirmation
        ),
        "admin:prison_visits_visit_process": _prison_visits_staff_action("requested"),
        "admin:prison_visits_visit_cancel": _prison_visits_staff_action("booked"),
        "admin:prison_visits_visit_message": _prison_visits_staff_action("booked"),
        "admin:prison_visits_visit_cancellation_actioned": _prison_visits_staff_action(
            "cancelled", post=True
        ),
        # Any caseworker of the service may open the day sheet: it lists only their prisons.
        "admin:prison_visits_visit_day_sheet": lambda: Entry(
            get=staff_admin_outcomes(
                lambda role: "prison_visits.view_visit" in admin_permissions(role)
            )
        ),
    }
)


def _documents_download() -> Entry:
    """Citizen A's fee receipt in the document store: A may download it, and staff
    whose group may view (or change) fees, the case it is filed under; others 404."""

    def url(world: World, pattern: UrlPattern) -> str:
        from tribunal_fees.receipts import fee_receipt_document

        document = fee_receipt_document(fee_case=_tribunal_fees_cases(world)["feecase"])
        return reverse(pattern.name, args=[document.public_id])

    fee_permissions = {"tribunal_fees.view_feecase", "tribunal_fees.change_feecase"}
    outcomes = staff_admin_outcomes(lambda role: bool(fee_permissions & admin_permissions(role)))
    return Entry(get={**outcomes, CITIZEN_A: ALLOW}, url=url)


ENTRIES["documents:download"] = _documents_download


def permissions_held(group) -> frozenset[str]:
    return frozenset(
        f"{p.content_type.app_label}.{p.codename}"
        for p in Permission.objects.filter(group=group).select_related("content_type")
    )


# Object-level rules (test_objects.py) ------------------------------------------------

#: URL arguments that can be bearer tokens: a secret or signed value, never a reference.
BEARER_ARGUMENTS = frozenset({"token", "key", "uidb36", "payment_id"})

#: Citizen pages whose URL argument is itself what grants access, by URL name, with the
#: reason. test_objects.py lets anyone holding the URL in for these rows only (every
#: other page with an argument must refuse citizen B and send visitors to sign in).
BEARER_TOKENS: dict[str, str] = {
    "payments:return": "a 32-byte random return token that only the payer's browser is sent",
    "payments:retry": "the same secret return token as the return page (POST only)",
    "payments:sandbox-card": "the sandbox stands in for GOV.UK Pay's hosted card page, whose "
    "address (a random payment id) is itself the payer's access",
    "payments:sandbox-confirm": "the sandbox's hosted confirm page: the random payment id, "
    "as on GOV.UK Pay",
    "payments:sandbox-cancel": "the sandbox's hosted cancel button: the random payment id, "
    "as on GOV.UK Pay",
    "prison_visits:book-confirmation": "a signed link to the confirmation page, valid for "
    "24 hours, given only to the browser that sent the request",
    "core:grant": "a signed grant link (core/grants.py) sent to the person it grants access",
    "account_reset_password_from_key": "allauth's password reset link: a one-time key emailed "
    "to the account's address",
    "accounts:staff-enrol": "a signed one-time enrolment link emailed to the staff account's own "
    "address; it works only for the signed-in account it names",
    # and those a service declares in its service.py (AccessRule.bearer_token)
    **declared_bearer_tokens(),
}

#: Citizen pages that send a visitor who is not signed in to another page to prove who
#: they are (instead of the sign-in page): URL name -> (that page's URL name, why).
SIGNS_IN_AT: dict[str, tuple[str, str]] = {
    name: (
        "prison_visits:visit-find",
        "visitors without an account prove who they are with the reference and the lead "
        "visitor's date of birth (rate limited)",
    )
    for name in (
        "prison_visits:visit-status",
        "prison_visits:visit-withdraw",
        "prison_visits:visit-cancel",
    )
}
