from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .registry import services_list


def start(request):
    """The start page at /: the four services, each with a Start now button."""
    return render(request, "core/start.html", {"services": services_list(), "page_title": "Services"})


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
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", {"page_title": "Sorry, there is a problem"}, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", {"page_title": "Page not found"}, status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", {"page_title": "You do not have access to this page"}, status=403)


def server_error(request):
    # No context processors may have run safely: keep the 500 page self-contained.
    from django.template import loader

    template = loader.get_template("500.html")
    return HttpResponse(template.render({"service_name": "MoJ digital services"}), status=500)



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


def cookies(request):
    """The cookies page; its form (and the banner's) sets the analytics choice."""
    raise NotImplementedError


def signed_out(request):
    raise NotImplementedError


def session_extend(request):
    raise NotImplementedError
