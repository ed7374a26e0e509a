"""One page, for every service, for an amount no card payment can be."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext

from .services import PaymentAmountNotAccepted


class PaymentAmountMiddleware:
    """Turns ``PaymentAmountNotAccepted`` from any view into a clear page (422).

    ``payment_start`` refuses amounts below 30p or above the provider's limit before
    calling Pay; without this each service would need its own page for it. The page
    says why and how else to pay, and links back to where the user came from.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PaymentAmountNotAccepted):
            return None
        back = exception.return_to
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = ""
        return render(
            request,
            "payments/amount_not_accepted.html",
            {
                "page_title": gettext("You cannot pay this amount by card"),
                "problem": str(exception),
                "amount_pence": exception.amount_pence,
                "back_url": back,
                "contact_phone": settings.CONTACT_PHONE,
            },
            status=422,
        )
