from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from digital_services.accounts.constants import (
    SIGNED_IN_COOKIE_MAX_AGE_SECONDS,
    SIGNED_IN_COOKIE_NAME,
)

from .forms import (
    ANALYTICS_COOKIE_NAME,
    ANALYTICS_YES,
    CookieBannerForm,
    CookiePreferencesForm,
)
from .redirects import next_url_safe
from .registry import services_list


def start(request):
    """The start page at /: the four services, each with a Start now button."""
    return render(
        request, "core/start.html", {"services": services_list(), "page_title": "Services"}
    )


#: How long the language chosen with the switcher is remembered (a year, as GOV.UK does).
LANGUAGE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60


@never_cache
@require_GET
def language_choose(request):
    """The header's "English | Cymraeg" links (``?to=cy&next=<page>``): remember the language in Django's language
    cookie (read by ``LocaleMiddleware`` on every later page) and go back to the page.

    A link, not a form, so it works without JavaScript and from any page; it changes only
    the reader's own language, so a GET is safe. ``next`` is checked to stay on this site.
    """
    from django.http import Http404

    code = request.GET.get("to", "")
    if code not in dict(settings.LANGUAGES):
        raise Http404("No such language")
    target = _safe_next_url(request, request.GET.get("next")) or reverse("core:start")
    response = redirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=LANGUAGE_COOKIE_MAX_AGE,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
    return response


@never_cache
@require_GET
def healthz_live(request):
    """Liveness for Kubernetes and the baseline ``make bench`` compares pages with: the process
    answers. It touches neither the database nor the cache, so a database outage does not make
    the orchestrator restart every web pod (readiness is ``healthz``)."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
@require_GET
def healthz(request):
    """For load balancers: 200 when the database and the cache answer, 503 otherwise."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception as exc:  # noqa: BLE001 - any failure means unhealthy
        checks["database"] = f"error: {exc.__class__.__name__}"
    try:
        cache.set("healthz", "1", 5)
        checks["cache"] = "ok" if cache.get("healthz") == "1" else "error: no value"
    except Exception as exc:  # noqa: BLE001
        checks["cache"] = f"error: {exc.__class__.__name__}"
    healthy = all(v == "ok" for v in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503
    )


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", {"page_title": "Sorry, there is a problem"}, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", {"page_title": "Page not found"}, status=404)


def permission_denied(request, exception=None):
    return render(
        request, "403.html", {"page_title": "You do not have access to this page"}, status=403
    )


def server_error(request):
    # No context processors may have run safely: keep the 500 page self-contained.
    from django.template import loader

    template = loader.get_template("500.html")
    context = {"service_name": "MoJ digital services", "service_phase": settings.SERVICE_PHASE}
    return HttpResponse(template.render(context), status=500)


def service_start_page(request, service, content, *, start_now_url=None):
    """A GOV.UK start page for one service: what it does, what you need, other ways to apply.

    ``start_now_url`` is the first step of the service's journey; until a
    service has one, the page offers the phone and face-to-face routes only.
    """
    return render(
        request,
        "core/service_start.html",
        {
            "service": service,
            "content": content,
            "start_now_url": start_now_url,
            "page_title": service.name,
        },
    )


# The consent cookie lasts a year, as the GOV.UK cookie banner guidance suggests.
ANALYTICS_COOKIE_MAX_AGE = timedelta(days=365)
# Tags that route a message to the cookie banner or the cookies page, not the
# generic notification banner in includes/messages.html.
COOKIE_BANNER_MESSAGE_TAG = "cookie-banner"
COOKIES_PAGE_MESSAGE_TAG = "cookies-page"


def _safe_next_url(request, url: str | None) -> str | None:
    """``url`` if it points back into this site, otherwise None (never an open redirect)."""
    return next_url_safe(request, url)


def _analytics_cookie_set(response: HttpResponse, *, request, choice: str) -> None:
    response.set_cookie(
        ANALYTICS_COOKIE_NAME,
        choice,
        max_age=ANALYTICS_COOKIE_MAX_AGE,
        secure=request.is_secure(),
        httponly=False,  # a future analytics loader in the browser must be able to read it
        samesite="Lax",
    )


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _cookies_in_use() -> list[dict[str, str]]:
    """Every cookie this site can set, with its purpose and expiry, for the cookies page."""
    minutes = settings.SESSION_COOKIE_AGE // 60
    rows = [
        {
            "name": settings.SESSION_COOKIE_NAME,
            "purpose": gettext(
                "Keeps you signed in and remembers your answers as you move through a service"
            ),
            "expires": gettext("After %(minutes)s minutes without activity") % {"minutes": minutes},
        },
        {
            "name": settings.CSRF_COOKIE_NAME,
            "purpose": gettext("Protects the forms you fill in from being sent by another website"),
            "expires": gettext("%(days)s days")
            % {"days": settings.CSRF_COOKIE_AGE // (24 * 60 * 60)}
            if settings.CSRF_COOKIE_AGE
            else gettext("When you close your browser"),
        },
        {
            "name": ANALYTICS_COOKIE_NAME,
            "purpose": gettext("Saves your cookie consent settings"),
            "expires": gettext("%(days)s days") % {"days": ANALYTICS_COOKIE_MAX_AGE.days},
        },
        {
            "name": SIGNED_IN_COOKIE_NAME,
            "purpose": gettext(
                "Remembers that you signed in, so we can tell you if you were signed out "
                "because you did not do anything for a while"
            ),
            "expires": gettext("%(hours)s hours, or when you sign out")
            % {"hours": SIGNED_IN_COOKIE_MAX_AGE_SECONDS // 3600},
        },
        {
            "name": "messages",
            "purpose": gettext(
                "Shows you a message on the next page, for example to confirm a change was saved"
            ),
            "expires": gettext("When the message has been shown, or when you close your browser"),
        },
    ]
    try:
        reverse("set_language")
    except NoReverseMatch:
        pass
    else:
        rows.append(
            {
                "name": settings.LANGUAGE_COOKIE_NAME,
                "purpose": gettext(
                    "Remembers whether you chose to use the service in English or Welsh"
                ),
                "expires": gettext("1 year")
                if settings.LANGUAGE_COOKIE_AGE
                else gettext("When you close your browser"),
            }
        )
    for row in rows:
        # The page may break a long name at its underscores, so it fits 320 px (WCAG 1.4.10).
        row["name_parts"] = row["name"].split("_")
    return rows


@require_http_methods(["GET", "HEAD", "POST"])
def cookies(request):
    """The cookies page; its form (and the cookie banner's) sets the analytics choice.

    The banner posts ``cookies=accept|reject`` with ``next`` (the page it was on):
    without JavaScript we set the cookie and redirect back to ``next`` (same site
    only), where the banner shows its confirmation; the banner's JavaScript asks
    for JSON and gets 204, so the page does not reload. The page's own form posts
    ``analytics=yes|no`` and comes back here with a success banner.
    """
    if request.method == "POST" and "cookies" in request.POST:
        banner = CookieBannerForm(request.POST)
        if banner.is_valid():
            choice = banner.analytics_choice()
            if _wants_json(request):
                response = HttpResponse(status=204)
            else:
                messages.info(
                    request,
                    "accepted" if choice == ANALYTICS_YES else "rejected",
                    extra_tags=COOKIE_BANNER_MESSAGE_TAG,
                )
                target = _safe_next_url(request, banner.cleaned_data["next"])
                response = redirect(target or reverse("core:start"))
            _analytics_cookie_set(response, request=request, choice=choice)
            return response
        if _wants_json(request):
            return JsonResponse(
                {"error": "Choose to accept or reject analytics cookies"}, status=400
            )
        # A banner post we cannot read: ask the question on this page instead.
        form = CookiePreferencesForm(data={"next": request.POST.get("next", "")})
        status = 400
    elif request.method == "POST":
        form = CookiePreferencesForm(request.POST)
        if form.is_valid():
            messages.success(
                request,
                gettext("You’ve set your cookie preferences."),
                extra_tags=COOKIES_PAGE_MESSAGE_TAG,
            )
            target = reverse("core:cookies")
            next_url = _safe_next_url(request, form.cleaned_data["next"])
            if next_url:
                target += "?" + urlencode({"next": next_url})
            response = redirect(target)
            _analytics_cookie_set(response, request=request, choice=form.analytics_choice())
            return response
        status = 400
    else:
        next_url = _safe_next_url(request, request.GET.get("next")) or _safe_next_url(
            request, request.headers.get("Referer")
        )
        if next_url and next_url.split("?")[0] == reverse("core:cookies"):
            next_url = None
        current = request.COOKIES.get(ANALYTICS_COOKIE_NAME)
        form = CookiePreferencesForm(
            initial={
                "analytics": current if current in ("yes", "no") else None,
                "next": next_url or "",
            }
        )
        status = 200
    return render(
        request,
        "core/cookies.html",
        {
            "form": form,
            "cookies_in_use": _cookies_in_use(),
            "return_url": _safe_next_url(request, request.GET.get("next")),
            "page_title": "Cookies",
        },
        status=status,
    )


@never_cache
@require_GET
def signed_out(request):
    """ "You have been signed out": the page the session timeout warning sends people to.

    Visiting it ends the session (that is all it does, so a GET is safe enough:
    the worst a forged link can do is sign someone out).
    """
    was_signed_in = request.user.is_authenticated
    if was_signed_in:
        logout(request)
    return render(
        request,
        "core/signed_out.html",
        {
            "page_title": "You have been signed out",
            "timeout_minutes": settings.SESSION_COOKIE_AGE // 60,
        },
    )


@never_cache
@require_POST
@login_required
def session_extend(request):
    """ "Stay signed in": saving the session restarts its inactivity clock. 204, no body."""
    request.session.modified = True
    return HttpResponse(status=204)
