"""Rows written out by URL name (with the objects a role owns), and the look-up of a pattern's rows."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

from ..patterns import UrlPattern
from ..world import (
    ADMIN,
    ANONYMOUS,
    CITIZEN_A,
    CITIZENS,
    PRISON_P,
    PRISON_Q,
    STAFF,
    World,
)
from .admin_rows import _role_may, admin_app_list_entries, admin_permissions, staff_admin_outcomes
from .outcomes import ALLOW, DENY, LOGIN, Entry, Outcome, everyone, only, signed_in_only
from .rules import RULES, declared_bearer_tokens

# Every other pattern, by URL name ---------------------------------------------------


def _payment_token(world: World) -> dict:
    return {"token": world.payment.return_token}


_PAYER_ONLY = {**everyone(DENY), ANONYMOUS: ALLOW, CITIZEN_A: ALLOW}


def _sandbox_payment_id(world: World) -> dict:
    return {"payment_id": world.payment.provider_payment_id}


ACT_ON_BEHALF = "assisted_digital.act_on_behalf"


def _with(permission: str) -> list[str]:
    """The roles that hold ``permission`` by accounts.constants (checked against the groups)."""
    from digital_services.accounts.constants import ROLE_PERMISSIONS

    from ..world import ROLE_GROUPS

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
    # The language switcher: sets the reader's own language cookie, then goes back.
    "core:language": Entry(
        get=everyone(), url=lambda world, pattern: reverse("core:language") + "?to=cy&next=/"
    ),
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
    "assisted_digital:session-language": Entry(get=only(*_with(ACT_ON_BEHALF))),
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
            PaidElsewhereHwfApplicationFactory,
            PaidFeeCaseFactory,
            PaymentUncertainFeeCaseFactory,
        )

        citizen = world.user(CITIZEN_A)
        cached = {
            "feecase": PaidFeeCaseFactory(user=citizen, reference="TF-MTX-PAD"),
            "uncertain": PaymentUncertainFeeCaseFactory(user=citizen, reference="TF-MTX-UNC"),
            "helpwithfeesapplication": HwfApplicationFactory(user=citizen, reference="HWF-MTX-HWF"),
            # On a fee paid to the tribunal outside this service: evidence of payment open.
            "paidelsewhere": PaidElsewhereHwfApplicationFactory(
                user=citizen, reference="HWF-MTX-PEL", fee_case__user=citizen
            ),
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
        # "Already received a decision?": the fee's owner types a Help with Fees reference
        # (a look-up by reference, rate limited).
        "tribunal_fees:fee-hwf-link": Entry(
            get=_TRIBUNAL_OWNER_ONLY,
            kwargs=_tribunal_fees_reference("feecase"),
            reference_lookup=True,
        ),
        # "Find your fee": a reference and the payer's email address (rate limited).
        "tribunal_fees:fee-find": Entry(get=everyone(), reference_lookup=True),
        "tribunal_fees:hwf-detail": Entry(
            get=_TRIBUNAL_OWNER_ONLY, kwargs=_tribunal_fees_reference("helpwithfeesapplication")
        ),
        # "Send evidence of payment" (a file upload), for a fee paid to the tribunal: its
        # owner only. The POST is the same page's form (sent empty: errors, nothing stored).
        "tribunal_fees:hwf-payment-evidence": Entry(
            get=_TRIBUNAL_OWNER_ONLY,
            post=_TRIBUNAL_OWNER_ONLY,
            kwargs=_tribunal_fees_reference("paidelsewhere"),
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
        "admin:tribunal_fees_feecase_fee_award": _tribunal_fees_admin_action(
            "feecase", "uncertain", "tribunal_fees.resolve_feecase"
        ),
        # A fee paid twice or in error: caseworkers who check refunds start its refund.
        "admin:tribunal_fees_feecase_refund": _tribunal_fees_admin_action(
            "feecase", "feecase", "tribunal_fees.check_refundapplication"
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
