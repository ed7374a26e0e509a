"""Registers this service with the platform: its start page, URLs, "Your applications",
the caseworker role (OPG: receiving, checking and registering LPAs, objections), demo
staff, the fee's payment purpose and outcome, retention rules and who may open each page."""

from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from digital_services.core.queries import CompiledQuery, ids_of_any
from digital_services.core.registry import (
    OWNER,
    PUBLIC,
    SIGNED_IN,
    AccessRule,
    CaseSummary,
    DemoUser,
    Role,
    Service,
    service_register,
)

from .constants import PAYMENT_PURPOSE
from .retention import RETENTION

CASEWORKER_ROLE = "lasting_power caseworker"
#: This service's models only (no payments permissions: those would show every service's).
CASEWORKER_PERMISSIONS = (
    "lasting_power.view_lpa",
    "lasting_power.receive_lpa",
    "lasting_power.register_lpa",
    "lasting_power.objections_lpa",
    "lasting_power.fees_lpa",
)

START_PAGE = {
    "intro": _(
        "Use this service to make a lasting power of attorney (LPA) for property and financial affairs, or for health and welfare."
    ),
    "you_need": [
        _("the names, addresses and dates of birth of the donor and the attorneys"),
        _("the name and address of the certificate provider"),
        _("details of any benefits the donor gets if they want to apply for a fee reduction"),
    ],
    "what_happens_next": _(
        "You can save your LPA and come back to it. When it is finished, you print it, everyone signs it, and you send it to the Office of the Public Guardian to register."
    ),
}


def payment_outcome(*, payment):
    """The fee's card payment finished: a successful one completes the LPA."""
    from .services import lpa_payment_outcome

    return lpa_payment_outcome(payment=payment)


def _lpas_of(*, user_id: int):
    """The account's LPAs and the ones it linked as an attorney, newest first."""
    from .models import AttorneyAccess, Lpa

    linked = AttorneyAccess.objects.filter(
        user=user_id, used_at__isnull=False, revoked_at__isnull=True
    ).values("lpa_id")
    return Lpa.objects.filter(
        pk__in=ids_of_any(Lpa.objects.filter(user=user_id).values("pk"), linked)
    ).order_by("-updated_at")[:100]


#: Built and compiled once per process (``CompiledQuery``).
_LPAS = CompiledQuery(_lpas_of)


def list_cases(user):
    """The account's LPAs for "Your applications": reference, type, donor and status; and the
    registered LPAs it linked as an attorney (lasting_power.attorneys). One query for both."""
    from django.urls import reverse

    from .constants import PROGRESS_LABELS
    from .selectors import lpa_progress

    if user is None or not user.is_authenticated:
        return
    for lpa in _LPAS.rows(user_id=user.pk):
        if lpa.user_id != user.pk:
            yield CaseSummary(
                reference=lpa.reference_display,
                title=gettext("Lasting power of attorney for %(donor)s: you are an attorney")
                % {"donor": lpa.donor_name},
                status=lpa.get_status_display(),
                url=reverse("lasting_power:attorney-lpa", args=[lpa.pk]),
                updated_at=lpa.updated_at,
                is_draft=False,
                action_label=gettext("View"),
            )
            continue
        lpa_type = str(lpa.get_lpa_type_display()).lower()
        progress = lpa_progress(lpa)  # may work out the whole LPA's answers: once
        yield CaseSummary(
            reference=lpa.reference_display,
            title=gettext("Lasting power of attorney, %(type)s for %(donor)s")
            % {"type": lpa_type, "donor": lpa.donor_name}
            if lpa.donor_name
            else gettext("Lasting power of attorney, %(type)s") % {"type": lpa_type},
            status=str(PROGRESS_LABELS.get(progress, progress)),
            url=reverse(
                "lasting_power:lpa-view" if lpa.is_locked else "lasting_power:lpa-continue",
                args=[lpa.pk],
            ),
            updated_at=lpa.updated_at,
            is_draft=not lpa.is_locked,
            action_label=gettext("View") if lpa.is_locked else gettext("Continue"),
        )


def letter_enclosures(message) -> list[tuple[str, bytes]]:
    """The posted pack: the completed LPA's PDFs printed behind its covering letter."""
    from .delivery import lpa_pack_enclosures

    return lpa_pack_enclosures(message=message)


def _export(user) -> dict:
    from .attorneys import attorney_links_for_user
    from .selectors import lpas_for_user

    return {
        "lasting_powers_of_attorney": [
            {
                "reference": lpa.reference_display,
                "type": lpa.lpa_type,
                "status": lpa.status,
                "answers": lpa.answers,
                "fee_pence": lpa.fee_pence,
                "fee_reduction": lpa.fee_reduction,
                "payment_method": lpa.payment_method,
                "created_at": lpa.created_at,
                "completed_at": lpa.completed_at,
            }
            for lpa in lpas_for_user(user=user)
        ],
        "lasting_powers_of_attorney_as_attorney": [
            {"reference": link.lpa.reference_display, "linked_at": link.used_at}
            for link in attorney_links_for_user(user)
        ],
    }


def _detach(user) -> int:
    """Closing an account removes the LPAs it still holds (in progress, or completed and not
    yet received) [A Applications/Service.php::deleteAll]. An LPA the Office of the Public
    Guardian has received is OPG's record (registered, or refused, withdrawn...): it is
    kept, unlinked from the account like the money claims' ``detach_user``, with its
    documents; the account's links as an attorney go too (``retention``)."""
    from digital_services.documents.models import Document

    from .constants import LpaStatus
    from .models import AttorneyAccess, Lpa
    from .selectors import lpas_for_user
    from .services import lpa_delete

    count = 0
    for lpa in lpas_for_user(user=user).filter(
        status__in=(LpaStatus.IN_PROGRESS, LpaStatus.COMPLETED)
    ):
        lpa_delete(lpa=lpa, actor=None)
        count += 1
    kept = list(Lpa.objects.filter(user=user).values_list("pk", flat=True))
    Document.objects.filter(
        owner=user, content_type__app_label="lasting_power", object_id__in=[str(pk) for pk in kept]
    ).update(owner=None)
    count += Lpa.objects.filter(pk__in=kept).update(user=None)
    return count + AttorneyAccess.objects.filter(user=user).update(user=None)


SERVICE = service_register(
    Service(
        slug="lasting-power",
        name=gettext_noop("Make a lasting power of attorney"),
        description=gettext_noop(
            "Choose people you trust to make decisions for you if you cannot make them yourself. Make the forms online, then print, sign and send them."
        ),
        start_url_name="lasting_power:start",
        list_cases=lambda user: list(list_cases(user)),
        order=40,
        retention=RETENTION,
        export_user_data=_export,
        detach_user=_detach,
        app_label="lasting_power",
        staff_case_permission="lasting_power.view_lpa",
        bench="lasting_power.bench",
        url_prefix="lasting-power-of-attorney/",
        roles=(
            Role(
                CASEWORKER_ROLE,
                permissions=CASEWORKER_PERMISSIONS,
                staff_landing_url_name="admin:lasting_power_lpa_changelist",
            ),
        ),
        demo_users=(DemoUser("demo.lasting-power@example.com", "Lee Attorney", CASEWORKER_ROLE),),
        payment_purposes=(PAYMENT_PURPOSE,),
        payment_outcome=payment_outcome,
        letter_enclosures=letter_enclosures,
        access={
            "start": AccessRule(PUBLIC),
            "dashboard": AccessRule(SIGNED_IN),
            "lpa-new": AccessRule(SIGNED_IN),
            "lpa-tasks": AccessRule(OWNER),
            "lpa-continue": AccessRule(OWNER),
            "lpa-check": AccessRule(OWNER),
            "lpa-fee": AccessRule(OWNER),
            "lpa-pay": AccessRule(OWNER),
            "lpa-done": AccessRule(OWNER),
            "lpa-view": AccessRule(OWNER),
            "lpa-reuse": AccessRule(OWNER),
            "lpa-delete": AccessRule(OWNER),
            "lpa-step": AccessRule(OWNER),
            "lpa-item-add": AccessRule(OWNER),
            "lpa-item-change": AccessRule(OWNER),
            "lpa-item-remove": AccessRule(OWNER),
            "lpa-warning": AccessRule(OWNER),
            "lpa-documents": AccessRule(OWNER),
            "lpa-documents-make": AccessRule(OWNER, post_only=True),
            "lpa-document-download": AccessRule(OWNER),
            "lpa-signing-dates": AccessRule(OWNER),
            # An attorney named on a registered LPA links it with the LPA reference and
            # the access code from their letter (rate limited per address and per LPA),
            # then sees only the LPAs they linked (lasting_power.attorneys).
            "attorney-link": AccessRule(SIGNED_IN, reference_lookup=True),
            "attorney-lpa": AccessRule(OWNER),
            "attorney-lpa-download": AccessRule(OWNER),
        },
    )
)
