"""Rows that follow rules: journey pages, allauth pages, and what each service declares in its service.py."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from django.urls import reverse

from ..patterns import CONVERTER, UrlPattern
from ..world import (
    ANONYMOUS,
    CITIZEN_A,
    STAFF,
    World,
)
from .admin_rows import admin_custom_entry, admin_entry, admin_permissions, staff_admin_outcomes
from .outcomes import (
    ALLOW,
    ALLOW_OR_DENY,
    DENY,
    LOGIN,
    SECOND_FACTOR,
    Entry,
    Outcome,
    Outcomes,
    everyone,
    signed_in_only,
)

# Journeys ---------------------------------------------------------------------------

JOURNEY_VIEWS_MODULE = "digital_services.journeys.views"


def is_journey_view(pattern: UrlPattern) -> bool:
    """Served by the journey views (a module of the ``digital_services.journeys.views`` package)."""
    return pattern.view_module.startswith(f"{JOURNEY_VIEWS_MODULE}.")


def journey_entry(pattern: UrlPattern) -> Entry | None:
    """Journey pages are open to everyone: a draft belongs to its user or browser session
    and no URL carries a draft id (``test_idor.py`` checks that nobody sees another's)."""
    if not is_journey_view(pattern):
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


def _reset_key_url(world: World, pattern: UrlPattern) -> str:
    from allauth.account.utils import user_pk_to_url_str

    uid = user_pk_to_url_str(world.user(CITIZEN_A))
    return reverse("account_reset_password_from_key", kwargs={"uidb36": uid, "key": "not-a-key"})


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
