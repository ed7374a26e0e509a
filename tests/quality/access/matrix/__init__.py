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

from .admin_rows import (
    ADMIN_CUSTOM_PAGES,
    ADMIN_CUSTOM_PERMISSIONS,
    ADMIN_CUSTOM_POST_ONLY,
    MODEL_ACTIONS,
    admin_app_list_entries,
    admin_custom_entry,
    admin_entry,
    admin_permissions,
    admin_permissions_forget,
    permissions_held,
    staff_admin_outcomes,
)
from .entries import (
    ACT_ON_BEHALF,
    BEARER_ARGUMENTS,
    BEARER_TOKENS,
    ENTRIES,
    SIGNS_IN_AT,
    TEST_ONLY_ENTRIES,
    entries_for,
)
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
    only,
    signed_in_only,
)
from .rules import (
    ALLAUTH_OUTCOMES,
    ALLAUTH_URLS,
    JOURNEY_VIEWS_MODULE,
    NOBODYS,
    RULES,
    allauth_entry,
    declared_bearer_tokens,
    declared_entry,
    declared_outcomes,
    declared_owner_only,
    declared_url_kwargs,
    is_journey_view,
    journey_entry,
)

__all__ = [
    "is_journey_view",
    "ACT_ON_BEHALF",
    "ADMIN_CUSTOM_PAGES",
    "ADMIN_CUSTOM_PERMISSIONS",
    "ADMIN_CUSTOM_POST_ONLY",
    "ALLAUTH_OUTCOMES",
    "ALLAUTH_URLS",
    "ALLOW",
    "ALLOW_OR_DENY",
    "BEARER_ARGUMENTS",
    "BEARER_TOKENS",
    "DENY",
    "ENTRIES",
    "Entry",
    "JOURNEY_VIEWS_MODULE",
    "LOGIN",
    "MODEL_ACTIONS",
    "NOBODYS",
    "Outcome",
    "Outcomes",
    "RULES",
    "SECOND_FACTOR",
    "SIGNS_IN_AT",
    "TEST_ONLY_ENTRIES",
    "admin_app_list_entries",
    "admin_custom_entry",
    "admin_entry",
    "admin_permissions",
    "admin_permissions_forget",
    "allauth_entry",
    "declared_bearer_tokens",
    "declared_entry",
    "declared_outcomes",
    "declared_owner_only",
    "declared_url_kwargs",
    "entries_for",
    "everyone",
    "journey_entry",
    "only",
    "permissions_held",
    "signed_in_only",
    "staff_admin_outcomes",
]
