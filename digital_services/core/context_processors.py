from functools import partial
from operator import getitem
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext

from .registry import service_for_namespace

#: What ``site`` gives every template.
SITE_KEYS = (
    "service_name",
    "service_url",
    "service_phase",
    "navigation_items",
    "feedback_url",
    "session_timeout",
    "analytics_consent",
    "cookie_preferences_set",
)


def site(request):
    """What every GOV.UK page's layout needs: service name, navigation, phase, timeout.

    Worked out when a template first uses one of them, once per render: Django's admin
    templates (every staff page) use none of it, and working it out (six ``reverse()`` calls,
    the user's permissions) was about 0.35 ms of each staff page."""
    facts = SimpleLazyObject(partial(site_facts, request))
    return {key: SimpleLazyObject(partial(getitem, facts, key)) for key in SITE_KEYS}


def site_facts(request) -> dict:
    """``site``'s values, worked out."""
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    items = [{"label": gettext("Services"), "url": reverse("core:start")}]
    if signed_in:
        from assisted_digital.templatetags.assisted_digital import whose_for

        items.append(
            {
                "label": gettext("%(owner)s applications") % {"owner": whose_for(request)},
                "url": reverse("accounts:your-applications"),
            }
        )
        if user.is_staff:
            items.append({"label": "Staff", "url": reverse("admin:index")})
        # Staff only (the dashboard is a staff page): a citizen's page asks no permission
        # queries of the database.
        if user.is_staff and user.has_perm("accounts.view_kpis"):
            items.append(
                {"label": "Service performance", "url": reverse("performance_staff:dashboard")}
            )
        items.append({"label": gettext("Sign out"), "url": reverse("account_logout"), "post": True})
    else:
        items.append({"label": gettext("Sign in"), "url": reverse("account_login")})
    path = request.path
    for item in items:
        item["active"] = not item.get("post") and (
            path == item["url"] if item["url"] == "/" else path.startswith(item["url"])
        )
    session_timeout = None
    if signed_in:
        seconds_left = getattr(request.session, "inactivity_seconds_left", None)
        session_timeout = {
            # The session's own end when this page saves it less than a minute on
            # (accounts/sessions.py), so the warning never comes after the end.
            "seconds": seconds_left() if seconds_left else settings.SESSION_COOKIE_AGE,
            "warning": settings.SESSION_TIMEOUT_WARNING_SECONDS,
        }
    match = getattr(request, "resolver_match", None)
    service = service_for_namespace(match.namespaces[0]) if match and match.namespaces else None
    return {
        "service_name": gettext(service.name) if service else "MoJ digital services",
        "service_url": service.start_url if service else reverse("core:start"),
        "service_phase": settings.SERVICE_PHASE,
        "navigation_items": items,
        "feedback_url": reverse("performance:feedback") + "?" + urlencode({"from": path}),
        "session_timeout": session_timeout,
        "analytics_consent": request.COOKIES.get("cookies_policy_analytics") == "yes",
        "cookie_preferences_set": "cookies_policy_analytics" in request.COOKIES,
    }
