"""Pages for the paying user: back from the provider, try again, the sandbox's hosted
card pages; and the GOV.UK Pay webhook endpoint."""

from __future__ import annotations

import json
import logging

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from digital_services.accounts.citizens import case_owner_for_request
from digital_services.core.registry import service_for_namespace

from . import selectors, services
from .constants import PROVIDER_SANDBOX, FailureCode, PaymentStatus
from .forms import SandboxCardForm
from .providers import ProviderError, provider_name_configured
from .sandbox import (
    sandbox_card_submit,
    sandbox_payment_confirm,
    sandbox_payment_for_page,
    sandbox_payment_open,
    sandbox_payment_user_cancel,
)

logger = logging.getLogger(__name__)


def _payment_or_404(request, token: str):
    """The payment behind a return token, for the person who started it.

    The token is a per-payment secret, so someone coming back signed out (their
    session may have ended while they were on the payment pages) still gets their
    page; but a signed-in user who did not start the payment gets a 404, as for a
    token that does not exist. In an assisted-digital session the citizen being helped
    counts as that person, and so does the member of staff who typed the card details.
    """
    try:
        payment = selectors.payment_get_by_token(token=token)
    except selectors.Payment.DoesNotExist:
        raise Http404("No such payment") from None
    user = request.user
    if payment.started_by_id and user.is_authenticated:
        owner = case_owner_for_request(request)
        allowed = {user.pk, getattr(owner, "pk", None)}
        if payment.started_by_id not in allowed and payment.entered_by_id != user.pk:
            raise Http404("No such payment")
    return payment


def _payer(request) -> dict:
    """Who pays: the citizen, and in an assisted-digital session the member of staff who
    types their card details (a telephone payment)."""
    if getattr(request, "assisted_session", None) is not None:
        return {"started_by": case_owner_for_request(request), "entered_by": request.user}
    return {"started_by": request.user}


def _service_context(payment) -> dict:
    """The header names the service the payment is for (``payment.service`` is its app label)."""
    service = service_for_namespace(payment.service)
    if service is None:
        return {}
    return {"service_name": service.name, "service_url": service.start_url}


FAILURE_TITLES = {
    FailureCode.REJECTED: _("Your payment was declined"),
    FailureCode.EXPIRED: _("Your payment session has expired"),
    FailureCode.USER_CANCELLED: _("Your payment has been cancelled"),
    FailureCode.SERVICE_CANCELLED: _("Your payment has been cancelled"),
}
PROBLEM_TITLE = _("Sorry, there is a problem with the payment service")


@never_cache
@require_GET
def payment_return(request, token: str):
    """Where the provider sends the user back. Asks the provider, never the browser."""
    payment = _payment_or_404(request, token)
    unavailable = False
    try:
        payment = services.payment_refresh(payment=payment)
    except services.PaymentProviderUnavailable:
        unavailable = True
    context = {"payment": payment, **_service_context(payment)}
    if payment.status == PaymentStatus.SUCCESS:
        context["page_title"] = gettext("Payment received")
        return render(request, "payments/confirmation.html", context)
    if payment.is_finished:
        context["page_title"] = FAILURE_TITLES.get(payment.failure_code, PROBLEM_TITLE)
        return render(request, "payments/failure.html", context)
    if unavailable:
        context["page_title"] = gettext("We cannot confirm your payment yet")
        return render(request, "payments/checking.html", context)
    context["page_title"] = gettext("Your payment is not finished")
    return render(request, "payments/in_progress.html", context)


@require_POST
def payment_retry(request, token: str):
    """ "Try again" after a failure, or "Continue" a payment in progress.

    Starts a new payment only if every earlier one has finished without success;
    otherwise resumes the live one or shows the confirmation.
    """
    payment = _payment_or_404(request, token)
    try:
        url = services.payment_retry(payment=payment, **_payer(request))
    except services.PaymentProviderUnavailable:
        context = {"payment": payment, "page_title": PROBLEM_TITLE, **_service_context(payment)}
        return render(request, "payments/unavailable.html", context, status=503)
    return HttpResponseRedirect(url)


@csrf_exempt
@require_POST
def webhook(request):
    """GOV.UK Pay webhooks: verify the signature on the raw body, record the message once,
    answer 200 straight away and refresh the payment in the background."""
    body = request.body
    if not services.webhook_signature_valid(
        body=body, signature=request.headers.get("Pay-Signature", "")
    ):
        logger.warning("Payment webhook with a bad or missing signature refused")
        return HttpResponse("Bad signature", status=401, content_type="text/plain")
    try:
        message = json.loads(body)
        message_id = str(message["webhook_message_id"])
        event_type = str(message.get("event_type", ""))[:60]
        resource_id = str(message.get("resource_id") or "")[:64]
    except (ValueError, KeyError, TypeError):
        return HttpResponse("Not a webhook message", status=400, content_type="text/plain")
    if not message_id or len(message_id) > 100:
        return HttpResponse("Not a webhook message", status=400, content_type="text/plain")
    services.webhook_message_receive(
        message_id=message_id, event_type=event_type, resource_id=resource_id
    )
    return HttpResponse("OK", status=200, content_type="text/plain")


# The sandbox's hosted pages (they stand in for GOV.UK Pay's own pages).


def _sandbox_or_404(payment_id: str):
    if provider_name_configured() != PROVIDER_SANDBOX:
        raise Http404("The sandbox is switched off")
    try:
        return sandbox_payment_for_page(payment_id=payment_id)
    except ProviderError:
        raise Http404("No such sandbox payment") from None


@sensitive_post_parameters("card_no", "cvc")
@never_cache
@require_http_methods(["GET", "POST"])
def sandbox_card(request, payment_id: str):
    sandbox_payment = _sandbox_or_404(payment_id)
    if sandbox_payment.status not in (PaymentStatus.CREATED, PaymentStatus.STARTED):
        if sandbox_payment.status == PaymentStatus.SUBMITTED:
            return redirect("payments:sandbox-confirm", payment_id=payment_id)
        return HttpResponseRedirect(sandbox_payment.return_url)
    if request.method == "POST":
        form = SandboxCardForm(request.POST)
        if form.is_valid():
            try:
                sandbox_payment = sandbox_card_submit(
                    payment_id=payment_id, card_number=form.cleaned_data["card_no"]
                )
            except ProviderError:
                return HttpResponseRedirect(sandbox_payment.return_url)
            if sandbox_payment.status == PaymentStatus.SUBMITTED:
                return redirect("payments:sandbox-confirm", payment_id=payment_id)
            return HttpResponseRedirect(sandbox_payment.return_url)
    else:
        sandbox_payment = sandbox_payment_open(payment_id=payment_id)
        form = SandboxCardForm()
    return render(
        request,
        "payments/sandbox_card.html",
        {
            "sandbox_payment": sandbox_payment,
            "form": form,
            "page_title": gettext("Enter card details"),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def sandbox_confirm(request, payment_id: str):
    sandbox_payment = _sandbox_or_404(payment_id)
    if sandbox_payment.status in (PaymentStatus.CREATED, PaymentStatus.STARTED):
        return redirect("payments:sandbox-card", payment_id=payment_id)
    if sandbox_payment.status != PaymentStatus.SUBMITTED:
        return HttpResponseRedirect(sandbox_payment.return_url)
    if request.method == "POST":
        try:
            sandbox_payment_confirm(payment_id=payment_id)
        except ProviderError:
            pass
        return HttpResponseRedirect(sandbox_payment.return_url)
    return render(
        request,
        "payments/sandbox_confirm.html",
        {"sandbox_payment": sandbox_payment, "page_title": gettext("Confirm your payment")},
    )


@require_POST
def sandbox_cancel(request, payment_id: str):
    sandbox_payment = _sandbox_or_404(payment_id)
    sandbox_payment_user_cancel(payment_id=payment_id)
    return HttpResponseRedirect(sandbox_payment.return_url)
