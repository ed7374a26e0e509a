"""The page every claim page that takes a fee shows when the payment provider does not answer."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.translation import gettext


def payment_unavailable(request, *, back_url: str, back_text: str):
    """Nothing was charged; a way back to where the citizen was (503)."""
    return render(
        request,
        "civil_claims/payment_unavailable.html",
        {
            "page_title": gettext("Sorry, the payment service is not working"),
            "back_url": back_url,
            "back_text": back_text,
        },
        status=503,
    )
