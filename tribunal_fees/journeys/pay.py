"""The pay a fee journey."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digital_services.journeys.contact import (
    contact_route,
    contact_step,
)
from digital_services.journeys.definitions import (
    Answers,
    Journey,
    Step,
    journey_register,
)
from digital_services.journeys.exceptions import JourneySubmitError
from digital_services.payments.services import PaymentProviderUnavailable

from .. import services
from ..constants import (
    GRANT_SCOPE_FEE,
    FeeCaseStatus,
    PayerRole,
)
from ..fees import (
    FeeNotFound,
)
from ..forms import (
    APPLY_HWF,
    EmailForm,
    FeeChoiceForm,
    GroupHwfForm,
    jurisdiction_for,
)
from .common import (
    SERVICE,
    _choice_summary,
    _citizen_name,
    _fee_step_kwargs,
    _fee_steps,
    answered_claimants,
    answered_kind,
    claim_type_needed,
    current_route,
)

# Pay a fee -----------------------------------------------------------------------------


def _on_site(url: str) -> str:
    """Our own pages (the payments sandbox) as a path, so the redirect works on any host
    name the site is reached by; GOV.UK Pay's pages stay absolute."""
    if url.startswith(settings.SITE_URL + "/"):
        return url.removeprefix(settings.SITE_URL)
    return url


def _pay_submit_error(exc: services.InvalidRequest, answers: Answers) -> JourneySubmitError:
    steps = {
        "kind": "fee-kind",
        "case_number": "case-number",
        "claimants": "claimants",
        "claim_elements": "claim-about",
        "payer_role": "payer",
        "remitted_claimants": "group-hwf",
    }
    first = next(iter(exc.errors))
    step = steps.get(first)
    if step == "fee-kind" and current_route(answers):
        step = "current-fee"
    return JourneySubmitError(list(exc.errors.values()), step=step)


def pay_submit(*, answers: Answers, user, channel, assisted_session, language) -> str:
    """Record the fee, then send the citizen to pay it, or on to Help with Fees."""
    from ..views import access_url

    kind = answered_kind(answers)
    claimants = answered_claimants(answers)
    try:
        fee_case = services.fee_case_create(
            user=user,
            kind=kind,
            fee_date=answers.value("date", "fee_date"),
            jurisdiction=jurisdiction_for(kind),
            claimants=claimants,
            claim_elements=(
                answers.value("claim-about", "claim_elements")
                if claim_type_needed(answers)
                else None
            ),
            case_number=answers.value("case-number", "case_number", ""),
            payer_role=answers.value("payer", "payer_role", PayerRole.CLAIMANT),
            contact=contact_route(answers.value("email"), name=_citizen_name(user)),
            language=language,
        )
        if answers.value("fee", "next_step") == APPLY_HWF:
            if claimants == 1:
                return access_url(
                    user=user,
                    scope=GRANT_SCOPE_FEE,
                    reference=fee_case.reference,
                    target=reverse("tribunal_fees:fee-hwf", args=[fee_case.reference]),
                )
            fee_case = services.fee_case_group_remission_record(
                fee_case=fee_case,
                remitted_claimants=answers.value("group-hwf", "remitted_claimants", 0),
                actor=user,
            )
        fee_url = access_url(
            user=user,
            scope=GRANT_SCOPE_FEE,
            reference=fee_case.reference,
            target=reverse("tribunal_fees:fee-detail", args=[fee_case.reference]),
        )
        if fee_case.status == FeeCaseStatus.REMITTED:
            return fee_url
        return _on_site(
            services.fee_case_payment_start(
                fee_case=fee_case,
                started_by=user,
                entered_by=getattr(assisted_session, "agent", None),
                return_to=fee_url,
            )
        )
    except services.InvalidRequest as exc:
        raise _pay_submit_error(exc, answers) from exc
    except FeeNotFound as exc:
        raise JourneySubmitError(
            gettext("There is no fee to pay for this on the date you gave"), step="date"
        ) from exc
    except PaymentProviderUnavailable as exc:
        raise JourneySubmitError(
            gettext(
                "Sorry, the payment service is not working at the moment. You have not been "
                "charged. Try again later."
            )
        ) from exc


PAY = journey_register(
    Journey(
        service=SERVICE,
        slug="pay",
        title=_("Pay a tribunal fee"),
        submit=pay_submit,
        check_title=_("Check your answers before you continue"),
        submit_label=_("Continue"),
        steps=[
            *_fee_steps(),
            Step(
                slug="fee",
                title=_("Your fee"),
                form_class=FeeChoiceForm,
                template_name="tribunal_fees/journey_fee.html",
                form_kwargs=_fee_step_kwargs,
                summary=_choice_summary,
            ),
            Step(
                slug="group-hwf",
                title=_("Claimants getting Help with Fees"),
                form_class=GroupHwfForm,
                condition=lambda a: (
                    a.value("fee", "next_step") == APPLY_HWF and answered_claimants(a) > 1
                ),
                form_kwargs=lambda a: {"claimants": answered_claimants(a)},
            ),
            contact_step(
                slug="email",
                title=_("How we contact you"),
                form_class=EmailForm,
                help_text=_("We’ll send your receipt and any updates about this fee this way."),
            ),
        ],
    )
)
