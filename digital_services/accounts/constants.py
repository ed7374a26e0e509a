"""Role names and what each role may do.

A role is a Django ``Group``. The groups are created by the data migration
``0003_roles`` (which keeps its own frozen copy of this table, as migrations
must); ``tests/accounts/test_roles.py`` checks that the two agree, so change
both together, in a new migration.

Service apps add their own permissions to their caseworker group in their own
migrations (look the group up by ``CASEWORKER_ROLES[<service>]``).
"""

CITIZEN = "citizen"
ASSISTED_DIGITAL_AGENT = "assisted-digital agent"
SERVICE_OWNER = "service owner"
ADMINISTRATOR = "administrator"

#: One caseworker role per service, keyed by the service's app label.
CASEWORKER_ROLES = {
    "prison_visits": "prison_visits caseworker",
    "civil_claims": "civil_claims caseworker",
    "tribunal_fees": "tribunal_fees caseworker",
    "lasting_power": "lasting_power caseworker",
}

ALL_ROLES = (
    CITIZEN,
    *CASEWORKER_ROLES.values(),
    ASSISTED_DIGITAL_AGENT,
    SERVICE_OWNER,
    ADMINISTRATOR,
)

#: Roles held by staff. Staff must pass a second factor (TOTP) before any staff page opens.
STAFF_ROLES = (*CASEWORKER_ROLES.values(), ASSISTED_DIGITAL_AGENT, SERVICE_OWNER, ADMINISTRATOR)

#: Permissions of each role, as "app_label.codename". Caseworker roles start
#: empty: each service's migrations add the permissions of its own models.
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    CITIZEN: frozenset(),
    **{role: frozenset() for role in CASEWORKER_ROLES.values()},
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
