"""System checks for payments: a live GOV.UK Pay key needs an https site.

GOV.UK Pay refuses a live payment whose ``return_url`` is not https (its firewall
answers P0920), and every return URL is built from SITE_URL. ``manage.py check``
(and ``check --deploy``, scripts/check_deploy.sh) fails on it, and
``provider_get`` refuses to start a payment on it, with the same words.
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, register

LIVE_KEY_PREFIX = "api_live_"


def live_key_without_https() -> str:
    """The problem, in words, when a live Pay key is set and SITE_URL is not https; else ''."""
    key = getattr(settings, "GOVUK_PAY_API_KEY", "") or ""
    site_url = getattr(settings, "SITE_URL", "") or ""
    if key.startswith(LIVE_KEY_PREFIX) and not site_url.lower().startswith("https://"):
        return (
            f"GOVUK_PAY_API_KEY is a live key but SITE_URL ({site_url or 'not set'}) is not "
            "https: GOV.UK Pay refuses live payments whose return_url is not https. "
            "Set SITE_URL to the service's https address."
        )
    return ""


@register()
def payments_live_key_check(app_configs, **kwargs):
    problem = live_key_without_https()
    return [Error(problem, id="payments.E001")] if problem else []
