"""Role names and what each role may do.

A role is a Django ``Group``. The platform's own roles (citizen, assisted-digital
agent, service owner, administrator) are created by the data migration ``0003_roles``
(which keeps its own frozen copy of their permissions, as migrations must);
``tests/accounts/test_roles.py`` checks that the two agree, so change both together,
in a new migration.

Each service brings its own staff roles, and what the administrator may do in it, in
its registry entry (``<app>/service.py``: ``Service.roles``,
``Service.administrator_permissions``); ``core.registry.service_roles_sync`` creates
them after every migrate. ``CASEWORKER_ROLES``, ``ALL_ROLES``, ``STAFF_ROLES`` and
``ROLE_PERMISSIONS`` below are read from the registry when first used (the services
register themselves once the apps are loaded).
"""

CITIZEN = "citizen"
ASSISTED_DIGITAL_AGENT = "assisted-digital agent"
SERVICE_OWNER = "service owner"
ADMINISTRATOR = "administrator"

#: The platform's roles and their permissions, as "app_label.codename".
PLATFORM_ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    CITIZEN: frozenset(),
    ASSISTED_DIGITAL_AGENT: frozenset({"assisted_digital.act_on_behalf"}),
    SERVICE_OWNER: frozenset({"accounts.view_kpis"}),
    ADMINISTRATOR: frozenset(
        {
            "accounts.view_user",
            "accounts.add_user",
            "accounts.change_user",
            "accounts.view_kpis",
            "assisted_digital.view_all_sessions",
            "auth.view_group",
            "mfa.view_authenticator",
            "mfa.delete_authenticator",
        }
    ),
}

#: Where holders of the platform's staff roles land after signing in (URL names). An
#: administrator lands on the staff pages' index; a service's roles declare their own
#: (``Role.staff_landing_url_name``).
PLATFORM_STAFF_LANDING: dict[str, str] = {
    ASSISTED_DIGITAL_AGENT: "assisted_digital:start",
    SERVICE_OWNER: "performance_staff:dashboard",
}


def caseworker_roles() -> dict[str, str]:
    """Each service's caseworker role (its first declared role), by the service's app label."""
    from digital_services.core.registry import services_list

    return {s.label: s.roles[0].name for s in services_list() if s.roles}


def service_role_names() -> tuple[str, ...]:
    from digital_services.core.registry import service_roles

    return tuple(dict.fromkeys(role.name for _service, role in service_roles()))


def all_roles() -> tuple[str, ...]:
    return (CITIZEN, *service_role_names(), ASSISTED_DIGITAL_AGENT, SERVICE_OWNER, ADMINISTRATOR)


def staff_roles() -> tuple[str, ...]:
    """Roles held by staff. Staff must pass a second factor (TOTP) before any staff page opens."""
    return (*service_role_names(), ASSISTED_DIGITAL_AGENT, SERVICE_OWNER, ADMINISTRATOR)


def role_permissions() -> dict[str, frozenset[str]]:
    """Every role's permissions in code: the platform's table plus what services declare."""
    from digital_services.core.registry import services_list

    permissions = {role: set(held) for role, held in PLATFORM_ROLE_PERMISSIONS.items()}
    for service in services_list():
        for role in service.roles:
            permissions.setdefault(role.name, set()).update(role.permissions)
        permissions[ADMINISTRATOR].update(service.administrator_permissions)
    ordered = all_roles()
    return {role: frozenset(permissions[role]) for role in ordered}


_DERIVED = {
    "CASEWORKER_ROLES": caseworker_roles,
    "ALL_ROLES": all_roles,
    "STAFF_ROLES": staff_roles,
    "ROLE_PERMISSIONS": role_permissions,
}


def __getattr__(name: str):
    """``CASEWORKER_ROLES`` and friends, read from the service registry on each import."""
    if name in _DERIVED:
        return _DERIVED[name]()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: Session key holding the staff enrolment link opened in this session (its id): only
#: then may a staff member without an authenticator app set one up.
STAFF_ENROLMENT_SESSION_KEY = "accounts_staff_enrolment_id"
#: Signer salt of the tokens in enrolment links.
STAFF_ENROLMENT_SALT = "accounts.staff_enrolment"

#: Session key holding where a staff member was going when asked for a second factor.
STAFF_SECOND_FACTOR_NEXT_SESSION_KEY = "accounts_staff_second_factor_next"

#: Marks a browser whose user is signed in, so that after the session times out
#: the next page can say "You have been signed out" (no JavaScript needed).
SIGNED_IN_COOKIE_NAME = "signed_in"
SIGNED_IN_COOKIE_MAX_AGE_SECONDS = 24 * 60 * 60
SIGNED_OUT_MESSAGE = (
    "You have been signed out because you did not do anything for a while. "
    "Sign in again to continue. Answers you saved are kept."
)
